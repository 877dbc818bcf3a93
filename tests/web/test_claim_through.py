"""The claim's header says through whom its speaker spoke ("Elon Musk (through Musk's lawyers):") when
every outlet's report gives the words to a representative; if one outlet gives them to the speaker, the
header names the speaker alone and the evidence lines say through whom (tests/crossref/test_speaker_via.py)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory
from tracker.crossref import tasks
from tracker.crossref.models import Evidence
from tracker.sources.models import Article
from tracker.web.claims import through_of

TEXT = (
    "Anthropic's lawyers told the jury on Tuesday that the licence had lapsed in 2021, "
    "long before the models were trained."
)


@pytest.mark.django_db
def test_the_claims_header_says_through_whom_when_every_report_does(client, settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0
    article = ArticleFactory(
        outlet__name="Harbour Ledger",
        title="Licence trial, day four",
        text=TEXT,
        status=Article.Status.FETCHED,
        published_at=datetime(2026, 5, 7, 18, 0, tzinfo=UTC),
    )
    tasks.analyze_batch([article.pk])
    evidence = Evidence.objects.get(article=article)
    header = client.get(reverse("web:claim", args=[evidence.claim_id])).content.decode().split("</h1>")[0]
    assert "(through Anthropic&#x27;s lawyers)" in header
    Evidence.objects.filter(pk=evidence.pk).update(speaker_via="")  # as if an outlet quoted the party itself
    header = client.get(reverse("web:claim", args=[evidence.claim_id])).content.decode().split("</h1>")[0]
    assert "through" not in header


def test_through_whom_is_said_only_when_every_report_names_a_representative():
    assert through_of(["Musk's lawyers", "Musk's lawyers"]) == "Musk's lawyers"
    assert through_of(["Musk's lawyers", "lawyers for Musk"]) == "Musk's lawyers, lawyers for Musk"
    assert through_of(["Musk's lawyers", ""]) == ""
    assert through_of([]) == ""
