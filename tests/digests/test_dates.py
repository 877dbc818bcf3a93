"""Dates in a digest read as on the site: at their precision, times in the court's zone, named, and a
docket entry on the court's day (issue 13, "When")."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import SubscriberFactory
from tracker.cases.models import Case
from tracker.crossref.models import Event
from tracker.digests import composing, sending
from tracker.dockets.models import DocketEntry

pytestmark = pytest.mark.django_db


def parts(message) -> dict[str, str]:
    return {part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()}


def test_the_email_writes_dates_and_times_as_the_site_does(smtp_server, settings):
    settings.TRACKER_PUBLISH_UNREVIEWED = True
    case = Case.objects.get(slug="musk-v-openai")
    assert case.time_zone == "America/Los_Angeles"
    now = timezone.now()
    common = {"case": case, "status": Event.Visibility.PUBLISHED, "last_changed_at": now}
    founded = Event.objects.create(**common, date=date(2023, 1, 1), precision="year", title="xAI was founded")
    filed = Event.objects.create(**common, date=date(2023, 3, 1), precision="month", title="A suit was filed")
    # 03:30 UTC on 1 May is 20:30 on 30 April in Oakland: the court's day is the 30th.
    evening = datetime(2026, 5, 1, 3, 30, tzinfo=UTC)
    entry = DocketEntry.objects.create(
        case=case,
        docket_number="4:24-cv-04722-YGR",
        number=600,
        description="ORDER setting a hearing",
        entry_type="Order",
        kind="order",
        entered_at=evening,
        filed_on=date(2026, 4, 30),
        guid="evening",
    )
    subscriber = SubscriberFactory(email="reader@example.org", case=case)
    period = composing.period_ending("daily", now + timedelta(minutes=1))

    assert sending.send_batch(subscriber_ids=[subscriber.pk], period=period).sent == 1

    [message] = smtp_server.to("reader@example.org")
    text, html = parts(message)["text/plain"].replace("\r\n", "\n"), parts(message)["text/html"]
    client = Client()
    year_page = client.get(reverse("web:event", args=[founded.pk])).content.decode()
    month_page = client.get(reverse("web:event", args=[filed.pk])).content.decode()
    timeline = client.get(reverse("web:case", args=[case.slug])).content.decode()
    for shown, page in (
        ('<time datetime="2023">2023</time>', year_page),
        ('<time datetime="2023-03">Mar 2023</time>', month_page),
        ("30 Apr 2026, 20:30 PDT", timeline),  # entered: the court's day and time, the zone named
        ('filed <time datetime="2026-04-30">30 Apr 2026</time>', timeline),
    ):
        assert shown in page, shown
    assert "- [updated] xAI was founded\n  2023\n" in text
    assert "- [updated] A suit was filed\n  Mar 2023\n" in text
    assert (
        "- #600 ORDER setting a hearing\n  entered 30 Apr 2026, 20:30 PDT · filed 30 Apr 2026 · Order\n"
        in text
    )
    assert "2023-01-01" not in text and "2023-03-01" not in text and "2026-05-01" not in text
    assert "entered 30 Apr 2026, 20:30 PDT" in html
    # The period too is in the court's zone, named.
    local = period.end.astimezone(ZoneInfo(entry.case.time_zone))
    assert f"to {local.day} {local:%b %Y, %H:%M %Z}." in text.split("\n--\n")[-1]
