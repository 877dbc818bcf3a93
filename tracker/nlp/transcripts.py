"""Transcripts printed in articles: each labelled turn is a claim by the speaker its label names.

Intent: articles print exchanges as transcripts ("HOST: ...", "SEN. JANE DOE: ...", "Doe: ...", "Q: ...
/ A: ...", a court's "Q. ... / A. ...": exchange_labels.paired_letters), with no reporting verb for the
rules of claims.py to find. Each turn becomes a `Claim` (attribution "direct", verb "say") whose content
is the turn's words after the label, and whose speaker is the label as printed; a surname label ("DOE:")
takes the full name given earlier in the article (an earlier label, else a PERSON mention) as
`speaker_name`, and the curated entity when a curated person's name or alias matches, whatever the case.
A turn by a question label ("Q", "Interviewer"), or one that ends with a question mark, has kind
"question".

What counts as a transcript (so that a headline "Watch: ..." or a list of "Name: goal" headings is
not one): a label at the start of a line, one to six capitalised words (name particles and "&"
allowed: "Law & Order"; a short parenthetical such as "(R-Ohio)" after them; a clock stamp may open the
line, as podcast and video transcripts print one before each label: "[00:14:32] ROE: ..."), a colon and words with at
least one letter, not in capitals (a shouted headline), not on the article's first line (its headline) unless the next line,
with no blank line between, is a turn too (an article or a passage that opens on a transcript, "ROE:
...?\nDOE: ..."; rule "opening-turn"). Labels of the stop
list (patterns/transcript_labels.jsonl: "Note", "Update", "Photo", "Watch" ...) never count. A label
in capitals is a name; one in Title Case only when a person of the article bears that name (a PERSON
mention's text or last word) or it is a role or interview label of the rule file, or when its line and
a name turn's follow each other (exchange_labels.py: "Reed:" answered by "Altman:"), or when one asks
and the next line answers under another label (the answer waits: exchange_labels.asked). The article must
have at least two turns, and either a speaker who takes two turns or two turns on consecutive lines.

A turn of fewer than MIN_WORDS words ("A: Yes.") makes no claim, though it counts as a turn (a
sentence wholly in quotation marks needs MIN_QUOTED: "Roe: “It's standard practice.”"). A turn
runs to the end of its line and over the following lines up to the next turn, when there are
at most MAX_CONTINUATION of them, up to a stage direction ("(BEGIN VIDEO CLIP)", "[...]") or a line
that looks labelled (a speaker this reader did not accept); the
last turn of a transcript keeps its own line only, so the article after a transcript is not a turn.

Like the rules' claims, turns pass the precision gates (gates.py: none in a text that is not English,
none whose line a gate closes) and get a confidence tier (confidence.py: a turn's words are verbatim,
a name label is a name the article gives, "Q"/"A" and roles are unresolved speakers).

Caveats: "A" in an interview is resolved to the interviewee only where the line before the exchange
says who was questioned (answerers.py); a transcript whose speakers never
speak twice and never follow each other is missed; Title Case labels depend on the entity recogniser.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from tracker.nlp import exchange_labels
from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.quotes import find_quotes
from tracker.nlp.triggers import Trigger
from tracker.nlp.types import Claim, DateMention, Mention, VocabularyEntry
from tracker.nlp.verbatim import gated, kind_before, verbatim_claim

LABELS_FILE = PATTERNS_DIR / "transcript_labels.jsonl"
MAX_CONTINUATION = 3  # lines after a turn's own that still belong to it
MIN_WORDS = 4  # a shorter turn ("Yes.", "Does Doe?") says nothing without the turn before it
MIN_QUOTED = 3  # a turn wholly in quotation marks, a sentence: a quote printed under its speaker's name
_WORD = r"[A-Z][A-Za-z'’.\-]*"
_PARTICLE = r"(?:de|van|von|der|den|da|del|della|di|du|la|le|al|bin|ibn|of)"  # "of": "Rest of World"
_STAMP = r"(?P<stamp>[\[(]?\d{1,2}(?::\d\d){1,2}[\])]?[ \t]+)?"  # "[00:14:32] ROE: ...": a clock stamp
_LABEL = re.compile(
    rf"^[ \t]*{_STAMP}(?P<label>{_WORD}(?:[ \t]+(?:{_WORD}|{_PARTICLE}|&)){{0,5}})"
    r"(?:[ \t]+\([^()\n]{1,30}\))?(?:[ \t]*:|(?<=^[QA]\.))[ \t]+(?=\S)",  # "Q. Did you ...?"
    re.MULTILINE,
)
_LETTERS = re.compile(r"[^\W\d_]{2,}|\b[AI]\b")
_STAGE = re.compile(r"[ \t]*[(\[]")
_TURN = Trigger(id="transcript-turn", lemma="say", pos="verb", attribution="direct")
_QUOTED = re.compile(r"[“\"][^“”\"]+[.!?][”\"]")  # "Roe: “It's standard practice.”" (a box of quotes)
_QUESTION_END = re.compile(r"\?[\s\"'”’)\]]*$")


@dataclass(frozen=True)
class Turn:
    label: str
    label_start: int
    label_end: int
    start: int  # the turn's words
    end: int
    line_start: int
    use: str  # name, question, answer, role


@cache
def label_rules() -> dict[str, str]:
    """Lower-case label -> use (stop, question, answer, role), from the rule file."""
    return {label.lower(): rule["use"] for rule in read_jsonl(LABELS_FILE) for label in rule["labels"]}


def transcript_claims(
    text: str,
    mentions: Sequence[Mention] = (),
    dates: Sequence[DateMention] = (),
    vocabulary: Sequence[VocabularyEntry] = (),
) -> list[Claim]:
    """One claim per turn of the article's transcript, in text order; [] when it shows none."""
    people = [m for m in mentions if m.label == "PERSON"]
    turns = find_turns(text, people)
    if not turns:
        return []
    kind = kind_before(_TURN, text, turns[0].line_start)
    quotes = find_quotes(text)
    claims = []
    for turn in turns:
        words = text[turn.start : turn.end]
        if len(words.split()) < (MIN_QUOTED if _QUOTED.fullmatch(words) else MIN_WORDS):
            continue
        name, entity, entity_id = _resolve(turn, turns, people, vocabulary)
        newline = text.find("\n", turn.start, turn.end)
        own_line = text[turn.start : newline if newline >= 0 else turn.end]
        question = turn.use == "question" or (
            turn.use != "answer" and any(_QUESTION_END.search(part) for part in (own_line, words))
        )
        resolution = "mention" if turn.use == "name" else "unresolved"  # a name the article prints
        claims.append(
            verbatim_claim(
                text,
                _TURN,
                span=(turn.start, turn.end),
                sentence=(turn.line_start, turn.end),
                speaker=(turn.label, turn.label_start, turn.label_end),
                kind="question" if question else kind,
                resolution=resolution,
                cue=":",
                quotes=quotes,
                dates=dates,
                date_span=(turn.start, turn.end),
                speaker_name=name,
                speaker_entity=(entity, entity_id),
            )
        )
    return gated(text, claims)


