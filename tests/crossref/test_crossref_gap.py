"""bench/crossref_gap.py: the ARI gap split into the share splitting owns and the share merging owns."""

from __future__ import annotations

from bench import crossref_gap as cg
from bench.crossref import adjusted_rand_index


def test_pair_counts_give_the_same_ari_as_the_labels():
    truth = ["a", "a", "a", "b", "b", "c", "d"]
    found = [1, 1, 2, 2, 3, 3, 4]
    together, merged, split, apart = cg.counts(truth, found)
    assert (together, merged, split) == (1, 2, 3)
    assert together + merged + split + apart == 21
    assert abs(cg.ari_of(together, merged, split, apart) - adjusted_rand_index(truth, found)) < 1e-12


def test_mending_one_side_leaves_the_other_sides_loss():
    truth = ["a", "a", "a", "a", "b", "c"]
    only_split = [1, 1, 2, 2, 3, 4]  # one event in two parts, nothing merged
    a, b, c, d = cg.counts(truth, only_split)
    assert b == 0 and cg.ari_of(a + c, b, 0, d) == 1.0  # mending the splits mends everything
    assert cg.ari_of(a, 0, c, d + b) == cg.ari_of(a, b, c, d) < 1.0  # mending merges changes nothing
    only_merged = [1, 1, 1, 1, 2, 2]
    a, b, c, d = cg.counts(truth, only_merged)
    assert c == 0 and cg.ari_of(a, 0, c, d + b) == 1.0
