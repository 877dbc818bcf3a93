"""'As it happens' alerts over a real SMTP server (aiosmtpd): new court filings and discrepancies,
batched at most one email per TRACKER_ALERT_BATCH_MINUTES a subscriber, one-click unsubscribe."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from itertools import count
from urllib.parse import urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from tests.factories import DocketEntryFactory, SubscriberFactory
from tracker.cases.models import Case
from tracker.crossref.models import Discrepancy, Event
from tracker.digests import alerts, periods, sending, tasks
from tracker.digests.models import Delivery, Subscriber
from tracker.dockets.models import DocketEntry

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)
_numbers = count(700)


@pytest.fixture
def case(settings):
    settings.TRACKER_ALERT_BATCH_MINUTES = 15
    return Case.objects.get(slug="musk-v-openai")


def at(minutes: float):
    return time_machine.travel(T0 + timedelta(minutes=minutes), tick=False)


def filing(case, text: str) -> DocketEntry:
    return DocketEntryFactory(
        case=case, number=next(_numbers), description=text, kind="order", entered_at=T0, filed_on=None
    )


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


def test_windows_end_on_the_batch_boundaries(settings):
    settings.TRACKER_ALERT_BATCH_MINUTES = 15
    assert periods.alert_window_end(T0 + timedelta(minutes=14, seconds=59)) == T0
    assert periods.alert_window_end(T0 + timedelta(minutes=15)) == T0 + timedelta(minutes=15)
    end = T0 + timedelta(minutes=15)
    assert periods.Period(periods.ALERTS, T0, end).key == "alerts:20261204T1015"


def test_filings_in_one_window_make_one_email_and_a_later_one_another(smtp_server, case):
    with at(0):
        reader = SubscriberFactory(email="reader@example.org", case=case, frequency="alerts")
        daily = SubscriberFactory(email="daily@example.org", case=case)  # digests only: no alert
    with at(2):
        filing(case, "ORDER granting leave to file")
    with at(7):
        filing(case, "MOTION in limine")
    with at(14):  # the window is still open: nothing goes before its end
        assert alerts.send_alerts().sent == 0
    with at(15.5):  # ended, but a filing stored at 10:14:59 may not have committed yet
        assert alerts.send_alerts().sent == 0
    with at(16):
        assert alerts.send_alerts().sent == 1
        assert alerts.send_alerts().sent == 0  # the beat again in the same window: nothing twice
    [first] = smtp_server.to("reader@example.org")
    text = body(first)
    assert "ORDER granting leave to file" in text and "MOTION in limine" in text
    assert first["Subject"] == "Musk v. OpenAI: 2 docket entries"
    assert "NEW IN THE COURT RECORD" in text and "entered 4 Dec 2026, 02:00 PST" in text
    assert "New since 4 Dec 2026, 02:00 PST, up to 4 Dec 2026, 02:15 PST." in text  # the court's zone
    assert not smtp_server.to("daily@example.org") and daily.deliveries.count() == 0

    with at(20):
        filing(case, "NOTICE of a hearing")
    with at(25):  # inside the next window: held back
        assert alerts.send_alerts().sent == 0
    with at(31):
        assert alerts.send_alerts().sent == 1
    second = smtp_server.to("reader@example.org")[1]
    assert "NOTICE of a hearing" in body(second) and "MOTION in limine" not in body(second)
    assert list(reader.deliveries.values_list("period", "status")) == [
        ("alerts:20261204T1030", "sent"),
        ("alerts:20261204T1015", "sent"),
    ]

    with at(46):  # nothing new: no email, no row
        result = alerts.send_alerts()
    assert (result.sent, result.quiet) == (0, 1) and len(smtp_server.to("reader@example.org")) == 2
    assert reader.deliveries.count() == 2


def test_new_discrepancies_are_alerted_too(smtp_server, case, settings):
    settings.TRACKER_PUBLISH_UNREVIEWED = True
    with at(0):
        SubscriberFactory(email="reader@example.org", case=case, frequency="alerts")
        event = Event.objects.create(case=case, title="Musk testified", status=Event.Visibility.PUBLISHED)
    with at(3):
        Discrepancy.objects.create(
            event=event,
            kind="quote",
            variants=[{"words": "a lie", "outlet": "Wire"}, {"words": "not true", "outlet": "Daily"}],
        )
    with at(16):
        assert alerts.send_alerts().sent == 1
    text = body(smtp_server.to("reader@example.org")[0])
    assert "NEW DISCREPANCIES BETWEEN OUTLETS" in text and "Musk testified" in text
    assert "“a lie” (Wire)" in text and "found 4 Dec 2026" in text


def test_one_click_unsubscribe_stops_the_alerts(smtp_server, case):
    with at(0):
        reader = SubscriberFactory(email="reader@example.org", case=case, frequency="alerts")
        filing(case, "ORDER one")
    with at(16):
        alerts.send_alerts()
    [message] = smtp_server.to("reader@example.org")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.search(r"<(https?://[^>]+)>", message["List-Unsubscribe"]).group(1)
    assert url in body(message)
    answer = Client().post(
        urlsplit(url).path,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert answer.status_code == 200
    reader.refresh_from_db()
    assert reader.status == Subscriber.Status.UNSUBSCRIBED
    with at(20):
        filing(case, "ORDER two")
    with at(31):
        assert alerts.send_alerts().sent == 0
    assert len(smtp_server.to("reader@example.org")) == 1


def test_an_alert_claimed_elsewhere_is_not_sent_again(smtp_server, case):
    with at(0):
        reader = SubscriberFactory(email="reader@example.org", case=case, frequency="alerts")
        filing(case, "ORDER one")
    with at(16):  # another worker holds this window's alert
        Delivery.objects.create(
            subscriber=reader, period="alerts:20261204T1015", period_start=T0, period_end=T0, status="sending"
        )
        assert alerts.send_alerts().sent == 0
    assert not smtp_server.messages


def test_the_batch_reads_a_constant_number_of_queries(smtp_server, case, django_assert_max_num_queries):
    with at(0):
        SubscriberFactory(email="a@example.org", case=case, frequency="alerts")
        SubscriberFactory(email="b@example.org", case=case, frequency="alerts")
        filing(case, "ORDER one")
    with at(16), django_assert_max_num_queries(12) as few:  # 11 on SQLite and PostgreSQL
        assert alerts.send_alerts().sent == 2
    with at(15.5):  # before the newcomers subscribed: theirs is only what follows
        filing(case, "ORDER one and a half")
    with at(16):
        for i in range(20):
            SubscriberFactory(email=f"s{i}@example.org", case=case, frequency="alerts")
        filing(case, "ORDER two")
    with at(31), django_assert_max_num_queries(len(few.captured_queries)):
        assert alerts.send_alerts().sent == 22
    assert len(smtp_server.messages) == 24
    old, new = body(smtp_server.to("a@example.org")[1]), body(smtp_server.to("s7@example.org")[0])
    assert "ORDER one and a half" in old and "ORDER two" in old
    assert "ORDER one and a half" not in new and "ORDER two" in new and "ORDER one\n" not in new


def test_the_beat_runs_the_thin_alert_task_every_minute(smtp_server, case, settings):
    entry = settings.CELERY_BEAT_SCHEDULE["send-alerts"]
    assert entry["task"] == tasks.send_alerts.name and entry["schedule"] == timedelta(minutes=1)
    with at(0):
        SubscriberFactory(email="reader@example.org", case=case, frequency="alerts")
        filing(case, "ORDER one")
    with at(16):
        assert tasks.send_alerts.apply().get() == {"sent": 1, "skipped": 0, "bounced": 0, "failed": 0}
    assert len(smtp_server.to("reader@example.org")) == 1


def test_send_digests_alerts_sends_them_from_a_terminal(smtp_server, case):
    with at(0):
        SubscriberFactory(email="reader@example.org", case=case, frequency="alerts")
        filing(case, "ORDER one")
    out = io.StringIO()
    with at(16):
        call_command("send_digests", "--alerts", stdout=out)
    assert out.getvalue().strip() == "alerts: sent 1, skipped 0, nothing new 0"
    assert len(smtp_server.to("reader@example.org")) == 1


def test_a_failed_alert_gives_its_items_to_the_next_and_a_refusal_is_a_bounce(smtp_server, case):
    with at(0):
        reader = SubscriberFactory(email="reader@example.org", case=case, frequency="alerts")
        refused = SubscriberFactory(email="gone@example.org", case=case, frequency="alerts")
        filing(case, "ORDER one")
    smtp_server.fail("reader@example.org", "451 4.3.0 Try again later", times=1)
    smtp_server.fail("gone@example.org", "550 5.1.1 No such user")
    with at(16):
        result = alerts.send_alerts()
        assert (result.sent, result.failed, result.bounced) == (0, 1, 1)
        assert alerts.send_alerts().sent == 0  # not retried inside the window
    assert reader.deliveries.get().status == Delivery.Status.FAILED
    assert refused.deliveries.get().status == Delivery.Status.BOUNCED and refused.bounces.count() == 1
    # The digests' retry loop never takes an alert.
    Delivery.objects.update(status=Delivery.Status.DEFERRED, next_attempt_at=T0)
    assert sending.due_batches(T0 + timedelta(minutes=20)) == []
    Delivery.objects.filter(subscriber=reader).update(status=Delivery.Status.FAILED)
    with at(20):
        filing(case, "ORDER two")
    with at(31):
        assert alerts.send_alerts().sent == 1
    text = body(smtp_server.to("reader@example.org")[0])
    assert "ORDER one" in text and "ORDER two" in text