def merge(rule_claims: Iterable[Claim], turn_claims: Iterable[Claim]) -> list[Claim]:
    """The rules' claims and the turns that overlap none of them: where the rules found a claim in a
    turn's words (a quote it reports, "my staff told me ..."), their reading is kept and the turn is
    not added, so no words are attributed twice (on PolNeAR train, dropping only turns the rules
    cover by half cost precision: the rules' nested claims are rarely annotated)."""
    kept, turns = list(rule_claims), list(turn_claims)
    if not turns:
        return kept
    found = [(c.start, c.end) for c in kept]
    for turn in turns:
        if not any(s < turn.end and turn.start < e for s, e in found):
            kept.append(turn)
    return sorted(kept, key=lambda c: (c.start, c.sentence_start, c.speaker_start or 0))


def find_turns(text: str, people: Sequence[Mention] = ()) -> list[Turn]:
    """The turns of the transcript in `text` (see the module docstring), [] when it has none."""
    known = {m.text.lower() for m in people} | {m.text.split()[-1].lower() for m in people if m.text.split()}
    turns = [turn for m in _LABEL.finditer(text) if (turn := _turn(text, m, known)) is not None]
    labels = [(m, {m.group("label").rstrip(".").lower()}) for m in _LABEL.finditer(text)]
    named = [turn for m, label in labels if (turn := _turn(text, m, known | label)) is not None]
    turns = exchange_labels.with_neighbours(text, turns, named)  # "Reed:" answered by "Altman:"
    turns = exchange_labels.asked(text, turns, named)  # "Outlet: ...?" answered by "Zhang Min: ..."
    turns = exchange_labels.paired_letters(text, turns)  # "Q. ..." only with "A. ..."
    if turns and not text[: turns[0].line_start].strip() and not _opens(text, turns):
        turns = turns[1:]  # the article's first line: its headline
    if len(turns) < 2:
        return []
    adjacent = any(not text[a.end : b.line_start].strip() for a, b in zip(turns, turns[1:], strict=False))
    speakers = Counter(_key(turn, turns) for turn in turns)
    if not adjacent and max(speakers.values()) < 2:
        return []
    return [
        _continued(text, turn, following) for turn, following in zip(turns, [*turns[1:], None], strict=True)
    ]


