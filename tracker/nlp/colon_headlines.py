"""Headlines that print a person's words after the name and a colon: "Roe: Doe's Plan Will Fail.",
"Roe: ‘We Are Going To Win.’", and one run into the story's first words, "Roe: 'We kept every
promise' Jo Roe spent Tuesday ..." (the fifth, sixth and unseen trial sets' v109, w056, u043).

Decides: outlets title a story on what someone said with the speaker's name, a colon and the words,
no verb of saying for the rules of claims.py to find; the small model reads such a line poorly, and
transcripts.py refuses a label line that stands alone (a headline is not a transcript). The words are
the named person's, as the outlet put them: a claim with the name as printed for its speaker (verb
"say", attribution "direct" when the words are all in quotation marks, else "indirect"), rated
"headline" (patterns/confidence.jsonl: tier 1, it waits for a curator), since a headline's words
are often the outlet's compression of what was said.

What counts: a line that opens with one to four capitalised words that end with a PERSON mention
("Hacker Guccifer": a title before the name) and a colon, then at least MIN_WORDS words, not a
question. The words run to the line's end ("Roe: ‘It Is Not Radical’ To Ask For More"), but a
quotation that opens them and is followed by words not in title case is the claim alone, the story
run on after it; words longer than a headline (MAX_WORDS) are a paragraph, no headline. A line next to another such line (a list of "Name: goal" or "Name: 1,769", or
a transcript, which is transcripts.py's) is none, nor are any in an article with SECTIONS such lines
(a list's sections: "Roe: Win in a walk." ... "Doe: Finish second."); nor a label of
transcript_labels.jsonl's stop list.
Like the other layout readers' claims, these pass the precision gates and join the rules' claims
only where no claim of the rules holds their words (transcripts.merge).

Measured at its introduction on PolNeAR train: the annotators mark such headlines as attributions
(57 of the 75 lines whose label is not a kicker such as "Poll:" or "The Latest:"); the rule adds 52
claims, 50 of them matching an annotated attribution, 49 with its speaker (the other a headline's
nested speaker, "Obama: Families Of Victims Don't Care ..."); of the 2 unmatched, "Brooks: Rubio Did
Well ..." is a columnist's headline left out, "Scanner: ..." a tweet's label. Precision, recall,
speaker accuracy and content F1 do not fall.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tracker.nlp import confidence, gates
from tracker.nlp.quotes import find_quotes
from tracker.nlp.transcripts import label_rules
from tracker.nlp.triggers import Trigger
from tracker.nlp.types import Claim, DateMention, Mention
from tracker.nlp.verbatim import gated, kind_before, verbatim_claim

MIN_WORDS = 4  # "Kasich: Now or never." is a heading of a list, not words to sign
MAX_WORDS = 25  # a headline's length; a longer line is a paragraph
SECTIONS = 3  # so many lines under people's names are the sections of a list ("Roe: Win big." ...)
RULE = "colon-headline"
_NAME_WORD = r"[A-Z][\w’'.-]*"
_LINE = re.compile(rf"^(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{0,3}}):[ \t]+(?P<words>\S[^\n]*)$", re.M)
_LABEL = re.compile(r"^[A-Z][\w .'’&()-]{0,60}:[ \t]")  # any line that opens on a label
_OPENING_QUOTE = re.compile(r"^(?P<open>[“\"‘'])(?P<inner>[^\n“”\"]+?)(?P<close>[”\"’'])(?=\s+[A-Z]|\s*$)")
_CLOSING = {"“": "”", '"': '"', "‘": "’", "'": "'"}


def headline_claims(
    text: str, mentions: Sequence[Mention] = (), dates: Sequence[DateMention] = ()
) -> list[Claim]:
    """One claim per headline of a name, a colon and the named person's words (module docstring)."""
    people = [m for m in mentions if m.label == "PERSON"]
    if not people:
        return []
    labelled = [(match, person) for match in _LINE.finditer(text) if (person := _person(match, people))]
    if len(labelled) >= SECTIONS:
        return []  # "Sanders: Win in a walk." ... "Rubio: Finish second.": a list's sections, no headlines
    quotes = find_quotes(text)
    claims = []
    for match, person in labelled:
        span = _words(match)
        if span is None or _in_a_list(text, match) or _stopped(match.group("name")):
            continue
        claims.append(_claim(text, match, person, span, quotes, dates))
    return gated(text, claims)


def _person(match: re.Match[str], people: Sequence[Mention]) -> Mention | None:
    """The PERSON mention the label is: one ending with it ("Hacker Guccifer"), else a person the article
    names elsewhere whose name is the label or ends with it ("Roe:" for Jo Roe; the model often
    misses a bare surname opening a headline)."""
    name = match.group("name")
    on_label = (m for m in people if match.start() <= m.start and m.end == match.end("name"))
    elsewhere = (m for m in people if m.text == name or m.text.endswith(" " + name))
    return next(on_label, None) or next(elsewhere, None)


def _words(match: re.Match[str]) -> tuple[int, int] | None:
    """(start, end) of the headline's words: the whole rest of a headline's line, or the quotation
    that opens a longer one; None for too few words, a question or a paragraph."""
    words, start = match.group("words").rstrip(), match.start("words")
    quoted = _OPENING_QUOTE.match(words)
    if quoted and _CLOSING[quoted.group("open")] == quoted.group("close"):
        rest = words[quoted.end() :].strip()
        if not rest or not gates.title_case(rest):  # the quote alone, or the story run on after it
            words, start = quoted.group("inner"), start + quoted.start("inner")
    if len(words.split()) > MAX_WORDS:
        return None
    if len(words.split()) < MIN_WORDS or words.rstrip(" ”\"’'").endswith("?"):
        return None
    return start, start + len(words)


def _in_a_list(text: str, match: re.Match[str]) -> bool:
    """The line before or after (blank lines aside) opens on a label too."""
    before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
    after = text[match.end() :].lstrip("\n").split("\n", 1)[0]
    return bool(_LABEL.match(before) or _LABEL.match(after))


def _stopped(name: str) -> bool:
    return label_rules().get(name.lower()) == "stop"


def _claim(
    text: str,
    match: re.Match[str],
    person: Mention,
    span: tuple[int, int],
    quotes: list,
    dates: Sequence[DateMention],
) -> Claim:
    quoted = text[span[0] - 1 : span[0]] in _CLOSING and span[0] == match.start("words") + 1
    trigger = Trigger(id=RULE, lemma="say", pos="verb", attribution="direct" if quoted else "indirect")
    line = match.start()
    claim = verbatim_claim(
        text,
        trigger,
        span=span,
        sentence=(line, match.end()),
        speaker=(match.group("name"), match.start("name"), match.end("name")),
        kind=kind_before(trigger, text, line),
        resolution="mention",
        cue=":",
        quotes=quotes,
        dates=dates,
        date_span=(line, span[1]),
        speaker_name=person.entity or person.text,
        speaker_entity=(person.entity, person.entity_id),
    )
    tier, rule = confidence.rate(
        kind=claim.kind, trigger=RULE, attribution=trigger.attribution, resolution="mention", form="headline"
    )
    return replace(claim, confidence=tier, confidence_rule=rule)
