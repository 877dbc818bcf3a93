"""At phone width no page scrolls sideways, even when a claim carries a long unbreakable word (a URL,
a code name): headings and text wrap inside the viewport."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.support.browser import screenshot
from tracker.crossref.models import Claim

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = 375
LONG = "openai.ChatCompletion.create(model=model,messages=[{role:system,content:Provide_a_detailed_answer}])"


def test_no_horizontal_scroll_on_a_phone_with_a_long_word(live_server, browser, sample_corpus):
    claim = Claim.objects.order_by("pk").first()
    Claim.objects.filter(pk=claim.pk).update(text=f"the teacher provides {LONG} as the ideal response")
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    page = context.new_page()
    try:
        for url in (reverse("web:claim", args=[claim.pk]), reverse("web:home")):
            response = page.goto(live_server.url + url)
            assert response.status == 200
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= PHONE, f"{url} is {width} px wide on a {PHONE} px phone"
        screenshot(page, "claim-long-word")
    finally:
        context.close()
