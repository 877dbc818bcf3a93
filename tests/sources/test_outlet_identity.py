"""Nothing faked (issue 15, item 1): an outlet is something the tracker knows, not something a feed says.

A feed item's `<source>` (or a link to the feed's own host) only *claims* an outlet. It is established
by the outlet's own feed, a page fetched from the outlet's host (after redirects), a feed staff trust as
an aggregator, or a curator's confirmation; only established outlets are counted and can be first.
Everything is served over real HTTP by the local test server, the seed outlets as their own hosts.
"""

from __future__ import annotations

import importlib
from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.template.loader import render_to_string

from tests.factories import ClaimFactory, EventFactory, EvidenceFactory, StoryFactory
from tests.support import seedweb
from tests.support.feeds import article_html, item, long_text, rss
from tests.support.httpserver import Answer
from tracker.crossref import corroboration
from tracker.crossref.models import Claim, Event, Story, StoryArticle
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed, Outlet

pytestmark = pytest.mark.django_db

HOSTILE = "wire-mill.example"
BIG_OUTLETS = [
    ("Reuters", "https://www.reuters.com/"),
    ("Associated Press", "https://apnews.com/"),
    ("BBC News", "https://www.bbc.co.uk/"),
    ("The New York Times", "https://www.nytimes.com/"),
    ("Bloomberg", "https://www.bloomberg.com/"),
]
BACKDATED = "Mon, 01 Jan 2024 08:00:00 GMT"  # years before anything the real outlet published


@pytest.fixture
def web(seed_web, settings):
    """The seed web plus hosts a test adds with `web.host(name, handler)`."""

    def host(name, handler):
        seed_web.routes[(name, "*")] = handler
        settings.TRACKER_FETCH_RESOLVE = {
            **settings.TRACKER_FETCH_RESOLVE,
            name: f"127.0.0.1:{seed_web.port}",
        }

    seed_web.host = host
    return seed_web


def hostile_feed(web, *, sources=BIG_OUTLETS) -> Feed:
    """One host serving items that link to itself, each claiming a big outlet through `<source>`,
    with distinct full texts (no copies to collapse) and backdated publication times."""
    items = [
        item(
            f"Musk admits it all ({name})",
            f"http://{HOSTILE}/story-{n}",
            content=article_html(long_text(f"invented testimony {n}")),
            pub_date=BACKDATED,
            source=(name, url),
        )
        for n, (name, url) in enumerate(sources)
    ]
    body = rss(*items, title="Wire Mill", link=f"http://{HOSTILE}/")
    web.host(HOSTILE, lambda request: Answer(200, body, {"Content-Type": "application/rss+xml"}))
    return Feed.objects.create(url=f"http://{HOSTILE}/feed.xml")


def seed_feed(domain: str = "newsapp.example") -> Feed:
    record = next(r for r in seedweb.manifest() if r["domain"] == domain)
    return Feed.objects.create(url=seedweb.http_url("https://" + record["feed"].removeprefix("site/")))


def one_claim_and_story(articles: list[Article]) -> tuple[Claim, Story, Event]:
    """Every article reports the same claim, story and event: the reading side takes them all."""
    claim = ClaimFactory(confidence=3, kind="testimony", text="xAI used OpenAI models")
    story = StoryFactory(title="Musk testifies", first_seen_at=articles[0].first_seen_at)
    event = EventFactory(case=None, title="Musk testifies", date=datetime(2026, 4, 30, tzinfo=UTC).date())
    event.stories.add(story)
    for article in articles:
        StoryArticle.objects.create(story=story, article=article)
        EvidenceFactory(claim=claim, article=article, start=0, end=12)
    return claim, story, event


def test_one_host_claiming_five_big_outlets_is_not_five_independent_outlets(web):
    ingestion.ingest_feed(seed_feed())
    real = Article.objects.get(outlet__domain="newsapp.example")
    assert real.outlet_established  # the seed outlet, served as its own host, comes out established

    ingestion.ingest_feed(hostile_feed(web))
    fakes = list(Article.objects.filter(url__contains=HOSTILE))
    assert len(fakes) == 5
    assert {a.outlet.domain for a in fakes} == {
        "reuters.com",
        "apnews.com",
        "bbc.co.uk",
        "nytimes.com",
        "bloomberg.com",
    }
    assert not any(a.outlet_established for a in fakes)  # claimed, not established

    claim, story, event = one_claim_and_story([real, *fakes])
    assert claim.evidence.count() == 6 and story.memberships.count() == 6  # every article is read
    for coverage in (
        corroboration.refresh_claim(claim),
        corroboration.refresh_story(story),
        corroboration.refresh_event(event),
    ):
        assert (coverage.independent, coverage.outlets, coverage.unverified) == (1, 1, 5)
        assert coverage.first_outlet == real.outlet  # backdated pubDates do not make a fake first
    claim.refresh_from_db()
    event.refresh_from_db()
    assert (claim.independent_count, claim.outlets_count, claim.first_outlet) == (1, 1, real.outlet)
    assert event.first_reported_by == real.outlet
    # the events the machine builds store the same first report (feeds, API and TimelineJS read it)
    Claim.objects.filter(pk=claim.pk).update(date=datetime(2026, 4, 30, tzinfo=UTC).date(), precision="day")
    from tracker.crossref import events

    built = events.update_events(story)
    assert built and all(e.first_reported_by_id == real.outlet_id for e in built)
    html = render_to_string(
        "web/coverage.html", {"coverage": corroboration.refresh_story(story), "where": "UTC"}
    )
    assert "1 outlet, 1 independent" in html and "5 unverified outlets" in html
    assert "Reuters" not in html


