"""Digests over a real SMTP server (aiosmtpd on 127.0.0.1): content, headers, idempotence, failures."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.factories import SubscriberFactory
from tracker.crossref.models import Claim
from tracker.digests import composing, sending
from tracker.digests.models import Bounce, Delivery, Subscriber

pytestmark = pytest.mark.django_db


def parts(message) -> dict[str, str]:
    return {part.get_content_type(): part.get_content() for part in message.walk() if not part.is_multipart()}


def test_digest_arrives_with_the_right_items_headers_and_both_parts(
    smtp_server, musk_case, current_period, settings
):
    settings.TRACKER_DIGEST_MAX_ITEMS = 3  # the sample publishes four claims: one past the cap
    subscriber = SubscriberFactory(email="reader@example.org", case=musk_case)

    result = sending.send_batch(subscriber_ids=[subscriber.pk], period=current_period)

    assert result.sent == 1
    [message] = smtp_server.to("reader@example.org")
    assert message["Subject"].startswith(
        "Musk v. OpenAI: 3 updated events, 3 discrepancies"
    )  # of published claims
    assert message["From"] == settings.TRACKER_DIGEST_FROM_EMAIL
    assert message.get_content_type() == "multipart/alternative"
    body = parts(message)
    text, html = body["text/plain"], body["text/html"]
    for expected in (
        "The trial opened in Oakland",
        "“general practice” (Aivizor)",
        "standard industry procedure",
    ):
        assert expected in text
    assert "The trial opened in Oakland" in html and "standard industry procedure" in html
    # Substance first: the events come before the footer; machine-extracted claims are labelled.
    assert text.index("EVENTS") < text.index("CLAIMS") < text.index("Unsubscribe:")
    assert "[machine-extracted]" in text and "machine-extracted</span>" in html
    # Capped, with a link to the rest; the docket section is absent when the court record is quiet.
    public = Claim.objects.public().filter(case=musk_case).count()  # only claims published at their tier
    assert (
        f"And {public - settings.TRACKER_DIGEST_MAX_ITEMS} more: {settings.SITE_URL}/cases/musk-v-openai/"
        in text
    )
    assert "FROM THE COURT RECORD" not in text
    # CSS inlined, no <style> left, absolute links only.
    assert "<style" not in html and 'style="' in html
    links = re.findall(r'href="([^"]+)"', html)
    assert links and all(link.startswith(settings.SITE_URL + "/") for link in links)
    # RFC 8058 one-click unsubscribe, a mailto too; the footer links are this subscriber's own.
    unsubscribe = re.search(r"<(https?://[^>]+)>", message["List-Unsubscribe"]).group(1)
    assert "<mailto:unsubscribe@localhost?subject=unsubscribe%20" in message["List-Unsubscribe"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in html.replace("&amp;", "&") and unsubscribe in text
    assert "invalid/" not in text + html
    delivery = Delivery.objects.get(subscriber=subscriber)
    assert delivery.status == Delivery.Status.SENT and delivery.message_id == message["Message-ID"]
    assert delivery.period == current_period.key and delivery.item_count > 10


def test_a_batch_uses_one_connection_and_shares_the_composition(
    smtp_server, musk_case, current_period, django_assert_max_num_queries
):
    ids = [SubscriberFactory(email=f"r{i}@example.org", case=musk_case).pk for i in range(6)]
    with django_assert_max_num_queries(40):  # as many for 6 as for 60 (test_sending_batches.py)
        result = sending.send_batch(subscriber_ids=ids, period=current_period)
    assert result.sent == 6 and len(smtp_server.messages) == 6
    assert smtp_server.connections == 1
    # Each has their own unsubscribe link.
    assert len({m["List-Unsubscribe"] for m in smtp_server.messages}) == 6


def test_nothing_new_sends_nothing(smtp_server, musk_case):
    subscriber = SubscriberFactory(email="quiet@example.org", case=musk_case)
    last_year = composing.period_ending("daily", timezone.now() - timedelta(days=365))

    result = sending.send_batch(subscriber_ids=[subscriber.pk], period=last_year)

    assert result.empty == 1 and result.sent == 0
    assert smtp_server.messages == [] and smtp_server.connections == 0
    assert Delivery.objects.get(subscriber=subscriber).status == Delivery.Status.EMPTY


def test_a_second_run_of_the_same_period_sends_nothing(smtp_server, musk_case, current_period):
    subscriber = SubscriberFactory(email="once@example.org", case=musk_case)
    sending.send_batch(subscriber_ids=[subscriber.pk], period=current_period)
    again = sending.send_batch(subscriber_ids=[subscriber.pk], period=current_period)
    assert again.skipped == 1 and len(smtp_server.messages) == 1


def test_a_crash_between_sending_and_recording_does_not_send_twice(
    smtp_server, musk_case, current_period, monkeypatch
):
    subscriber = SubscriberFactory(email="crash@example.org", case=musk_case)

    def worker_dies(*args):  # the process is killed right after the server said 250
        raise SystemExit("killed")

    with monkeypatch.context() as patch:
        patch.setattr(sending, "complete", worker_dies)
        with pytest.raises(SystemExit):
            sending.send_batch(subscriber_ids=[subscriber.pk], period=current_period)
    assert len(smtp_server.messages) == 1
    delivery = Delivery.objects.get(subscriber=subscriber)
    assert delivery.status == Delivery.Status.SENDING  # visible: claimed, never completed
    assert delivery.message_id == smtp_server.messages[0]["Message-ID"]  # to look up in the MTA log

    retry = sending.send_batch(subscriber_ids=[subscriber.pk], period=current_period)
    assert retry.skipped == 1 and len(smtp_server.messages) == 1
    # The beat's sweep makes it ABANDONED after an hour; it is never resent on its own.
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert sending.abandon_stale() == 1
    # Nor by the beat later that day, when the period's key is the one due (late in its local day: the
    # beat's latest daily period is then the one claimed, whatever time of day the test runs).
    late = current_period.end.replace(hour=23, minute=59)
    assert composing.latest_period("daily", late).key == current_period.key
    assert all(subscriber.pk not in ids for *_, ids in sending.due_batches(now=late))
    assert Delivery.objects.get(pk=delivery.pk).status == Delivery.Status.ABANDONED
    assert len(smtp_server.messages) == 1


def test_a_temporary_failure_is_retried_with_backoff(smtp_server, musk_case, current_period):
    subscriber = SubscriberFactory(email="busy@example.org", case=musk_case)
    other = SubscriberFactory(email="fine@example.org", case=musk_case)
    smtp_server.fail("busy@example.org", "451 4.3.0 Try again later", times=1)

    first = sending.send_batch(subscriber_ids=[subscriber.pk, other.pk], period=current_period)

    assert first.deferred == [subscriber.pk] and first.sent == 1 and first.retry_in == 60
    delivery = Delivery.objects.get(subscriber=subscriber)
    assert delivery.status == Delivery.Status.DEFERRED and "451" in delivery.error
    assert smtp_server.to("busy@example.org") == []
    # Not before its time...
    assert sending.send_batch(subscriber_ids=[subscriber.pk], period=current_period).skipped == 1
    # ...then retried (by the task, or by the next beat) and delivered once.
    with time_machine.travel(timezone.now() + timedelta(minutes=2)):
        assert any(
            subscriber.pk in ids and end == current_period.end for _, end, ids in sending.due_batches()
        )
        second = sending.send_batch(subscriber_ids=first.deferred, period=current_period)
    assert second.sent == 1
    assert len(smtp_server.to("busy@example.org")) == 1 and len(smtp_server.to("fine@example.org")) == 1
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 2
    assert not Bounce.objects.exists()


def test_a_permanent_failure_is_a_bounce_and_repeated_bounces_suspend(smtp_server, musk_case, settings):
    settings.TRACKER_DIGEST_MAX_BOUNCES = 2
    subscriber = SubscriberFactory(email="gone@example.org", case=musk_case)
    smtp_server.fail("gone@example.org", "550 5.1.1 No such user")
    start = timezone.now() - timedelta(hours=1)

    def period(days: int) -> composing.Period:  # periods of different days that all hold the sample
        return composing.Period("daily", start, start + timedelta(days=days, hours=2))

    first = sending.send_batch(subscriber_ids=[subscriber.pk], period=period(0))
    assert first.bounced == 1
    bounce = Bounce.objects.get()
    assert bounce.code == 550 and "No such user" in bounce.message
    assert Delivery.objects.get().status == Delivery.Status.BOUNCED
    subscriber.refresh_from_db()
    assert subscriber.bounce_count == 1 and subscriber.status == Subscriber.Status.ACTIVE

    sending.send_batch(subscriber_ids=[subscriber.pk], period=period(1))
    subscriber.refresh_from_db()
    assert subscriber.bounce_count == 2 and subscriber.status == Subscriber.Status.SUSPENDED
    third = sending.send_batch(subscriber_ids=[subscriber.pk], period=period(2))
    assert third.sent == third.bounced == third.skipped == 0  # suspended: not even tried
    assert smtp_server.messages == []


def test_after_one_click_unsubscribe_no_digest_follows(smtp_server, musk_case, current_period):
    subscriber = SubscriberFactory(email="leaver@example.org", case=musk_case)
    sending.send_batch(subscriber_ids=[subscriber.pk], period=current_period)
    [message] = smtp_server.messages
    url = re.search(r"<(https?://[^>]+)>", message["List-Unsubscribe"]).group(1)

    # What a mail client does for RFC 8058: a POST with this body, no cookie, no CSRF token.
    response = Client(enforce_csrf_checks=True).post(
        url.removeprefix(settings.SITE_URL),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED

    tomorrow = composing.period_ending("daily", current_period.end + timedelta(days=1))
    assert sending.due_batches(tomorrow.end + timedelta(minutes=5)) == []
    sending.send_batch(subscriber_ids=[subscriber.pk], period=tomorrow)
    assert len(smtp_server.messages) == 1
