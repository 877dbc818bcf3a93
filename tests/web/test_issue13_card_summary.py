"""Issue 13, Readable: an event's summary is sentences, on its timeline card too. The card shows the
summary's first sentences whole (each line of Event.summary is one sentence), never a sentence cut
after so many words ("Elon Musk testifies that it …")."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.urls import reverse

from tracker.crossref.models import Event
from tracker.crossref.signals import send_events_changed

pytestmark = pytest.mark.django_db


def _card_summary(html: str, event: Event) -> str:
    card = html[html.index(f'id="event-{event.pk}"') :]
    card = card[: card.index("</article>")]
    found = re.search(r'<p class="event__summary">(.*?)</p>', card, re.S)
    assert found, "the card shows no summary"
    return unescape(found[1])


LONG = (  # three sentences, over 45 words together: long enough that a card cut by words would cut it
    "Elon Musk testifies that his artificial intelligence company trained its chatbot using models"
    " derived from another laboratory's systems during the second week of the trial.\n"
    "Elon Musk testifies that it was a general practice among artificial intelligence companies.\n"
    "Elon Musk testifies that his company has only a few hundred employees."
)


def test_the_timeline_card_shows_whole_sentences_of_the_summary(
    client, sample_corpus, django_capture_on_commit_callbacks
):
    event = Event.objects.get(date="2026-04-30")
    event.summary = LONG  # as linking writes it: one sentence a line, then events_changed
    event.save(update_fields=["summary"])
    with django_capture_on_commit_callbacks(execute=True):
        send_events_changed([event.pk])
    assert len(event.summary.split()) > 45
    html = client.get(reverse("web:case", args=[event.case.slug])).content.decode()
    shown = [line.strip() for line in re.split(r"<br\s*/?>", _card_summary(html, event))]
    sentences = [line.strip() for line in event.summary.splitlines() if line.strip()]
    assert "…" not in " ".join(shown) and "..." not in " ".join(shown), shown
    assert shown and shown == sentences[: len(shown)], (shown, sentences)  # whole sentences, in order
    assert all(line.endswith((".", "!", "?", '"', "”", "'")) for line in shown), shown