def test_alone_the_claimed_outlets_count_nothing_and_read_as_unverified(web):
    ingestion.ingest_feed(hostile_feed(web))
    claim, story, _ = one_claim_and_story(list(Article.objects.all()))
    coverage = corroboration.refresh_claim(claim)
    assert (coverage.independent, coverage.outlets, coverage.unverified, coverage.first_outlet) == (
        0,
        0,
        5,
        None,
    )
    html = render_to_string("web/coverage.html", {"coverage": coverage, "where": "UTC"})
    assert "0 outlets, 0 independent" in html and "5 unverified outlets" in html and "First" not in html


def test_a_source_name_does_not_rename_an_existing_outlet(web):
    reuters = Outlet.objects.create(name="reuters.com", domain="reuters.com")  # still its bare domain
    apnews = Outlet.objects.create(name="Associated Press", domain="apnews.com")
    ingestion.ingest_feed(
        hostile_feed(
            web,
            sources=[("Reuters Fake Wire", "https://www.reuters.com/"), ("AP Lies", "https://apnews.com/")],
        )
    )
    reuters.refresh_from_db()
    apnews.refresh_from_db()
    assert (reuters.name, apnews.name) == ("reuters.com", "Associated Press")
    assert Article.objects.filter(outlet=reuters).count() == 1  # filed under the claim, unverified


def test_a_curator_confirmed_outlet_counts(web):
    ingestion.ingest_feed(seed_feed())
    ingestion.ingest_feed(hostile_feed(web))
    claim, _, _ = one_claim_and_story(list(Article.objects.order_by("pk")))
    Outlet.objects.filter(domain="reuters.com").update(confirmed=True)
    coverage = corroboration.refresh_claim(claim)
    assert (coverage.independent, coverage.outlets, coverage.unverified) == (2, 2, 4)
    assert coverage.first_outlet.domain == "reuters.com"  # confirmed: its stated date now counts


def test_a_trusted_aggregator_establishes_the_outlets_it_names(web):
    feed = hostile_feed(web)
    Feed.objects.filter(pk=feed.pk).update(trusted_aggregator=True)
    feed.refresh_from_db()
    ingestion.ingest_feed(feed)
    assert Article.objects.filter(outlet_established=True).count() == 5
    claim, _, _ = one_claim_and_story(list(Article.objects.all()))
    assert corroboration.refresh_claim(claim).outlets == 5


def test_a_page_fetched_from_the_outlets_host_after_redirects_establishes_it(web):
    """A news-search feed links to its own redirector; where the redirect lands decides."""
    page = f"<html><head><title>Musk testifies</title></head><body><article>{article_html(long_text('honest'))}</article></body></html>"
    web.host(
        "honest-daily.example", lambda request: Answer(200, page.encode(), {"Content-Type": "text/html"})
    )
    redirects = {"/r/1": "http://honest-daily.example/a/1", "/r/2": "http://elsewhere.example/a/2"}
    web.host("elsewhere.example", lambda request: Answer(200, page.encode(), {"Content-Type": "text/html"}))
    items = [
        item("Honest", f"http://search-hub.example{path}", description="summary", source=(name, url))
        for path, (name, url) in zip(
            redirects,
            [
                ("Honest Daily", "http://honest-daily.example/"),
                ("Faked Daily", "http://faked-daily.example/"),
            ],
            strict=True,
        )
    ]
    feed_body = rss(*items, title="Search hub", link="http://search-hub.example/")

    def hub(request):
        if request.path in redirects:
            return Answer(302, b"", {"Location": redirects[request.path]})
        return Answer(200, feed_body, {"Content-Type": "application/rss+xml"})

    web.host("search-hub.example", hub)
    ingestion.ingest_feed(Feed.objects.create(url="http://search-hub.example/feed.xml"))
    honest = Article.objects.get(outlet__domain="honest-daily.example")
    faked = Article.objects.get(outlet__domain="faked-daily.example")
    assert (honest.status, honest.outlet_established) == (Article.Status.FETCHED, True)
    assert (faked.status, faked.outlet_established) == (Article.Status.FETCHED, False)


def test_the_outlets_own_feed_later_establishes_an_article_first_seen_unverified(web):
    ingestion.ingest_feed(seed_feed())
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(outlet_established=False)  # as if an aggregator came first
    Feed.objects.update(etag="", last_modified="")  # poll it again in full
    ingestion.ingest_feed(Feed.objects.get())
    article.refresh_from_db()
    assert article.outlet_established


def test_the_data_migration_marks_articles_of_their_outlets_own_feeds(web):
    ingestion.ingest_feed(seed_feed())
    ingestion.ingest_feed(hostile_feed(web))
    Article.objects.update(outlet_established=False)
    migration = importlib.import_module("tracker.sources.migrations.0006_outlet_established")
    migration.mark_own_feed_articles(apps, None)
    assert list(Article.objects.filter(outlet_established=True).values_list("outlet__domain", flat=True)) == [
        "newsapp.example"
    ]


def test_a_report_row_without_the_flag_counts_as_the_model_default():
    outlet = Outlet.objects.create(name="Alpha", domain="alpha.example")
    row = {"article_id": 1, "first_seen_at": datetime(2026, 4, 30, tzinfo=UTC) + timedelta(hours=1)}
    row |= {"outlet_id": outlet.pk, "published_at": None, "copy_of_id": None, "credited_source": ""}
    assert corroboration.coverage_of([row]).outlets == 1
