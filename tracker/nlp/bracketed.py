"""An attribution inside brackets covers the bracket's words only.

"Trump cites a claim that 81 percent of victims were white (the actual number is closer to 15
percent, according to Factcheck.org)", "States like Iowa (93 percent of voters there were white,
according to exit polls) top the list": the parser hangs "according to" on the sentence's clause,
so the content took the words before the bracket too, and the outlet's aside was given as the
source's words (and matched another attribution there: Trump's). A bracket opened before the phrase
in its sentence and not closed before it bounds the content on both sides; an unclosed one bounds
it on the left only. Brackets are round ones; a phrase outside any bracket keeps its clause.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

OPENING, CLOSING = "(", ")"


def bounds(phrase: Token, segment: Span) -> tuple[int, int] | None:
    """(first, last) token indices inside the innermost bracket of `segment` that encloses `phrase`,
    or None when no bracket opened before it is still open there."""
    doc, depth = phrase.doc, 0
    opened = None
    for i in range(phrase.i - 1, segment.start - 1, -1):
        if doc[i].text == CLOSING:
            depth += 1
        elif doc[i].text == OPENING:
            if depth == 0:
                opened = i
                break
            depth -= 1
    if opened is None:
        return None
    depth, last = 0, segment.end - 1
    for i in range(phrase.i + 1, segment.end):
        if doc[i].text == OPENING:
            depth += 1
        elif doc[i].text == CLOSING:
            if depth == 0:
                last = i - 1
                break
            depth -= 1
    return opened + 1, last


def within(indices: list[int], phrase: Token, segment: Span) -> list[int]:
    """`indices` kept to the bracket that encloses `phrase` (all of them when none does)."""
    found = bounds(phrase, segment)
    if found is None:
        return indices
    first, last = found
    return [i for i in indices if first <= i <= last]
