"""A story reported again after a quiet spell longer than the window joins its first part (issue 16).

Two stated publication times further apart than WINDOW never link (`features.pair_score`): most reports of
an event come within days of it, and the same cast a week on is most often the next event. But a case's
coverage can fall silent between two reports of one event (a motion filed on a Thursday, the other side's
answer and the hearing set the next week), and each part then stands as a story of its own.

A group average linkage left with no other article within WINDOW of any of its members (nothing else
happened in the case meanwhile: no rival event to take its reports) is compared with the groups up to LONG
from it, each pair scored as if exactly WINDOW apart (the link it would have at the window's edge). It joins
the best of them when that group's mean link reaches the bar average linkage used and MARGIN times its
mean link to any other group in reach (`strays.clearly_best`). Decided from the groups given only, never from another joining: the
outcome is a function of the links, whatever order the articles came in. Where coverage is dense (a
campaign's politics) no group is alone in its window, and nothing changes.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Callable, Sequence
from datetime import timedelta

from tracker.crossref import strays, unions

LONG = timedelta(days=7)  # how far from its other part a group alone in its window may reach: a week


def joined(
    groups: list[list[int]],
    units: Sequence,
    vecs: Sequence[tuple[dict, dict]],
    *,
    bar: float,
    score: Callable,
    window: timedelta,
) -> list[list[int]]:
    """`groups` (of indexes into `units`, profiles with `time`), each group alone in its window moved
    into the group within LONG it clearly belongs to (`score`: `features.pair_score`)."""
    timed = sorted((u.time, i) for i, u in enumerate(units) if u.time is not None)
    times = [t for t, _ in timed]
    group_of = {i: n for n, group in enumerate(groups) for i in group}
    moves = []  # (group, the group it joins)
    for n, group in enumerate(groups):
        if not _alone(group, units, timed, times, group_of, window):
            continue
        reach = _reach(group, groups, units, timed, times, group_of)
        means = {m: _mean(group, groups[m], units, vecs, score, window) for m in reach}
        if (target := strays.clearly_best(means, bar)) is not None:
            moves.append((n, target))
    joined = unions.connected(len(groups), moves)
    return [sorted(i for n in part for i in groups[n]) for part in joined]


def _alone(group, units, timed, times, group_of, window) -> bool:
    """Every member has a time and no article of another group lies within `window` of any of them."""
    if any(units[i].time is None for i in group):
        return False
    return all(
        group_of[j] == group_of[i] for i in group for j in _within(units[i].time, window, timed, times)
    )


def _reach(group, groups, units, timed, times, group_of) -> list[int]:
    """The other groups, every member with a time, one of them within LONG of the group."""
    near = {group_of[j] for i in group for j in _within(units[i].time, LONG, timed, times)}
    near.discard(group_of[group[0]])
    return sorted(m for m in near if all(units[j].time is not None for j in groups[m]))


def _within(t, span: timedelta, timed, times) -> list[int]:
    """The timed units (`timed`: (time, index) sorted; `times` its times) within `span` of `t`."""
    return [j for _, j in timed[bisect.bisect_left(times, t - span) : bisect.bisect_right(times, t + span)]]


def _mean(group, other, units, vecs, score, window) -> float:
    """The mean link of two groups, each pair scored as if exactly `window` apart."""
    total = 0.0
    for i in group:
        for j in other:
            a = dataclasses.replace(units[i], time=units[j].time + window, reported=None)
            total += score(a, dataclasses.replace(units[j], reported=None), vecs[i], vecs[j])
    return total / (len(group) * len(other))
