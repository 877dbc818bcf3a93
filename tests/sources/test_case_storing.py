"""An article's cases stored in plain SQL (`relating.store_cases`) as `article.cases.add` and `.set` store
them: the same rows in the same order, a case no longer named removed, in as many statements."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory
from tracker.cases.models import Case
from tracker.sources import relating

pytestmark = pytest.mark.django_db


def rows(article) -> list[int]:
    return list(
        relating.CASES.objects.filter(article=article).order_by("pk").values_list("case_id", flat=True)
    )


@pytest.fixture
def cases() -> list[int]:
    return [Case.objects.create(name=f"Tollgate {n}", slug=f"tollgate-{n}").pk for n in range(12)]


def test_a_new_articles_cases_are_added_as_add_adds_them(cases):
    ids = {cases[9], cases[1], cases[8], cases[0]}  # a set's order, not the ids'
    stored, expected = ArticleFactory(), ArticleFactory()
    with CaptureQueriesContext(connection) as queries:
        relating.store_cases(stored.pk, ids, new=True)
    expected.cases.add(*ids)
    assert len(queries) == 1
    assert [cases.index(c) for c in rows(stored)] == [cases.index(c) for c in rows(expected)]


def test_a_stored_articles_cases_are_replaced_as_set_replaces_them(cases):
    stored, expected = ArticleFactory(), ArticleFactory()
    for article in (stored, expected):
        article.cases.add(cases[2], cases[3], cases[4])
    ids = {cases[3], cases[11], cases[5]}
    with CaptureQueriesContext(connection) as queries:
        relating.store_cases(stored.pk, ids, new=False)
    expected.cases.set(ids)
    assert len(queries) == 3  # the stored cases read, the one gone deleted, the new ones inserted
    assert set(rows(stored)) == ids
    assert [cases.index(c) for c in rows(stored)] == [cases.index(c) for c in rows(expected)]


def test_unchanged_cases_cost_one_read(cases):
    article = ArticleFactory()
    article.cases.add(cases[6])
    with CaptureQueriesContext(connection) as queries:
        relating.store_cases(article.pk, {cases[6]}, new=False)
    assert (len(queries), rows(article)) == (1, [cases[6]])
