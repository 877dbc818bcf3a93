"""The two costs of `features.cluster` that grow with the square of the articles compared, made small.

Settling a batch reclusters its neighbourhood (every linked article within three days) from scratch,
once per new article and once per batch, so these run with a few hundred articles many times a batch:

- `pair_links`: every pair's `features.pair_score` at once over numpy arrays (term vectors' dot products
  over the terms two or more share, each pair's sum in one fixed order, once for i <= j and mirrored;
  participants, quotes and named days likewise), `pair_score`'s formula term for term. A sample of pairs (the 8 best-scored, 8 more) is
  checked against `pair_score` on every call; should they disagree (the scoring changed, this copy did
  not), every pair is scored by `pair_score` instead and a warning is logged: the clusters never depend
  on the copy being in step.
- `average_linkage`: the merges of `features.cluster` from a heap of group pairs (stale entries skipped),
  not a rescan of every link at every merge: a merge costs the merged groups' neighbours. Same choice:
  the highest mean link above the threshold, a tie (within 1e-12) to the smallest pair of group ids.

Both are functions of the profiles in the order given (`features.cluster` passes them in key order): the
outcome does not depend on arrival order. A group's id is its smallest member. No database is read.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import random
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

import numpy as np

from tracker.crossref import copy_finding, rarities

log = logging.getLogger(__name__)

TIE = 1e-12
CHECKED_PAIRS = 8  # pairs checked against pair_score on every call (plus the BEST_CHECKED best-scored)
BEST_CHECKED = 8  # a scoring changed without this copy differs on nearly every pair, or on the best ones
_PAIRS = 1 << 22  # holder pairs summed at once by `_products`: bounds the memory at MAX_SCOPE articles


def pair_links(ranked: Sequence, vecs: Sequence[tuple[dict, dict]]) -> dict[tuple[int, int], float]:
    """{(i, j): score} for i < j with a positive `features.pair_score`."""
    from tracker.crossref import features

    n = len(ranked)
    if n < 2:
        return {}
    matrix = _score_matrix(ranked, vecs, features)
    upper = np.triu(matrix, 1)
    rows, cols = np.nonzero(upper > 0)
    if not _agrees(ranked, vecs, matrix, rows, cols, features.pair_score):
        log.warning("linkage.pair_links disagrees with features.pair_score: scoring every pair in Python")
        return _python_links(ranked, vecs, features.pair_score)
    values = upper[rows, cols].tolist()
    return dict(zip(zip(rows.tolist(), cols.tolist(), strict=True), values, strict=True))


def average_linkage(n: int, links: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Groups of 0..n-1 merged by average linkage while the best mean link exceeds `threshold`."""
    size = [1] * n
    stamp = [0] * n
    alive = [True] * n
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    near: list[dict[int, float]] = [{} for _ in range(n)]  # group -> neighbour group -> summed links
    heap: list[tuple[float, int, int, int, int]] = []
    for (i, j), total in links.items():
        near[i][j] = total
        near[j][i] = total
        if total > threshold + TIE:
            heap.append((-total, i, j, 0, 0))
    heapq.heapify(heap)

    def fresh(entry) -> bool:
        _, i, j, si, sj = entry
        return alive[i] and alive[j] and stamp[i] == si and stamp[j] == sj

    while heap:
        top = heapq.heappop(heap)
        if not fresh(top):
            continue
        tied = [top]  # every fresh pair within TIE of the best: the smallest ids win, as before
        while heap and -heap[0][0] >= -top[0] - TIE:
            entry = heapq.heappop(heap)
            if fresh(entry):
                tied.append(entry)
        chosen = min(tied, key=lambda e: (e[1], e[2]))
        for entry in tied:
            if entry is not chosen:
                heapq.heappush(heap, entry)
        _, i, j, _, _ = chosen
        alive[j] = False
        members[i] += members.pop(j)
        size[i] += size[j]
        stamp[i] += 1
        links_i = near[i]
        links_i.pop(j, None)
        for k, total in near[j].items():
            if k == i:
                continue
            del near[k][j]
            summed = links_i[k] + total if k in links_i else total
            links_i[k] = summed
            near[k][i] = summed
        near[j] = {}
        for k, total in links_i.items():
            mean = total / (size[i] * size[k])
            if mean > threshold + TIE:
                a, b = (i, k) if i < k else (k, i)
                heapq.heappush(heap, (-mean, a, b, stamp[a], stamp[b]))
    return list(members.values())


def copy_groups(profiles: Sequence) -> list[list[int]]:
    """`features.copy_groups`, each pair compared once a process (`copy_finding`)."""
    return copy_finding.copy_groups(profiles)


