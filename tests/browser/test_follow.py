"""Findable and followable in Debian's Chromium: the API's Swagger UI runs under the site's CSP (no
console errors, no CSP violations), the navigation reaches the people and story indexes and from them an
entity page, search finds an outlet and the judge; screenshots of the new pages."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.support.browser import screenshot

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_api_docs_run_under_the_csp(live_server, page, db):
    response = page.goto(live_server.url + reverse("api:openapi-view"))
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator(".opblock-summary-path", has_text="/api/v1/docket-entries").first.wait_for()
    assert page.locator(".opblock-summary-path").count() >= 14
    screenshot(page, "api-docs")
    assert page.console_errors == []


def test_people_and_stories_are_reachable_from_the_navigation(live_server, page, sample_corpus):
    page.goto(live_server.url + reverse("web:home"))
    page.get_by_role("navigation", name="Main").get_by_role("link", name="People").click()
    page.wait_for_url(live_server.url + reverse("web:entities"))
    screenshot(page, "entities")
    page.get_by_role("link", name="Sam Altman").click()
    page.wait_for_url(live_server.url + reverse("web:entity", args=["sam-altman"]))
    assert page.locator("main h1").inner_text() == "Sam Altman"
    assert page.get_by_role("link", name="Feed of the events where Sam Altman speaks").count() == 1

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Stories").click()
    page.wait_for_url(live_server.url + reverse("web:stories"))
    assert page.locator(".index-item a").count() >= 1
    screenshot(page, "stories")

    page.goto(live_server.url + reverse("web:search") + "?q=Gonzalez")
    page.locator(".result--entity a", has_text="Gonzalez").click()
    page.wait_for_url(live_server.url + reverse("web:entity", args=["yvonne-gonzalez-rogers"]))
    page.goto(live_server.url + reverse("web:search") + "?q=Aivizor")
    assert page.locator(".result--outlet a", has_text="Aivizor").count() == 1
    assert page.console_errors == []
