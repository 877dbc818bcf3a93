"""Every public page as a reader meets it, in Debian's Chromium: the accessibility checks of a11y.py
(one <main>, a <nav>, one h1 and no skipped heading level, labelled controls, alt text, named links,
text contrast of at least 4.5:1) at desktop width, and no sideways scroll at 375 px, even with a
60-character unbreakable word in a claim's and an event's heading. The outlets table scrolls inside
its own box on a phone, with a visible cue. The procedural-filings toggle and the claims' "and N more"
work with and without JavaScript."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.browser.a11y import problems
from tracker.cases.models import Entity
from tracker.crossref.models import Claim, Event, Status, Story
from tracker.dockets.models import DocketEntry
from tracker.dockets.sample import load_docket_sample
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = 375
WORD = "Supercalifragilisticexpialidocious" + "X" * 26  # 60 characters, no break opportunity


@pytest.fixture
def corpus(sample_corpus):
    load_docket_sample()
    case = DocketEntry.objects.order_by("pk").first().case
    ahead = timezone.now() + timedelta(days=30)
    DocketEntry.objects.create(  # the case page then shows its next hearing
        case=case,
        docket_number=case.docket_number,
        kind=DocketEntry.Kind.HEARING,
        description=f"Set/Reset Hearing: Jury Trial set for {ahead:%m/%d/%Y} 08:30 AM in Oakland.",
        guid="stated-hearing",
        entered_at=timezone.now(),
    )
    return sample_corpus


def public_pages() -> list[str]:
    claim = Claim.objects.public().filter(event__in=Event.objects.public()).order_by("pk").first()
    event = claim.event
    Claim.objects.filter(pk=claim.pk).update(text=f"the teacher model is {WORD} by design")
    Event.objects.filter(pk=event.pk).update(title=f"Musk says {WORD} in court")
    story = Story.objects.order_by("pk").first()
    curated = Entity.objects.filter(status=Entity.Status.CURATED).order_by("pk")
    entity = curated.filter(claims__isnull=False).first() or curated.first()
    outlet = Article.objects.relevant().order_by("pk").first().outlet
    return [
        reverse("web:home"),
        reverse("web:case", args=["musk-v-openai"]) + "?procedural=on",
        reverse("web:case", args=["ai-distillation"]),
        reverse("web:home") + "?case=all",
        reverse("web:event", args=[event.pk]),
        reverse("web:story", args=[story.pk]),
        reverse("web:claim", args=[claim.pk]),
        reverse("web:entity", args=[entity.slug]),
        reverse("web:entities"),
        reverse("web:stories"),
        reverse("web:outlets"),
        reverse("web:outlet", args=[outlet.pk]),
        reverse("web:search") + "?q=Musk",
        reverse("web:discrepancies"),
        reverse("digests:subscribe"),
        reverse("web:report") + f"?event={event.pk}",
    ]


def test_every_public_page_is_accessible_and_fits_a_phone(live_server, browser, corpus):
    pages = public_pages()
    found: dict[str, list[str]] = {}
    desktop = browser.new_context(viewport={"width": 1280, "height": 900})
    phone = browser.new_context(viewport={"width": PHONE, "height": 800})
    try:
        page, small = desktop.new_page(), phone.new_page()
        for url in pages:
            response = page.goto(live_server.url + url)
            assert response.status == 200, url
            found[url] = problems(page)
            assert small.goto(live_server.url + url).status == 200
            found.setdefault(url, []).extend(f"phone: {line}" for line in problems(small))
            width = small.evaluate(
                "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
            )
            if width[0] > width[1]:
                found.setdefault(url, []).append(f"phone: {width[0]} px wide on a {width[1]} px screen")
        small.goto(live_server.url + pages[1])
        assert "NEXT HEARING" in small.locator(".facts").inner_text().upper()  # checked above with the rest
        claim_page = next(url for url in pages if url.startswith("/claims/"))
        small.goto(live_server.url + claim_page)
        assert WORD in small.locator("h1").inner_text()
    finally:
        desktop.close()
        phone.close()
    found = {url: lines for url, lines in found.items() if lines}
    assert found == {}, "\n".join(f"{url}:\n  " + "\n  ".join(lines) for url, lines in found.items())


def test_the_outlets_table_scrolls_visibly_on_a_phone(live_server, browser, corpus):
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    try:
        page = context.new_page()
        page.goto(live_server.url + reverse("web:outlets"))
        wrap = page.locator(".table-wrap")
        assert wrap.evaluate("el => getComputedStyle(el).overflowX") == "auto"
        assert wrap.evaluate("el => el.scrollWidth > el.clientWidth")  # the table scrolls in its box
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        assert page.locator(".table-hint").is_visible()  # the cue, said in words
        assert wrap.get_attribute("tabindex") == "0"  # reachable by keyboard to scroll it
        page.set_viewport_size({"width": 1280, "height": 800})
        assert not page.locator(".table-hint").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_the_procedural_toggle_shows_them(live_server, browser, corpus, javascript):
    service = DocketEntry.objects.get(kind=DocketEntry.Kind.SERVICE)
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(live_server.url + reverse("web:case", args=["musk-v-openai"]))
        assert page.locator(".item--record").count() > 0
        assert page.locator(f"#record-{service.pk}").count() == 0
        if javascript:
            page.evaluate("window.__same_document = true")
        page.get_by_role("link", name="Show procedural filings").click()
        page.locator(f"#record-{service.pk}").wait_for()
        assert "procedural=on" in page.url
        if javascript:
            assert page.evaluate("window.__same_document") is True  # swapped by htmx, no page load
            page.get_by_label("Show procedural filings").uncheck()  # the form's toggle, on change
            page.locator(f"#record-{service.pk}").wait_for(state="detached")
        else:
            page.get_by_role("link", name="Hide procedural filings").click()
            page.wait_for_load_state()
            assert page.locator(f"#record-{service.pk}").count() == 0
    finally:
        context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_and_n_more_opens_the_other_claims(live_server, browser, corpus, javascript, settings):
    event = Claim.objects.public().filter(event__in=Event.objects.public()).order_by("pk").first().event
    added = [
        Claim.objects.create(
            case=event.case, event=event, kind="testimony", text=f"Added claim {n}", status=Status.APPROVED
        )
        for n in range(8)
    ]
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(live_server.url + reverse("web:case", args=[event.case.slug]))
        card = page.locator(f"#event-{event.pk}")
        more = card.locator(".chips__more")
        hidden = more.locator("a[href^='/claims/']")
        assert hidden.count() > 0 and not hidden.first.is_visible()
        more.locator("summary").click()
        assert hidden.first.is_visible()
        shown = set(card.locator("a[href^='/claims/']").evaluate_all("els => els.map(e => e.pathname)"))
        assert {reverse("web:claim", args=[c.pk]) for c in added} <= shown
    finally:
        context.close()
