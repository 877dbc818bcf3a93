"""The words of the clause an "as" attribution is set into, without the attribution.

"And as Roe noted, Y", "Of course, as Roe observed, Y", "In the old republic, as Roe reported in his
book, Y": the words before the "as" phrase are the clause's conjunction, adverb or setting, not what
was said, and the content is Y (PolNeAR train gives Y alone in 7 of the 9 such sentences read; one
keeps a fronted time, "Just a few weeks ago", one marks only the "as"). "That, as Roe points out, is
a lot", "the result, as he explained, was a bubble": a subject or other word of the clause before it
is said too, and the content is the two pieces around the attribution, without the conjunction or
setting that opens it (train gives both pieces, 2 of 2). Before this, the content ran from the first
word to the last, the attribution inside it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from tracker.nlp.framing import Reader

SETTING = frozenset({"cc", "advmod", "prep", "npadvmod", "punct", "intj"})


def pieces(
    reader: Reader, head: Token, words: Sequence[int], first: int, segment: Span
) -> list[tuple[int, int]]:
    """The pieces of `words` (the clause `head` heads, without the "as" phrase that opens at `first`)."""
    after = [i for i in words if i > first]
    if not after or len(after) == len(words):
        return [reader.range(words, segment)]
    setting = {t.i for c in head.lefts if c.i < first and c.dep_ in SETTING for t in c.subtree}
    before = [i for i in words if i < first and i not in setting]  # "And that, as ...": "that"
    return (
        [reader.range(before, segment), reader.range(after, segment)]
        if before
        else [reader.range(after, segment)]
    )
