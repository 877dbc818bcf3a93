"""Who spoke for a claim's speaker ("Musk's lawyers", "a spokeswoman for Acme") is kept from the
extraction to the reader: on the candidate, on each outlet's evidence, on the claim page and in the API.
The claim is the party's (nlp representatives.py); the page says through whom."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tracker.crossref import tasks
from tracker.crossref.models import ClaimCandidate, Evidence
from tracker.sources.models import Article, Outlet

pytestmark = pytest.mark.django_db

TEXT = (
    "Anthropic's lawyers told the jury on Tuesday that the licence had lapsed in 2021, "
    "long before the models were trained."
)


def test_a_partys_lawyers_stay_on_the_evidence_the_page_and_the_api(client, settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # shown whatever its tier: what it shows is checked
    outlet = Outlet.objects.create(name="Harbour Ledger", domain="harbour-ledger.example")
    article = Article.objects.create(
        outlet=outlet,
        url="http://harbour-ledger.example/day-three",
        canonical_url="http://harbour-ledger.example/day-three",
        title="Licence trial, day three",
        text=TEXT,
        status=Article.Status.FETCHED,
        published_at=datetime(2026, 5, 6, 18, 0, tzinfo=UTC),
    )
    tasks.analyze_batch([article.pk])
    candidate = ClaimCandidate.objects.get(article=article)
    assert (candidate.speaker_name, candidate.speaker_via) == ("Anthropic", "Anthropic's lawyers")
    evidence = Evidence.objects.get(article=article)
    assert evidence.speaker_via == "Anthropic's lawyers"
    page = client.get(reverse("web:claim", args=[evidence.claim_id]))
    assert page.status_code == 200
    assert "through Anthropic&#x27;s lawyers" in page.content.decode()
    api = client.get(f"/api/v1/claims/{evidence.claim_id}/evidence").json()
    assert [item["speaker_via"] for item in api["items"]] == ["Anthropic's lawyers"]
