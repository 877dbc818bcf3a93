"""An article left alone by average linkage joins the story it clearly belongs to (issue 16).

In coverage of one case the clusterer asks a link to clear a bar above the floor (`relative.bar`: the
same cast in every article makes unrelated pairs score high), and most of its errors on the one-case
sets are then not wrong joins but reports left standing alone beside their event's story: a lead naming
only the cast every article names, a money angle, an opinion piece or analysis the day after. Each links
to its own event's story above the floor, but under the raised bar.

The bar guards against one story taking a second event's reports. A piece standing alone whose links to
one story are clearly stronger than to any other (its mean link to that story at least MARGIN times its
mean link to the next, and at least the floor) is no such risk: it joins that story. Only a group of
one (a copy group counts as one) joins, only a group of TAKERS or more takes it (with two, a
second event's pair took a lone report in tests/crossref/test_clustering.py's seed week), and every decision is read
from the groups average linkage made, never from another joining: the outcome is a function of the
links, whatever order the articles came in. Where the bar is the floor (no case dominates the articles
compared: PolNeAR's politics), a piece left alone has no mean link above the floor, and nothing changes.
"""

from __future__ import annotations

MARGIN = 1.25  # how much stronger the best story's mean link must be than the next story's
TAKERS = 3  # the fewest pieces (a copy group one) of a story that takes a piece left alone


def joined(groups: list[list[int]], links: dict[tuple[int, int], float], floor: float) -> list[list[int]]:
    """`groups` (of indexes, from `linkage.average_linkage` over `links`), each group of one whose mean
    link to one group of several reaches `floor` and MARGIN times its mean link to any other group
    moved into that group."""
    group_of = {i: n for n, group in enumerate(groups) for i in group}
    alone = {group[0] for group in groups if len(group) == 1}
    if not alone:
        return groups
    sums: dict[int, dict[int, float]] = {i: {} for i in alone}
    for (i, j), score in links.items():
        for one, other in ((i, j), (j, i)):
            if one in alone:
                target = group_of[other]
                sums[one][target] = sums[one].get(target, 0.0) + score
    moves: dict[int, int] = {}  # lone index -> the group it joins
    for one in sorted(alone):
        means = sorted(
            ((total / len(groups[n]), -n) for n, total in sums[one].items()), reverse=True
        )  # ties to the earliest group
        if not means:
            continue
        best, target = means[0][0], -means[0][1]
        runner_up = means[1][0] if len(means) > 1 else 0.0
        if len(groups[target]) >= TAKERS and best >= floor and best >= MARGIN * runner_up:
            moves[one] = target
    if not moves:
        return groups
    found = [list(group) for group in groups]
    for one, target in moves.items():
        found[target].append(one)
        found[group_of[one]] = []
    return [sorted(group) for group in found if group]
