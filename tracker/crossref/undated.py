"""Where an article that states no date belongs in time: by what it says (issue 16).

About a third of real coverage states no publication date. Compared by when we first saw it, such an
article is either kept from its story by a time penalty (a feed seen late, an archive imported months
on) or, imported with everything else at once, compared with every story of the span at no penalty,
where it can join two stories a month apart into one. Instead, `placed` gives it the time of a dated
article it resembles by content alone (`features.pair_score` as if they were stated together: shared
words weighted by rarity, shared rare participants, shared quotations), when that resemblance reaches
PLACE_MIN.

What the article says of time narrows its matches (`fits`). A day it names with no year ("May 10"),
read in the match's year or either side, must lie within YEARLESS_WINDOW of the match: the same saga in
another month is no place for it (an article naming none is placed as before). A weekday it names bare
("on Tuesday", which has no value without a date) takes only a match published that day or WEEKDAY_LAG
days after: the day of the week a report names is its event's, and the event's dated reports carry it.
A weekday announced as a day to come or a standing one ("is expected to testify Monday", "closings are
Wednesday", "every Friday": `ahead`, read by `profiling`) is not the day reported, and is not read as one.

Its best match places it only when that is another outlet's report. An outlet's own piece of another day
is often the best match by what the outlet prints under every piece (a standing paragraph, a live blog's
frame, a columnist's hobby-horse), which says who wrote it, not what it reports. Then, and when no single
match reaches PLACE_MIN, it takes the day other outlets' matches weigh most (`_heaviest`: the matches at
the clustering's floor within SAME_DAY of one another, summed, a text several outlets ran counted once),
if that reaches PLACE_MIN; else its own outlet's best match at PLACE_MIN. A day's weight overrides
another outlet's best match only when it weighs OUTWEIGHED times that match's day or more: an analysis
that matches one report of its day well and three reports of a later day each a little belongs to its
day, but a report that also tells of an earlier event (quoting it, naming its figures) is matched best by
one report of that event, and the reports of its own day, each a little weaker, outweigh it by far.
Candidates are the CANDIDATES texts closest by words, a text several outlets ran counted once (its runs
would fill the places of other reports). A word that the articles compared hold inside a name (a party, a
case's name) weighs as rare as the articles holding it either way make it (`named`): a name one parse left
untagged is no rare word shared.

It then sits in that story's days like a dated article, and like one it never links articles further
apart than WINDOW. An article that resembles none takes the day its dated facts name most often, noon
(`Profile.pinned`: a last resort, as "the trial opened on 27 April" in a report of 30 April shows), else
keeps no time (first sightings place it, as before). Only stated times place. `clustering._apply` places
the undated articles of the scope it settles; a profile itself stays the article's alone
(`batch_profiles` reuses it within a batch). What each rule did to the case sets and PolNeAR is in
docs/evaluation.md (its sections on undated articles, sessions 23 to 31).

Deterministic: candidates are taken in the profiles' order (key order), ties to the earliest. The
resemblance of every undated article to every dated one is read from one matrix product of the term
vectors (numpy), weighed by `rarities.weighed` (`features.rarity` and `features.vectors` to the bit); the
CANDIDATES best of each are then scored in full. Nothing here reads the database.
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import numpy as np

from tracker.crossref import features, linkage, rarities, strays, words

PLACE_MIN = 0.2  # the content score an undated article needs with a dated one to take its time
CANDIDATES = 8  # texts (a copy group one) scored in full for each undated article, the best by shared words
# how far a match may lie from the days an article with no date names with no year ("May 10"): two months,
# as far ahead as a yearless day is read (`nlp.dates.FUTURE_WINDOW`); a saga's next round is further
YEARLESS_WINDOW = timedelta(days=62)
# how many days after a weekday an article names bare ("on Tuesday") a report of that day may be published:
# the day itself or the next, as a Wednesday report tells of Tuesday
WEEKDAY_LAG = 1
# Words that, among the last AHEAD_WORDS of its sentence before a weekday, say it is a day to come or a
# standing one ("is expected to testify Monday", "closings are Wednesday", "set for Tuesday", "resumes on
# Friday", "every Friday"), not the day the article reports (`ahead`)
AHEAD = frozenset(
    "expected expects will set due scheduled slated is are continues continue resumes resume begins begin "
    "returns return every until".split()
)
AHEAD_WORDS = 6
SAME_DAY = timedelta(hours=12)  # the matches this near one another are one day's reports (`_heaviest`)
# how many times the day of an undated article's best match another day's matches must weigh to take it
# instead: a report of a later event that quotes an earlier one is matched best by one report of that
# event, and its own day's reports, each a little weaker, weigh twice that one
OUTWEIGHED = 1.5
_COLUMNS = 4096  # terms per matrix product: bounds the memory
_CLAUSE_END = re.compile(r"[.!?;:,\n]\s")


def placed(profiles: Sequence[features.Profile]) -> list[features.Profile]:
    """The profiles, each without a time given the time its dated matches give it (`_time`), else its
    pinned day, as a new profile; the profiles given are not changed (they may be reused)."""
    found = list(profiles)
    undated = [i for i, p in enumerate(found) if p.time is None]
    dated = [i for i, p in enumerate(found) if p.time is not None]
    if not undated:
        return found
    term_idf, _, vecs = rarities.weighed(found)  # `features.rarity` and `features.vectors`, to the bit
    squared = named(found, term_idf)
    own = {i: _down(vecs[i], squared) for i in undated}  # its words held inside names weighed down
    words = _products([own[i][0] for i in undated], [vecs[j][0] for j in dated])
    outlets = strays.outlets(found)
    text_of = {dated[n]: dated[g[0]] for g in linkage.copy_groups([found[j] for j in dated]) for n in g}
    for row, i in enumerate(undated):
        scored = []  # (score, dated index) of the candidates whose time fits, best by words first
        for col in _candidates(words[row], [text_of[j] for j in dated]) if dated else []:
            j = dated[col]
            if fits(found[i], found[j].time):
                together = dataclasses.replace(found[i], time=found[j].time)
                scored.append((features.pair_score(together, found[j], own[i], vecs[j]), j))
        time = _time(found, scored, [outlets[j] != outlets[i] for _, j in scored], text_of)
        if time is not None or found[i].pinned is not None:
            found[i] = dataclasses.replace(found[i], time=time or found[i].pinned)
    return found


def named(found: Sequence[features.Profile], term_idf: dict[str, float]) -> dict[str, float]:
    """For each word that articles compared hold inside a name, how far it is weighed down, squared: the
    quotient of its rarity counted over the articles that have it as a word or tag it in a name to its
    rarity over the former alone (`features.rarity`, whose `term_idf` gives the latter). A party most
    articles tag is no rare word where a parse left it untagged (a live blog's "Ferrowind v. Larkspur",
    an explainer's headline), and two short texts sharing it are not one event. Squared: `placed` weighs
    the undated article's side only, which is weighing both sides of each product (nothing is normalised
    again: a word weighed down does not make the rest of its article weigh more)."""
    inside = Counter(t for p in found for t in p.named)
    prior = len(found) + features.RARITY_PRIOR
    return {  # prior * exp(-idf) is the articles having it as a word, plus a half (`features.rarity`)
        t: (math.log(prior / (prior * math.exp(-idf) + n)) / idf) ** 2
        for t, n in inside.items()
        if (idf := term_idf.get(t))
    }


def _down(vector: tuple[dict, dict], squared: dict[str, float]) -> tuple[dict, dict]:
    """An undated article's vectors, its words held inside names weighed down (`named`)."""
    if squared.keys().isdisjoint(vector[0]):
        return vector
    return {t: w * squared.get(t, 1.0) for t, w in vector[0].items()}, vector[1]


