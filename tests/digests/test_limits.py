"""Per-address limits that hold and count the right address: behind a trusted proxy each reader is
counted by their own address; the one-click unsubscribe is never capped (a list provider's bulk
unsubscribe comes from one address)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tests.digests.test_subscribing import subscribe
from tests.factories import SubscriberFactory
from tracker.cases.models import Case
from tracker.digests import tokens
from tracker.digests.models import Subscriber

pytestmark = pytest.mark.django_db

PROXY = "10.9.0.2"


@pytest.fixture
def case():
    return Case.objects.get(slug="musk-v-openai")


def test_a_bulk_one_click_unsubscribe_from_one_address_is_not_capped(case):
    subscribers = [SubscriberFactory(email=f"reader{n}@example.org", case=case) for n in range(120)]
    client = Client(REMOTE_ADDR="198.51.100.25")  # the list provider's one address
    for subscriber in subscribers:
        url = reverse("digests:unsubscribe", args=[tokens.make_token(subscriber, "unsubscribe")])
        assert client.post(url).status_code == 200
    assert not Subscriber.objects.exclude(status=Subscriber.Status.UNSUBSCRIBED).exists()


def test_behind_a_trusted_proxy_readers_are_limited_one_by_one(smtp_server, case, settings):
    settings.TRACKER_TRUSTED_PROXIES = ["10.9.0.0/16"]
    settings.TRACKER_DIGEST_SUBSCRIBE_PER_IP = 2
    first = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.7")
    second = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    assert [subscribe(first, f"a{n}@example.org", case=case.pk).status_code for n in range(3)] == [
        200,
        200,
        429,
    ]
    assert subscribe(second, "b@example.org", case=case.pk).status_code == 200


def test_without_trusted_proxies_the_header_is_ignored(smtp_server, case, settings):
    settings.TRACKER_DIGEST_SUBSCRIBE_PER_IP = 2
    codes = [
        subscribe(
            Client(REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}"), f"a{n}@example.org"
        ).status_code
        for n in range(3)
    ]
    assert codes == [200, 200, 429]


def test_the_limit_holds_while_the_cache_is_flooded(smtp_server, case, settings):
    settings.TRACKER_DIGEST_SUBSCRIBE_PER_IP = 2
    client = Client(REMOTE_ADDR="203.0.113.7")
    assert [subscribe(client, f"a{n}@example.org").status_code for n in range(2)] == [200, 200]
    cache.clear()  # evicted, culled, or a restarted cache server: the counts are not in it
    assert subscribe(client, "c@example.org").status_code == 429
