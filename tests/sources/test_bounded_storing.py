"""Never silent, always bounded: each entry stored in its own savepoint, an entry that cannot be stored
recorded on the run with its reason, the run and the feed telling the truth, the stored text (and so
PostgreSQL's search vector) bounded, URLs too long for their columns refused with a reason.
The large inputs are generated here, never committed."""

from __future__ import annotations

import itertools
import string

import pytest

from tests.support.feeds import article_html, item, long_text, rss
from tests.support.services import require_postgres
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed, FetchRun

pytestmark = pytest.mark.django_db

HOST = "hostile.example"


@pytest.fixture
def site(httpserver, allow_private, settings):
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    return httpserver


def distinct_words(count: int) -> str:
    """`count` different five-letter words: their tsvector grows with every one (about 13 bytes each)."""
    words = ("".join(letters) for letters in itertools.product(string.ascii_lowercase, repeat=5))
    return " ".join(itertools.islice(words, count))


def hostile_feed(server) -> Feed:
    """A good entry, one whose full text has 200,000 distinct words (1.2 MB), another good one, and
    one whose link is 1,100 characters long."""
    huge = "<p>" + distinct_words(200_000) + "</p>"
    items = [
        item("Good one", f"http://{HOST}/one", content=article_html(long_text("one"))),
        item("Huge", f"http://{HOST}/huge", content=huge),
        item("Good two", f"http://{HOST}/two", content=article_html(long_text("two"))),
        item("Long link", f"http://{HOST}/long?q=" + "x" * 1_100, content=article_html(long_text("long"))),
    ]
    server.route("/feed.xml", host=HOST, body=rss(*items, link=f"http://{HOST}/"))
    return Feed.objects.create(url=f"http://{HOST}/feed.xml")


def test_an_entry_the_database_refuses_is_recorded_and_the_others_are_stored(site, settings):
    require_postgres()
    settings.TRACKER_MAX_ARTICLE_CHARS = 10_000_000  # no bound: PostgreSQL refuses the search vector
    feed = hostile_feed(site)
    result = ingestion.poll_feed(feed)
    run = FetchRun.objects.get(feed=feed)
    assert run.pk == result.run.pk
    assert (run.outcome, run.entries_seen, run.entries_new, run.entries_failed) == (
        FetchRun.Outcome.ENTRY_ERRORS,
        4,
        2,
        2,
    )
    reasons = " ".join(failure["reason"] for failure in run.failures)
    assert "tsvector" in reasons and "link over 1000 characters" in reasons
    assert set(Article.objects.values_list("title", flat=True)) == {"Good one", "Good two"}
    feed.refresh_from_db()
    assert (feed.status, feed.last_outcome) == (Feed.Status.OK, FetchRun.Outcome.ENTRY_ERRORS)
    assert feed.last_error.startswith("2 entries not stored")


def test_stored_text_is_bounded_and_marked_truncated(site, settings):
    settings.TRACKER_MAX_ARTICLE_CHARS = 100_000
    feed = hostile_feed(site)
    run = ingestion.poll_feed(feed).run
    assert (run.entries_new, run.entries_failed) == (3, 1)
    assert run.failures[0]["entry"].startswith(f"http://{HOST}/long?q=xxx")
    huge = Article.objects.get(title="Huge")
    assert huge.truncated and len(huge.text) <= 100_000 and len(huge.content_html) <= 100_100
    assert not Article.objects.get(title="Good one").truncated
    assert "Huge" in {a.title for a in Article.objects.filter(text__contains="aaaab")}


def test_a_permanent_redirect_too_long_to_store_is_not_followed(site):
    target = f"http://{HOST}/feed.xml?" + "a" * 1_100
    site.route("/old.xml", host=HOST, status=301, headers={"Location": target})
    site.route("/feed.xml", host=HOST, body=rss(item("One", f"http://{HOST}/1", content="<p>x</p>")))
    feed = Feed.objects.create(url=f"http://{HOST}/old.xml")
    ingestion.poll_feed(feed)
    feed.refresh_from_db()
    assert feed.url == f"http://{HOST}/old.xml"
    run = FetchRun.objects.get(feed=feed)
    assert "permanent redirect to a URL over 1000 characters not followed" in run.error
    assert Article.objects.count() == 1


def test_a_page_whose_canonical_link_is_too_long_keeps_its_url_and_says_why(site):
    canonical = f"http://{HOST}/story?" + "c" * 1_100
    body = "".join(f"<p>{p}</p>" for p in long_text("page", 300))
    site.route(
        "/story",
        host=HOST,
        body=f'<html><head><title>T</title><link rel="canonical" href="{canonical}"></head>'
        f"<body><article><h1>T</h1>{body}</article></body></html>".encode(),
    )
    entry = item("T", f"http://{HOST}/story", description="Only a summary.")
    site.route("/feed.xml", host=HOST, body=rss(entry, link=f"http://{HOST}/"))
    ingestion.ingest_feed(Feed.objects.create(url=f"http://{HOST}/feed.xml"))
    article = Article.objects.get()
    assert (article.status, article.canonical_url) == (Article.Status.FETCHED, f"http://{HOST}/story")
    assert "canonical link is over 1000 characters" in article.error
