"""crossref.linkage (what features.cluster runs) gives what the plain per-pair Python gives.

Profiles are made from the seed articles' paragraphs, recombined, with participants, quotes, named days,
undated articles, copies (tests/support/copies.py) and one wire credit, all within a few days, as a
settled neighbourhood is."""

from __future__ import annotations

import dataclasses
import random
import re
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.support.copies import KINDS, make_copy
from tracker.crossref import copy_links, features, linkage, rarities, relative, strays, untimed

ARTICLES = Path(features.__file__).resolve().parents[1] / "sources" / "sample_data" / "articles"
START = datetime(2026, 4, 28, tzinfo=UTC)


def neighbourhood(count: int, seed: int = 5) -> list[features.Profile]:
    rng = random.Random(seed)
    paragraphs = [
        p.strip() for f in sorted(ARTICLES.glob("*.txt")) for p in f.read_text().split("\n\n") if len(p) > 200
    ]
    found = []
    for n in range(count):
        text = "\n\n".join(rng.sample(paragraphs, 4))
        title = " ".join(text.split()[:8])
        title = ("Poll: " if n % 4 == 1 else "Rally: " if n % 4 == 3 else "") + title  # kinds of piece
        if n % 7 == 6:  # a copy of an earlier one
            copy = make_copy(KINDS[n % len(KINDS)], found[-1][0], found[-1][1], seed=n)
            title, text = copy.title, copy.text
        found.append((title, text))
    profiles = []
    for n, (title, text) in enumerate(found):
        when = START + timedelta(hours=rng.uniform(0, 100))
        names = [
            (m.group(), "PERSON" if n % 2 else "ORG", m.start()) for m in re.finditer(r"[A-Z][a-z]{3,}", text)
        ]
        days = [date(2026, 4, 27 + rng.randint(0, 3))] if n % 3 == 0 else []
        profiles.append(
            features.profile(
                key=(when, f"https://example.com/{n}"),
                time=None if n % 5 == 0 else when,
                seen=when + timedelta(minutes=n),
                title=title,
                text=("(AP) — " if n % 11 == 0 else "") + text,
                mentions=names[:12],
                days=days,
            )
        )
    return sorted(profiles, key=lambda p: p.key)


def vectors_of(profiles):
    term_idf, entity_idf = features.rarity(profiles)
    return [features.vectors(p, term_idf, entity_idf) for p in profiles]


def test_every_pair_scores_as_pair_score_does(caplog):
    profiles = neighbourhood(40)
    vecs = vectors_of(profiles)
    links = linkage.pair_links(profiles, vecs)
    expected = {}
    for i in range(len(profiles)):
        for j in range(i + 1, len(profiles)):
            score = features.pair_score(profiles[i], profiles[j], vecs[i], vecs[j])
            if score > 0:
                expected[(i, j)] = score
    assert "disagrees" not in caplog.text  # the matrix itself, not the fallback to pair_score
    assert links.keys() == expected.keys()
    assert max(abs(links[k] - expected[k]) for k in expected) < 1e-12
    # the neighbourhood exercises every part of the score
    assert (
        any(p.quotes for p in profiles)
        and any(p.entities for p in profiles)
        and any(p.days for p in profiles)
        and any(vecs[i][1] and vecs[j][1] and vecs[i][1].keys().isdisjoint(vecs[j][1]) for i, j in expected)
        and any(
            profiles[i].kinds and profiles[j].kinds and profiles[i].kinds.isdisjoint(profiles[j].kinds)
            for i, j in expected
        )
    )


def test_a_scoring_the_matrix_does_not_follow_is_caught():
    """pair_links checks itself against pair_score: a scoring that differs is noticed (and then used)."""
    profiles = neighbourhood(20)
    vecs = vectors_of(profiles)
    links = linkage.pair_links(profiles, vecs)
    rows, cols = (linkage.np.array(x) for x in zip(*links, strict=True))
    matrix = linkage.np.zeros((20, 20))
    for (i, j), score in links.items():
        matrix[i, j] = score
    assert linkage._agrees(profiles, vecs, matrix, rows, cols, features.pair_score)
    assert not linkage._agrees(profiles, vecs, matrix, rows, cols, lambda *a: features.pair_score(*a) * 1.01)


