"""Passages of a stored text: sentences, the lead, and phrase lists compiled into one pattern.

Intent: cross-referencing compares what outlets wrote sentence by sentence (a date and the verb next to
it, a hedge in a headline, a setting word near a claim) without running the spaCy pipeline again, so
these are plain regular expressions over the stored text. Offsets are Python str indices, end exclusive.

Caveats: the sentence splitter knows a short list of abbreviations ("v.", "U.S.", "Mr."), never splits
inside a line's quotation, and treats every line break as a sentence end, which suits extracted page
text (headings, bylines and list items are lines of their own) but not hard-wrapped plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

ABBREVIATIONS = frozenset(
    """v vs mr mrs ms dr jr sr st inc corp co ltd no gen sen rep gov u.s a.m p.m jan feb mar apr aug sept
    oct nov dec e.g i.e calif cal fig est dept univ""".split()
)
# A run of end marks is read once, from its first mark (possessive: no backtracking), so a long run of
# "!!!" or "..." costs its length, not its square. A name like "eBay" starts a sentence too.
_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s+[\"'“‘(\[]?(?:[A-Z0-9]|[a-z]+[A-Z]))")
_LINE = re.compile(r"[^\n]+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
WORD_WINDOW = 64  # the word before an end mark is read in this many characters: abbreviations are short
LEAD_MIN_WORDS = 12


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of `text`, whitespace trimmed, in order."""
    return list(_sentence_spans(text))


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """Linear in the text: each line is read once, and the word before an end mark in a bounded
    window (a word longer than the window is no abbreviation either way)."""
    for line in _LINE.finditer(text):
        start, line_start, line_end = line.start(), line.start(), line.end()
        for match in _END.finditer(text, line_start, line_end):
            before = _WORD_BEFORE.search(text, max(line_start, match.start() - WORD_WINDOW), match.start())
            word = before.group(1).lower() if before else ""
            if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
                continue
            if not _blank(text, start, match.end()):
                yield _trim(text, start, match.end())
            start = match.end()
        if not _blank(text, start, line_end):
            yield _trim(text, start, line_end)


def sentence_at(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """The span of the sentence holding `start` (the whole text when none does)."""
    for span in _sentence_spans(text):
        if span[0] <= start < span[1] or (end is not None and span[0] < end <= span[1]):
            return span
    return 0, len(text)


def lead_span(text: str, title: str = "") -> tuple[int, int] | None:
    """The first sentence of the first real paragraph: at least LEAD_MIN_WORDS words, not the title
    repeated, not page furniture (short lines of navigation, bylines and labels are skipped)."""
    folded_title = _fold(title)
    for line in _LINE.finditer(text):
        words = line.group().split()
        if len(words) < LEAD_MIN_WORDS or _fold(line.group()) == folded_title:
            continue
        for start, end in sentence_spans(line.group()):
            return line.start() + start, line.start() + end
    return None


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive alternation of `phrases` on word boundaries, longest first, any run of
    whitespace between words and either apostrophe; None when there are no phrases."""
    return _compile(tuple(sorted({p.lower() for p in phrases if p.strip()}, key=len, reverse=True)))


def find_phrases(
    pattern: re.Pattern[str] | None, text: str, start: int = 0, end: int | None = None
) -> Iterator[re.Match]:
    if pattern is not None:
        yield from pattern.finditer(text, start, len(text) if end is None else end)


@lru_cache(maxsize=64)
def _compile(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    if not phrases:
        return None
    alternatives = (re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in phrases)
    # an apostrophe inside a word ("Smith's") joins it; a quotation mark ('maybe') does not
    return re.compile(rf"(?<!\w)(?<!\w['’])(?:{'|'.join(alternatives)})(?!\w)(?!['’]\w)", re.IGNORECASE)


_NOT_SPACE = re.compile(r"\S")


def _blank(text: str, start: int, end: int) -> bool:
    return _NOT_SPACE.search(text, start, end) is None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
