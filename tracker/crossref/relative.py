"""The relative threshold of `features.cluster`, and the pairs it does not apply to (issue 16).

Coverage of one case names the same cast in every article and uses the case's words throughout, so two
reports of different events of one week can score above the floor (0.06). The clusterer therefore also
asks a link to reach RELATIVE times the median link of the articles compared: what an unrelated pair of
this coverage scores. That median is an unrelated pair's only while most pairs in view are unrelated;
in dense coverage of one case (several outlets a day, an event a day, a testimony over several days)
most pairs within the window report one event, the median is a same-event score, and the bar rises
above the links of an event's own reports (0.07-0.10 between a witness's day in four outlets).

What the cast cannot give is a participant that is rare among the articles compared: the witness of
the day, the expert, the company of one filing. So a pair whose titles and leads share a participant
named in few of the articles compared (entity IDF >= RARE_SHARED, `features.rarity`: in under about a
fifth of them) is held to the floor only; a pair sharing only the cast, or no one, still meets the
relative bar. Written as a lift of such a pair's link by the bar's height over the floor (a link d
above the floor is d above the bar), so that average linkage compares groups as before. Scaling such
links by the bar over the floor instead (about 3x in one-case coverage) made them the strongest links
in view, and a group pulled its neighbours in through them: the third blind set (ferrowind) fell from
0.859 to 0.777 dated. Where the floor decides (the median is low: PolNeAR's politics), nothing changes.

Measured through the chain (ARI, before -> after): PolNeAR's 223 labelled articles 0.665 -> 0.665, its
dev split (`--quick`) 0.431 -> 0.431; the one-case set tuned on (Marsh) 0.8416 and 0.7199 (a third
undated) unchanged; the blind sets, dated and a third undated: Kestrel 0.8044 -> 0.8470 and 0.8044 ->
0.8470, ferrowind 0.8590 -> 0.9080 and 0.8006 -> 0.8006. All at once, PolNeAR with a third undated
0.4887 unchanged. The cut (1.5) was set on Marsh, where 1.4-2.5 give the same.

The lift is graded (session 28, hk30): all of it for a participant RARE_RAMP past the cut (in under about
a sixth of the articles compared), a part for one nearer the cut, in proportion. All or nothing, a name
just past the cut lifted as much as the witness of the day: in Solvane's coverage "U.S." (of "U.S.
District Judge", in ten of 47 leads, IDF 1.52) lifted an openings report's links to the day before's
jury selection by the whole bar, and the report went there. Where the articles compared are too few for
a shared name to be that rare (two of fewer than about 14), the rarest a shared name can be takes all of
it, as before. Measured through the chain, dated / a third undated: Solvane 0.900 -> 0.945 / 0.736, the
other three sets unchanged (Kestrel 0.913 / 0.913, Ferrowind 0.932 / 0.801, Marsh 0.922 / 0.824); ramps of
0.3 and 0.5 give the same; 0.75 and 1.0 cost Ferrowind dated 0.932 -> 0.884 (a report of its CEO's
testimony day went to the trial's openings the day before).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from tracker.crossref import rarities

RELATIVE_MIN_PAIRS = 30  # fewer pairs say nothing about what is usual
RELATIVE = 1.8  # the bar: this many times the median score of the pairs compared
RARE_SHARED = 1.5  # a participant this rare (IDF) among the articles compared is no part of the cast
RARE_RAMP = 0.3  # the lift grows over this much IDF past RARE_SHARED: all of it for a name in under 1/6


def bar(
    links: dict[tuple[int, int], float],
    vecs: Sequence[tuple[dict, dict]],
    idf: dict[str, float],
    floor: float,
) -> tuple[dict[tuple[int, int], float], float]:
    """The links and the threshold average linkage is to use: the floor, or RELATIVE times the median
    link when that is higher, with the links over the floor of pairs sharing a rare participant lifted
    by the bar's height over the floor (a part of it for a name near the cut, `_grade`): they meet the
    bar as they would meet the floor."""
    if len(links) < RELATIVE_MIN_PAIRS:
        return links, floor
    threshold = max(floor, RELATIVE * sorted(links.values())[len(links) // 2])
    if threshold <= floor:
        return links, floor
    rare = [{e for e in v if idf.get(e, 0.0) >= RARE_SHARED} for v in rarities.entities_of(vecs)]
    lift = threshold - floor
    span = min(RARE_RAMP, math.log((len(vecs) + 1) / 2.5) - RARE_SHARED)  # 2.5: two articles, `rarity`'s 0.5
    return {
        (i, j): score + lift * _grade(rare[i] & rare[j], idf, span) if score > floor else score
        for (i, j), score in links.items()
    }, threshold


def _grade(shared: set[str], idf: dict[str, float], span: float) -> float:
    """How much of the lift a pair sharing `shared` gets: none without a rare participant, a part for
    one just past RARE_SHARED, all for one `span` past it."""
    if not shared:
        return 0.0
    if span <= 0:
        return 1.0
    return min(1.0, (max(idf[e] for e in shared) - RARE_SHARED) / span)
