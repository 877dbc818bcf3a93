"""An entry is stored whole or not at all (issue 15, item 5): when PostgreSQL refuses an entry's second
row (its feed link, after its article row was written), the entry is rolled back to its savepoint,
recorded on the run with the reason, and the entries after it are stored. The refusal is PostgreSQL's
own: a trigger installed for the test, the feed served over real HTTP."""

from __future__ import annotations

import pytest
from django.db import connection

from tests.support.feeds import article_html, item, long_text, rss
from tests.support.services import require_postgres
from tracker.sources import ingestion
from tracker.sources.models import Article, ArticleFeed, Feed, FetchRun

pytestmark = pytest.mark.django_db

HOST = "half.example"


@pytest.fixture
def refusing_database():
    require_postgres()
    table = ArticleFeed._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION h15_refuse_poison() RETURNS trigger AS $$ BEGIN "
            "IF NEW.guid LIKE '%poison' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql"
        )
        cursor.execute(
            f"CREATE TRIGGER h15_refuse_poison BEFORE INSERT ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION h15_refuse_poison()"
        )
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TRIGGER IF EXISTS h15_refuse_poison ON {table}")
        cursor.execute("DROP FUNCTION IF EXISTS h15_refuse_poison()")


def test_an_entry_refused_after_its_article_row_leaves_nothing_half_stored(
    httpserver, allow_private, settings, refusing_database
):
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    items = [
        item(name, f"http://{HOST}/{name}", guid=guid, content=article_html(long_text(name)))
        for name, guid in (("first", "one"), ("poisoned", "poison"), ("last", "two"))
    ]
    httpserver.route("/feed.xml", host=HOST, body=rss(*items, link=f"http://{HOST}/"))
    feed = Feed.objects.create(url=f"http://{HOST}/feed.xml")
    run = ingestion.poll_feed(feed).run
    assert (run.outcome, run.entries_new, run.entries_failed) == (FetchRun.Outcome.ENTRY_ERRORS, 2, 1)
    assert "refused by the test trigger" in run.failures[0]["reason"]
    assert set(Article.objects.values_list("title", flat=True)) == {"first", "last"}  # no orphan row
    assert ArticleFeed.objects.count() == 2
