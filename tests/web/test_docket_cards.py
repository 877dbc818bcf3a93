"""Docket cards read sensibly wherever they show: the event page's "In the record" names an unnumbered
entry without a blank number and says its type once; search links a procedural filing to a timeline
that shows it."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tests.factories import DocketEntryFactory
from tracker.crossref.models import Event
from tracker.dockets.models import DocketEntry

pytestmark = pytest.mark.django_db


def _entry(case, **fields) -> DocketEntry:
    """An entry of the case's docket, entered at `entered_at`, with no filing date."""
    return DocketEntryFactory(case=case, docket_number=case.docket_number, filed_on=None, **fields)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace(" :", ":").replace(" ,", ",")


def test_the_event_pages_record_entries_read_sensibly(client, sample_corpus):
    event = Event.objects.get(date=date(2026, 4, 30))
    numbered = _entry(
        event.case,
        number=501,
        kind="minutes",
        entry_type="Minute Entry - Jury Trial",
        description="Minute Entry - Jury Trial",
        guid="a",
        entered_at=datetime(2026, 5, 1, 0, 52, tzinfo=UTC),
    )
    unnumbered = _entry(
        event.case,
        kind="minutes",
        description="Minute Entry for proceedings held: Jury Trial (Day 3) held on 4/30/2026.",
        guid="b",
        entered_at=datetime(2026, 4, 30, 7, 0, tzinfo=UTC),
    )
    numbered.events.add(event)
    unnumbered.events.add(event)
    html = client.get(reverse("web:event", args=[event.pk])).content.decode()
    section = _text(
        html[html.index('id="record-heading"') : html.index("</section>", html.index('id="record-heading"'))]
    )
    assert "Entry 501, entered 30 Apr 2026: Minute Entry - Jury Trial" in section
    assert section.count("Minute Entry - Jury Trial") == 1
    assert "An entry, entered 30 Apr 2026: Minute Entry for proceedings held" in section
    assert "Entry," not in section and "None" not in section


def test_search_links_a_procedural_filing_to_a_timeline_that_shows_it(client, sample_corpus):
    case = sample_corpus and Event.objects.get(date=date(2026, 4, 30)).case
    entry = _entry(
        case,
        number=496,
        kind="service",
        entry_type="Certificate of Service",
        description="Certificate of Service",
        guid="c",
        entered_at=datetime(2026, 4, 29, 23, 30, tzinfo=UTC),
    )
    html = client.get(reverse("web:search"), {"q": "certificate"}).content.decode()
    (link,) = re.findall(rf'href="([^"]+#record-{entry.pk})"', html)
    timeline = client.get(link.replace("&amp;", "&").split("#")[0]).content.decode()
    assert f'id="record-{entry.pk}"' in timeline
