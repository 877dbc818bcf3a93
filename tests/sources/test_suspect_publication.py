"""Stated publication times a feed cannot be trusted with alone (issue 15, item 1): a pubDate in the
future, or years before the first sighting on a feed whose other items appear promptly, is kept but
flagged, and does not make its article "first reported" unless another outlet states a time close to it.
The hostile feeds are served over real HTTP by the local test server."""

from __future__ import annotations

from datetime import timedelta
from email.utils import format_datetime

import pytest
from django.utils import timezone

from tests.support.feeds import article_html, item, long_text, rss
from tracker.crossref import corroboration, event_reports
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed, Outlet

pytestmark = pytest.mark.django_db

HOST = "dates.example"


@pytest.fixture
def site(httpserver, allow_private, settings):
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    return httpserver


def poll(server, *dated: tuple[str, object]) -> dict[str, Article]:
    """Serve one feed whose items have these (title, publication time) and poll it once."""
    items = [
        item(
            title, f"http://{HOST}/{n}", content=article_html(long_text(title)), pub_date=format_datetime(at)
        )
        for n, (title, at) in enumerate(dated)
    ]
    server.route("/feed.xml", host=HOST, body=rss(*items, link=f"http://{HOST}/"))
    ingestion.poll_feed(Feed.objects.create(url=f"http://{HOST}/feed.xml"))
    return {a.title: a for a in Article.objects.all()}


def test_a_publication_time_in_the_future_is_kept_and_flagged(site):
    now = timezone.now()
    stored = poll(site, ("From the future", now + timedelta(days=400)), ("Today", now - timedelta(hours=1)))
    future = stored["From the future"]
    assert future.published_at > now + timedelta(days=399)  # kept as stated
    assert future.published_suspect and not stored["Today"].published_suspect
    assert event_reports.reported_at(future) == future.first_seen_at  # not the stated time


def test_a_backdated_item_on_a_prompt_feed_is_flagged(site):
    now = timezone.now()
    backdated = ("Backdated", now - timedelta(days=3 * 365))
    prompt = [(f"Fresh {n}", now - timedelta(hours=n + 1)) for n in range(4)]
    stored = poll(site, backdated, *prompt)  # the backdated item comes first in the feed
    assert stored["Backdated"].published_suspect
    assert stored["Backdated"].published_at < now - timedelta(days=3 * 365 - 1)
    assert event_reports.reported_at(stored["Backdated"]) == stored["Backdated"].first_seen_at
    assert not any(stored[f"Fresh {n}"].published_suspect for n in range(4))


def test_old_dates_on_a_feed_that_is_not_prompt_are_not_suspect(site):
    now = timezone.now()
    backlog = [(f"Week {n}", now - timedelta(weeks=n + 1)) for n in range(5)]
    stored = poll(site, ("Years ago", now - timedelta(days=3 * 365)), *backlog)
    assert not any(a.published_suspect for a in stored.values())


def report(article: Article) -> dict:
    return {"article_id": article.pk, "first_seen_at": article.first_seen_at} | {
        f: getattr(article, f) for f in corroboration.ARTICLE_FIELDS
    }


def test_a_suspect_time_takes_first_reported_only_when_another_outlet_agrees():
    now = timezone.now()
    old = now - timedelta(days=3 * 365)
    outlets = [Outlet.objects.create(name=n, domain=f"{n.lower()}.example") for n in ("Mill", "Wire", "Echo")]

    def article(outlet, published, suspect, seen=now):
        return Article.objects.create(
            outlet=outlet,
            url=f"http://{outlet.domain}/{published:%s}",
            canonical_url=f"http://{outlet.domain}/{published:%s}",
            title="t",
            published_at=published,
            published_suspect=suspect,
            first_seen_at=seen,
        )

    backdated = article(outlets[0], old, True)
    prompt = article(outlets[1], now - timedelta(hours=2), False)
    coverage = corroboration.coverage_of([report(backdated), report(prompt)])
    assert coverage.first_outlet == outlets[1] and coverage.first_reported_at == prompt.published_at

    agreeing = article(outlets[2], old + timedelta(hours=3), False)  # another outlet states a close time
    coverage = corroboration.coverage_of([report(backdated), report(prompt), report(agreeing)])
    assert coverage.first_outlet == outlets[0] and coverage.first_reported_at == old

    alone = corroboration.coverage_of([report(backdated)])  # nothing to order against: its sighting
    assert alone.first_outlet == outlets[0] and alone.first_reported_at == backdated.first_seen_at