# --- the scores, for all pairs at once ------------------------------------------------------------


def _score_matrix(ranked: Sequence, vecs: Sequence[tuple[dict, dict]], features) -> np.ndarray:
    """`features.pair_score` of every pair as an n x n matrix (the diagonal is meaningless)."""
    weighed = isinstance(vecs, rarities.Weighed)  # the term vectors' entries already gathered
    terms = entry_products(*vecs.entries) if weighed else _products([v[0] for v in vecs])
    entities = _weighted_jaccard(rarities.entities_of(vecs))
    shared_quotes = _products([dict.fromkeys(p.quotes, 1.0) for p in ranked])
    day_sets = [dict.fromkeys(p.days, 1.0) for p in ranked]
    facts = _jaccard(day_sets, _products(day_sets))
    quotes = np.where(shared_quotes >= features.QUOTE_MIN_SHARED, np.minimum(1.0, shared_quotes / 3), 0.0)
    agree = np.minimum(1.0, terms / features.TERMS_FOR_ENTITIES)
    score = (
        features.TERM_WEIGHT * terms
        + (features.ENTITY_WEIGHT * entities + features.FACT_WEIGHT * facts) * agree
    )
    aparts = ((features.APART, rarities.entities_of(vecs)), (features.KIND_APART, [p.kinds for p in ranked]))
    for kept, sets in aparts:
        held = np.array([bool(s) for s in sets])  # both named, none in common (people; kinds of piece)
        apart = (_products([dict.fromkeys(s, 1.0) for s in sets]) == 0) & held[:, None] & held[None, :]
        score = np.where(apart, score * kept, score)
    days, window = _gaps(ranked), features.WINDOW // _MICROSECOND
    # pair_score's `DATE_FADE * faded_gap / WINDOW`: a timedelta times a float is rounded to microseconds
    fade = 1.0 - np.rint(features.DATE_FADE * _gaps(ranked, reported=True)) / window
    return np.where(days > window, 0.0, (score + features.QUOTE_WEIGHT * quotes) * fade)


def _products(vectors: Sequence[dict]) -> np.ndarray:
    """Dot products of sparse vectors over the keys two or more hold: each pair's products key after key,
    in the order the keys first occur (`np.bincount` adds in array order: no BLAS blocking or threads in
    the sums); only pairs sharing a key cost anything, unlike a dense product. Entries gathered by C loops
    (`np.fromiter` over the dicts), not a Python statement per entry."""
    n = len(vectors)
    lengths = np.fromiter(map(len, vectors), dtype=np.int64, count=n)
    total = int(lengths.sum())
    index: dict = {}  # a key's id: where it first occurs among all the entries
    ids = np.fromiter(
        map(index.setdefault, itertools.chain.from_iterable(vectors), itertools.count()),
        dtype=np.int64,
        count=total,
    )
    values = np.fromiter(itertools.chain.from_iterable(v.values() for v in vectors), dtype=float, count=total)
    return entry_products(ids, values, lengths)


def entry_products(ids, values, lengths) -> np.ndarray:
    """`_products` of the vectors given as their entries: each key's id (ids in the order the keys first
    occur), its value, and how many entries each vector has (its entries follow the previous one's)."""
    n, total = len(lengths), len(ids)
    rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
    shared = np.bincount(ids, minlength=total)[ids] > 1 if total else np.zeros(0, dtype=bool)
    order = np.argsort(ids[shared], kind="stable")  # by key, first occurring first; rows ascending
    ids, rows, values = ids[shared][order], rows[shared][order], values[shared][order]
    starts = np.flatnonzero(np.diff(ids, prepend=-1))  # where each key's holders begin
    sizes = np.diff(starts, append=len(ids))
    found = np.zeros(n * n)  # the pairs i <= j; the lower triangle is their mirror
    first = 0
    while first < len(sizes):  # keys in runs of about _PAIRS holder pairs: bounds the memory
        last = first + max(1, int(np.searchsorted(np.cumsum(sizes[first:] ** 2), _PAIRS, side="right")))
        found += _key_products(rows, values, starts[first:last], sizes[first:last], n)
        first = last
    found = found.reshape(n, n)
    return found + np.triu(found, 1).T  # adds zeros: each pair's sum as summed