def test_copy_groups_are_those_of_features(caplog):
    for count in (2, 15, 60):
        profiles = neighbourhood(count, seed=count)
        assert linkage.copy_groups(profiles) == features.copy_groups(profiles)
    assert "disagrees" not in caplog.text  # the matrix itself, not the fallback to is_copy
    assert any(len(g) > 1 for g in linkage.copy_groups(neighbourhood(60, seed=60)))


def plain_average_linkage(n, links, threshold):
    """The loop features.cluster ran before linkage: every link rescanned at every merge."""
    groups = {i: [i] for i in range(n)}
    while True:
        best, pair = threshold, None
        for (i, j), total in links.items():
            mean = total / (len(groups[i]) * len(groups[j]))
            if mean > best + 1e-12 or (pair and abs(mean - best) <= 1e-12 and (i, j) < pair):
                best, pair = mean, (i, j)
        if pair is None:
            return sorted(sorted(g) for g in groups.values())
        i, j = pair
        groups[i] += groups.pop(j)
        merged = {}
        for (x, y), total in links.items():
            x, y = (i if x == j else x), (i if y == j else y)
            if x != y:
                key = (min(x, y), max(x, y))
                merged[key] = merged.get(key, 0.0) + total
        links = merged


@pytest.mark.parametrize("seed", range(12))
def test_the_merges_are_those_of_the_plain_loop(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 60)
    links = {}
    for i in range(n):
        for j in range(i + 1, n):
            if rng.random() < 0.6:  # ties on purpose: scores drawn from a few values
                links[(i, j)] = rng.choice([0.02, 0.05, 0.1, 0.1, 0.2, 0.4, rng.random()])
    threshold = rng.choice([0.06, 0.1, 0.15])
    found = sorted(sorted(g) for g in linkage.average_linkage(n, dict(links), threshold))
    assert found == plain_average_linkage(n, dict(links), threshold)


def test_cluster_groups_a_neighbourhood_as_the_plain_loops_do():
    profiles = neighbourhood(80, seed=9)
    copies = features.copy_groups(profiles)
    ranked = [profiles[g[0]] for g in copies]
    vecs = vectors_of(ranked)
    rarities = features.rarity(ranked)

    def runs(unit):  # a unit holding an undated run is compared by every run, at its time (copy_links)
        group = copies[unit]
        if all(profiles[i].time is not None and profiles[i].time == profiles[i].key[0] for i in group):
            group = group[:1]
        at = {"time": profiles[group[0]].time, "seen": profiles[group[0]].seen}
        return [(n == 0, dataclasses.replace(profiles[i], **at)) for n, i in enumerate(group)]

    def score(a, b):
        return features.pair_score(a, b, features.vectors(a, *rarities), features.vectors(b, *rarities))

    links = {}
    for i in range(len(ranked)):
        for j in range(i + 1, len(ranked)):
            scores = [(score(a, b), first_a and first_b) for first_a, a in runs(i) for first_b, b in runs(j)]
            best = max((s for s, firsts in scores if firsts or s >= copy_links.STRONG), default=0.0)
            if best > 0:
                links[(i, j)] = best
    raw = untimed.kept(ranked, links)  # weak links between two profiles with no time go
    entity_idf = features.rarity(ranked)[1]
    links, threshold = relative.bar(raw, vecs, entity_idf, features.THRESHOLD)  # the floor or the bar
    units = plain_average_linkage(len(ranked), links, threshold)
    units = strays.joined(units, raw, features.THRESHOLD, strays.outlets(ranked))
    expected = sorted(sorted(m for u in g for m in copies[u]) for g in units)
    found = features.cluster(profiles)
    assert sorted(found) == expected
    assert 1 < len(found) < len(profiles)


