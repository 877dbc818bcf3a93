"""Only claims the machine is sure of reach readers: a machine claim below TRACKER_PUBLISH_MIN_CONFIDENCE
waits for a curator (issue 12); approving it publishes it; curated claims always show."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tracker.crossref.models import Claim, Status

pytestmark = pytest.mark.django_db


def _waiting() -> Claim:
    return (
        Claim.objects.filter(status=Status.MACHINE, confidence__lt=2, merged_into=None).order_by("pk").first()
    )


def test_a_low_tier_claim_waits_and_approval_publishes_it(client, sample_corpus, settings):
    assert settings.TRACKER_PUBLISH_MIN_CONFIDENCE == 2  # the default the evaluation chose
    waiting = _waiting()
    published = Claim.objects.filter(status=Status.MACHINE, confidence__gte=2).first()
    assert waiting is not None and published is not None
    assert waiting in Claim.objects.awaiting_review() and published not in Claim.objects.awaiting_review()

    api = client.get("/api/v1/claims", {"limit": 100}).json()
    ids = {item["id"] for item in api["items"]}
    assert published.pk in ids and waiting.pk not in ids
    assert client.get(reverse("web:claim", args=[waiting.pk])).status_code == 404
    assert client.get(reverse("web:claim", args=[published.pk])).status_code == 200
    feed = client.get(reverse("web:feed")).content.decode()
    assert waiting.text[:40] not in feed

    Claim.objects.filter(pk=waiting.pk).update(status=Status.APPROVED)  # a curator signs it
    assert client.get(reverse("web:claim", args=[waiting.pk])).status_code == 200
    ids = {item["id"] for item in client.get("/api/v1/claims", {"limit": 100}).json()["items"]}
    assert waiting.pk in ids


def test_the_tier_setting_decides(client, sample_corpus, settings):
    waiting = _waiting()
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0
    assert client.get(reverse("web:claim", args=[waiting.pk])).status_code == 200
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 3
    tier_two = Claim.objects.filter(status=Status.MACHINE, confidence=2).first()
    assert client.get(reverse("web:claim", args=[tier_two.pk])).status_code == 404


def test_is_public_agrees_with_the_queryset(sample_corpus, settings):
    for tier in (0, 2, 3):
        settings.TRACKER_PUBLISH_MIN_CONFIDENCE = tier
        public = set(Claim.objects.public().values_list("pk", flat=True))
        assert public == {c.pk for c in Claim.objects.all() if c.is_public()}
