"""Links between two articles that have no time (issue 16).

An article that states no date and that `undated.placed` could not place (nothing dated resembles it
at `undated.PLACE_MIN`, and its dated facts pin no day) is compared by its first sighting. Two such
articles are then compared at their sightings' distance, which says nothing when they came in one
import: every archive article was first seen in the same minute, so two pieces months apart would
link as if stated together, at the 0.06 floor. Between two articles without a time, only a link as
strong as the one that places an undated article (UNTIMED_MIN) is kept; a link with a dated or placed
article is kept as before (its own time stands in for the missing one).

Measured on the labelled train slices with a third undated (`bench/crossref_errors.py --undated 3`,
all at once): first slice 0.4435 -> 0.4470, second 0.2750 -> 0.2858; dated articles are untouched.
"""

from __future__ import annotations

from collections.abc import Sequence

UNTIMED_MIN = 0.2  # as `undated.PLACE_MIN`: what a link between two articles with no time must reach


def kept(ranked: Sequence, links: dict[tuple[int, int], float]) -> dict[tuple[int, int], float]:
    """`links` (pairs of indexes into `ranked`, each pair's score) without the weak ones between two
    profiles that have no time."""
    return {
        (i, j): score
        for (i, j), score in links.items()
        if score >= UNTIMED_MIN or ranked[i].time is not None or ranked[j].time is not None
    }
