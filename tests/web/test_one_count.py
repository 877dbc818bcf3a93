"""One count everywhere: the sample's main event reads the same outlets, independent outlets and first
report on the timeline, its own page, its story's page, its main claim's page and in the API, because
all of them take corroboration's coverage (and the event stores its first report from it)."""

from __future__ import annotations

import re
from datetime import date, datetime

import pytest
from django.urls import reverse

from tracker.crossref.models import Claim, Event

pytestmark = pytest.mark.django_db


def _coverage(html: str) -> tuple[str, str, str]:
    """(count line, first outlet, first report's UTC instant) of the page's coverage line."""
    count = re.search(r'class="coverage__count">([^<]+)<', html)[1]
    first = re.search(
        r'class="coverage__first">First report(?:ed by|:) ([^<(]+?) (?:at|\(no).*?datetime="([^"]+)"', html
    )
    return count, first[1], first[2]


def _item(timeline: str, event: Event) -> str:
    item = timeline[timeline.index(f'id="event-{event.pk}"') :]
    return item[: item.index("</article>")]


def test_the_main_event_reads_the_same_counts_and_first_report_on_every_page_and_in_the_api(
    client, sample_corpus
):
    event = Event.objects.get(date=date(2026, 4, 30))
    story = event.stories.get()
    claim = Claim.objects.public().filter(event=event).order_by("-outlets_count", "pk").first()
    pages = {
        "timeline": _item(client.get(reverse("web:home")).content.decode(), event),
        "event": client.get(reverse("web:event", args=[event.pk])).content.decode(),
        "story": client.get(reverse("web:story", args=[story.pk])).content.decode(),
        "claim": client.get(reverse("web:claim", args=[claim.pk])).content.decode(),
    }
    seen = {name: _coverage(html) for name, html in pages.items()}
    api = client.get(f"/api/v1/events/{event.pk}").json()
    first_at = datetime.fromisoformat(api["first_reported_at"].replace("Z", "+00:00"))
    from_api = (
        f"{api['outlets_count']} outlets, {api['independent_count']} independent",
        api["first_reported_by"]["name"],
        first_at,
    )
    as_read = {
        name: (c, o, datetime.fromisoformat(t.replace("Z", "+00:00"))) for name, (c, o, t) in seen.items()
    }
    assert set(as_read.values()) == {from_api}, as_read
    assert from_api[0] == "5 outlets, 4 independent"  # 001 and 003 both credit TechCrunch