def test_products_add_each_pairs_keys_in_the_order_they_first_occur(monkeypatch):
    """`_products` sums a pair's products key after key, the keys in the order they first occur: the
    very bits of that plain loop, whatever BLAS the machine has (a dense matrix product sums in its
    own blocks); summed in runs of keys (`_PAIRS`, the memory bound) it is the same to rounding. Fails
    with the lower triangle not mirrored, or the diagonal mirrored too."""
    rng = random.Random(3)
    vectors = [{f"t{rng.randrange(50)}": rng.random() for _ in range(rng.randint(0, 25))} for _ in range(40)]
    keys = list(dict.fromkeys(key for vector in vectors for key in vector))
    shared = {key for key in keys if sum(key in v for v in vectors) > 1}  # the diagonal: these alone
    expected = [[0.0] * 40 for _ in range(40)]
    for i, a in enumerate(vectors):
        for j, b in enumerate(vectors):
            for key in keys:
                if key in shared and key in a and key in b:
                    expected[i][j] += a[key] * b[key]
    found = linkage._products(vectors)  # each pair summed once, (i, j) and (j, i) the same bits
    assert (found == linkage.np.array(expected)).all()
    monkeypatch.setattr(linkage, "_PAIRS", 7)
    assert linkage.np.allclose(linkage._products(vectors), found, rtol=1e-12, atol=0)


def test_weighed_gives_rarity_and_vectors_to_the_bit():
    """`rarities.weighed` (what `features.cluster` weighs with) is `features.rarity` and
    `features.vectors` to the last bit, the terms in their order, a profile whose terms weigh nothing an
    empty vector; its entries' products are those of the dicts. Fails with the norms summed by `np.sum`
    (pairwise, not left to right) and with the entries of a vector of norm 0 kept."""
    profiles = neighbourhood(60, seed=11)
    bare = dataclasses.replace(
        profiles[3], terms=Counter({"naught": 0.0}), key=(START, "https://example.com/0")
    )
    profiles = sorted([*profiles, bare], key=lambda p: p.key)
    term_idf, entity_idf, vecs = rarities.weighed(profiles)
    assert list(term_idf.items()) == list(features.rarity(profiles)[0].items())
    assert list(entity_idf.items()) == list(features.rarity(profiles)[1].items())
    expected = vectors_of(profiles)
    assert [list(v[0].items()) for v in vecs] == [list(v[0].items()) for v in expected]
    assert [list(v[1].items()) for v in vecs] == [list(v[1].items()) for v in expected]
    assert {} in [v[0] for v in vecs] and max(len(v[0]) for v in vecs) > 100
    products = linkage._products([v[0] for v in expected])
    assert linkage.entry_products(*vecs.entries).tobytes() == products.tobytes()
    assert vecs[-1] is vecs[len(vecs) - 1] and vecs[1:3] == [vecs[1], vecs[2]]  # made once
    assert rarities.weighed([])[:2] == ({}, {}) and list(rarities.weighed([])[2]) == []


def test_a_clustering_makes_the_term_dicts_of_few_profiles(monkeypatch):
    """`features.cluster` scores every pair from the arrays: a profile's term dict is made only for the
    pairs checked against `pair_score` (and `far`'s; every run of a copy group with an undated run is
    scored from dicts, `copy_links`: here all are dated). Fails with `relative.bar` reading the
    participants through the (terms, participants) pairs."""
    made = []
    weighed = rarities.weighed
    monkeypatch.setattr(rarities, "weighed", lambda ranked: made.append(weighed(ranked)) or made[-1])
    features.cluster(
        [p if p.time else dataclasses.replace(p, time=p.key[0]) for p in neighbourhood(80, seed=9)]
    )
    vecs = made[0][2]
    assert len(made) == 1 and len(vecs) > 30
    checked = 2 * (linkage.BEST_CHECKED + linkage.CHECKED_PAIRS)  # `linkage._agrees`' pairs' profiles
    assert 0 < len(vecs._made) <= checked < len(vecs)
