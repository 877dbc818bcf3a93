"""Public pages from the cache for anonymous readers (tracker/web/pagecache.py): a second request costs
no query and gives the same page; events_changed retires the pages of the changed
events (in another process, once its stamps are read again); ETags answer 304; staff, other htmx targets and each reader's CSRF token stay apart."""

from __future__ import annotations

import io
import re
import time
from datetime import date

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tracker.crossref.models import Claim, Event
from tracker.crossref.signals import send_events_changed
from tracker.web import pagecache, receivers
from tracker.web.models import PageGeneration

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def cached(settings, sample_corpus):
    settings.TRACKER_PAGE_CACHE_SECONDS = 300
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # every sample claim public: their pages answer
    event = Event.objects.get(date=date(2026, 4, 30))
    return event


def _urls(event: Event) -> dict[str, str]:
    claim = Claim.objects.filter(event=event).order_by("pk").first()
    return {
        "home": reverse("web:home"),
        "case": reverse("web:case", args=[event.case.slug]),
        "event": reverse("web:event", args=[event.pk]),
        "story": reverse("web:story", args=[event.stories.first().pk]),
        "claim": reverse("web:claim", args=[claim.pk]),
        "entity": reverse("web:entity", args=[claim.speaker.slug]),
        "feed": reverse("web:feed"),
        "case feed": reverse("web:case_feed", args=[event.case.slug]),
        "entity feed": reverse("web:entity_feed", args=[claim.speaker.slug]),
    }


def _body(response) -> str:
    return TOKEN.sub("TOKEN", response.content.decode())


@pytest.mark.parametrize(
    "page", ["home", "case", "event", "story", "claim", "entity", "feed", "case feed", "entity feed"]
)
def test_a_second_anonymous_request_is_served_from_the_cache(client, cached, page, django_assert_num_queries):
    url = _urls(cached)[page]
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):  # the stamps as read a moment ago, the page from the cache
        second = client.get(url)
    assert second.status_code == 200 and _body(second) == _body(first)
    assert second["ETag"] == first["ETag"] and second["Content-Type"] == first["Content-Type"]


def test_events_changed_retires_the_pages_of_the_changed_events(
    client, cached, django_capture_on_commit_callbacks
):
    urls = _urls(cached)
    for url in urls.values():
        client.get(url)
    Event.objects.filter(pk=cached.pk).update(title="A title changed by a curator")
    stale = client.get(urls["event"]).content.decode()
    assert "A title changed by a curator" not in stale  # served from the cache: no signal yet
    with django_capture_on_commit_callbacks(execute=True):
        send_events_changed([cached.pk])
    for page in ("event", "case", "home", "feed", "case feed"):
        assert "A title changed by a curator" in client.get(urls[page]).content.decode(), page


def test_another_process_bump_is_seen_once_the_stamps_are_read_again(client, cached):
    url = _urls(cached)["event"]
    client.get(url)
    Event.objects.filter(pk=cached.pk).update(title="Renamed by the nlp worker")
    PageGeneration.objects.update_or_create(
        scope=f"event:{cached.pk}", defaults={"changed_at": time.time_ns()}
    )
    assert "Renamed by the nlp worker" not in client.get(url).content.decode()  # stamps read < 2 s ago
    with CaptureQueriesContext(connection) as queries:
        pagecache._read.update({s: (float("-inf"), v) for s, (_, v) in pagecache._read.items()})  # 2 s on
        assert "Renamed by the nlp worker" in client.get(url).content.decode()
    assert "web_pagegeneration" in queries.captured_queries[0]["sql"]


def test_the_receiver_names_every_page_of_the_events_in_a_constant_number_of_queries(
    cached, django_assert_num_queries
):
    claims = list(Claim.objects.filter(event=cached).select_related("speaker"))
    with django_assert_num_queries(5):
        scopes = receivers.scopes_of([cached.pk])
    assert {"all", f"event:{cached.pk}", f"case:{cached.case.slug}"} <= scopes
    assert {f"claim:{c.pk}" for c in claims} <= scopes
    assert {f"entity:{c.speaker.slug}" for c in claims if c.speaker} <= scopes
    assert {f"story:{s.pk}" for s in cached.stories.all()} <= scopes


def test_the_receiver_reads_each_named_entity_once_not_each_mention(cached):
    # A DISTINCT under Mention's ordering (article time, offset) is one row a mention: linear in the
    # events' articles, read at every batch.
    with CaptureQueriesContext(connection) as queries:
        receivers.scopes_of([cached.pk])
    distinct = [q["sql"] for q in queries.captured_queries if "DISTINCT" in q["sql"]]
    assert distinct and all("ORDER BY" not in sql and '"start"' not in sql for sql in distinct), distinct


@pytest.mark.parametrize(
    "page", ["home", "case", "event", "story", "claim", "entity", "feed", "case feed", "entity feed"]
)
def test_a_conditional_get_with_the_etag_answers_304(client, cached, page):
    url = _urls(cached)[page]
    first = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert "no-cache" in first["Cache-Control"] and first["Last-Modified"]


def test_staff_see_fresh_pages(client, cached, django_user_model):
    url = _urls(cached)["event"]
    client.get(url)
    Event.objects.filter(pk=cached.pk).update(title="Renamed while cached")
    staff = Client()
    staff.force_login(django_user_model.objects.create_user("curator", is_staff=True))
    assert "Renamed while cached" in staff.get(url).content.decode()
    assert "Renamed while cached" not in client.get(url).content.decode()  # anonymous: still cached


def test_htmx_partials_and_whole_pages_are_kept_apart(client, cached):
    url = _urls(cached)["event"]
    whole = client.get(url).content.decode()
    partial = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" in whole and "<html" not in partial
    assert "<html" in client.get(url).content.decode()
    restore = client.get(url, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in restore.content.decode()
    assert "HX-Request" in client.get(url)["Vary"]


def test_the_query_string_is_part_of_the_key(client, cached):
    url = _urls(cached)["case"]
    plain = _body(client.get(url))
    filtered = _body(client.get(url + "?type=record"))
    assert plain != filtered and _body(client.get(url)) == plain


def test_each_reader_gets_a_csrf_token_of_their_own(cached):
    url = _urls(cached)["case"]
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one = first.get(url)
    two = second.get(url)  # from the cache
    token_one, token_two = TOKEN.search(one.content.decode())[1], TOKEN.search(two.content.decode())[1]
    assert token_one != token_two
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert "private" in two["Cache-Control"]
    posted = second.post(
        reverse("digests:subscribe"), {"csrfmiddlewaretoken": token_two, "email": "r@example.org"}
    )
    assert posted.status_code != 403  # the served token is this reader's
    stolen = Client(enforce_csrf_checks=True)
    stolen.get(reverse("web:health"))
    assert stolen.post(reverse("digests:subscribe"), {"csrfmiddlewaretoken": token_one}).status_code == 403


def test_clear_page_cache_retires_every_page(client, cached):
    url = _urls(cached)["story"]
    client.get(url)
    call_command("clear_page_cache", stdout=io.StringIO())
    with CaptureQueriesContext(connection) as rendered:
        assert client.get(url).status_code == 200
    assert len(rendered) > 1  # rendered afresh
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    assert len(queries) == 0  # and stored again


def test_turned_off_with_zero_seconds(client, cached, settings):
    settings.TRACKER_PAGE_CACHE_SECONDS = 0
    url = _urls(cached)["event"]
    client.get(url)
    Event.objects.filter(pk=cached.pk).update(title="Renamed with the cache off")
    assert "Renamed with the cache off" in client.get(url).content.decode()
