"""Where an article that states no date belongs in time: by what it says (issue 16).

About a third of real coverage states no publication date. Compared by when we first saw it, such an
article is either kept from its story by a time penalty (a feed seen late, an archive imported months
on) or, imported with everything else at once, compared with every story of the span at no penalty,
where it can join two stories a month apart into one. Instead, `placed` gives it the time of the dated
article it resembles most by content alone (`features.pair_score` as if they were stated together:
shared words weighted by rarity, shared rare participants, shared quotations), when that resemblance
reaches PLACE_MIN and the match lies within YEARLESS_WINDOW of a day the article names with no year
("May 10", read in the match's year or either side; an article naming none is placed as before): the
same saga in another month is no place for it. Naming a weekday bare ("on Tuesday", which has no value
without a date), it takes only a match published that day or the next (WEEKDAY_LAG): the day of the week
a report names is its event's, and the event's dated reports carry it (a third undated: Marsh 0.759 ->
0.824, PolNeAR's train slices 0.429 -> 0.441 and 0.304 -> 0.310, Kestrel, Ferrowind, Solvane unchanged;
dated unchanged). It then sits in that story's days like a dated article,
and like one it never links articles further apart than WINDOW. An article that resembles none takes the day its dated facts name
most often, noon (`Profile.pinned`: a last resort, as "the trial opened on 27 April" in a report of
30 April shows), else keeps no time (first sightings place it, as before). Only stated times place. `clustering._apply` places the undated articles of the scope it settles; a
profile itself stays the article's alone (`batch_profiles` reuses it within a batch).

Deterministic: candidates are taken in the profiles' order (key order), ties to the earliest. The
resemblance of every undated article to every dated one is read from one matrix product of the term
vectors (numpy); the CANDIDATES best of each are then scored in full. Nothing here reads the database.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import numpy as np

from tracker.crossref import features

PLACE_MIN = 0.2  # the content score an undated article needs with a dated one to take its time
CANDIDATES = 8  # dated articles scored in full for each undated one, the best by shared words
# how far a match may lie from the days an article with no date names with no year ("May 10"): two months,
# as far ahead as a yearless day is read (`nlp.dates.FUTURE_WINDOW`); a saga's next round is further
YEARLESS_WINDOW = timedelta(days=62)
# how many days after a weekday an article names bare ("on Tuesday") a report of that day may be published:
# the day itself or the next, as a Wednesday report tells of Tuesday (0: Marsh a third undated 0.759 ->
# 0.759, Solvane 0.736 -> 0.767, PolNeAR train slices 0.429 -> 0.526 and 0.304 -> 0.303; 2: nothing changed)
WEEKDAY_LAG = 1
_COLUMNS = 4096  # terms per matrix product: bounds the memory


def placed(profiles: Sequence[features.Profile]) -> list[features.Profile]:
    """The profiles, each without a time given the time of the dated profile it resembles most (at
    least PLACE_MIN), else its pinned day, as a new profile; the profiles given are not changed (they
    may be reused)."""
    found = list(profiles)
    undated = [i for i, p in enumerate(found) if p.time is None]
    dated = [i for i, p in enumerate(found) if p.time is not None]
    if not undated:
        return found
    term_idf, entity_idf = features.rarity(found)
    vecs = {i: features.vectors(found[i], term_idf, entity_idf) for i in undated + dated}
    words = _products([vecs[i][0] for i in undated], [vecs[j][0] for j in dated])
    for row, i in enumerate(undated):
        best, time = PLACE_MIN, None
        for col in np.argsort(-words[row], kind="stable")[:CANDIDATES].tolist() if dated else []:
            j = dated[col]
            if not fits(found[i], found[j].time):
                continue
            together = dataclasses.replace(found[i], time=found[j].time)
            score = features.pair_score(together, found[j], vecs[i], vecs[j])
            if score > best + 1e-12 or (time is None and score >= best):
                best, time = score, found[j].time
        if time is not None or found[i].pinned is not None:
            found[i] = dataclasses.replace(found[i], time=time or found[i].pinned)
    return found


def fits(undated: features.Profile, time: datetime) -> bool:
    """Whether a time falls on a weekday the article names bare ("on Tuesday") or WEEKDAY_LAG days after,
    when it names one, and lies within YEARLESS_WINDOW of a day it names with no year ("May 10"), read in that time's year or
    the year either side, when it names one."""
    if undated.weekdays and all((time.weekday() - day) % 7 > WEEKDAY_LAG for day in undated.weekdays):
        return False
    for month, day in undated.yearless:
        for year in (time.year - 1, time.year, time.year + 1):
            try:
                named = datetime(year, month, day, 12, tzinfo=UTC)
            except ValueError:  # 29 February in a common year
                continue
            if abs(named - time) <= YEARLESS_WINDOW:
                return True
    return not undated.yearless


def _products(rows: list[dict], cols: list[dict]) -> np.ndarray:
    """Dot products of sparse vectors, rows by cols, over the keys both sides hold."""
    held = {key for vector in cols for key in vector}
    column: dict = {}
    for vector in rows:
        for key in vector:
            if key in held:
                column.setdefault(key, len(column))
    sides = []
    for vectors in (rows, cols):
        cells = [
            (r, column[k], v) for r, vector in enumerate(vectors) for k, v in vector.items() if k in column
        ]
        sides.append(np.array(cells, dtype=float).reshape(-1, 3))
    found = np.zeros((len(rows), len(cols)))
    for start in range(0, len(column), _COLUMNS):
        width = min(_COLUMNS, len(column) - start)
        left, right = np.zeros((len(rows), width)), np.zeros((len(cols), width))
        for side, cells in ((left, sides[0]), (right, sides[1])):
            inside = cells[(cells[:, 1] >= start) & (cells[:, 1] < start + width)]
            side[inside[:, 0].astype(int), inside[:, 1].astype(int) - start] = inside[:, 2]
        found += left @ right.T
    return found
