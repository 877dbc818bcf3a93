"""Whether the values of one figure (amounts of one kind and noun about the same thing) disagree between
outlets (`varies`): values equal within half a percent agree ("approximately $850 billion"); an outlet
stating two values reports two things; two parties' asks, and an ask and a figure nobody asks for, are
not one thing (askers.py); nor an outlet's parts and the total another gives ("$171 million for the
breach" and "$41 million" against "awarded $212 million": `_sums_to`). An increment ("spent two more
hours", "another $200 million": `added`) says what was added, not how much in all, and is compared with
no figure. Counts a defendant faces, is convicted of or acquitted of are three facts (`stage`): "faces
five counts" and "convicted of three counts" do not disagree. A row compares one statement: figures two
people sharing no name word state are two (`by_speaker`; a party, its lawyer or its complaint may state
one figure, so only people named with a first name count: "Theodora Quist", "Benedikt Oyelaran").
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from tracker.crossref import unions
from tracker.crossref.discrepancies.askers import comparable
from tracker.crossref.discrepancies.scope import cues
from tracker.crossref.words import content_words
from tracker.nlp.genders import first_names

TOLERANCE = 0.005
BEFORE = 24  # characters before a figure read for an increment's opening words ("an additional")
STAGE_BEFORE = 40  # characters of its clause before a figure read for its stage ("convicted last month of")
CLAUSE = ".;:\n"


def rounded(value: float) -> float:
    return float(f"{value:.3g}")


def varies(found: set[tuple[int, float, frozenset[str]]], outlets: dict[int, int]) -> bool:
    """Whether two values further apart than the tolerance come from different outlets, neither stating
    both (by value, not article: an outlet giving both, in one article or two, reports two things, such as
    each side's cost), unless each is asked for by another party (`askers.comparable`: two positions), or
    one is the sum of the other outlet's values, the other among them: its parts ("$171 million for the
    breach" and "$41 million" against "awarded $212 million")."""
    by_value: dict[float, set[tuple[int, frozenset[str]]]] = defaultdict(set)
    given: dict[int, set[float]] = defaultdict(set)  # each outlet's values
    for a, x, asked in found:
        by_value[x].add((outlets[a], asked))
        given[outlets[a]].add(x)
    totals = {outlet: sum(values) for outlet, values in given.items() if len(values) > 1}
    for (x, first), (y, second) in combinations(sorted(by_value.items()), 2):
        both = {one for one, _ in first} & {other for other, _ in second}  # it states both itself
        if _apart(x, y) and any(
            {one, other}.isdisjoint(both)
            and comparable(this, that)
            and not _sums_to(totals.get(one), y)
            and not _sums_to(totals.get(other), x)
            for one, this in first
            for other, that in second
        ):
            return True
    return False


def _apart(x: float, y: float) -> bool:
    return abs(x - y) > TOLERANCE * max(abs(x), abs(y))


def _sums_to(total: float | None, value: float) -> bool:
    """Whether an outlet's values add up to `value` (each of them a part of it)."""
    return total is not None and not _apart(total, value)


def added(text: str, start: int, end: int) -> bool:
    """Whether the figure at `start`-`end` of `text` is an increment (patterns/discrepancies.jsonl, group
    "increment"): a word of it after its number ("two more hours"; "more than three hours" is a bound,
    its "more" before the number), or words right before it ("another $200 million")."""
    for value, _, pattern in cues("increment"):
        if value == "within" and any(m.start() > start for m in pattern.finditer(text, start, end)):
            return True
        before = pattern.finditer(text, max(0, start - BEFORE), start) if value == "before" else ()
        if any(not text[m.end() : start].strip() for m in before):
            return True
    return False


def stage(text: str, start: int) -> frozenset[str]:
    """The stage of a case a figure counts at (patterns/discrepancies.jsonl, group "stage": charged,
    convicted, acquitted), as a word for `askers.comparable` (a figure of one stage is not compared with
    one of another, nor with one of none): the cue of its clause ending last before it within
    `STAGE_BEFORE` characters, the longest of those ending there ("pleaded not guilty to" over
    "guilty"); none when no cue is there."""
    lo = max(0, start - STAGE_BEFORE, *(text.rfind(c, 0, start) + 1 for c in CLAUSE))
    found = [
        (m.end(), -m.start(), value) for value, _, p in cues("stage") for m in p.finditer(text, lo, start)
    ]
    return frozenset({f"stage:{max(found)[2]}"}) if found else frozenset()


def person(speaker: str) -> frozenset[str]:
    """The content words of a speaker named with a first name (patterns/first_names.jsonl), else none."""
    words = speaker.split()
    return content_words(speaker) if len(words) > 1 and words[0] in first_names() else frozenset()


def by_speaker(names: list[frozenset[str]]) -> list[list[int]]:
    """Indexes of a figure's amounts in groups of one statement each, by the name words of who states
    each (empty: no speaker known): one group when the named speakers are one (share a word, "Oyelaran"
    and "Benedikt Oyelaran"), else one group per speaker (speakers sharing a word together) and one of
    the amounts no speaker is known for, compared among themselves: a figure of one speaker's statement
    is not a variant of another's, however close their contexts."""
    pairs = [(i, j) for i, j in combinations(range(len(names)), 2) if names[i] & names[j]]
    groups = [group for group in unions.connected(len(names), pairs) if names[group[0]]]
    if len(groups) < 2:
        return [list(range(len(names)))]
    unnamed = [i for i, words in enumerate(names) if not words]
    return sorted(groups + ([unnamed] if unnamed else []))
