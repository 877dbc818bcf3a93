"""Whether two quotes sharing a single content word are versions of one quote (`one_place`), for
wording.py's `_same`: "That was the whole point" / "That was the entire point", "We will appeal." /
"We are likely to appeal" are one statement worded two ways; "But everyone knew what the folder was
for." / "That does not change what was in the folder." are two statements of one speaker sharing a word,
and a job's nickname ("the Halyard shortcut") is not a denial naming the same model ("I never told anyone
to distill Halyard").

Versions of one quote line up word for word (in order, stop words included) but in ONE place, where each
outlet has its own word or two (a substitution: "whole" / "entire", "will" / "are likely to"); an
outlet may quote a longer stretch at either end (a fragment of the sentence against the whole of it).
Quotes spanning the same words may instead differ by a word or two added in one place. Quotes sharing
more content words are compared by `_same` as before (a share of the shorter's words).
Caveat: word order only, not a parse; two quotes of one word's difference from two statements pair.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from tracker.crossref.words import content_words

MAX_CHANGED = 2  # content words on either side of the one place two versions differ ("industry procedure")
EDGE = ("insert", "delete")  # an outlet's words beyond the other's at an end: it quotes a longer stretch


def one_place(a: str, b: str) -> bool:
    """Whether two quotes' wordings (`normalise_quote`: lower-case words, one space apart) line up but in
    one place, by at most MAX_CHANGED content words either way (see the module). The same either way
    round: the pair is aligned in one order (the matcher's ties depend on which comes first)."""
    x, y = sorted((a.split(), b.split()))
    ops = [op for op in SequenceMatcher(None, x, y, autojunk=False).get_opcodes() if op[0] != "equal"]
    runs_on = False
    while ops and ops[0][0] in EDGE and ops[0][1] == ops[0][3] == 0:  # before the other's first word
        ops, runs_on = ops[1:], True
    while ops and ops[-1][0] in EDGE and (ops[-1][2], ops[-1][4]) == (len(x), len(y)):  # after its last
        ops, runs_on = ops[:-1], True
    if len(ops) != 1:
        return False
    tag, i1, i2, j1, j2 = ops[0]
    if tag != "replace" and runs_on:  # a word added inside one and a longer stretch quoted by the other
        return False
    changed = (content_words(" ".join(x[i1:i2])), content_words(" ".join(y[j1:j2])))
    return all(len(words) <= MAX_CHANGED for words in changed)
