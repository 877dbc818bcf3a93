"""Followable: the timeline, case and entity pages link to their Atom feeds and their JSON (visibly and
in <head>), event pages to their JSON; the court record is in the Atom feeds and at
/api/v1/docket-entries (filters, cursor paging); /api/v1/docs serves Swagger UI from static files."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import feedparser
import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse

from tracker.cases.models import Case, Entity
from tracker.crossref.models import Event
from tracker.dockets.models import DocketEntry
from tracker.dockets.sample import load_docket_sample

pytestmark = pytest.mark.django_db
API = "/api/v1"


@pytest.fixture
def record(sample_corpus):
    load_docket_sample()
    return Case.objects.get(slug="musk-v-openai")


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _alternates(html: str) -> dict[str, str]:
    head = html[: html.index("</head>")]
    links = re.findall(r'<link rel="alternate" type="([^"]+)" title="[^"]*" href="([^"]+)">', head)
    return {href.replace("&amp;", "&"): kind for kind, href in links}


def _visible(html: str, href: str) -> bool:
    body = html[html.index("<body") :]
    return f'href="{href}"' in body


def _answers(client, url: str, kind: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith(kind), url


def test_a_case_page_links_its_feed_and_its_json(client, record, django_assert_max_num_queries):
    with django_assert_max_num_queries(24):
        html = _page(client, reverse("web:case", args=[record.slug]))
    feed = reverse("web:case_feed", args=[record.slug])
    events = f"{reverse('api:list_events')}?case={record.slug}"
    entries = f"{reverse('api:list_docket_entries')}?case={record.slug}"
    assert _alternates(html)[feed] == "application/atom+xml"
    assert _alternates(html)[events.replace("&", "&amp;")] == "application/json"
    for href, kind in (
        (feed, "application/atom+xml"),
        (events, "application/json"),
        (entries, "application/json"),
    ):
        assert _visible(html, href), href
        _answers(client, href, kind)
    assert _visible(html, reverse("api:openapi-view"))


def test_the_home_and_all_cases_timelines_link_their_feeds(client, record):
    html = _page(client, reverse("web:home"))
    assert _visible(html, reverse("web:case_feed", args=[record.slug]))  # the default case's
    every = _page(client, reverse("web:home") + "?case=all")
    assert _visible(every, reverse("web:feed")) and _visible(every, reverse("api:list_events"))
    assert _alternates(every)[reverse("api:list_events")] == "application/json"


def test_an_entity_page_links_its_feed_and_its_json(client, sample_corpus, django_assert_max_num_queries):
    musk = Entity.objects.get(slug="elon-musk")
    with django_assert_max_num_queries(9):
        html = _page(client, reverse("web:entity", args=[musk.slug]))
    feed = reverse("web:entity_feed", args=[musk.slug])
    json_url = reverse("api:get_entity", args=[musk.pk])
    claims = f"{reverse('api:list_claims')}?speaker={musk.slug}"
    assert _alternates(html)[feed] == "application/atom+xml"
    assert _alternates(html)[json_url] == "application/json"
    for href, kind in (
        (feed, "application/atom+xml"),
        (json_url, "application/json"),
        (claims, "application/json"),
    ):
        assert _visible(html, href), href
        _answers(client, href, kind)


def test_an_event_page_links_its_json(client, sample_corpus, django_assert_max_num_queries):
    event = Event.objects.get(date="2026-04-30")
    with django_assert_max_num_queries(14):
        html = _page(client, reverse("web:event", args=[event.pk]))
    json_url = reverse("api:get_event", args=[event.pk])
    assert _visible(html, json_url) and _alternates(html)[json_url] == "application/json"
    assert client.get(json_url).json()["id"] == event.pk


def _feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo
    return parsed


def test_the_court_record_is_in_the_case_and_timeline_feeds(client, record):
    limine = DocketEntry.objects.get(description__contains="Limine")
    for url in (reverse("web:case_feed", args=[record.slug]), reverse("web:feed")):
        entries = {e.title: e for e in _feed(client, url).entries}
        entry = entries["Court record: Order on Motion in Limine (entry 476)"]
        assert entry.link.endswith(
            f"{reverse('web:case', args=[record.slug])}?type=record#record-{limine.pk}"
        )
        assert entry.author == record.court
        published = datetime(*entry.published_parsed[:6], tzinfo=UTC)
        assert published == limine.entered_at.replace(microsecond=0)
        assert any(e.title == Event.objects.get(date="2026-04-30").title for e in entries.values())
    assert not any(
        e.title.startswith("Court record")
        for e in _feed(client, reverse("web:entity_feed", args=["elon-musk"])).entries
    )


def test_hidden_kinds_stay_out_of_the_feed_and_feeds_stay_bounded(
    client, record, django_assert_max_num_queries
):
    record.hidden_docket_kinds = ["service"]
    record.save()
    DocketEntry.objects.filter(kind="service").update(hidden=True)
    for url in (reverse("web:case_feed", args=[record.slug]), reverse("web:feed")):
        with django_assert_max_num_queries(4):
            titles = [e.title for e in _feed(client, url).entries]
        assert not any("Certificate of Service" in t for t in titles)
        assert (
            sum(t.startswith("Court record") for t in titles)
            == DocketEntry.objects.substantive().count()
            == 8
        )


def test_the_api_lists_docket_entries_with_filters(client, record):
    response = client.get(f"{API}/docket-entries", {"case": record.slug, "limit": 200})
    assert response.status_code == 200
    rows = response.json()["items"]
    assert len(rows) == DocketEntry.objects.visible().count() == 10
    limine = next(r for r in rows if r["number"] == 476)
    assert limine["kind"] == "order" and limine["case"] == record.slug and limine["court"] == record.court
    assert limine["url"].endswith(f"#record-{limine['id']}")
    assert [r["entered_at"] for r in rows] == sorted((r["entered_at"] for r in rows), reverse=True)
    minutes = client.get(f"{API}/docket-entries", {"kind": "minutes"}).json()["items"]
    assert minutes and {r["kind"] for r in minutes} == {"minutes"}
    assert client.get(f"{API}/docket-entries/{limine['id']}").json()["description"].endswith("Limine")
    assert client.get(f"{API}/docket-entries", {"case": "ai-distillation"}).json()["items"] == []
    assert client.get(f"{API}/docket-entries", {"kind": "gossip"}).status_code == 400
    assert client.get(f"{API}/docket-entries", {"case": "nope"}).status_code == 400
    assert client.get(f"{API}/docket-entries/999999").status_code == 404
    DocketEntry.objects.filter(pk=limine["id"]).update(hidden=True)
    assert client.get(f"{API}/docket-entries/{limine['id']}").status_code == 404


def test_docket_entries_page_by_cursor_in_bounded_queries(client, record, django_assert_max_num_queries):
    whole = [r["id"] for r in client.get(f"{API}/docket-entries", {"limit": 200}).json()["items"]]
    walked, cursor = [], None
    while True:
        with django_assert_max_num_queries(3):
            response = client.get(
                f"{API}/docket-entries", {"limit": 2} | ({"cursor": cursor} if cursor else {})
            )
        assert response.status_code == 200
        walked += [r["id"] for r in response.json()["items"]]
        cursor = response.json()["next"]
        if cursor is None:
            break
    assert walked == whole and len(set(walked)) == len(whole) == 10
    other = client.get(f"{API}/claims", {"limit": 1}).json()["next"]
    assert client.get(f"{API}/docket-entries", {"cursor": other}).status_code == 400


def test_api_docs_are_swagger_from_static_files_without_inline_script(client, db):
    response = client.get(reverse("api:openapi-view"))
    assert response.status_code == 200
    html = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S)
    assert scripts
    for attrs, body in scripts:  # a script is a static file, or data (JSON) that nothing executes
        assert ('src="/static/' in attrs and not body.strip()) or 'type="application/json"' in attrs, attrs
    assert "cdn" not in html.lower() and "https://" not in html
    for asset in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        assert finders.find(asset), asset
    assert "script-src 'self'" in response["Content-Security-Policy"]
