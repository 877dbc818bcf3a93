"""A report or two left apart by average linkage join the story they clearly belong to (issue 16).

In coverage of one case the clusterer asks a link to clear a bar above the floor (`relative.bar`: the
same cast in every article makes unrelated pairs score high), and most of its errors on the one-case
sets are then not wrong joins but an event's reports split into its story and fragments: a lead naming
only the cast every article names, a money angle, the analysis and opinion of the day after, a
testimony's day in two pairs of reports. Each links to its own event's story above the floor, but
under the raised bar.

The bar guards against one story taking a second event's reports. A fragment of at most SMALL pieces
whose links to one group are clearly stronger than to any other (its mean link to that group at least
MARGIN times its mean link to the next, and at least the floor) is no such risk: it joins that group,
if the group is no smaller than itself and the mean is over TAKERS links or more (a piece alone joins
a story of three or more: with two, a second event's pair took a lone report in
tests/crossref/test_clustering.py's seed week; a pair joins a story of two or more). With fragments of
three the one-case sets lost (Marsh 0.894 -> 0.785, Ferrowind 0.932 -> 0.886 dated): a group of three
is a story of its own as often as a fragment.

Every decision is read from the groups average linkage made, never from another joining: a fragment
whose best group itself moves elsewhere stays where it is, and two fragments each other's best are
merged once. One outlet's two pieces left alone the day after an event (its analysis and its opinion)
are each the other's closest rival, so neither is clearly best to the event's story: where both lead to
the same group once the other is set aside, each joins it on its own links (`_beside`); pieces of two
outlets are not, as they may be an event's own parts. The outcome is a function of the links, whatever
order the articles came in. Where the bar is the floor (no case dominates the articles compared:
PolNeAR's politics), a fragment has no mean link above the floor, and nothing changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import urlsplit

MARGIN = 1.25  # how much stronger the best group's mean link must be than the next group's
TAKERS = 3  # the fewest links (pieces times pieces, a copy group one piece) a joining mean is over
SMALL = 2  # the most pieces (a copy group one) of a fragment that may join another group


def joined(
    groups: list[list[int]], links: dict[tuple[int, int], float], floor: float, outlets: Sequence[str] = ()
) -> list[list[int]]:
    """`groups` (of indexes, from `linkage.average_linkage` over `links`), each fragment (a group of at
    most SMALL) whose mean link to one group reaches `floor` and MARGIN times its mean link to any other
    group moved into that group (when `_takes`), unless that group moves too. `outlets`: each index's
    outlet (its host), for two fragments of one outlet (`_beside`)."""
    group_of = {i: n for n, group in enumerate(groups) for i in group}
    small = {n for n, group in enumerate(groups) if len(group) <= SMALL}
    sums: dict[int, dict[int, float]] = {n: {} for n in small}  # fragment -> other group -> summed links
    for (i, j), score in links.items():
        a, b = group_of[i], group_of[j]
        for one, other in ((a, b), (b, a)):
            if one in small and one != other:
                sums[one][other] = sums[one].get(other, 0.0) + score
    moves = {}  # fragment -> the group it joins
    for one in sorted(small):
        target = _best(one, sums[one], groups, floor)
        if target is None and outlets:
            target = _beside(one, sums, groups, small, floor, outlets)
        if target is not None:
            moves[one] = target
    moves = {one: to for one, to in moves.items() if moves.get(to, one) == one}  # no chains
    if not moves:
        return groups
    found = [list(group) for group in groups]
    for one, target in sorted(moves.items()):
        if moves.get(target) == one and target < one:
            continue  # two fragments each other's best: merged once
        found[target].extend(groups[one])
        found[one] = []
    return [sorted(group) for group in found if group]


def _best(one: int, sums: dict[int, float], groups: list[list[int]], floor: float) -> int | None:
    """The group fragment `one` joins: its clearly best by mean link (`clearly_best`), if that group
    takes it; else None."""
    size = len(groups[one])
    target = clearly_best({n: total / (size * len(groups[n])) for n, total in sums.items()}, floor)
    return target if target is not None and _takes(size, len(groups[target])) else None


def outlets(profiles: Sequence) -> list[str]:
    """Each profile's outlet: the host of its URL (`Profile.key` is its time and URL)."""
    return [urlsplit(p.key[1]).hostname or "" for p in profiles]


def _beside(
    one: int, sums: dict, groups: list[list[int]], small: set[int], floor: float, outlets
) -> int | None:
    """The group fragment `one` joins when its closest rival is a fragment of the same one outlet bound
    for that same group: an outlet's analysis and opinion of the day after an event link to each other
    (the outlet's own voice, its columnists' themes) more than to the event's story, and each stood in
    the other's way. Then the rival is no rival: `one` joins the group it leads to without it, if that
    group is clearly best without it. Fragments of different outlets are left as they are: they may be
    the parts of an event of their own (a testimony day's reports, which would join the next day's)."""
    rival = _leader(sums[one], groups, len(groups[one]))
    if rival is None or rival not in small or len({outlets[i] for i in groups[one] + groups[rival]}) != 1:
        return None
    target = _leader(sums[one], groups, len(groups[one]), without=rival)
    if (
        target is None
        or target in small
        or _leader(sums[rival], groups, len(groups[rival]), without=one) != target
    ):
        return None
    return _best(one, {n: total for n, total in sums[one].items() if n != rival}, groups, floor)


def _leader(
    sums: dict[int, float], groups: list[list[int]], size: int, without: int | None = None
) -> int | None:
    """The group of the highest mean link (ties to the earliest), `without` left out."""
    means = [(total / (size * len(groups[n])), -n) for n, total in sums.items() if n != without]
    return -max(means)[1] if means else None


def clearly_best(means: dict[int, float], floor: float) -> int | None:
    """The group of the highest mean link (ties to the earliest group), if that mean reaches `floor`
    and MARGIN times the next group's; else None. Also how far.py picks."""
    ranked = sorted(((mean, -n) for n, mean in means.items()), reverse=True)
    if not ranked:
        return None
    best, target = ranked[0][0], -ranked[0][1]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    return target if best >= floor and best >= MARGIN * runner_up else None


def _takes(size: int, target: int) -> bool:
    """A group takes a fragment no larger than itself, when their mean link is over TAKERS links."""
    return target >= size and size * target >= TAKERS
