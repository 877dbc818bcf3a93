"""How outlets word the same claim: the quoted words in a sentence, and the words that differ.

Pure functions over strings, no ORM. A sentence becomes a list of segments the template renders without
marking anything safe: plain text, and quotes (rendered in <mark>), each quote split into words that
either all outlets share or that differ between them (rendered as <em class="variant">).

Caveats: a quote is found in its sentence by its text (the first occurrence, case-sensitive), since
evidence offsets are article offsets; a quote not found in the sentence is left unmarked. "Differ" is a
majority rule over word-level difflib matches: a word is a variant when more than half of the other
wordings do not match it, so among "general practice", "standard practice" and "standard industry
procedure", "general", "industry" and "procedure" are variants, while "standard" and "practice", each
shared with another outlet, are not; of two wordings, every word the other lacks is a variant.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Part:
    text: str
    variant: bool = False


@dataclass
class Segment:
    text: str
    quote: bool = False
    parts: list[Part] = field(default_factory=list)


def _words(text: str) -> list[str]:
    return [w.strip("'\"“”‘’.,;:!?()").lower() for w in WORD.findall(text)]


def variant_words(wording: str, others: list[str]) -> set[int]:
    """Indexes of the words of `wording` that at least half of `others` do not share (difflib match)."""
    if not others:
        return set()
    words = _words(wording)
    misses = [0] * len(words)
    for other in others:
        matcher = SequenceMatcher(a=words, b=_words(other), autojunk=False)
        matched = {i for block in matcher.get_matching_blocks() for i in range(block.a, block.a + block.size)}
        for i in range(len(words)):
            if i not in matched:
                misses[i] += 1
    return {i for i, n in enumerate(misses) if n * 2 > len(others)}


def quote_parts(quote: str, others: list[str]) -> list[Part]:
    """The quote as runs of shared and of variant words (spacing kept; a run of variants is one part)."""
    variants = variant_words(quote, others)
    parts: list[Part] = []
    last = 0
    for i, match in enumerate(WORD.finditer(quote)):
        gap, word, variant = quote[last : match.start()], match.group(), i in variants
        if parts and parts[-1].variant == variant:
            parts[-1] = Part(parts[-1].text + gap + word, variant)
        else:
            if gap:
                parts.append(Part(gap))
            parts.append(Part(word, variant))
        last = match.end()
    if last < len(quote):
        parts.append(Part(quote[last:]))
    merged: list[Part] = []
    for part in parts:  # plain parts side by side (a gap next to plain words) become one
        if merged and not part.variant and not merged[-1].variant:
            merged[-1] = Part(merged[-1].text + part.text)
        else:
            merged.append(part)
    return merged


def segments(sentence: str, quotes: list[tuple[str, list[str]]]) -> list[Segment]:
    """The sentence cut at its quotes: [(quote text, the other outlets' wordings of it)]."""
    spans: list[tuple[int, int, list[str]]] = []
    for text, others in quotes:
        start = sentence.find(text) if text else -1
        if start < 0 or any(s < start + len(text) and start < e for s, e, _ in spans):
            continue
        spans.append((start, start + len(text), others))
    spans.sort()
    out: list[Segment] = []
    last = 0
    for start, end, others in spans:
        if start > last:
            out.append(Segment(sentence[last:start]))
        quote = sentence[start:end]
        out.append(Segment(quote, quote=True, parts=quote_parts(quote, others)))
        last = end
    if last < len(sentence):
        out.append(Segment(sentence[last:]))
    return out
