"""Issue 13, A second case: a case a curator adds (its own court and time zone) works in the digests
too. tests/browser/test_second_case.py follows a new case through the admin to its page, search and
Atom feed; this one sends its subscriber's digest through `send_digests --now` and the real SMTP
backend: the case's event and docket entry are in it, its times in the new court's zone, named."""

from __future__ import annotations

import email.policy
from datetime import timedelta
from email import message_from_bytes

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import DocketEntryFactory, EventFactory, SubscriberFactory
from tests.support.smtp import smtp_server  # noqa: F401 - a fixture
from tracker.cases.models import Case

pytestmark = pytest.mark.django_db


def _text(message) -> str:
    parsed = message_from_bytes(message.as_bytes(), policy=email.policy.default)
    return parsed.get_body(preferencelist=("plain",)).get_content()


def test_a_new_cases_subscriber_gets_its_event_and_filing_in_its_courts_zone(smtp_server):  # noqa: F811
    case = Case.objects.create(
        kind=Case.Kind.COURT_CASE,
        name="Nimbus v. Quillon",
        slug="nimbus-v-quillon",
        court="U.S. District Court for the District of Delaware",
        docket_number="1:26-cv-00417",
        time_zone="America/New_York",
        keywords=["Nimbus v. Quillon", "Nimbus Labs"],
    )
    now = timezone.now() - timedelta(minutes=5)
    event = EventFactory(case=case, date=now.date(), title="Quillon's chief executive testifies")
    type(event).objects.filter(pk=event.pk).update(last_changed_at=now, first_reported_at=now)
    DocketEntryFactory(
        case=case,
        docket_number=case.docket_number,
        number=12,
        kind="order",
        description="ORDER setting the trial schedule",
        filed_on=now.date(),
        entered_at=now,
    )
    SubscriberFactory(email="reader@example.org", case=case)

    call_command("send_digests", "--now")

    [message] = smtp_server.to("reader@example.org")
    text = _text(message)
    assert "Nimbus v. Quillon" in message["Subject"] + text
    assert "Quillon's chief executive testifies" in text
    assert "ORDER setting the trial schedule" in text
    zone = timezone.localtime(now, case.tzinfo).tzname()  # EST or EDT: the new court's zone, named
    assert f"{timezone.localtime(now, case.tzinfo):%H:%M} {zone}" in text, text
    assert " PST" not in text and " PDT" not in text and " UTC" not in text
