"""Two workers linking the first two reports of a new event at the same moment make one story, not two
(PostgreSQL: the linking lock; the neighbourhood is profiled before it, the story is chosen under it)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections

from tests.crossref.test_clustering import EVENTS, when
from tests.factories import ArticleFactory, OutletFactory
from tracker.crossref import linking
from tracker.crossref.models import Story, StoryArticle
from tracker.sources.models import Article

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite serialises every writer anyway"),
]


def reports() -> list[Article]:
    made = []
    for outlet, date, title, text in EVENTS["musk"]:
        made.append(
            ArticleFactory(
                outlet=OutletFactory(name=outlet, domain=f"{outlet}.example"),
                title=title,
                text=text,
                published_at=when(date),
                first_seen_at=when(date) + timedelta(minutes=20),
            )
        )
    return made


@pytest.mark.parametrize("attempt", range(3))
def test_two_workers_linking_one_new_event_make_one_story(attempt):
    articles = reports()
    start = threading.Barrier(len(articles))
    errors: list[BaseException] = []

    def work(pk: int) -> None:
        try:
            start.wait(timeout=30)
            linking.link_articles([Article.objects.get(pk=pk)])
        except BaseException as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(a.pk,)) for a in articles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert StoryArticle.objects.filter(article__in=articles).count() == len(articles)
    assert Story.objects.count() == 1
