"""bench/crossref_baseline.py, issue 16's yardstick: plain TF-IDF, its windows and linkages, the threshold
fitted on the other slice, and which of our errors the baseline gets right. Invented sentences only."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from bench import crossref_baseline as cb
from bench.crossref import adjusted_rand_index

DAY = datetime(2030, 3, 4, 12, tzinfo=UTC)


def a_slice(texts, times, placed=None, truth=None) -> cb.Slice:
    return cb.Slice(
        name="s",
        truth=truth or list(range(len(texts))),
        unit_of=list(range(len(texts))),
        ours=list(range(len(texts))),
        vectors={"lead": cb.tfidf(texts)},
        times=times,
        placed=placed or times,
        items=[],
        found=[],
        raw=[],
        originals=list(range(len(texts))),
    )


def test_a_word_every_text_holds_weighs_nothing_and_vectors_are_unit():
    vectors = cb.tfidf(["Harbour council approves ferry tolls", "Harbour council rejects bridge plan"])
    assert all("harbou" not in v and "counci" not in v and v for v in vectors)
    assert all(abs(sum(w * w for w in v.values()) - 1) < 1e-9 for v in vectors)


def test_the_window_parts_stated_times_apart_and_keeps_an_undated_article_near_all():
    texts = [
        "Glacier museum reopens its ice hall",
        "Glacier museum reopens its ice hall",
        "Glacier museum reopens",
    ]
    texts.append("Quarry strike ends after vote")  # a word every text holds would weigh nothing
    times = [DAY, DAY + timedelta(days=5), None, DAY]
    s = a_slice(texts, times)
    anywhere, window = cb.similarity(s, "lead", "any"), cb.similarity(s, "lead", "3d")
    assert anywhere[0, 1] > 0.9 and window[0, 1] == 0  # five days apart
    assert window[0, 2] == anywhere[0, 2] > 0 and window[1, 2] == anywhere[1, 2] > 0  # undated: near both
    placed = a_slice(texts, times, placed=[DAY, DAY + timedelta(days=5), DAY + timedelta(days=5), DAY])
    assert cb.similarity(placed, "lead", "placed")[0, 2] == 0  # placed five days from the first


def test_single_linkage_chains_where_average_linkage_does_not():
    matrix = np.array([[0, 0.5, 0.0], [0.5, 0, 0.5], [0.0, 0.5, 0]])
    single, average = cb.groups(matrix, "single", 0.3), cb.groups(matrix, "average", 0.3)
    assert len(set(single)) == 1
    assert average[0] == average[1] != average[2]  # the third's mean link to the pair is 0.25


def test_the_threshold_is_fitted_on_the_slice_and_its_undated_variant_together():
    dated, undated = a_slice(["a"], [DAY]), a_slice(["a"], [None])
    undated.name = "su"
    low, high = cb.THRESHOLDS[0], cb.THRESHOLDS[-1]
    sweeps = {("cfg", "s"): {t: (0.0, 0, []) for t in cb.THRESHOLDS}}
    sweeps["cfg", "su"] = {t: (0.0, 0, []) for t in cb.THRESHOLDS}
    sweeps["cfg", "s"][high] = (0.6, 0, [])  # dated alone prefers high, the sum prefers low
    sweeps["cfg", "s"][low], sweeps["cfg", "su"][low] = (0.5, 0, []), (0.5, 0, [])
    assert cb.fitted_threshold(sweeps, "cfg", (dated, undated)) == low


@pytest.mark.parametrize(
    ("baseline", "right"),
    [
        ([0, 1, 2, 3, 3], {"joined": True, "split": True}),
        ([0, 0, 1, 2, 3], {"joined": False, "split": False}),
    ],
)
def test_our_errors_are_priced_and_marked_when_the_baseline_gets_them_right(baseline, right):
    truth = ["harbour", "ferry", "quarry", "glacier", "glacier"]
    ours = [0, 0, 1, 2, 3]  # harbour and ferry joined, glacier split
    rows = cb.errors(truth, ours, baseline, adjusted_rand_index)
    assert {kind: fixed for _, kind, _, fixed in rows} == right
    assert all(gain > 0 for gain, *_ in rows)
    assert [r[2] for r in rows if r[1] == "joined"] == [[0, 1]]


def test_each_slice_is_scored_at_the_threshold_fitted_on_the_other(capsys):
    grid = (0.1, 0.2)
    slices = {}
    for name in ("1", "2"):
        pair = (a_slice(["a"], [DAY]), a_slice(["a"], [None]))
        pair[0].name, pair[1].name = f"s{name}", f"s{name}u"
        slices[name] = pair
    sweeps = {
        ("cfg", s.name): {t: (0.9 if t == best else 0.1, 0.5, []) for t in grid}
        for best, pair in ((0.1, slices["1"]), (0.2, slices["2"]))
        for s in pair
    }
    cb.crossed(sweeps, "cfg", slices, grid)
    line = capsys.readouterr().out
    assert "s2 0.100 / 0.500 (0.900) at 0.100" in line  # the first slice's best, not the second's
    assert "s1 0.100 / 0.500 (0.900) at 0.200" in line


def carried(first: tuple[str, str], second: tuple[str, str], *others: tuple[str, str]) -> str:
    from tracker.crossref import features

    found = [
        features.profile(key=(DAY, str(n)), time=DAY, seen=DAY, title=title, text=text, mentions=[])
        for n, (title, text) in enumerate((first, second, *others))
    ]
    term_idf, entity_idf = features.rarity(found)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in found]
    return cb.carried_by(found[0], found[1], vecs[0], vecs[1])


QUOTE = '"the lighthouse keepers will never accept a wage freeze this winter" said one.'


def test_what_carries_a_pair_over_the_floor_is_named():
    filler = [(f"Orchard {w} notes", f"Orchard {w} season report on apples and pears.") for w in "abcdefgh"]
    words = ("Ferry tolls rise at the harbour", "The harbour ferry tolls rise in spring, the council said.")
    assert (
        carried(words, ("Harbour ferry tolls rise", "Ferry tolls at the harbour rise."), *filler) == "words"
    )
    own = [" ".join(f"{w}{n}zed" for n in range(80)) for w in ("mor", "tav")]  # words of each alone
    quoted = [("Museum wing opens", f"{own[0]}. {QUOTE}"), ("Bakery prices climb", f"{own[1]}. {QUOTE}")]
    assert carried(*quoted, *filler) == "quotes"
    apart = ("Glacier survey ends", "Glacier survey crews ended their work.")
    assert carried(words, apart, *filler) == "under the floor"
