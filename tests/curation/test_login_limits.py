"""The admin login's limits hold and cannot be turned against an account: a lock per (account,
address), kept in a table no cache culling touches, read from the client's address behind a trusted
proxy."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.curation.conftest import PASSWORD
from tracker.curation import login
from tracker.curation.login import ADDRESS_FAILURE_LIMIT, LOGIN_FAILURE_LIMIT

pytestmark = pytest.mark.django_db

LOCKED = b"Too many failed logins. Wait 15 minutes"


def attempt(username, password, ip="10.0.0.1", **headers):
    client = Client()
    response = client.post(
        reverse("admin:login"), {"username": username, "password": password}, REMOTE_ADDR=ip, **headers
    )
    return response, "_auth_user_id" in client.session


def fail(times, username="curator", ip="10.0.0.1", **headers):
    for _ in range(times):
        response, logged_in = attempt(username, "wrong", ip, **headers)
        assert response.status_code == 200 and not logged_in


def test_failures_lock_the_account_from_that_address_only(curator):
    fail(LOGIN_FAILURE_LIMIT, ip="203.0.113.7")
    response, logged_in = attempt("curator", PASSWORD, ip="203.0.113.7")
    assert LOCKED in response.content and not logged_in
    assert attempt("curator", PASSWORD, ip="198.51.100.1")[1], "the real curator elsewhere still logs in"


def test_failures_from_many_addresses_slow_the_account_down_but_never_lock_it(curator):
    for i in range(login.ACCOUNT_SLOWDOWN_AFTER):
        fail(1, ip=f"203.0.113.{i + 1}")
    assert login.is_slowed(None, "curator")
    response, logged_in = attempt("curator", PASSWORD, ip="198.51.100.1")
    assert logged_in and LOCKED not in response.content


def test_an_address_failing_many_accounts_is_locked_for_all(curator):
    for i in range(ADDRESS_FAILURE_LIMIT):
        fail(1, username=f"someone{i}", ip="10.1.1.1")
    assert LOCKED in attempt("curator", PASSWORD, ip="10.1.1.1")[0].content
    assert attempt("curator", PASSWORD, ip="10.1.1.2")[1]


@pytest.fixture
def database_cache(settings):
    """The default cache as deployed by default: the database cache (MAX_ENTRIES 300, culled in key
    order; its incr resets a key's expiry to five minutes)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "tracker_cache"}
    }


def test_the_lock_holds_while_the_default_cache_is_flooded_and_culled(curator, database_cache):
    """1,000 other keys (robots.txt answers, fetch slots) used to cull the lock away."""
    fail(LOGIN_FAILURE_LIMIT)
    cache.set_many({f"robots:host-{n}.example": "User-agent: *" for n in range(1_000)}, timeout=3600)
    assert cache.get("robots:host-0.example") is None, "the cache culled its first keys"
    assert LOCKED in attempt("curator", PASSWORD)[0].content


def test_the_lock_lasts_its_whole_window_from_the_first_failure(curator, database_cache):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        fail(LOGIN_FAILURE_LIMIT - 1)
    with time_machine.travel(start + timedelta(minutes=4), tick=False):
        fail(1)
    with time_machine.travel(
        start + timedelta(minutes=12), tick=False
    ):  # a cache's incr: 5 min after the last
        assert LOCKED in attempt("curator", PASSWORD)[0].content
    with time_machine.travel(start + timedelta(minutes=16), tick=False):
        assert attempt("curator", PASSWORD)[1]


def test_behind_a_trusted_proxy_each_client_is_counted_by_its_own_address(curator, settings):
    settings.TRACKER_TRUSTED_PROXIES = ["10.9.0.0/16"]
    fail(LOGIN_FAILURE_LIMIT, ip="10.9.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert LOCKED in attempt("curator", PASSWORD, "10.9.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")[0].content
    assert attempt("curator", PASSWORD, "10.9.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 10.9.0.5")[1]


def test_an_untrusted_client_cannot_choose_its_address(curator, settings):
    settings.TRACKER_TRUSTED_PROXIES = ["10.9.0.0/16"]
    for n in range(LOGIN_FAILURE_LIMIT):
        fail(1, ip="203.0.113.7", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
    assert (
        LOCKED in attempt("curator", PASSWORD, "203.0.113.7", HTTP_X_FORWARDED_FOR="198.51.100.99")[0].content
    )
