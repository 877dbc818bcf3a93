"""Sources whose outlet only a feed names (not established, not confirmed by a curator) are labelled
"unverified" wherever sources are listed: event cards, story and claim pages, the outlets page and the
outlet's own page; a curator's confirmation removes the label."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tracker.crossref.models import Claim, Event, Story
from tracker.sources.models import Article, Outlet

pytestmark = pytest.mark.django_db

LABEL = 'label--unverified"'


def _block(html: str, start: str, end: str) -> str:
    part = html[html.index(start) :]
    return part[: part.index(end)]


def test_unverified_sources_are_labelled_everywhere_they_are_listed(client, sample_corpus):
    outlet = Outlet.objects.get(name="Aivizor")
    Article.objects.filter(outlet=outlet).update(outlet_established=False)
    event = Event.objects.get(date=date(2026, 4, 30))
    story = Story.objects.filter(events=event).order_by("pk").first()
    claim = Claim.objects.filter(evidence__article__outlet=outlet, event=event).order_by("pk").first()

    html = client.get(reverse("web:event", args=[event.pk])).content.decode()
    cards = html.split('<li class="source-card">')[1:]
    labelled = [card for card in cards if LABEL in card[: card.index("</h3>")]]
    assert len(labelled) == 1 and ">Aivizor</a>" in labelled[0]

    html = client.get(reverse("web:story", args=[story.pk])).content.decode()
    lines = [
        line for line in html.split('<p class="article-line">')[1:] if LABEL in line[: line.index("</p>")]
    ]
    assert lines and all("Aivizor" in line[: line.index("</span>")] for line in lines)

    html = client.get(reverse("web:claim", args=[claim.pk])).content.decode()
    lines = [
        line for line in html.split('<p class="article-line">')[1:] if LABEL in line[: line.index("</p>")]
    ]
    assert lines and all("Aivizor" in line[: line.index("</span>")] for line in lines)

    html = client.get(reverse("web:outlets")).content.decode()
    rows = [row for row in html.split("<tr>")[2:] if LABEL in row]
    assert len(rows) == 1 and ">Aivizor</a>" in rows[0]
    page = client.get(reverse("web:outlet", args=[outlet.pk])).content.decode()
    assert LABEL in _block(page, "<h1>", "</h1>") and LABEL in _block(page, 'id="outlet-articles"', "</ol>")

    html = client.get(reverse("web:search"), {"q": "Confirms"}).content.decode()
    results = html.split('<li class="result')[1:]
    assert [r for r in results if LABEL in r] and all("Aivizor" in r for r in results if LABEL in r)

    Outlet.objects.filter(pk=outlet.pk).update(confirmed=True)  # a curator confirmed it
    for url in (
        reverse("web:event", args=[event.pk]),
        reverse("web:story", args=[story.pk]),
        reverse("web:claim", args=[claim.pk]),
        reverse("web:outlets"),
        reverse("web:outlet", args=[outlet.pk]),
        reverse("web:search") + "?q=Confirms",
    ):
        assert LABEL not in client.get(url).content.decode(), url


def test_established_outlets_carry_no_label(client, sample_corpus):
    event = Event.objects.get(date=date(2026, 4, 30))
    assert not Article.objects.filter(outlet_established=False).exists()
    for url in (reverse("web:event", args=[event.pk]), reverse("web:outlets")):
        assert LABEL not in client.get(url).content.decode()
