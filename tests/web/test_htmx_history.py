"""Every page that answers htmx restores from history: a history-restore request (back or forward to a
pushed URL that htmx's cache no longer holds) gets the whole page, a plain htmx request the partial it
swaps, a request without htmx the whole page. One case per page; rows made directly (no spaCy chain)."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, EntityFactory, EventFactory, OutletFactory
from tracker.cases.models import Case
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
RESTORE = {"HX-Request": "true", "HX-History-Restore-Request": "true"}


def _search():
    return reverse("web:search") + "?q=testimony"


def _entity():
    entity = EntityFactory(name="Jane Holloway", kind="PERSON", status="curated")
    return reverse("web:entity", args=[entity.slug]) + "?role=said"


def _outlet():
    outlet = OutletFactory(name="Real News", domain="realnews.com")
    ArticleFactory(  # an outlet is public through its relevant articles
        outlet=outlet,
        url="https://realnews.com/trial",
        title="Musk testifies",
        first_seen_at=timezone.now(),
        status=Article.Status.NEW,
        relevant=True,
    )
    return reverse("web:outlet", args=[outlet.pk])


def _timeline():
    return reverse("web:case", args=["musk-v-openai"]) + "?kind=testimony"


def _event():
    case = Case.objects.get(slug="musk-v-openai")
    event = EventFactory(case=case, date=date(2026, 4, 30), title="Hearing", status="published")
    return reverse("web:event", args=[event.pk])


# (the page's URL, made with what it needs; how the partial htmx swaps in begins)
PAGES = {
    "search": (_search, '<div id="search-results"'),
    "entity": (_entity, '<section id="entity-claims"'),
    "outlet": (_outlet, '<section id="outlet-articles"'),
    "timeline": (_timeline, '<section class="timeline-section" id="timeline"'),
    "event": (_event, '<p class="empty">No outlet'),  # its sources: none in this row
}


@pytest.mark.parametrize("name", PAGES)
def test_history_restore_gets_the_whole_page_and_htmx_the_partial(client, name):
    make_url, partial_start = PAGES[name]
    url = make_url()

    full = client.get(url)
    assert full.status_code == 200
    assert "<html" in full.content.decode()

    restore = client.get(url, headers=RESTORE)
    assert restore.status_code == 200
    html = restore.content.decode()
    assert "<html" in html and "</body>" in html, "a history restore replaces the whole body"

    partial = client.get(url, headers=HTMX)
    assert partial.status_code == 200
    body = partial.content.decode()
    assert "<html" not in body and "<body" not in body
    assert body.lstrip().startswith(partial_start), body[:200]
