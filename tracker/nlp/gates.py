"""Precision gates: text that yields no claim at all, whatever a rule found in it.

Each gate is a rule of patterns/gates.jsonl with an id, judged on the sentence a claim was found in:
code (a high share of program symbols, or a line of a program), a table row, a byline or an image
credit, site navigation, a headline run into the text (its reporting verb capitalised in mid-sentence:
"Roe Tells Voters ..."); a headline standing as a paragraph of its own is no run-in: its claim is
kept, rated "headline" (confidence.jsonl: it waits for a curator). And a document whose language is
not English (a stopword check: under a fifth of its words are common English words) yields no
English claims; `language_of` says which it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from tracker.nlp.components import PATTERNS_DIR, read_jsonl
from tracker.nlp.types import Claim

GATES_FILE = PATTERNS_DIR / "gates.jsonl"
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
WORDLESS = re.compile(r"\W*")
MIN_WORDS_FOR_LANGUAGE = 30  # shorter texts are too few words to judge
ENGLISH_SHARE = 0.2  # English prose runs at 0.4-0.5 stopwords; other languages well under 0.2


@dataclass(frozen=True)
class Gate:
    id: str
    kind: str  # regex, symbols, capitalised_cue
    pattern: re.Pattern[str] | None = None
    ratio: float = 0.0
    chars: frozenset[str] = frozenset()

    def closes(self, sentence: str, cue: str = "") -> bool:
        if self.kind == "regex" and self.pattern is not None:
            return bool(self.pattern.search(sentence))
        if self.kind == "symbols":
            return bool(sentence) and sum(c in self.chars for c in sentence) / len(sentence) >= self.ratio
        if self.kind == "capitalised_cue":
            return (
                cue[:1].isupper()
                and not sentence.lstrip(" “\"'‘").startswith(cue)
                and _title_case_after(sentence, cue)
            )
        return False


TITLE_WORDS = 6  # content words after a capitalised cue that tell a headline from a sentence


def _title_case_after(sentence: str, cue: str) -> bool:
    """The words after the cue, on its line, read as a title-case headline ("Roe Tells Voters To Wait"):
    none of its first few content words (not a stopword: "on", "with" stay lower-case in headlines) is in
    lower case. "Roe, head of the group, Tweeted on Friday with an image of ...": a capitalised verb in
    a sentence, not a headline run into the text."""
    at = sentence.find(cue)
    line = sentence[at + len(cue) :].split("\n", 1)[0] if at >= 0 else ""
    words = [w for w in WORD.findall(line) if w.lower() not in STOP_WORDS][:TITLE_WORDS]
    return not any(w[0].islower() for w in words)


@cache
def gates() -> tuple[Gate, ...]:
    found = []
    for row in read_jsonl(GATES_FILE):
        flags = re.IGNORECASE if "i" in row.get("flags", "") else 0
        found.append(
            Gate(
                id=row["id"],
                kind=row["kind"],
                pattern=re.compile(row["pattern"], flags) if "pattern" in row else None,
                ratio=float(row.get("ratio", 0.0)),
                chars=frozenset(row.get("chars", "")),
            )
        )
    return tuple(found)


def closed_by(sentence: str, cue: str = "", *, headline: bool = False) -> str | None:
    """The id of the first gate that closes this sentence (with this reporting word) to claims. A
    headline standing as a paragraph of its own (`headline`) is not one run into the text."""
    return next(
        (
            gate.id
            for gate in gates()
            if not (headline and gate.kind == "capitalised_cue") and gate.closes(sentence, cue)
        ),
        None,
    )


def open_claims(claims: Sequence[Claim]) -> list[Claim]:
    """The claims whose sentence no gate closes and whose content holds a word (a parse that leaves
    only a full stop, or nothing, as the content reports no words)."""
    return [
        claim
        for claim in claims
        if closed_by(claim.sentence, claim.cue, headline=claim.confidence_rule == HEADLINE) is None
        and WORDLESS.fullmatch(claim.text) is None
    ]


HEADLINE = "headline"  # the confidence rule (and form) of a claim read from a headline


MAX_HEADLINE_SPEAKER_WORDS = 6  # "Former Roe Adviser Says ...": a headline names its speaker first


def is_headline(text: str, start: int, end: int, cue: str, cue_start: int) -> bool:
    """The sentence at [start, end) is a headline standing as a paragraph of its own ("Roe Tells
    Voters To Wait", a blank line or the text's edge before and after it; one run into the text
    with a single line break is not), its reporting word (at `cue_start`) capitalised after a few
    words (not page furniture run into a headline: "Reply 5pts Featured 9:52PMRoe Says ..."); or the
    sentence is part of a title-case paragraph (`_in_title_paragraph`)."""
    before = len(text[start:cue_start].split())
    if not cue[:1].isupper() or before == 0:
        return False
    alone = PARAGRAPH_BEFORE.search(text[:start]) is not None and PARAGRAPH_AFTER.match(text, end) is not None
    return (alone and before <= MAX_HEADLINE_SPEAKER_WORDS) or _in_title_paragraph(text, start, end)


MAX_HEADLINE_WORDS = 30  # a title-case paragraph longer than this is no headline


def _in_title_paragraph(text: str, start: int, end: int) -> bool:
    """The sentence lies in a short paragraph of its own, on one line, whose every content word is
    capitalised: a headline the parser cut in two ("Dorn Just Vowed To Wait. And It Says A Lot."), so
    neither part stands alone, or one naming its speaker late ("The Seven Oddest Things Dorn Has Ever
    Said ..."). Page furniture glued to a headline ("Reply 5ptsmoderatorFeatured ... 9:52PMRoe Says ...")
    has a lower-case word and stays a run-in."""
    first = text.rfind("\n\n", 0, start)
    first = 0 if first < 0 else first + 2
    last = text.find("\n\n", start)
    last = len(text) if last < 0 else last
    paragraph = text[first:last].strip()
    if last < start + len(text[start:end].rstrip()) or not paragraph or "\n" in paragraph:
        return False
    return title_case(paragraph)


def title_case(line: str) -> bool:
    """Every content word (not a stopword) of `line` capitalised, and no more than MAX_HEADLINE_WORDS words:
    a headline's casing."""
    words = WORD.findall(line)
    content = [w for w in words if w.lower() not in STOP_WORDS]
    return len(words) <= MAX_HEADLINE_WORDS and bool(content) and all(w[0].isupper() for w in content)


# a list's number on a line of its own may stand before it: "\n\n2\nRoe Says ..." (a numbered list's item)
PARAGRAPH_BEFORE = re.compile(r"(?:\A|\n[ \t]*\n)(?:[ \t]*\d{1,3}\.?[ \t]*\n)?[ \t]*\Z")
PARAGRAPH_AFTER = re.compile(r"[ \t]*(?:\Z|\n[ \t]*(?:\n|\Z))")


@lru_cache(maxsize=8)  # the claims and each layout reader ask it of the same document
def language_of(text: str) -> str:
    """ "en" when the text reads as English, "und" (undetermined) when it does not or is too short
    to tell. A stopword share, not a language identifier: it only tells English from the rest."""
    words = WORD.findall(text[:20_000])
    if len(words) < MIN_WORDS_FOR_LANGUAGE:
        return "en"  # too short to tell: a headline or a one-line summary is judged as English
    share = sum(1 for w in words if w.lower() in STOP_WORDS) / len(words)
    return "en" if share >= ENGLISH_SHARE else "und"
