"""A linked batch profiles each article once, and the stored neighbourhood before the linking lock
(crossref.batch_profiles, crossref.linking)."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crossref.test_clustering import EVENTS, when
from tests.factories import ArticleFactory, ClaimCandidateFactory, StoryFactory
from tracker.crossref import batch_profiles, linking, profiling
from tracker.crossref.models import Claim, Mention, StoryArticle

pytestmark = pytest.mark.django_db


def articles(linked: bool = True) -> list:
    made = []
    for n, (_, date, title, text) in enumerate(report for reports in EVENTS.values() for report in reports):
        published = when(date)
        made.append(
            ArticleFactory(
                title=title,
                text=text,
                published_at=published if n % 4 else None,  # some undated
                first_seen_at=published + timedelta(minutes=20),
                story=StoryFactory() if linked else None,
            )
        )
        Mention.objects.create(article=made[-1], text=title.split()[0], label="PERSON", start=0, end=3)
    return made


def counting(computed: list):
    def compute(scope):
        computed.append([a.pk for a in scope])
        return profiling.profiles(scope)

    return compute


def test_an_article_is_profiled_once_a_batch():
    stored = articles()
    first, second = stored[:4], stored[2:]
    computed: list = []
    with batch_profiles.remembered():
        assert batch_profiles.of(first, counting(computed)) == profiling.profiles(first)
        assert batch_profiles.of(second, counting(computed)) == profiling.profiles(second)
        assert batch_profiles.of(second, counting(computed)) == profiling.profiles(second)
    batches = [call for call in computed if len(call) > 1]
    assert batches == [[a.pk for a in first], [a.pk for a in stored[4:]]]  # then only what is new
    checks = [call for call in computed if len(call) == 1]  # a few profiled alone, on the first call
    assert 0 < len(checks) <= batch_profiles.CHECKED and all(c[0] in batches[0] for c in checks)


def test_outside_a_batch_nothing_is_kept():
    stored = articles()
    computed: list = []
    batch_profiles.of(stored, counting(computed))
    batch_profiles.of(stored, counting(computed))
    assert computed == [[a.pk for a in stored]] * 2


def test_profiles_that_depend_on_the_others_are_never_reused():
    """Should profiling one article read the others (a set-dependent rule), each call computes all."""
    stored = articles()
    computed: list = []

    def by_set(scope):
        computed.append(len(scope))
        return [dataclasses.replace(p, wire=str(len(scope))) for p in profiling.profiles(scope)]

    with batch_profiles.remembered():
        batch_profiles.of(stored[:6], by_set)
        assert batch_profiles.of(stored[2:], by_set) == by_set(stored[2:])
    assert [n for n in computed if n > 1] == [6, len(stored) - 2, len(stored) - 2]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the advisory lock is PostgreSQL's")
def test_the_neighbourhood_is_profiled_before_the_lock():
    stored = articles()
    new = articles(linked=False)[:2]
    with CaptureQueriesContext(connection) as queries:
        linking.link_articles(new)
    sql = [q["sql"] for q in queries.captured_queries]
    lock = next(i for i, s in enumerate(sql) if "pg_advisory_xact_lock" in s)
    mentions = [i for i, s in enumerate(sql) if 'FROM "crossref_mention"' in s]
    assert mentions and mentions[0] < lock
    assert [i for i in mentions if i > lock] == []  # nothing left to profile under the lock
    assert StoryArticle.objects.filter(article__in=new).count() == 2
    assert len(stored) > 4


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the advisory lock is PostgreSQL's")
def test_the_batch_candidates_are_read_before_the_lock():
    """Claim linking's candidate selection reads the batch's own candidates and cases before the
    linking lock (no other worker changes them); under it, only their evidence and the stored claims."""
    articles(linked=True)
    new = articles(linked=False)[:2]
    for article in new:
        ClaimCandidateFactory(article=article, speaker="Invented Speaker", text="the plan is ready")
    with CaptureQueriesContext(connection) as queries:
        linking.link_articles(new)
    sql = [q["sql"] for q in queries.captured_queries]
    lock = next(i for i, s in enumerate(sql) if "pg_advisory_xact_lock" in s)
    read = [i for i, s in enumerate(sql) if s.startswith("SELECT") and 'FROM "crossref_claimcandidate"' in s]
    cases = [i for i, s in enumerate(sql) if 'FROM "sources_article_cases"' in s and "MIN(" in s]  # first
    assert read and read[0] < lock and cases and cases[0] < lock
    assert [i for i in read + cases if i > lock] == []
    assert Claim.objects.filter(evidence__article__in=new).distinct().count() >= 1


def test_a_bulk_run_profiles_an_article_once_until_it_is_analysed_again():
    """Inside `for_run()` (a bulk run) the next batch reuses the stored articles' profiles; an article
    whose mentions were stored again since (analysed again: new rows) is profiled again."""
    stored = articles()
    computed: list = []
    with batch_profiles.for_run():
        with batch_profiles.remembered():
            batch_profiles.of(stored, counting(computed))
        again = stored[3]
        Mention.objects.filter(article=again).delete()
        Mention.objects.create(article=again, text="Someone", label="PERSON", start=0, end=3)
        with batch_profiles.remembered():
            assert batch_profiles.of(stored, counting(computed)) == profiling.profiles(stored)
    batches = [call for call in computed if len(call) > 1 or call == [again.pk]]
    assert batches == [[a.pk for a in stored], [again.pk]]
