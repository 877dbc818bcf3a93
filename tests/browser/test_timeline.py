"""The timeline in Debian's Chromium against a live server with the seed corpus: the seed event and its
sources, a filter that changes the list and the URL (back restores both), expanding an event into its
sources side by side, no console errors (CSP violations included), and the same page without JavaScript.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tests.support.browser import screenshot
from tracker.crossref.models import Event

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WORDINGS = ("general practice", "standard practice", "standard industry procedure")


@pytest.fixture
def seed_event(sample_corpus):
    return Event.objects.get(date="2026-04-30")


def test_timeline_filters_history_and_expansion(live_server, page, seed_event):
    page.goto(live_server.url + reverse("web:home"))
    item = page.locator(f"#event-{seed_event.pk}")
    assert item.is_visible()
    assert "5 outlets, 4 independent" in item.inner_text()
    assert page.locator("#timeline-list > li.item").count() == 3

    # A filter: the list and the URL change through htmx, without a page load.
    page.evaluate("window.__same_document = true")
    page.select_option("#id_kind", "testimony")
    page.wait_for_url(re.compile(r"kind=testimony"))
    page.wait_for_function("document.querySelectorAll('#timeline-list > li.item').length === 1")
    assert page.evaluate("window.__same_document") is True
    assert item.is_visible()

    # Back restores both the URL and the list.
    page.go_back()
    page.wait_for_url(re.compile(r"^(?!.*kind=testimony)"))
    page.wait_for_function("document.querySelectorAll('#timeline-list > li.item').length === 3")
    assert page.input_value("#id_kind") == ""

    # Forward again: the filtered list and the form that matches it.
    page.go_forward()
    page.wait_for_url(re.compile(r"kind=testimony"))
    page.wait_for_function("document.querySelectorAll('#timeline-list > li.item').length === 1")
    assert page.input_value("#id_kind") == "testimony"
    page.go_back()
    page.wait_for_function("document.querySelectorAll('#timeline-list > li.item').length === 3")

    # Expanding the event loads its sources side by side in place.
    page.locator(f"#event-{seed_event.pk} .event__expand a").click()
    cards = page.locator(f"#sources-{seed_event.pk} .source-card")
    cards.first.wait_for()
    assert cards.count() == 5
    marks = page.locator(f"#sources-{seed_event.pk} mark").all_inner_texts()
    for words in WORDINGS:
        assert words in marks
    boxes = [cards.nth(i).bounding_box() for i in range(cards.count())]
    assert len({round(b["y"]) for b in boxes[:2]}) == 1, "the first cards sit side by side on a desktop"
    assert page.url.endswith(reverse("web:home")), "expanding does not change the address"
    assert page.console_errors == [], page.console_errors
    # Last: Playwright's screenshots inject a <style> (hiding the caret) that our CSP reports.
    screenshot(page, "timeline")


def test_event_page(live_server, page, seed_event):
    page.goto(live_server.url + reverse("web:event", args=[seed_event.pk]))
    assert page.locator("h1").inner_text() == seed_event.title
    variants = page.locator(".source-card em.variant").all_inner_texts()
    assert "general" in variants and "industry procedure" in variants
    assert page.locator("#discrepancies").is_visible()
    assert page.console_errors == [], page.console_errors
    screenshot(page, "event")


def test_timeline_without_javascript(live_server, browser, seed_event):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + reverse("web:home"))
        assert page.locator("#timeline-list > li.item").count() == 3
        page.select_option("#id_kind", "testimony")
        page.click("form.filters button[type=submit]")
        page.wait_for_url(re.compile(r"kind=testimony"))
        assert page.locator("#timeline-list > li.item").count() == 1
        assert page.locator(f"#event-{seed_event.pk}").is_visible()
        page.locator(f"#event-{seed_event.pk} .event__expand a").click()
        page.wait_for_url(re.compile(rf"/events/{seed_event.pk}/$"))
        texts = page.locator(".source-card mark").all_inner_texts()
        assert all(words in texts for words in WORDINGS)
    finally:
        context.close()


def test_admin_works_under_the_csp(live_server, page, seed_event, django_user_model):
    """The strict CSP of the public pages leaves the Django admin working: its pages render, its own
    JavaScript runs (the changelist's actions, the change form), and nothing is blocked."""
    django_user_model.objects.create_superuser("editor", "editor@example.com", "a-long-test-password")
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-test-password")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))
    page.goto(live_server.url + reverse("admin:crossref_event_changelist"))
    page.locator("#action-toggle").check()
    assert page.locator(".action-counter").inner_text().startswith("3 of 3")
    page.goto(live_server.url + reverse("admin:crossref_event_change", args=[seed_event.pk]))
    assert page.locator("#event_form").is_visible()
    assert page.evaluate("typeof django !== 'undefined' && typeof django.jQuery === 'function'")
    assert page.console_errors == [], page.console_errors


def test_older_events_load_as_the_reader_scrolls(live_server, page, seed_event, monkeypatch):
    from tracker.web import timeline

    monkeypatch.setattr(timeline, "PAGE_SIZE", 1)  # the live server runs in this process
    page.goto(live_server.url + reverse("web:home"))
    items = page.locator("#timeline-list > li.item")
    for _ in range(5):
        page.mouse.wheel(0, 5000)
        if items.count() == 3:
            break
        page.wait_for_timeout(300)
    page.wait_for_function("document.querySelectorAll('#timeline-list > li.item').length === 3")
    assert page.locator("#timeline-more").count() == 0
    assert page.locator(".item__day").all_inner_texts() == ["30 APR 2026", "27 APR 2026", "2023"]
    assert page.console_errors == [], page.console_errors
