"""A quotation running over paragraphs: “X,” Roe said. / “Y.” The paragraph after a quoted claim that
is one quote and nothing else goes on in the same speaker's words, and joins the claim as another piece
(as “X,” Roe said. “Y.” does inside one paragraph, placing.resumed).

Decides: a claim whose content ends in quoted words (a double mark), whose sentence closes its
paragraph, takes in the next paragraph when that paragraph is one quotation on one line, opened by the
same mark, closed at its end or left open (the news convention for a quote going on further), its
words ending like a sentence (. ! … or left open); then the paragraph after, while it is the same. Not:
a question (the next words are often someone else's answer), a quote ending like no sentence (a label,
"Related:"), a paragraph with words or an attribution outside its quote, a quote in other marks
(“X,” Roe said. / "Y."), a quote over a line break (a post and its byline), a paragraph that is a
claim of its own already (an item of a list of quotations, listed_quotes.py), and a paragraph followed by
a quote with an attribution of its own (“X,” Roe said. / “Y.” / “Z,” Doe said.: Y may be Z's lead).

Why: PolNeAR's annotators mark such a paragraph as the same attribution (a Content in several spans):
on train, of 44 bare-quote paragraphs after a paragraph whose quoted claim no rule carried on, 35 are
the earlier attribution's later span, 6 a new attribution of the same speaker, 3 nobody's ("Nooooo!"
after a question, two "Related:"). Joined, not a claim of its own: a second claim would match no gold
in 35 of 44 and cost precision. Train (rules of c000bde): 27 claims take in one paragraph (25) or
three (2); in 25 the gold marks those paragraphs as the same attribution, the other 2 are the same
speaker's words by reading; precision 0.9539, speech recall 0.9152, speaker accuracy 0.9687 unchanged, content F1 0.9061
-> 0.9069. Without the marks check 6 more, 3 of them wrong (a columnist's own lines after a quote of
Kelly's, a stray mark before the outlet's words, a post's byline); without the "quote with an
attribution of its own follows" check 5 more, all right, and one a gold annotator gave to the quote
after it (precision 0.9538): precision first.

Caveats: a paragraph break is a line break, as the stored text keeps paragraphs; the speaker and the
tier stay the claim's own; a reply printed as a bare quote right after someone's quoted claim would be
read as the first speaker's, as most readers would read it too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from tracker.nlp.claims import PIECE_JOINER
from tracker.nlp.hedges import find_hedges
from tracker.nlp.quotes import find_quotes
from tracker.nlp.types import Claim, Quote

# from a claim's quote to the next quote: the claim's closing mark, the rest of its sentence (words
# checked apart), then one line break and blank lines, then the next paragraph's opening mark
GAP = re.compile(r"[^\n]*\n(?:[ \t]*\n)*[ \t]*[“\"]")
PARAGRAPH_GAP = re.compile(r"[”\"]?[ \t]*\n(?:[ \t]*\n)*[ \t]*[“\"]")  # a quote's end, the next's start
PARAGRAPH_END = re.compile(r"[”\"]?[ \t]*(?:\n|$)")  # the quote closes (or is left open) its paragraph
ENDS = (".", "!", "…")
CLOSING = "’'\"”"


def run_on(claims: Sequence[Claim], text: str) -> list[Claim]:
    """The claims, each quoted claim whose words run on over the next paragraphs taking them in."""
    quotes = find_quotes(text)
    return [_run_on(claim, claims, text, quotes) for claim in claims]


def _run_on(claim: Claim, claims: Sequence[Claim], text: str, quotes: list[Quote]) -> Claim:
    pieces = list(claim.pieces or ((claim.start, claim.end),))
    opened = _opened(pieces[-1], quotes, text)
    if claim.kind == "question" or opened is None:
        return claim
    sentence_end = claim.sentence_end
    taken: list[Quote] = []
    while (nxt := _next_paragraph(text, pieces[-1][1], sentence_end, quotes, claims)) is not None:
        if text[nxt.start - 1] != opened:
            break  # “X,” Roe said. / "Y.": a quote goes on in the marks it opened with
        pieces.append((nxt.start, nxt.end))
        taken.append(nxt)
        sentence_end = nxt.end
    if not taken:
        return claim
    joined = PIECE_JOINER.join(text[s:e] for s, e in pieces)
    sentence_end = min(len(text), sentence_end + (text[sentence_end : sentence_end + 1] in CLOSING))
    return replace(
        claim,
        text=joined,
        end=pieces[-1][1],
        pieces=tuple(pieces),
        sentence=text[claim.sentence_start : sentence_end],
        sentence_end=sentence_end,
        quotes=(*claim.quotes, *taken),
        hedges=find_hedges([joined, *(q.text for q in (*claim.quotes, *taken))]),
    )


def _opened(piece: tuple[int, int], quotes: list[Quote], text: str) -> str | None:
    """The double mark that opened the quote the piece ends (inside it, its last words the quote's
    last); None when the piece is not such quoted words."""
    mark = next((text[q.start - 1] for q in quotes if q.start <= piece[0] and piece[1] == q.end), None)
    return mark if mark in ("“", '"') else None


def _next_paragraph(
    text: str, end: int, sentence_end: int, quotes: list[Quote], claims: Sequence[Claim]
) -> Quote | None:
    """The quote that is the whole next paragraph, going on from words ending at `end` whose sentence
    ends at `sentence_end` and closes its paragraph; None when there is none."""
    nxt = next((q for q in quotes if q.start > end), None)
    if nxt is None or not (gap := GAP.fullmatch(text, end, nxt.start)):
        return None
    rest = text[max(end, sentence_end) : gap.start() + gap.group().index("\n")]
    if rest.strip(CLOSING + " \t.,") or "\n" in text[end:sentence_end].strip():
        return None  # the claim's paragraph goes on after its sentence, or its sentence is not on one line
    words = nxt.text.rstrip().rstrip(CLOSING).rstrip()
    if any(nxt.start <= c.start < nxt.end for c in claims):
        return None  # a claim of its own already (an item of a list under its speaker: listed_quotes.py)
    if (
        "\n" in nxt.text
        or not PARAGRAPH_END.match(text, nxt.end)
        or not (words.endswith(ENDS) or _left_open(text, nxt))
    ):
        return None
    after = next((q for q in quotes if q.start > nxt.end), None)
    if (
        after is not None
        and PARAGRAPH_GAP.fullmatch(text, nxt.end, after.start)
        and any(after.start <= c.start < after.end for c in claims)
    ):
        return None  # a quote with an attribution of its own follows: the one between may be its lead
    return nxt


def _left_open(text: str, quote: Quote) -> bool:
    """The quote runs to its paragraph's end with no closing mark (it goes on in the next one)."""
    return text[quote.end : quote.end + 1] in ("\n", "")
