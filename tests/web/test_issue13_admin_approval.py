"""Issue 13, Every view filled: approving the main claim in the admin changes what the timeline shows.
tests/web/test_filled.py stores the approval with an update(); this one approves through the admin's
review action, as a curator does, with the page cache on (as `make run` has it), and reads the case's
"Curated only" timeline and the event page as an anonymous reader before and after.

It failed while curation.reviewing.review_claims (the admin's approve, reject, dispute and send back)
sent no events_changed: the cached pages kept "Machine-extracted" for anonymous readers until
TRACKER_PAGE_CACHE_SECONDS passed."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.test import Client
from django.urls import reverse

from tracker.crossref.models import Claim, Event, Status

pytestmark = pytest.mark.django_db


def _card(html: str, event: Event) -> str | None:
    if f'id="event-{event.pk}"' not in html:
        return None
    card = html[html.index(f'id="event-{event.pk}"') :]
    return card[: card.index("</article>")]


def test_approving_the_main_claim_in_the_admin_makes_the_event_curated(
    admin_client, sample_corpus, settings, django_capture_on_commit_callbacks
):
    settings.TRACKER_PAGE_CACHE_SECONDS = 300
    reader = Client()
    event = Event.objects.get(date=date(2026, 4, 30))
    curated_only = reverse("web:case", args=[event.case.slug]) + "?curated=on"
    page = reverse("web:event", args=[event.pk])
    assert _card(reader.get(curated_only).content.decode(), event) is None
    assert "Machine-extracted</span>" in reader.get(page).content.decode()
    main = Claim.objects.filter(event=event).order_by("-outlets_count", "pk").first()

    with django_capture_on_commit_callbacks(execute=True):  # what the admin's commit would run
        response = admin_client.post(
            reverse("admin:crossref_claim_changelist"),
            {"action": "approve", ACTION_CHECKBOX_NAME: [main.pk]},
            follow=True,
        )
    assert response.status_code == 200
    main.refresh_from_db()
    assert main.status == Status.APPROVED

    card = _card(reader.get(curated_only).content.decode(), event)
    assert card is not None and 'badge--curated">Curated' in card
    html = reader.get(page).content.decode()
    assert 'badge--curated">Curated' in html and "Machine-extracted</span>" not in html
