"""Fixtures shared by every test: the local HTTP server, the seed web and service checks."""

from __future__ import annotations

import pytest

from tests.support import seedweb
from tests.support.httpserver import TestServer
from tests.support.sample_rows import SampleRows

# Assertions in shared test code report what they compared, as a test module's do (the blind story sets'
# tests live in tests/support/case_stories.py, which nothing above imports).
pytest.register_assert_rewrite("tests.support.case_stories")


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
    settings.TRACKER_PAGE_CACHE_SECONDS = 0  # pages rendered afresh, except in tests/web/test_cache*.py
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(scope="session")
def _sample_rows(django_db_setup, django_db_blocker) -> SampleRows:
    """The sample chain, built once per test run through spaCy in a transaction that is rolled back,
    kept as the rows it wrote (tests/support/sample_rows.py)."""
    with django_db_blocker.unblock():
        return SampleRows.build(_load_sample)


def _load_sample():
    from tests.support.chain import eager_chain
    from tracker.sources.sample import load_sample

    with eager_chain():
        return load_sample()


@pytest.fixture
def sample_corpus(request, _sample_rows, db):
    """The bundled seed corpus, ingested, extracted and cross-referenced through the real chain: one
    story of five articles, event 2026-04-30 with five sources, claim C2 with three wordings, the
    quote-wording discrepancy. Built once per run (a session fixture, so before any test's transaction
    opens) and written back into each test's transaction with a few bulk inserts; live-server and
    browser tests (transactional) still run the chain themselves."""
    if {"transactional_db", "live_server"} & set(request.fixturenames):
        return _load_sample()
    return _sample_rows.restore()


@pytest.fixture
def browser():
    """Debian's Chromium under Playwright, one per test; see tests/support/browser.py."""
    import os

    from tests.support.browser import CHROMIUM_ARGS, chromium_path

    path = chromium_path()
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser):
    """A fresh browser page; console errors are collected on `page.console_errors`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: page.console_errors.append(str(exc)))
    yield page
    context.close()
