"""Issue 13, Readable: an event's summary is sentences, on its timeline card too. The card shows the
summary's first sentences whole (each line of Event.summary is one sentence), never a sentence cut
after so many words ("Elon Musk testifies that it …")."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from tracker.crossref.models import Event

pytestmark = pytest.mark.django_db


def _card_summary(html: str, event: Event) -> str:
    card = html[html.index(f'id="event-{event.pk}"') :]
    card = card[: card.index("</article>")]
    found = re.search(r'<p class="event__summary">(.*?)</p>', card, re.S)
    assert found, "the card shows no summary"
    return unescape(found[1])


def test_the_timeline_card_shows_whole_sentences_of_the_summary(client, sample_corpus):
    events = [e for e in Event.objects.exclude(summary="").order_by("pk") if len(e.summary.split()) > 45]
    assert events  # the sample's main event has three sentences, over 45 words together
    html = client.get(reverse("web:case", args=[events[0].case.slug])).content.decode()
    for event in events:
        shown = [line.strip() for line in re.split(r"<br\s*/?>", _card_summary(html, event))]
        sentences = [line.strip() for line in event.summary.splitlines() if line.strip()]
        assert "…" not in " ".join(shown) and "..." not in " ".join(shown), shown
        assert shown and shown == sentences[: len(shown)], (shown, sentences)  # whole sentences, in order
        assert all(line.endswith((".", "!", "?", '"', "”", "'")) for line in shown), shown
