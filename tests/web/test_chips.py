"""Claim chips on a timeline card show published claims only (not rejected, not merged away, not
below the publishing tier), six at first, and "and N more" opens the rest (a native <details>: no
JavaScript needed)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory
from tracker.crossref.models import Claim, Event, Status

pytestmark = pytest.mark.django_db


def _claim(event, text, **fields):
    fields = {"status": Status.APPROVED, "confidence": 100, **fields}
    return ClaimFactory(case=event.case, event=event, kind="testimony", text=text, **fields)


def test_chips_show_published_claims_and_a_working_and_n_more(client, sample_corpus, settings):
    settings.TRACKER_PUBLISH_UNREVIEWED = True
    event = Event.objects.get(date=date(2026, 4, 30))
    added = [_claim(event, f"Published claim number {n}") for n in range(8)]
    rejected = _claim(event, "Rejected claim text", status=Status.REJECTED)
    low = _claim(event, "Unsure machine claim", status=Status.MACHINE, confidence=1)
    merged = _claim(event, "Merged away claim", merged_into=added[0])
    public = list(Claim.objects.public().filter(event=event))
    assert len(public) >= 8

    html = client.get(reverse("web:case", args=[event.case.slug])).content.decode()
    card = html[html.index(f'id="event-{event.pk}"') :]
    card = card[: card.index("</article>")]
    shown = set(map(int, re.findall(r'href="/claims/(\d+)/"', card)))
    assert shown == {c.pk for c in public}
    assert not shown & {rejected.pk, low.pk, merged.pk}
    first, more = card.split('<details class="chips__more">')
    assert len(re.findall(r'href="/claims/\d+/"', first)) == 6
    assert f"<summary>and {len(public) - 6} more</summary>" in more


def test_no_more_when_six_or_fewer(client, sample_corpus, settings):
    settings.TRACKER_PUBLISH_UNREVIEWED = False
    event = Event.objects.get(date=date(2026, 4, 30))
    Event.objects.filter(pk=event.pk).update(status=Event.Visibility.PUBLISHED)
    two = [_claim(event, f"Approved claim {n}") for n in range(2)]
    html = client.get(reverse("web:case", args=[event.case.slug])).content.decode()
    card = html[html.index(f'id="event-{event.pk}"') :]
    card = card[: card.index("</article>")]
    assert set(map(int, re.findall(r'href="/claims/(\d+)/"', card))) == {c.pk for c in two}
    assert "chips__more" not in card
