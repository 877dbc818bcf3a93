"""The case page's "Who and what it is about" and "Latest" lists are drawn in the site's interface font,
as the rest of the case's overview (its kicker, title and facts) and the page's navigation, from static
css: their computed font-family is the overview's, and Chromium draws them with the same installed
font as the facts, not with the browser's default serif (the body's reading-text stack, whose named
faces a Debian machine lacks, ends there: that is what the lists fell back to)."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LISTS = '[aria-labelledby="people-heading"] li a, [aria-labelledby="latest-heading"] li a'
FAMILIES = """(lists) => {
  const family = (el) => getComputedStyle(el).fontFamily;
  return {
    facts: family(document.querySelector('.facts dd')),
    nav: family(document.querySelector('.site-header')),
    body: family(document.body),
    lists: [...document.querySelectorAll(lists)].map((a) => [a.textContent.trim().slice(0, 30), family(a)]),
  };
}"""


def _drawn_with(page, selector: str) -> set[str]:
    """The installed fonts Chromium drew the first node matching `selector` with (DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return {f["familyName"] for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}


@pytest.mark.parametrize("width", [1280, 375])
def test_the_case_pages_lists_use_the_sites_interface_font(live_server, page, sample_corpus, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("web:case", args=["musk-v-openai"]))
    fonts = page.evaluate(FAMILIES, LISTS)
    assert len(fonts["lists"]) >= 4, fonts
    assert fonts["facts"] == fonts["nav"] != fonts["body"]  # the interface font, and the reading font
    for text, family in fonts["lists"]:
        assert family == fonts["facts"], (text, family, fonts["facts"])
    people = _drawn_with(page, '[aria-labelledby="people-heading"] li a')
    latest = _drawn_with(page, '[aria-labelledby="latest-heading"] li a')
    assert people == latest == _drawn_with(page, ".facts dd a"), (people, latest)
