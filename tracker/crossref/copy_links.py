"""The link between two copy groups holding an undated article: their best-linked members' (issue 16).

`features.cluster` clusters a copy group (`linkage.copy_groups`: the texts several outlets ran) as one
unit, so that a text run ten times does not make its words common, and compares the unit by its first
member in key order. Where every member states its date that is the earliest run. An undated member's key
is its first sighting, so which run stands for the group changes with which run came undated, and runs
differ in their headlines: Solvane's openings report linked to Capital Post's run of a wire report at
0.308 and to Pine Wire's run of it (another headline) at 0.171; dated the group was Capital Post's, a
third undated (Capital Post's undated) Pine Wire's, and the report went to the day before's jury
selection. Now a unit holding a member with no stated time (undated, whether `undated.placed` timed it
or not) links by the best of its members' links (`linkage.pair_links` over them at their unit's time,
word rarities still counted once a group), another member's link counting from STRONG; any other unit by
its first member, as before, so nothing changes where every article states its date.

A third undated: Solvane 0.736 -> 0.846, Marsh, Kestrel, Ferrowind and PolNeAR's train slices as they
were (0.824, 0.913, 0.801; 0.441, 0.310); dated nothing changes. Tried and dropped: every group by its best member (PolNeAR
train dated 0.693 -> 0.680: a spun or boilerplate run's links to other stories), by the mean of its
members' links (dated 0.686, no gain undated), by its best member with members at their own times (a
run placed in another month linked the unit there: the second slice 0.310 -> 0.279) or with every
other member's link (0.286: links near the floor chained a convention week's nights).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

# what a link of a unit's other member must reach to stand for the unit (the first member's link stands at
# any height): weaker ones, near the floor, chained a convention week's nights into one story in PolNeAR.
# PolNeAR train slices a third undated (first / second; without the rule 0.441 / 0.310): 0 0.459 / 0.286,
# 0.2 0.441 / 0.307, 0.25 0.441 / 0.310; Solvane 0.846 at 0.25 (with he31-mass's placement 0.894 at 0.2-0.25)
STRONG = 0.25


def best(
    profiles: Sequence,
    copies: list[list[int]],
    vecs: Sequence[tuple[dict, dict]],
    rarities: tuple[dict[str, float], dict[str, float]],
) -> dict[tuple[int, int], float]:
    """{(u, v): link} for u < v indexes into `copies` (each group in key order, its first member the
    unit's profile, whose vectors `vecs` holds): the highest `features.pair_score` between a member of
    u and a member of v, the members of a unit with no undated member being its first alone."""
    from tracker.crossref import features, linkage

    compared = [g if any(not _stated(profiles[i]) for i in g) else g[:1] for g in copies]
    if all(len(g) == 1 for g in compared):
        return linkage.pair_links([profiles[g[0]] for g in copies], vecs)
    unit = [u for u, g in enumerate(compared) for _ in g]
    members = [  # at their unit's time: a member placed in another month links nothing there
        dataclasses.replace(profiles[i], time=profiles[g[0]].time, seen=profiles[g[0]].seen)
        for g in compared
        for i in g
    ]
    member_vecs = [
        vecs[u] if n == 0 else features.vectors(profiles[i], *rarities)
        for u, g in enumerate(compared)
        for n, i in enumerate(g)
    ]
    first = {n for n in range(len(members)) if n == 0 or unit[n] != unit[n - 1]}
    found: dict[tuple[int, int], float] = {}
    for (a, b), score in linkage.pair_links(members, member_vecs).items():
        u, v = unit[a], unit[b]  # a < b, members in unit order: u <= v
        if u != v and (score >= STRONG or (a in first and b in first)) and score > found.get((u, v), 0.0):
            found[u, v] = score
    return found


def _stated(profile) -> bool:
    """Whether the profile's time is the one its article states (its key's: `profiling.effective_time`)."""
    return profile.time is not None and profile.time == profile.key[0]
