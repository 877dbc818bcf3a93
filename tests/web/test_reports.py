""" "Report an error": CSRF-protected form, rate limited per address, stored with a hashed address,
queued for curators in the admin."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tracker.crossref.models import Claim, Event
from tracker.web.models import ErrorReport

pytestmark = pytest.mark.django_db


def _claim():
    return Claim.objects.get(text__contains="general practice")


def test_report_on_a_claim_is_stored_with_a_hashed_address(client, sample_corpus):
    claim = _claim()
    url = reverse("web:report")
    assert client.get(url, {"claim": claim.pk}).status_code == 200
    response = client.post(
        url,
        {"claim": claim.pk, "text": "Musk said general practice, not standard.", "email": ""},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 302
    thanks = client.get(response["Location"])
    assert "Thank you" in thanks.content.decode()
    report = ErrorReport.objects.get()
    assert report.claim == claim and report.status == ErrorReport.Status.OPEN
    assert "203.0.113.9" not in report.ip_hash and len(report.ip_hash) == 64


def test_report_needs_text_and_a_public_target(client, sample_corpus):
    event = Event.objects.get(date="2026-04-30")
    url = reverse("web:report")
    response = client.post(url, {"event": event.pk, "text": ""})
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert client.post(url, {"event": event.pk, "text": "x" * 2001}).status_code == 200
    assert not ErrorReport.objects.exists()
    assert client.get(url).status_code == 404
    assert client.get(url, {"claim": 99999}).status_code == 404
    Event.objects.filter(pk=event.pk).update(status="hidden")
    assert client.get(url, {"event": event.pk}).status_code == 404


def test_csrf_is_required(sample_corpus):
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("web:report"), {"claim": _claim().pk, "text": "wrong"})
    assert response.status_code == 403
    page = strict.get(reverse("web:report"), {"claim": _claim().pk}).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page


def test_rate_limit_answers_429(client, sample_corpus, settings):
    settings.TRACKER_ERROR_REPORTS_PER_HOUR = 2
    claim, url = _claim(), reverse("web:report")
    for _ in range(2):
        assert (
            client.post(url, {"claim": claim.pk, "text": "wrong"}, REMOTE_ADDR="198.51.100.1").status_code
            == 302
        )
    limited = client.post(url, {"claim": claim.pk, "text": "wrong"}, REMOTE_ADDR="198.51.100.1")
    assert limited.status_code == 429 and "Too many reports" in limited.content.decode()
    cache.clear()  # an evicted or flushed cache does not reset the count (its own table keeps it)
    assert (
        client.post(url, {"claim": claim.pk, "text": "wrong"}, REMOTE_ADDR="198.51.100.1").status_code == 429
    )
    assert (
        client.post(url, {"claim": claim.pk, "text": "wrong"}, REMOTE_ADDR="198.51.100.2").status_code == 302
    )
    assert ErrorReport.objects.count() == 3


def test_admin_queue_filters_and_actions(admin_client, sample_corpus):
    claim = _claim()
    event = Event.objects.get(date="2026-04-30")
    a = ErrorReport.objects.create(claim=claim, text="wording", ip_hash="h")
    b = ErrorReport.objects.create(event=event, text="date", ip_hash="h")
    changelist = reverse("admin:web_errorreport_changelist")
    html = admin_client.get(changelist, {"status__exact": "open"}).content.decode()
    assert reverse("web:claim", args=[claim.pk]) in html and reverse("web:event", args=[event.pk]) in html
    admin_client.post(changelist, {"action": "mark_acting", "_selected_action": [a.pk]})
    admin_client.post(changelist, {"action": "close", "_selected_action": [b.pk]})
    a.refresh_from_db(), b.refresh_from_db()
    assert (a.status, b.status) == ("acting", "closed")
    assert admin_client.get(reverse("admin:web_errorreport_change", args=[a.pk])).status_code == 200


def test_report_pages_are_bounded(client, sample_corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get(reverse("web:report"), {"claim": _claim().pk}).status_code == 200
