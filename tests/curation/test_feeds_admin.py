"""Feeds and outlets as a curator (not a superuser) uses them: add, poll now, pause, resume, and mark an
outlet as a wire service or a known syndicator, with the change in its history."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from tracker.sources.models import Feed, FetchRun, Outlet

pytestmark = pytest.mark.django_db

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Tiny</title><link>http://x/</link>
<description>d</description><item><title>One</title><link>http://127.0.0.1/one</link><guid>one</guid>
<description>Summary only.</description></item></channel></rss>"""


def test_curator_adds_polls_pauses_and_resumes_a_feed(
    curator_client, httpserver, allow_private, settings, django_capture_on_commit_callbacks
):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    httpserver.route("/tiny.xml", body=RSS, headers={"Content-Type": "application/rss+xml"})
    response = curator_client.post(
        reverse("admin:sources_feed_add"),
        {
            "url": httpserver.url("/tiny.xml"),
            "title": "Tiny",
            "kind": "news",
            "active": "on",
            "poll_interval": "1800",
            "runs-TOTAL_FORMS": "0",
            "runs-INITIAL_FORMS": "0",
            "runs-MIN_NUM_FORMS": "0",
            "runs-MAX_NUM_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    feed = Feed.objects.get(title="Tiny")
    changelist = reverse("admin:sources_feed_changelist")
    with django_capture_on_commit_callbacks(execute=True):
        curator_client.post(changelist, {"action": "poll_now", ACTION_CHECKBOX_NAME: [feed.pk]})
    run = FetchRun.objects.get(feed=feed)
    assert (run.outcome, run.entries_new) == (FetchRun.Outcome.OK, 1)
    page = curator_client.get(reverse("admin:sources_feed_change", args=[feed.pk]))
    assert page.status_code == 200 and b"Health" in page.content
    curator_client.post(changelist, {"action": "pause", ACTION_CHECKBOX_NAME: [feed.pk]})
    assert Feed.objects.get(pk=feed.pk).status == Feed.Status.PAUSED
    curator_client.post(changelist, {"action": "resume", ACTION_CHECKBOX_NAME: [feed.pk]})
    assert Feed.objects.get(pk=feed.pk).status == Feed.Status.OK


def test_curator_marks_an_outlet_as_wire_and_syndicator(curator, curator_client):
    outlet = Outlet.objects.create(name="Wire", domain="wire.example")
    response = curator_client.post(
        reverse("admin:sources_outlet_change", args=[outlet.pk]),
        {"name": "Wire", "domain": "wire.example", "homepage": "", "kind": "wire", "syndicator": "on"},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    outlet.refresh_from_db()
    assert (outlet.kind, outlet.syndicator) == (Outlet.Kind.WIRE, True)
    record = outlet.history.first()
    assert record.history_user == curator
    assert {c.field for c in record.diff_against(record.prev_record).changes} == {"kind", "syndicator"}
    history = curator_client.get(reverse("admin:sources_outlet_history", args=[outlet.pk]))
    assert history.status_code == 200 and b"curator" in history.content
