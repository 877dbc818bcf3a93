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
    vecs = Weighed(ids[kept], units, lengths)
    ends = np.cumsum(lengths).tolist()
    for p, end, length in zip(profiles, ends, lengths.tolist(), strict=True):
        unit = dict(zip(p.terms, units[end - length : end].tolist(), strict=True)) if length else {}
        vecs.append((unit, {e: w * entity_idf.get(e, 0.0) for e, w in p.entities.items()}))
    return term_idf, entity_idf, vecs


class Weighed(list):
    """The (terms, participants) vectors of `features.vectors`, in a list that also holds the term
    vectors' entries as arrays (`linkage.entry_products`'s: ids in the order the terms first occur, values,
    entries a vector), so that their products need not gather them from the dicts again."""

    def __init__(self, ids, values, lengths):
        super().__init__()
        self.entries = (ids, values, lengths)
