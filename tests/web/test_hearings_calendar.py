"""A hearing an entry's text sets feeds the case's "next hearing" (in the court's zone, named) and its
iCalendar feed, /cases/<slug>/hearings.ics (RFC 5545: CRLF, 75-octet folding, escaped text, a UID
stable per entry), linked from the case page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import DocketEntryFactory
from tracker.cases.models import Case
from tracker.dockets.models import DocketEntry

pytestmark = pytest.mark.django_db


def _entry(case, pk_hint: str, description: str, *, entered_at=None, kind="hearing") -> DocketEntry:
    return DocketEntryFactory(
        case=case,
        docket_number=case.docket_number,
        kind=kind,
        entered_at=entered_at or datetime(2026, 4, 29, 16, 5, tzinfo=UTC),
        filed_on=None,
        description=description,
        guid=f"guid-{pk_hint}",
    )


def _unfold(body: str) -> list[str]:
    return body.replace("\r\n ", "").split("\r\n")


@pytest.fixture
def case():
    return Case.objects.get(slug="musk-v-openai")


def test_a_stated_hearing_is_the_next_hearing_in_the_courts_zone(client, case):
    ahead = timezone.now() + timedelta(days=40)
    later = ahead + timedelta(days=30)
    _entry(case, "later", f"Jury Trial set for {later:%-m/%-d/%Y} 08:30 AM", kind="order")
    _entry(
        case, "soon", f"Set/Reset Hearing: Motion Hearing set for {ahead:%-m/%-d/%Y} 10:00 AM before Judge X."
    )
    _entry(case, "past", "Pretrial Conference set for 1/7/2020 10:00 AM")
    html = client.get(reverse("web:case", args=[case.slug])).content.decode()
    hearing = html.split("<dt>Next hearing</dt>")[1].split("</dd>")[0]
    assert "Motion Hearing" in hearing and "Jury Trial" not in hearing
    assert re.search(r"10:00 P[DS]T</time>", hearing), hearing  # the court's time, its zone named
    assert "America/Los_Angeles" in hearing
    link = reverse("web:case_hearings", args=[case.slug])
    assert f'<a href="{link}"' in html  # visible, not only a <link rel=alternate>


def test_an_entry_whose_text_sets_a_hearing_that_is_over_is_not_an_undated_one_ahead(client, case):
    """Filed on a day ahead, but its text sets a hearing already held: no next hearing."""
    entry = _entry(case, "over", "Status Conference set for 1/7/2020 10:00 AM")
    DocketEntry.objects.filter(pk=entry.pk).update(filed_on=(timezone.now() + timedelta(days=5)).date())
    html = client.get(reverse("web:case", args=[case.slug])).content.decode()
    assert "<dt>Next hearing</dt>" not in html


def test_the_calendar_feed_is_rfc_5545(client, case, settings):
    settings.SITE_URL = "https://tracker.example"
    entry = _entry(case, "trial", "Jury Trial set for 5/4/2026 08:30 AM in Oakland, Courtroom 1, 4th Floor.")
    _entry(case, "day", "Status Conference set for 6/2/2026.")
    _entry(case, "nothing", "Certificate of Service", kind="service")
    response = client.get(reverse("web:case_hearings", args=[case.slug]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode("utf-8")
    assert body.endswith("\r\n") and "\n" not in body.replace("\r\n", "")
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    lines = _unfold(body)
    assert (
        lines[0] == "BEGIN:VCALENDAR"
        and "VERSION:2.0" in lines
        and any(x.startswith("PRODID:") for x in lines)
    )
    assert lines.count("BEGIN:VEVENT") == 2 and lines[-2] == "END:VCALENDAR"
    assert "DTSTART:20260504T153000Z" in lines  # 08:30 PDT
    assert "DTSTART;VALUE=DATE:20260602" in lines
    assert "SUMMARY:Jury Trial: Musk v. OpenAI" in lines
    assert "LOCATION:Oakland\\, Courtroom 1\\, 4th Floor" in lines
    assert all(any(x.startswith(f"{name}:") for x in lines) for name in ("UID", "DTSTAMP", "URL"))
    uids = [x for x in lines if x.startswith("UID:")]
    assert len(set(uids)) == 2 and all(u.endswith("@tracker.example") for u in uids)  # SITE_URL's host

    DocketEntry.objects.filter(pk=entry.pk).update(description=entry.description + " (amended)")
    _entry(case, "new", "Motion Hearing set for 7/1/2026 10:00 AM")
    again = _unfold(client.get(reverse("web:case_hearings", args=[case.slug])).content.decode())
    assert set(uids) < {x for x in again if x.startswith("UID:")}  # stable per entry


def test_hostile_text_is_escaped_and_folded(client, case):
    word = "Z" * 300
    text = (
        f"Motion Hearing set for 5/4/2026 08:30 AM; parties: A, B; notes:\nline two\\{word} ünïcødé "
        + "€" * 100
    )
    _entry(case, "hostile", text)
    body = client.get(reverse("web:case_hearings", args=[case.slug])).content
    physical = body.split(b"\r\n")
    assert all(len(line) <= 75 for line in physical)
    assert all(line.decode("utf-8") is not None for line in physical)  # no character split by a fold
    lines = _unfold(body.decode("utf-8"))
    (description,) = [x for x in lines if x.startswith("DESCRIPTION:")]
    assert "\\; parties: A\\, B\\; notes:\\nline two\\\\Z" in description
    assert word in description and description.endswith("€" * 100)
    assert b"\n" not in body.replace(b"\r\n", b"")


def test_a_topic_or_unknown_case(client):
    assert client.get(reverse("web:case_hearings", args=["no-such-case"])).status_code == 404
    body = client.get(reverse("web:case_hearings", args=["ai-distillation"])).content.decode()
    assert "BEGIN:VCALENDAR" in body and "BEGIN:VEVENT" not in body
