"""Fixtures shared by every test: the local HTTP server, the seed web and service checks."""

from __future__ import annotations

import pytest

from tests.support import seedweb
from tests.support.httpserver import TestServer


@pytest.fixture
def httpserver():
    server = TestServer()
    yield server
    server.close()


@pytest.fixture
def allow_private(settings):
    """Let the guarded fetcher reach the test server on 127.0.0.1."""
    settings.TRACKER_ALLOW_PRIVATE_URLS = True
    return settings


@pytest.fixture
def seed_web(httpserver, allow_private, settings):
    """The five seed outlets and the aggregator, served by a local HTTP server as their own hosts."""
    settings.TRACKER_FETCH_RESOLVE = seedweb.serve(httpserver)
    return httpserver


@pytest.fixture(autouse=True)
def _isolated_cache(settings):
    """Each test gets an empty in-process cache (per-host fetch slots, robots.txt, rate limits)."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    cache.clear()