def _candidates(words: np.ndarray, texts: list[int]) -> list[int]:
    """The columns of the dated articles closest by words, until CANDIDATES texts (a text several outlets
    ran, `linkage.copy_groups`, counts once: its runs would fill the places of other reports)."""
    found, held = [], set()
    for col in np.argsort(-words, kind="stable").tolist():
        if texts[col] not in held and len(held) == CANDIDATES:
            break
        held.add(texts[col])
        found.append(col)
    return found


def _time(found, scored: list[tuple[float, int]], other: list[bool], text_of: dict) -> datetime | None:
    """The time an undated article takes from its scored matches (`other`: each of another outlet): its
    best match's, when that reaches PLACE_MIN and is another outlet's, unless the day other outlets'
    matches weigh most (`_heaviest`) weighs OUTWEIGHED times its day's or more: then that day's; else the
    heaviest day's, at PLACE_MIN or more; else its best match's if it reaches PLACE_MIN (its own outlet's),
    else none."""
    best = None
    for n, (score, _) in enumerate(scored):  # ties to the earliest candidate
        if best is None or score > scored[best][0] + 1e-12:
            best = n
    others = [m for m, o in zip(scored, other, strict=True) if o]
    day, weight = _heaviest(found, others, text_of)
    if best is not None and scored[best][0] >= PLACE_MIN and other[best]:
        time = found[scored[best][1]].time
        if day is None or weight < OUTWEIGHED * _weight(found, others, text_of, time) - 1e-12:
            return time
    if day is not None:
        return day
    return found[scored[best][1]].time if best is not None and scored[best][0] >= PLACE_MIN else None


def _heaviest(found, scored: list[tuple[float, int]], text_of: dict) -> tuple[datetime | None, float]:
    """The time of the match whose day (`_weight`) weighs most, at PLACE_MIN or more, and that weight."""
    best, time = PLACE_MIN, None
    for score, j in scored:
        if score < features.THRESHOLD:
            continue
        weight = _weight(found, scored, text_of, found[j].time)
        if weight > best + 1e-12 or (time is None and weight >= best):
            best, time = weight, found[j].time
    return time, best


def _weight(found, scored: list[tuple[float, int]], text_of: dict, time: datetime) -> float:
    """What the matches at the clustering's floor within SAME_DAY of `time` weigh together: their scores
    summed, a text several outlets ran counted once, by its best run."""
    runs: dict[int, float] = {}
    for score, k in scored:
        if score >= features.THRESHOLD and abs(found[k].time - time) <= SAME_DAY:
            runs[text_of[k]] = max(runs.get(text_of[k], 0.0), score)
    return sum(runs.values())


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


def ahead(text: str, start: int) -> bool:
    """Whether a weekday named at `start` of `text` is announced as a day to come or a standing one: a
    word of AHEAD among the last AHEAD_WORDS of its sentence before it. Such a weekday says nothing of
    the day the article reports, and is not read as one (`fits`)."""
    sentence = _CLAUSE_END.split(text[max(0, start - 160) : start])[-1]
    return not AHEAD.isdisjoint(words.tokens(sentence)[-AHEAD_WORDS:])


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
