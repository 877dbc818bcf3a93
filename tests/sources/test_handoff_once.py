"""Each stored article is handed to extraction once: one `articles_stored` per batch, every article in
exactly one of them (ingestion used to enqueue an article's analysis about five times)."""

from __future__ import annotations

from collections import Counter

import pytest
from django.test import TestCase

from tests.support.feeds import article_html, item, long_text, rss
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed
from tracker.sources.signals import articles_stored

pytestmark = pytest.mark.django_db

HOST = "outlet.example"


@pytest.fixture
def handed_off():
    batches: list[list[int]] = []

    def listen(sender, article_ids, **kwargs):
        batches.append(list(article_ids))

    articles_stored.connect(listen, dispatch_uid="test-handoff-once")
    yield batches
    articles_stored.disconnect(dispatch_uid="test-handoff-once")


def test_every_article_of_a_poll_and_its_pages_is_handed_off_once(
    httpserver, allow_private, settings, handed_off
):
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    page = "".join(f"<p>{p}</p>" for p in long_text("page", 300))
    httpserver.route("/c", host=HOST, body=f"<html><body><article>{page}</article></body></html>".encode())
    entries = [
        item("A", f"http://{HOST}/a", content=article_html(long_text("a"))),
        item("B", f"http://{HOST}/b", content=article_html(long_text("b"))),
        item("C", f"http://{HOST}/c", description="Only a summary."),
    ]
    httpserver.route("/feed.xml", host=HOST, body=rss(*entries, link=f"http://{HOST}/"))
    feed = Feed.objects.create(url=f"http://{HOST}/feed.xml")
    with TestCase.captureOnCommitCallbacks(execute=True):
        ingestion.ingest_feed(feed)
    with TestCase.captureOnCommitCallbacks(execute=True):
        ingestion.ingest_feed(feed)  # unchanged: nothing new to analyse
    counts = Counter(article_id for batch in handed_off for article_id in batch)
    assert set(counts) == set(Article.objects.values_list("pk", flat=True)) and len(counts) == 3
    assert set(counts.values()) == {1}
    assert len(handed_off) == 1, "one poll with its pages is one batch"
