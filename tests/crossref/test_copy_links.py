"""A copy group holding an undated run links by its best run (`crossref/copy_links.py`, issue 16)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

from tracker.crossref import copy_links, features, linkage

SEEN = datetime(2026, 6, 10, 12, tzinfo=UTC)
DAY = datetime(2026, 3, 2, 12, tzinfo=UTC)
WIRE = (
    "The harbour board told the court on Monday that the dredging firm had copied its survey of the eastern"
    " channel, and asked for damages before the autumn storms. The firm denied it and said its engineers"
    " had mapped the silt themselves. The judge will hear the engineers next week."
)
REPORT = (
    "Jurors heard opening statements in the harbour board's lawsuit over the stolen survey maps, with the"
    " board's lawyer holding up the maps of the silt and the dredging firm promising its own engineers."
)


def _profile(url, title, text, time=None):
    return features.profile(
        key=(time or SEEN, url), time=time, seen=SEEN, title=title, text=text, mentions=[]
    )


def _links(undated_run: bool):
    """The unit links of: a report, and one wire text run under two headlines (the second run's headline
    the report's words), the second run undated (placed on the first's day) or stated."""
    first = _profile("a", "Dredging firm accused of copying channel survey", WIRE, DAY)
    headline = "Opening statements in harbour board's stolen survey maps lawsuit"
    second = dataclasses.replace(_profile("b", headline, WIRE), time=DAY)  # placed: keyed by its sighting
    if not undated_run:
        second = _profile("b", headline, WIRE, DAY)
    report = _profile("c", "Opening statements in stolen survey maps lawsuit", REPORT, DAY)
    found = [first, second, report]
    copies = linkage.copy_groups(found)
    assert copies == [[0, 1], [2]]
    ranked = [found[g[0]] for g in copies]
    rarities = features.rarity(ranked)
    vecs = [features.vectors(p, *rarities) for p in ranked]
    runs = [
        features.pair_score(found[i], report, features.vectors(found[i], *rarities), vecs[1]) for i in (0, 1)
    ]
    return copy_links.best(found, copies, vecs, rarities), runs


def test_a_copy_group_holding_an_undated_run_links_by_its_best_run():
    links, (by_first, by_second) = _links(undated_run=True)
    assert by_first < copy_links.STRONG <= by_second  # the report's headline is the second run's
    assert abs(links[0, 1] - by_second) < 1e-9


def test_a_copy_group_of_stated_runs_links_by_its_first_run_as_before():
    links, (by_first, by_second) = _links(undated_run=False)
    assert by_first < by_second
    assert abs(links.get((0, 1), 0.0) - by_first) < 1e-9


def test_a_run_placed_in_another_month_links_the_group_nothing_there():
    """The undated run placed a month on (by its words: the headline of another month's report) is
    compared at its group's time: the report of that month is no nearer the group for it."""
    later = datetime(2026, 4, 2, 12, tzinfo=UTC)
    first = _profile("a", "Dredging firm accused of copying channel survey", WIRE, DAY)
    headline = "Opening statements in harbour board's stolen survey maps lawsuit"
    second = dataclasses.replace(_profile("b", headline, WIRE), time=later)
    report = _profile("c", "Opening statements in stolen survey maps lawsuit", REPORT, later)
    found = [first, second, report]
    copies = [[0, 1], [2]]  # as `linkage.copy_groups` finds them in one window
    rarities = features.rarity([first, report])
    vecs = [features.vectors(p, *rarities) for p in (first, report)]
    assert (
        features.pair_score(second, report, features.vectors(second, *rarities), vecs[1]) >= copy_links.STRONG
    )
    assert copy_links.best(found, copies, vecs, rarities).get((0, 1), 0.0) == 0.0  # a month apart
