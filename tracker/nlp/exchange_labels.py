"""A Title Case label the entity model did not take for a person, in an exchange with one it did:

    Reed: Did you read the term sheet before you signed it?
    Altman: I read it, but I relied on our lawyers for the details.

transcripts.py takes a Title Case label only when a person of the article bears that name, so a bare
uncurated surname ("Reed", which the model often leaves unlabelled) made no turn, and with it the
exchange fell under two turns and was no transcript at all.

Decides: a label of one or two Title Case words that is no stop word of transcript_labels.jsonl is a
name too when its line and the line of a turn already taken under a name follow each other with no
blank line between (and so on along the exchange): labels on consecutive lines answering each other
are speakers, as a list of "Name: goal" headings between paragraphs is not.

Caveats: a label standing alone, with blank lines around it, still needs a person of that name.

Also decides (`asked`): two Title Case labels no person bears, on lines that follow each other, the
first asking ("Rest of World: Do you think ...?") and the second answering ("Zhang Min: Not much."),
are a question and its answer (the fourth trial set's f108). The answer waits at tier 1: its speaker
is only a label (use ANSWERED, resolution "unresolved"), and PolNeAR train has no such exchange.

Also decides (`paired_letters`): a court transcript's letters "Q." and "A." with a period and no colon
("Q. Did you sign it?" / "A. I did not.") label turns only where the text has both, so that an outline
("A. Background") or an initial ("A. Jane Roe ...") is no turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.nlp.transcripts import Turn

MAX_WORDS = 2  # "Reed", "Marc Reed", "Law & Order" (an outlet asking): a name, not a heading's phrase
ASKED_WORDS = 3  # "Rest of World: ...?" answered by "Zhang Min: ...": the asker may be an outlet
ANSWERED = "answered"  # an answer's use: its speaker a label no person of the article bears


def with_neighbours(text: str, turns: Sequence[Turn], candidates: Sequence[Turn]) -> list[Turn]:
    """`turns` and the `candidates` (turns read as if their labels were names) that are not among them,
    whose line is next to a name turn's line (module docstring), in text order."""
    kept, waiting = list(turns), _free(turns, candidates, MAX_WORDS)
    grew = True
    while grew:
        grew = False
        for candidate in list(waiting):
            if any(t.use == "name" and _adjacent(text, candidate, t) for t in kept):
                kept.append(candidate)
                waiting.remove(candidate)
                grew = True
    return sorted(kept, key=lambda t: t.label_start)


def asked(text: str, turns: Sequence[Turn], candidates: Sequence[Turn]) -> list[Turn]:
    """`turns` and each pair of `candidates` (up to ASKED_WORDS words each) not among them whose lines
    follow each other, the first asking ("...?") and the second not: a question and its answer. The
    answer's use is ANSWERED, an unresolved speaker: its claim waits at tier 1 (no evidence on train)."""
    kept, free = list(turns), _free(turns, candidates, ASKED_WORDS)
    for question, answer in zip(free, free[1:], strict=False):
        if _asks(text, question) and not _asks(text, answer) and _adjacent(text, question, answer):
            kept += [question, replace(answer, use=ANSWERED)]
    return sorted(kept, key=lambda t: t.label_start)


def _free(turns: Sequence[Turn], candidates: Sequence[Turn], most: int) -> list[Turn]:
    """The candidates not among `turns` (by label), of at most `most` words."""
    taken = {t.label_start for t in turns}
    return [c for c in candidates if c.label_start not in taken and _words(c.label) <= most]


def _asks(text: str, turn: Turn) -> bool:
    return text[turn.start : turn.end].rstrip().endswith("?")


def _adjacent(text: str, a: Turn, b: Turn) -> bool:
    """The two turns' lines follow each other, no blank line between."""
    first, second = (a, b) if a.line_start < b.line_start else (b, a)
    between = text[first.end : second.line_start]
    return between.count("\n") == 1 and not between.strip()


def paired_letters(text: str, turns: Sequence[Turn]) -> list[Turn]:
    """`turns` without those labelled "Q." or "A." (a period, no colon) unless the text has both."""
    letters = {t.label.rstrip(".").upper() for t in turns if text[t.label_end : t.label_end + 1] == "."}
    if letters >= {"Q", "A"}:
        return list(turns)
    return [t for t in turns if text[t.label_end : t.label_end + 1] != "." or len(t.label.rstrip(".")) > 1]


def _words(label: str) -> int:
    """The label's words, an ampersand not one ("Law & Order" is two)."""
    return sum(word != "&" for word in label.split())
