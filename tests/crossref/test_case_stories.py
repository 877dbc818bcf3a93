"""Stories on coverage of ONE case, where every article names the same people (issue 16).

tests/fixtures/case_stories/marsh_v_northlight.json holds 46 invented articles (texts may be committed:
written here, nothing copied) about one invented trial, labelled by event before the clusterer was read:
ten events days apart (jury selection, openings, testimony days, a distillation admission, closings,
verdict, post-trial motions), each reported by wire copies, outlets' own reports, analyses and opinion.
They go through the real chain as `bench/crossref.py` feeds PolNeAR: one full-content Atom feed per
outlet, ingested, extracted and linked, dated, then with every third article stating no date. The floors
sit under what the clustering reached when they were set: they catch a regression, not the goal.
"""

from __future__ import annotations

import pytest

from bench.crossref import ingest_polnear
from tests.support.case_stories import CaseSet, Coverage, measured_once

pytestmark = pytest.mark.django_db

CASE = CaseSet("marsh_v_northlight.json", {})  # no documented disagreements
# Dated, and with every third article stating no date: the chain here reached 0.842 and 0.720 (without
# the credited-dateline rule of tracker/crossref/datelines.py: 0.803 and 0.603; measured again on
# session 20's main and session 24's start: 0.8416 and 0.7199; session 24, once a report left alone joins the story it clearly
# belongs to, tracker/crossref/strays.py: 0.894 and 0.736; session 25, once a story reported again after a
# quiet spell joins its first part, tracker/crossref/far.py: 0.922 and 0.759; session 27, once an undated
# report naming "on Tuesday" takes only a match of that day or the next, tracker/crossref/undated.py:
# 0.922 and 0.824; session 30, once an undated report's own outlet's piece of another day, or no single
# match at all, places it only where no day of other outlets' reports weighs as much: 0.922 and 0.878).
# The floors sit just under, so that any loss on this set shows.
ARI_FLOOR = {0: 0.91, 3: 0.87}
WIRE_COPIES = 3  # the wire's reports run under another outlet's headline, same text
# Discrepancy rows whose sides are of two labelled events (`Coverage.mixed`), by mode: a ceiling, as on
# the blind sets (`BlindSet.MIXED_CEILING`). None since session 30 (if32; before: one a third undated,
# an increment, "two more hours" of one day's cross-examination, against another day's "three hours").
MIXED_CEILING = {0: 0, 3: 0}


@pytest.fixture(scope="module", params=[0, 3], ids=["dated", "every-third-undated"])
def coverage(request, django_db_setup, django_db_blocker) -> tuple[int, Coverage]:
    """The chain over the set, once per mode, in a transaction rolled back when measured."""
    return request.param, measured_once(CASE, request.param, django_db_blocker)


def test_one_case_coverage_clusters_by_event_above_its_floor(coverage):
    undated, measured = coverage
    assert (CASE.documented()["articles"], CASE.documented()["stories"]) == (46, 10)
    assert measured.ari >= ARI_FLOOR[undated], (measured.ari, sorted(measured.stories.values()))


def test_no_row_compares_two_events(coverage):
    """A row shown to readers compares one statement or one fact: its sides are of one event by the set's
    labels (issue 16, precision). The set documents no disagreement, so this is its only check of rows."""
    undated, measured = coverage
    assert len(measured.mixed) <= MIXED_CEILING[undated], measured.mixed


def test_the_wire_copies_under_other_headlines_are_linked_to_their_original():
    from tracker.sources.models import Article

    items = CASE.labelled(0)
    ids = ingest_polnear(items)
    by_text: dict[str, list[int]] = {}
    for item in items:
        by_text.setdefault(item.text.split("\n", 2)[2], []).append(ids[item.file])
    groups = [pks for pks in by_text.values() if len(pks) > 1]
    assert len(groups) == WIRE_COPIES
    copy_of = dict(Article.objects.values_list("pk", "copy_of_id"))
    for pks in groups:
        assert len({copy_of[pk] or pk for pk in pks}) == 1, pks
