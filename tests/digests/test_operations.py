"""Commands, the mailto unsubscribe, provider webhooks' events, and the admin pages."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path
from urllib.parse import unquote

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.factories import SubscriberFactory
from tests.support.smtp import free_port
from tracker.digests import receivers, sending
from tracker.digests.management.commands.mailsink import PrintingHandler
from tracker.digests.management.commands.unsubscribe_mail import unsubscribe_from_mail
from tracker.digests.models import Bounce, Delivery, Subscriber

pytestmark = pytest.mark.django_db


def test_send_digests_now_and_the_mailto_unsubscribe(smtp_server, musk_case):
    subscriber = SubscriberFactory(email="cli@example.org", case=musk_case)
    out = io.StringIO()
    call_command("send_digests", "--now", stdout=out)
    assert out.getvalue().startswith("sent 1, empty 0")
    [message] = smtp_server.to("cli@example.org")
    subject = unquote(re.search(r"<mailto:[^?]+\?subject=([^>]+)>", message["List-Unsubscribe"]).group(1))

    reply = f"From: cli@example.org\r\nTo: unsubscribe@localhost\r\nSubject: {subject}\r\n\r\n".encode()
    assert (
        unsubscribe_from_mail(reply.replace(b"Subject: unsubscribe ", b"Subject: unsubscribe x"))
        != "unsubscribed"
    )
    assert unsubscribe_from_mail(reply) == "unsubscribed"
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert "already been used" in unsubscribe_from_mail(reply)


def test_provider_events_count_bounces_and_complaints_unsubscribe(settings):
    settings.TRACKER_DIGEST_MAX_BOUNCES = 2
    subscriber = Subscriber.objects.create(email="p@example.org", status=Subscriber.Status.ACTIVE)
    event = {"recipient": "P@example.org", "description": "mailbox full", "esp_name": "Postmark"}
    assert receivers.apply_provider_event(event_type="bounced", **event) == "bounce"
    assert receivers.apply_provider_event(event_type="bounced", **event) == "suspended"
    assert Bounce.objects.filter(source="Postmark").count() == 2
    assert receivers.apply_provider_event(event_type="delivered", **event) == "ignored"
    assert receivers.apply_provider_event(event_type="complained", **event) == "unsubscribed"
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert receivers.apply_provider_event(event_type="bounced", recipient="nobody@example.org") == "ignored"


def test_the_development_mail_sink_prints_and_keeps_messages(tmp_path, settings):
    lines: list[str] = []
    port = free_port()
    controller = Controller(PrintingHandler(tmp_path, lines.append), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        mail.send_mail("Hello", "Confirm: http://127.0.0.1:8000/x/", "a@localhost", ["b@example.org"])
        deadline = time.monotonic() + 5
        while not lines and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        controller.stop()
    [printed] = lines
    assert "Subject: Hello" in printed and "Confirm: http://127.0.0.1:8000/x/" in printed
    [saved] = list(Path(tmp_path).glob("*.eml"))
    assert b"Subject: Hello" in saved.read_bytes()


def test_admin_pages_list_subscribers_deliveries_and_bounces(
    admin_client, musk_case, current_period, smtp_server, django_assert_max_num_queries
):
    subscribers = [SubscriberFactory(email=f"a{i}@example.org", case=musk_case) for i in range(5)]
    smtp_server.fail("a0@example.org", "550 No such user")
    sending.send_batch(subscriber_ids=[s.pk for s in subscribers], period=current_period)
    for name in ("subscriber", "subscription", "delivery", "bounce"):
        with django_assert_max_num_queries(12):
            response = admin_client.get(reverse(f"admin:digests_{name}_changelist"))
        assert response.status_code == 200
    assert b"a0@example.org" in admin_client.get(reverse("admin:digests_bounce_changelist")).content
    page = admin_client.get(reverse("admin:digests_subscriber_change", args=[subscribers[1].pk]))
    assert page.status_code == 200 and b"Musk v. OpenAI" in page.content

    # Resolving a crash: an abandoned delivery is resent once staff say so.
    Delivery.objects.filter(subscriber=subscribers[1]).update(status=Delivery.Status.ABANDONED)
    admin_client.post(
        reverse("admin:digests_delivery_changelist"),
        {"action": "resend", "_selected_action": [Delivery.objects.get(subscriber=subscribers[1]).pk]},
    )
    batches = sending.due_batches(timezone.now())
    assert any(subscribers[1].pk in ids for *_, ids in batches)
    frequency, end, ids = next(b for b in batches if subscribers[1].pk in b[2])
    sending.send_batch(subscriber_ids=ids, period=current_period)
    assert len(smtp_server.to("a1@example.org")) == 2
