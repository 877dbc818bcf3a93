"""A poll in flight writes only what the poll owns: a curator's pause, rename or deactivation made
while it ran survives it."""

from __future__ import annotations

import pytest

from tests.support.feeds import item, rss
from tracker.sources import ingestion
from tracker.sources.fetching import fetch
from tracker.sources.models import Feed, FetchRun

pytestmark = pytest.mark.django_db


@pytest.fixture
def feed(httpserver, allow_private) -> Feed:
    body = rss(item("One", httpserver.url("/1"), content="<p>One.</p>"), title="The feed's own title")
    httpserver.route("/feed.xml", body=body)
    return Feed.objects.create(url=httpserver.url("/feed.xml"))


def curator_meanwhile(feed: Feed, **change):
    """The real fetcher; while the answer is in flight, a curator changes the feed in the admin."""

    def fetcher(url, **kwargs):
        response = fetch(url, **kwargs)
        Feed.objects.filter(pk=feed.pk).update(**change)
        return response

    return fetcher


def test_a_pause_and_rename_made_during_a_poll_survive_it(feed):
    change = {"status": Feed.Status.PAUSED, "title": "Named by a curator", "active": False}
    ingestion.poll_feed(feed, fetcher=curator_meanwhile(feed, **change))
    feed.refresh_from_db()
    assert (feed.status, feed.title, feed.active) == (Feed.Status.PAUSED, "Named by a curator", False)
    assert feed.last_outcome == FetchRun.Outcome.OK and feed.last_polled_at is not None
    assert feed.runs.count() == 1


def test_a_poll_still_names_an_unnamed_feed_and_moves_its_status(feed):
    Feed.objects.filter(pk=feed.pk).update(status=Feed.Status.FAILING, error_count=2)
    feed.refresh_from_db()
    ingestion.poll_feed(feed)
    feed.refresh_from_db()
    assert (feed.status, feed.error_count, feed.title) == (Feed.Status.OK, 0, "The feed's own title")
