"""Search in Debian's Chromium against a live server with the seed corpus: typing updates the results
through htmx and the URL, the quote is highlighted, no console errors (CSP violations included);
screenshots of the search, story, claim and entity pages at phone and desktop width."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.support.browser import screenshot
from tracker.crossref.models import Claim, Story

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_search_as_you_type_highlights_the_quote(live_server, page, sample_corpus):
    page.goto(live_server.url + reverse("web:search"))
    page.evaluate("window.__same_document = true")
    page.locator("#search-q").press_sequentially("standard industry procedure", delay=20)
    page.wait_for_url(re.compile(r"q=standard(\+|%20)industry(\+|%20)procedure$"))
    marks = page.locator("#search-results .result--quote mark")
    marks.first.wait_for()
    assert page.evaluate("window.__same_document") is True  # htmx swapped the results in place
    assert "standard" in marks.first.inner_text().lower()
    assert "procedure" in page.locator("#search-results .result--quote").first.inner_text()
    assert page.locator("#search-results .result--article").count() >= 1
    screenshot(page, "search")

    # A full load of the pushed URL renders the same results.
    page.reload()
    page.locator("#search-results .result--quote mark").first.wait_for()
    assert page.console_errors == []


def test_story_claim_and_entity_pages_render_cleanly(live_server, page, sample_corpus):
    claim = Claim.objects.get(text__contains="general practice")
    pages = {
        "story": reverse("web:story", args=[Story.objects.get().pk]),
        "claim": reverse("web:claim", args=[claim.pk]),
        "entity": reverse("web:entity", args=["elon-musk"]),
    }
    for name, url in pages.items():
        response = page.goto(live_server.url + url)
        assert response.status == 200, name
        page.locator("main h1").wait_for()
        screenshot(page, name)
    page.goto(live_server.url + pages["claim"])
    assert page.locator(".evidence-sentence mark", has_text="standard industry procedure").count() >= 1
    page.goto(live_server.url + pages["story"])
    # one bar per day of stated publication (two seeds state one); the undated are counted apart
    assert page.locator("svg.chart rect.chart__bar").count() >= 2
    assert "without a stated publication date" in page.content()
    assert page.console_errors == []
