"""One format for a docket entry's date on every page: the claim page's record status, the case's
court record, the event page and search all write the court's day as the site's court-time tags do
("30 Apr 2026", never "30 April 2026"), in the court's zone."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.factories import DocketEntryFactory
from tracker.crossref.models import Claim

pytestmark = pytest.mark.django_db

ENTERED = datetime(2026, 4, 30, 23, 15, tzinfo=UTC)  # 16:15 on 30 April in California


def _dates(html: str) -> list[str]:
    return re.findall(r'<time datetime="2026-04-30T23:15:00(?:Z|\+00:00)">([^<]+)</time>', html)


def test_a_docket_entry_reads_the_same_court_day_on_the_claim_record_event_and_search_pages(
    client, sample_corpus
):
    claim = Claim.objects.public().filter(kind="testimony").select_related("case", "event").first()
    entry = DocketEntryFactory(
        case=claim.case,
        description="Minute Entry for Jury Trial (Day 3) held on 4/30/2026. Witness: Limine Quux.",
        entered_at=ENTERED,
        filed_on=None,
        number=512,
    )
    entry.events.add(claim.event)
    pages = {
        "claim": reverse("web:claim", args=[claim.pk]),
        "record": reverse("web:case", args=[claim.case.slug]) + "?type=record",
        "event": reverse("web:event", args=[claim.event.pk]),
        "search": reverse("web:search") + "?q=Quux",
    }
    for name, url in pages.items():
        shown = _dates(client.get(url).content.decode())
        assert shown, name
        assert all(re.fullmatch(r"30 Apr 2026(, 16:15 PDT)?", text) for text in shown), (name, shown)