def _key_products(rows, values, starts, sizes, n: int) -> np.ndarray:
    """The products of every two holders of these keys, each with itself and with those after it (a
    key's entries are `rows[start:start + size]`, rows ascending, `values` likewise), summed per pair of
    rows (i <= j) in key order: a flat n * n array, nothing under the diagonal."""
    held = slice(starts[0], starts[0] + sizes.sum())
    entry = np.arange(held.start, held.stop)
    after = np.repeat(starts + sizes, sizes) - entry  # the entry itself and the key's entries after it
    pair_start = np.cumsum(after) - after
    other = np.repeat(entry - pair_start, after) + np.arange(int(after.sum()))  # the entry's partners
    at = np.repeat(rows[held] * n, after) + rows[other]  # repeated, not gathered: the same values
    return np.bincount(at, weights=np.repeat(values[held], after) * values[other], minlength=n * n)


def _weighted_jaccard(vectors: Sequence[dict]) -> np.ndarray:
    """Sum of the smaller weights of the keys both hold over the sum of the larger weights of all."""
    n = len(vectors)
    holders: dict = {}
    for row, vector in enumerate(vectors):
        for key, value in vector.items():
            holders.setdefault(key, []).append((row, value))
    smaller = np.zeros((n, n))
    for held in holders.values():
        if len(held) > 1:
            rows = np.array([r for r, _ in held])
            weights = np.array([w for _, w in held])
            smaller[np.ix_(rows, rows)] += np.minimum.outer(weights, weights)
    sums = np.array([sum(v.values()) for v in vectors])
    union = sums[:, None] + sums[None, :] - smaller
    return np.divide(smaller, union, out=np.zeros((n, n)), where=union > 0)


def _jaccard(sets: Sequence[dict], shared: np.ndarray) -> np.ndarray:
    sizes = np.array([len(s) for s in sets], dtype=float)
    union = sizes[:, None] + sizes[None, :] - shared
    both = (sizes[:, None] > 0) & (sizes[None, :] > 0)
    return np.divide(shared, union, out=np.zeros_like(shared), where=both & (union > 0))


def _gaps(ranked: Sequence, *, reported: bool = False) -> np.ndarray:
    """`features.gap` in microseconds: by the stated times when both have one, else by first sightings;
    `reported`: `features.faded_gap`, from the day the later of two stated articles reports if nearer."""
    seen = np.array([_micros(p.seen) for p in ranked], dtype=np.int64)
    timed = np.array([p.time is not None for p in ranked])
    time = np.array([_micros(p.time) if p.time is not None else 0 for p in ranked], dtype=np.int64)
    both = timed[:, None] & timed[None, :]
    days = np.where(both, np.abs(time[:, None] - time[None, :]), np.abs(seen[:, None] - seen[None, :]))
    told = np.array([_micros(p.reported) if p.reported else -1 for p in ranked], dtype=np.int64)
    told_j = (told < 0) | (told[:, None] == told)  # the earlier (column j) reports no day or the same day
    later = both & (told >= 0)[:, None] & (time[:, None] > time) & told_j & reported  # row i reports
    back = np.where(later, np.abs(told[:, None] - time[None, :]), days)
    return np.minimum(days, np.minimum(back, back.T))


_MICROSECOND = timedelta(microseconds=1)
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _micros(moment) -> int:
    return (moment - _EPOCH) // _MICROSECOND


# --- the check against pair_score, and the fallback -------------------------------------------------


def _agrees(ranked, vecs, matrix: np.ndarray, rows, cols, score: Callable) -> bool:
    """The matrix equals `score` on the best-scored pairs and on a spread of others."""
    best = np.argsort(-matrix[rows, cols], kind="stable")[:BEST_CHECKED]

    def close(i: int, j: int) -> bool:
        expected = score(ranked[i], ranked[j], vecs[i], vecs[j])
        return abs(expected - float(matrix[i, j])) <= 1e-9 * max(1.0, abs(expected))

    return all(close(i, j) for i, j in _sample(len(ranked), rows[best], cols[best]))


def _sample(n: int, rows, cols) -> list[tuple[int, int]]:
    """The pairs (rows, cols) and CHECKED_PAIRS more drawn from all pairs (seeded by n: repeatable)."""
    pairs = set(zip(rows.tolist(), cols.tolist(), strict=True))
    rng = random.Random(n)
    for _ in range(CHECKED_PAIRS):
        i, j = sorted(rng.sample(range(n), 2))
        pairs.add((i, j))
    return sorted(pairs)


def _python_links(ranked, vecs, score: Callable) -> dict[tuple[int, int], float]:
    links = {}
    for i in range(len(ranked)):
        for j in range(i + 1, len(ranked)):
            value = score(ranked[i], ranked[j], vecs[i], vecs[j])
            if value > 0:
                links[(i, j)] = value
    return links
