"""Subscribing, confirming, preferences and leaving through the real views, with a real SMTP server."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tracker.cases.models import Case, Entity
from tracker.digests import tokens
from tracker.digests.models import Subscriber, Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def case():
    return Case.objects.get(slug="musk-v-openai")


def subscribe(client, email="new@example.org", **extra):
    return client.post(
        reverse("digests:subscribe"),
        {"email": email, "frequency": "weekly", **extra},
        **extra.pop("headers", {}),
    )


def link_in(message) -> str:
    text = next(p.get_content() for p in message.walk() if p.get_content_type() == "text/plain")
    return (
        re.search(r"https?://\S+/subscriptions/confirm/\S+/", text).group(0).removeprefix(settings.SITE_URL)
    )


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_subscribe_and_confirm(client, smtp_server, case, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.post(
            reverse("digests:subscribe"),
            {"email": " New@Example.org ", "frequency": "weekly", "case": case.pk},
        )
    assert response.status_code == 200
    assert "Check your inbox" in response.content.decode()
    subscriber = Subscriber.objects.get(email="new@example.org")
    assert subscriber.status == Subscriber.Status.PENDING and not subscriber.subscriptions.exists()
    [message] = smtp_server.to("new@example.org")
    assert message["From"] == settings.TRACKER_CONFIRM_FROM_EMAIL
    assert "Musk v. OpenAI" in message["Subject"] and message.get_content_type() == "multipart/alternative"
    url = link_in(message)

    # A GET (a mail scanner following the link) confirms nothing.
    with django_assert_max_num_queries(4):
        page = client.get(url)
    assert page.status_code == 200 and b"Confirm my subscription" in page.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING

    with django_assert_max_num_queries(16):  # 14, and the link's nonce checked and recorded as used
        done = client.post(url)
    assert done.status_code == 200 and b"Subscription confirmed" in done.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.ACTIVE and subscriber.frequency == "weekly"
    assert subscriber.confirmed_at is not None
    assert list(subscriber.subscriptions.values_list("case__slug", flat=True)) == ["musk-v-openai"]
    # The link is used up.
    assert client.post(url).status_code == 400
    assert b"already been used" in client.get(url).content
    assert len(smtp_server.messages) == 1  # nothing else was sent


def test_htmx_gets_the_partial_and_a_plain_post_the_page(client, smtp_server, case):
    entity = Entity.objects.filter(name="Sam Altman").first() or Entity.objects.create(
        name="Sam Altman", slug="sam-altman", kind="PERSON"
    )
    partial = subscribe(client, "x@example.org", entity=entity.pk, headers={"HTTP_HX_REQUEST": "true"})
    html = partial.content.decode()
    assert partial.status_code == 200 and "<html" not in html and html.lstrip().startswith("<form")
    assert 'hx-target="this"' in html and "Check your inbox" in html
    page = subscribe(client, "y@example.org").content.decode()
    assert "<html" in page and "Check your inbox" in page
    assert "Sam Altman" in smtp_server.to("x@example.org")[0]["Subject"]


def test_the_answer_is_the_same_whether_the_address_is_known_or_not(client, smtp_server, case):
    Subscriber.objects.create(
        email="known@example.org", status=Subscriber.Status.ACTIVE, confirmed_at=timezone.now()
    )
    known = subscribe(client, "known@example.org", case=case.pk)
    unknown = subscribe(client, "unknown@example.org", case=case.pk)
    assert known.status_code == unknown.status_code == 200
    assert without_csrf(known.content.decode()) == without_csrf(unknown.content.decode())
    # The known address is not changed by a request, only sent a link.
    assert Subscriber.objects.get(email="known@example.org").status == Subscriber.Status.ACTIVE
    assert len(smtp_server.to("known@example.org")) == 1


def test_rate_limits_per_address_and_per_ip(client, smtp_server, case, settings):
    settings.TRACKER_DIGEST_SUBSCRIBE_PER_ADDRESS = 2
    settings.TRACKER_DIGEST_SUBSCRIBE_PER_IP = 4
    answers = {without_csrf(subscribe(client, "flood@example.org").content.decode()) for _ in range(3)}
    assert len(answers) == 1  # the third is held back, and says the same
    assert len(smtp_server.to("flood@example.org")) == 2
    assert subscribe(client, "other@example.org").status_code == 200
    limited = subscribe(client, "third@example.org")
    assert limited.status_code == 429 and smtp_server.to("third@example.org") == []
    assert subscribe(Client(REMOTE_ADDR="10.0.0.9"), "third@example.org").status_code == 200


def test_an_invalid_address_is_answered_with_the_form(client, smtp_server):
    response = subscribe(client, "not an address")
    assert response.status_code == 400 and b'aria-invalid="true"' in response.content
    assert smtp_server.messages == [] and not Subscriber.objects.exists()


@pytest.fixture
def active(case):
    subscriber = Subscriber.objects.create(
        email="reader@example.org", status=Subscriber.Status.ACTIVE, confirmed_at=timezone.now()
    )
    Subscription.objects.create(subscriber=subscriber, case=case)
    return subscriber


def test_one_click_unsubscribe_post_needs_no_csrf_and_get_only_asks(active, django_assert_max_num_queries):
    client = Client(enforce_csrf_checks=True)
    url = reverse("digests:unsubscribe", args=[tokens.make_token(active, "unsubscribe")])
    with django_assert_max_num_queries(3):
        page = client.get(url)
    assert page.status_code == 200 and b"Unsubscribe" in page.content
    active.refresh_from_db()
    assert active.status == Subscriber.Status.ACTIVE
    with django_assert_max_num_queries(5):
        response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    active.refresh_from_db()
    assert active.status == Subscriber.Status.UNSUBSCRIBED
    assert client.post(url).status_code == 400  # reused


def test_forged_expired_and_misused_tokens_are_refused(active):
    client = Client(enforce_csrf_checks=True)
    token = tokens.make_token(active, "unsubscribe")
    forged = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert client.post(reverse("digests:unsubscribe", args=[forged])).status_code == 400
    other_purpose = tokens.make_token(active, "manage")
    assert client.post(reverse("digests:unsubscribe", args=[other_purpose])).status_code == 400
    with time_machine.travel(timezone.now() + timedelta(days=366)):
        expired = client.post(reverse("digests:unsubscribe", args=[token]))
    assert expired.status_code == 400 and b"expired" in expired.content
    confirm = tokens.confirm_token(active, frequency="daily", case_id=None, entity_id=None)
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        assert Client().get(reverse("digests:confirm", args=[confirm])).status_code == 400
    active.refresh_from_db()
    assert active.status == Subscriber.Status.ACTIVE


def test_preferences_change_frequency_pause_and_leave(client, active, django_assert_max_num_queries):
    url = reverse("digests:preferences", args=[tokens.make_token(active, "manage")])
    with django_assert_max_num_queries(6):
        page = client.get(url)
    assert page.status_code == 200 and b"Musk v. OpenAI" in page.content
    subscription = active.subscriptions.get()
    with django_assert_max_num_queries(12):
        saved = client.post(url, {"frequency": "weekly", "keep": [subscription.pk], "paused": "on"})
    assert saved.status_code == 200 and b"saved" in saved.content
    active.refresh_from_db()
    assert active.frequency == "weekly" and active.status == Subscriber.Status.PAUSED
    client.post(url, {"frequency": "weekly", "keep": [subscription.pk]})
    active.refresh_from_db()
    assert active.status == Subscriber.Status.ACTIVE
    left = client.post(url, {"frequency": "weekly"})  # nothing kept: leaving
    assert b"Unsubscribed" in left.content
    active.refresh_from_db()
    assert active.status == Subscriber.Status.UNSUBSCRIBED and not active.subscriptions.exists()
    assert client.get(url).status_code == 400  # the old links no longer work


def test_a_new_request_after_leaving_needs_a_new_confirmation(client, smtp_server, active, case):
    Subscriber.objects.filter(pk=active.pk).update(status=Subscriber.Status.UNSUBSCRIBED)
    subscribe(client, "reader@example.org", case=case.pk)
    active.refresh_from_db()
    assert active.status == Subscriber.Status.UNSUBSCRIBED
    client.post(link_in(smtp_server.to("reader@example.org")[0]))
    active.refresh_from_db()
    assert active.status == Subscriber.Status.ACTIVE


def test_a_mail_server_that_is_down_gives_the_same_answer(client, settings, case):
    from tests.support.smtp import free_port

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    response = subscribe(client, "later@example.org")
    assert response.status_code == 200 and b"Check your inbox" in response.content
    assert Subscriber.objects.get(email="later@example.org").confirmation_sent_at is None
