"""Three times, never mixed up: when an article says it was published, when the tracker first saw it,
and when an event happened. "First reported" uses stated publication times only; an undated article is
"seen <date>" and is first only when no report is dated. Counts come from one function
(corroboration.coverage_of_groups), so every page says the same."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse

from tracker.crossref import corroboration
from tracker.crossref.models import Claim, Event, Story
from tracker.sources.models import Article
from tracker.web.templatetags.court import court_date

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def _row(pk: int, outlet: int, *, seen_hours: float, published: datetime | None = None) -> dict:
    return {
        "article_id": pk,
        "first_seen_at": T0 + timedelta(hours=seen_hours),
        "outlet_id": outlet,
        "published_at": published,
        "copy_of_id": None,
        "credited_source": "",
    }


def test_an_undated_report_seen_earlier_is_never_first_ahead_of_a_dated_one(sample_corpus):
    undated, dated = list(Article.objects.order_by("pk")[:2])
    rows = [
        _row(undated.pk, undated.outlet_id, seen_hours=0),  # seen before the dated one was published
        _row(dated.pk, dated.outlet_id, seen_hours=5, published=T0 + timedelta(hours=2)),
    ]
    coverage = corroboration.coverage_of(rows)
    assert coverage.first_outlet == dated.outlet
    assert coverage.first_published_at == T0 + timedelta(hours=2)
    assert coverage.first_seen_at == T0  # still when the tracker first saw any report

    alone = corroboration.coverage_of(rows[:1])  # no dated report: the undated one is first, "seen"
    assert (alone.first_outlet, alone.first_published_at, alone.first_seen_at) == (undated.outlet, None, T0)


def test_story_event_and_claim_pages_name_the_first_dated_report(client, sample_corpus):
    """The sample's undated articles (News App, Related Tools, FrontierNews.ai) were stored first; the
    first stated publication is Aivizor's, 30 Apr 2026 11:21 in the court's zone."""
    story = _story()
    event = Event.objects.get(date=date(2026, 4, 30))
    claim = Claim.objects.filter(event=event).order_by("-outlets_count", "pk").first()
    first = "First reported by Aivizor at 30 Apr 2026, 11:21 PDT"
    today = court_date(Article.objects.filter(published_at=None).first().first_seen_at, "America/Los_Angeles")
    for url in (reverse("web:story", args=[story.pk]), reverse("web:event", args=[event.pk])):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert first in _text(html), url
        assert "First reported by News App" not in html
        assert f"seen {today}" in _text(html)  # undated articles: labelled "seen"
    claim_html = client.get(reverse("web:claim", args=[claim.pk])).content.decode()
    assert first in _text(claim_html)


def _story() -> Story:
    """The story that holds Aivizor's article (the first stated publication of the sample)."""
    return Story.objects.get(memberships__article__outlet__name="Aivizor")


def test_the_story_chart_plots_publication_days_and_counts_undated_articles_apart(client, sample_corpus):
    story = _story()
    members = Article.objects.filter(story_membership__story=story)
    dated, undated = members.exclude(published_at=None).count(), members.filter(published_at=None).count()
    assert dated and undated
    html = client.get(reverse("web:story", args=[story.pk])).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert re.search(rf"{dated} articles? by \d outlets? from 30 Apr", svg)
    assert f"{undated} more without a stated publication date, not plotted" in svg
    assert f"{undated} article" in html and "no publication date and" in html
    today = Article.objects.filter(published_at=None).first().first_seen_at
    assert f"{today.day} {today:%b}:" not in svg  # nothing drawn on the day the sample was loaded


def test_entity_page_dates_claims_by_publication_not_storage(client, sample_corpus):
    response = client.get(reverse("web:entity", args=["elon-musk"]))
    assert response.status_code == 200
    html = response.content.decode()
    stored = court_date(Claim.objects.order_by("created_at").first().created_at, "America/Los_Angeles")
    assert "published <time" in html and "30 Apr 2026" in html
    dated = re.findall(r'<p class="meta">(?:published )?<time[^>]*>([^<]+)</time>', html)
    assert dated and stored not in dated  # claims with a dated report are never dated by storage


def _count(html: str) -> str:
    return re.search(r'class="coverage__count">([^<]+)<', html)[1]


def test_counts_agree_between_timeline_event_and_api_and_never_zero_with_a_first(client, sample_corpus):
    timeline = client.get(reverse("web:home")).content.decode()
    for event in Event.objects.exclude(date=None):
        item = timeline[timeline.index(f'id="event-{event.pk}"') :]
        item = item[: item.index("</article>")]
        page = client.get(reverse("web:event", args=[event.pk])).content.decode()
        api = client.get(f"/api/v1/events/{event.pk}").json()
        outlets = f"{api['outlets_count']} outlet" + ("" if api["outlets_count"] == 1 else "s")
        expected = f"{outlets}, {api['independent_count']} independent"
        assert _count(item) == _count(page) == expected, event.title
        assert not re.search(r"\b0 outlets\b", item + page)


@pytest.mark.parametrize(
    ("title", "count", "outlets"),
    [
        ("xAI was founded", "1 outlet, 1 independent", {"Aivizor"}),  # "founded in 2023": seed 001 only
        ("The trial opened in Oakland", "2 outlets, 2 independent", {"Aivizor", "FrontierNews.ai"}),
    ],
)
def test_a_claimless_event_counts_the_articles_of_its_stories_that_date_it(
    client, sample_corpus, title, count, outlets
):
    """An event without claims counts its story's articles that date it (gold.json: E3 is 001's, E2 is
    004's and 001's "earlier this week"), not the five articles of its story; never "0 outlets ·
    First reported by ...". The page, the timeline and the API agree."""
    event = Event.objects.get(title=title, claims=None)
    html = client.get(reverse("web:event", args=[event.pk])).content.decode()
    assert _count(html) == count and "First reported by Aivizor" in _text(html)
    api = client.get(f"/api/v1/events/{event.pk}").json()
    assert {s["outlet"]["name"] for s in api["sources"]} == outlets
    assert f"{api['outlets_count']} outlet" in count


def test_outlet_firsts_follow_stated_publication_not_ingest_order(client, sample_corpus):
    """An undated article stored first must not make its outlet "first with an event", whatever an
    event row stored; times are written in the court's zone, named."""
    from tracker.sources.models import Outlet

    undated = Outlet.objects.get(name="FrontierNews.ai")
    Event.objects.update(first_reported_by=undated)  # what ingest order would have stored
    response = client.get(reverse("web:outlets"))
    assert response.status_code == 200
    html = response.content.decode()
    rows = {
        name: re.findall(r"<td>(\d+)</td>", row)
        for name, row in re.findall(
            r'>([^<>]+)</a> <span class="meta">[^<]*</span></th>(.*?)</tr>', html, re.S
        )
    }
    assert rows["Aivizor"][2] == "3"  # the three dated events: Aivizor states the first publication
    assert rows["FrontierNews.ai"][2] == "0"
    assert "Times are in America/Los_Angeles" in html
    search = client.get(reverse("web:search"), {"q": "Musk"}).content.decode()
    assert "Times are in America/Los_Angeles" in search and "UTC</time>" not in search
