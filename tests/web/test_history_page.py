"""The admin's history page (django-simple-history, template overridden in
templates/simple_history/object_history_list.html): a foreign key that was empty reads "(none)", never
"Deleted <model> (pk=None)"; a related row that was really deleted still reads as deleted."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from tracker.crossref.models import Claim, Event

pytestmark = pytest.mark.django_db


def _changes(admin_client, claim: Claim, django_assert_max_num_queries) -> list[str]:
    with django_assert_max_num_queries(20):
        response = admin_client.get(reverse("admin:crossref_claim_history", args=[claim.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", li)).split())
        for li in re.findall(r"<li>\s*<strong>.*?</li>", html, re.S)
    ]


def test_an_empty_foreign_key_reads_none(admin_client, sample_corpus, django_assert_max_num_queries):
    claim = (
        Claim.objects.filter(event__isnull=True).order_by("pk").first()
        or Claim.objects.order_by("pk").first()
    )
    Claim.objects.filter(pk=claim.pk).update(event=None)
    claim.refresh_from_db()
    claim.save()  # the "before" record, with no event
    event = Event.objects.order_by("pk").first()
    claim.event = event
    claim.save()
    claim.event = None
    claim.save()
    changes = _changes(admin_client, claim, django_assert_max_num_queries)
    assert f"Event: (none) → {event}" in changes
    assert f"Event: {event} → (none)" in changes
    assert not any("pk=None" in c for c in changes)


def test_a_deleted_related_row_still_reads_deleted(
    admin_client, sample_corpus, django_assert_max_num_queries
):
    claim, other = Claim.objects.order_by("pk")[:2]
    claim.responds_to = None
    claim.save()
    claim.responds_to = other
    claim.save()
    Claim.objects.filter(pk=claim.pk).update(responds_to=None)
    claim.refresh_from_db()
    claim.save()  # the row it answered is gone: the history keeps its id
    gone = other.pk
    Claim.objects.filter(pk=other.pk).delete()
    changes = _changes(admin_client, claim, django_assert_max_num_queries)
    assert f"Responds to: Deleted claim (pk={gone}) → (none)" in changes
