"""A reader subscribes through the form on the timeline (htmx) and confirms via the emailed link."""

from __future__ import annotations

import re

import pytest

from tests.support.browser import screenshot
from tracker.digests.models import Subscriber

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)  # keeps the seeded cases


def test_subscribe_on_the_timeline_and_confirm_from_the_email(
    live_server, page, smtp_server, sample_corpus, settings
):
    settings.SITE_URL = live_server.url
    page.goto(live_server.url + "/")
    form = page.locator("form.subscribe").first
    form.get_by_label("Email address").fill("browser@example.org")
    form.get_by_label("How often").select_option("weekly")
    form.get_by_role("button", name="Subscribe").click()
    status = page.get_by_role("status")
    status.wait_for()
    assert "Check your inbox" in status.inner_text()
    assert page.url == live_server.url + "/"  # htmx swapped the form in place
    screenshot(page, "digests-subscribed")

    [message] = smtp_server.to("browser@example.org")
    text = next(p.get_content() for p in message.walk() if p.get_content_type() == "text/plain")
    link = re.search(r"http://\S+/subscriptions/confirm/\S+/", text).group(0)
    assert link.startswith(live_server.url)
    page.goto(link)
    page.get_by_role("button", name="Confirm my subscription").click()
    page.get_by_role("heading", name="Subscription confirmed").wait_for()
    screenshot(page, "digests-confirmed")

    subscriber = Subscriber.objects.get(email="browser@example.org")
    assert subscriber.status == Subscriber.Status.ACTIVE and subscriber.frequency == "weekly"
    assert [s.case.slug for s in subscriber.subscriptions.all()] == ["musk-v-openai"]
    assert page.console_errors == []


def test_the_form_works_without_javascript(live_server, browser, smtp_server, sample_corpus, settings):
    settings.SITE_URL = live_server.url
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/subscriptions/subscribe/")
    page.get_by_label("Email address").fill("nojs@example.org")
    page.get_by_role("button", name="Subscribe").click()
    page.get_by_role("status").wait_for()
    assert page.url.endswith("/subscriptions/subscribe/")
    assert len(smtp_server.to("nojs@example.org")) == 1
    context.close()
