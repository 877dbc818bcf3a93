"""Links of articles that have no time (issue 16).

An article that states no date and that `undated.placed` could not place (nothing dated resembles it
at `undated.PLACE_MIN`, and its dated facts pin no day) is compared by its first sighting. That says
nothing when it came in an import: every archive article was first seen in the same minute, so such a
piece would link to dated articles months apart, and to other pieces with no time, as if stated
together, at the 0.06 floor. So a link of an article with no time is kept only when it is as strong as
the one that places an undated article (UNTIMED_MIN), or, with a dated article, when its links at the
clustering's floor or above to the dated articles within WINDOW of that one (that one's included) add
up to UNTIMED_MIN: one weak match weeks away is a coincidence of words, two or three matches in one
window place it. A link between two dated (or placed) articles is kept as before.

Measured on the labelled train slices with a third undated (`bench/crossref_errors.py --undated 3`,
all at once): between two articles with no time (hc3), first slice 0.4435 -> 0.4470, second 0.2750 ->
0.2858; with a dated article (hc4), first slice 0.4470 -> 0.4555, second 0.2858 -> 0.3313. Dated
articles are untouched.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

UNTIMED_MIN = 0.2  # as `undated.PLACE_MIN`: what a link of an article with no time must reach


def kept(ranked: Sequence, links: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """`links` (pairs of indexes into `ranked`, each pair's score) without the weak ones of profiles
    that have no time: between two such, every one under UNTIMED_MIN; with a dated profile, those
    whose dated matches in that profile's window add up to less (`_dropped`)."""
    timeless = {i for i, p in enumerate(ranked) if p.time is None}
    if not timeless:
        return links
    dropped = _dropped(ranked, links, timeless)
    return {pair: score for pair, score in links.items() if pair not in dropped}


def _dropped(ranked: Sequence, links: dict[tuple[int, int], float], timeless: set[int]) -> set:
    """The pairs under UNTIMED_MIN of a profile with no time: all with another such; with a dated one,
    those where its links at the clustering's floor to the dated profiles within WINDOW of that one
    (that one's included) add up to less than UNTIMED_MIN."""
    from tracker.crossref import features

    mixed: dict[int, list] = {}  # profile with no time -> (dated profile's time, score, pair)
    dropped = set()
    for (i, j), score in links.items():
        if i in timeless or j in timeless:
            if i in timeless and j in timeless:
                if score < UNTIMED_MIN:
                    dropped.add((i, j))
            else:
                lone, dated = (i, j) if i in timeless else (j, i)
                mixed.setdefault(lone, []).append((ranked[dated].time, score, (i, j)))
    window = features.WINDOW
    for matches in mixed.values():
        strong = sorted((time, score) for time, score, _ in matches if score >= features.THRESHOLD)
        times = [time for time, _ in strong]
        sums = [0.0, *accumulate(score for _, score in strong)]
        for time, score, pair in matches:
            if score < UNTIMED_MIN:
                mass = sums[bisect_right(times, time + window)] - sums[bisect_left(times, time - window)]
                if mass < UNTIMED_MIN:
                    dropped.add(pair)
    return dropped
