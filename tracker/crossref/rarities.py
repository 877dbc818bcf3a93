"""`features.rarity` and `features.vectors` of every profile `features.cluster` compares, at once.

A settle clusters its whole neighbourhood again (at 600 articles of one week, some 70 copy groups and
16,000 weighted terms), and the word rarities change with every article added, so each settle weighs
every term again: counted (a `Counter` of every profile's terms), weighted and normalised one
Python statement a term. Here the terms are gathered once into arrays (C loops over the dicts), their
document frequencies counted by `np.bincount`, and the weights and norms computed over the arrays.

The values are `features`' to the bit: each rarity is `math.log` of the same quotient (one per possible
document frequency), each weight the same product, each norm the same sum of squares added in the
same order (`np.cumsum` along a row adds left to right, as `sum` does; the zeros padding a row add
nothing), divided and rooted by IEEE operations as in Python; the dicts keep the terms' order.
Participants are few a profile: weighted by `features.vectors` itself. No database is read.
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from collections.abc import Sequence

import numpy as np


def weighed(profiles: Sequence) -> tuple[dict[str, float], dict[str, float], list[tuple[dict, dict]]]:
    """`features.rarity(profiles)` and each profile's `features.vectors` under it."""
    from tracker.crossref import features

    n = len(profiles)
    terms = [p.terms for p in profiles]
    lengths = np.fromiter(map(len, terms), dtype=np.int64, count=n)
    total = int(lengths.sum())
    index: dict = {}  # a term's first entry among all of them: ids in the order terms first occur
    first = np.fromiter(
        map(index.setdefault, itertools.chain.from_iterable(terms), itertools.count()), np.int64, total
    )
    ids = np.searchsorted(np.fromiter(index.values(), np.int64, len(index)), first)
    held = np.bincount(ids, minlength=len(index))  # each term's document frequency
    prior = n + features.RARITY_PRIOR
    idf = np.array([math.log(prior / (v + 0.5)) for v in range(n + 1)])[held]
    term_idf = dict(zip(index, idf.tolist(), strict=True))
    entity_df = Counter(e for p in profiles for e in p.entities)
    entity_idf = {k: max(0.0, math.log((n + 1) / (v + 0.5))) for k, v in entity_df.items()}
    weights = np.fromiter(itertools.chain.from_iterable(t.values() for t in terms), float, total) * idf[ids]
    ends = np.cumsum(lengths)
    padded = np.zeros((n, int(lengths.max(initial=0))))
    padded[np.repeat(np.arange(n), lengths), np.arange(total) - np.repeat(ends - lengths, lengths)] = weights
    norms = np.sqrt(np.cumsum(padded * padded, axis=1)[:, -1]) if total else np.zeros(n)
    kept = np.repeat(norms > 0, lengths)  # a vector of norm 0 is empty (`features._unit`)
    units = weights[kept] / np.repeat(norms, lengths)[kept]
    lengths = np.where(norms > 0, lengths, 0)
    entities = [{e: w * entity_idf.get(e, 0.0) for e, w in p.entities.items()} for p in profiles]
    return term_idf, entity_idf, Weighed(terms, ids[kept], units, lengths, entities)


def entities_of(vecs: Sequence[tuple[dict, dict]]) -> list[dict]:
    """The participants' vectors of `vecs` (a `Weighed` has them apart: no term dict is made)."""
    return vecs.entities if isinstance(vecs, Weighed) else [v[1] for v in vecs]


class Weighed(Sequence):
    """The (terms, participants) vectors of `features.vectors`, each term dict made when first asked
    for (a settle's scores read a few dozen of them: `linkage._agrees`, `far`), the participants'
    vectors apart (`entities_of`), and the term vectors' entries as arrays (`linkage.entry_products`'s:
    ids in the order the terms first occur, values, entries a vector): their products gather nothing."""

    def __init__(self, terms: list, ids, values, lengths, entities: list[dict]):
        self.entries = (ids, values, lengths)
        self.entities = entities
        self._terms, self._lengths = terms, lengths.tolist()
        self._ends = np.cumsum(lengths).tolist()
        self._made: dict[int, tuple[dict, dict]] = {}

    def __len__(self) -> int:
        return len(self.entities)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(len(self))[i]]
        i = range(len(self))[i]
        if i not in self._made:
            end, length = self._ends[i], self._lengths[i]
            values = self.entries[1][end - length : end].tolist()
            self._made[i] = (
                dict(zip(self._terms[i], values, strict=True)) if length else {},
                self.entities[i],
            )
        return self._made[i]