def _turn(text: str, match: re.Match, known: set[str]) -> Turn | None:
    label = match.group("label").rstrip(".")
    folded = label.lower()
    use = label_rules().get(folded) or label_rules().get(folded + ".")
    if use == "stop":
        return None  # a notice or a credit
    if use is None:
        capitals = label.upper() == label
        if capitals and sum(c.isalpha() for c in label) < 2:
            return None
        if not capitals and folded not in known and folded.split()[-1] not in known:
            return None  # Title Case: only a person the article names
        use = "name"
    line_end = text.find("\n", match.end())
    end = len(text[: line_end if line_end >= 0 else len(text)].rstrip())
    words = text[match.end() : end]
    head = [w for w in re.findall(r"[^\W\d_]+", words[:120]) if len(w) > 1][:3]
    if not _LETTERS.search(words) or (len(head) >= 2 and all(w.isupper() for w in head)):
        return None  # a figure ("Doe: 1,501") or a shouted headline
    start = match.start("label")
    line_start = match.start("stamp") if match.group("stamp") else start  # the stamp opens the line
    return Turn(label, start, start + len(label), match.end(), end, line_start, use)


def _opens(text: str, turns: Sequence[Turn]) -> bool:
    """The turn on the text's first line opens a transcript (rule "opening-turn"): the next line, with
    no blank line between, is a turn too ("ROE: ...?\nDOE: ..."), as a headline's never is. A turn under
    a role or interview label ("HOST: ...", "Q: ...") opens one with blank lines before the next turn
    too: a headline does not open on the host's words (rule "opening-role")."""
    between = text[turns[0].end : turns[1].line_start] if len(turns) > 1 else "\n\n"
    if turns[0].use in ("role", "question") and len(turns) > 1 and not between.strip():
        return True
    return between.count("\n") == 1 and not between.strip()


def _continued(text: str, turn: Turn, following: Turn | None) -> Turn:
    """The turn with the lines that carry it on before the next turn (none after the last turn)."""
    if following is None:
        return turn
    lines = [m for m in re.finditer(r"[^\n]+", text[turn.end : following.line_start]) if m.group().strip()]
    if not lines or len(lines) > MAX_CONTINUATION:
        return turn
    end = turn.end
    for line in lines:
        if _STAGE.match(line.group()) or _LABEL.match(line.group()):
            break  # a stage direction, or a label this reader did not take for a speaker
        if _LETTERS.search(line.group()):  # not an ellipsis or a rule between turns
            end = turn.end + line.start() + len(line.group().rstrip())
    return Turn(turn.label, turn.label_start, turn.label_end, turn.start, end, turn.line_start, turn.use)


def _key(turn: Turn, turns: Sequence[Turn]) -> str:
    """Who takes the turn, for counting: a surname label counts as the earlier full label it ends."""
    folded = turn.label.lower()
    for earlier in turns:
        if earlier.label_start >= turn.label_start:
            break
        words = earlier.label.lower().split()
        if len(words) > 1 and words[-1] == folded:
            return earlier.label.lower()
    return folded


def _resolve(
    turn: Turn, turns: Sequence[Turn], people: Sequence[Mention], vocabulary: Sequence[VocabularyEntry]
) -> tuple[str | None, str | None, int | None]:
    """(speaker_name, curated name, entity id) of a name label: the full name a surname stands for,
    given earlier in the article, and the curated person whose name or alias the label ends with."""
    if turn.use != "name":
        return None, None, None
    name = None
    on_label = next((m for m in people if m.start < turn.label_end and m.end > turn.label_start), None)
    if len(turn.label.split()) == 1:
        full = _key(turn, turns)
        if full != turn.label.lower():
            name = next(t.label for t in turns if t.label.lower() == full)
        else:
            surname = turn.label.lower()
            earlier = [
                m
                for m in people
                if m.end <= turn.label_start
                and len(m.text.split()) > 1
                and m.text.split()[-1].lower() == surname
            ]
            if earlier:
                on_label = on_label or earlier[-1]
                name = earlier[-1].entity or earlier[-1].text
    if on_label is not None and on_label.entity is not None:
        return name or on_label.entity, on_label.entity, on_label.entity_id
    curated = _curated(name or turn.label, vocabulary)
    if curated is not None:
        return name or curated.name, curated.name, curated.entity_id
    return name, None, None


def _curated(label: str, vocabulary: Sequence[VocabularyEntry]) -> VocabularyEntry | None:
    """The one curated person whose name or an alias ends the label, compared without case."""
    words = [w.strip(".") for w in label.lower().split()]
    found = {
        entry
        for entry in vocabulary
        if entry.kind == "PERSON"
        for alias in (entry.name, *(a for a, _ in entry.aliases))
        if (alias_words := alias.lower().split()) and words[-len(alias_words) :] == alias_words
    }
    return found.pop() if len(found) == 1 else None
