"""A timeline page reached by the "Older events" link without JavaScript is a whole page: it opens
with its date heading (h3) before the first card's h4, even when it continues the day of the page
before; appended by htmx, it continues that day without a second heading."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from tracker.dockets.sample import load_docket_sample
from tracker.web import timeline

pytestmark = pytest.mark.django_db

OLDER = re.compile(r'<a href="\?([^"]+)" hx-get="[^"]+" hx-trigger="revealed"')


def _levels(html: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]


def test_an_older_page_opens_with_its_date_heading(client, sample_corpus, monkeypatch):
    load_docket_sample()
    monkeypatch.setattr(timeline, "PAGE_SIZE", 2)
    path = reverse("web:case", args=["musk-v-openai"])
    page = client.get(path, {"procedural": "on"}).content.decode()
    continued = 0
    while found := OLDER.search(page):
        url = f"{path}?{found[1].replace('&amp;', '&')}"
        appended = client.get(
            url, headers={"HX-Request": "true", "HX-Target": "timeline-more"}
        ).content.decode()
        page = client.get(url).content.decode()
        whole = _levels(page)
        assert _levels(page[page.index('<ol class="timeline"') :])[0] == 3  # the list opens with its date
        assert all(b <= a + 1 for a, b in zip(whole, whole[1:], strict=False)), whole
        continued += _levels(appended)[0] == 4  # htmx: the same day goes on without a heading
    assert continued >= 1, "no page continued the day of the page before it"
