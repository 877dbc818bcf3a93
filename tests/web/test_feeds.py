"""Atom feeds of the timeline, parsed with feedparser: entries, links, times, authors, escaping."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

import feedparser
import pytest
from django.urls import reverse

from tests.web.test_api import grow
from tracker.cases.models import Case, Entity
from tracker.crossref.models import Claim, Event


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.django_db
def test_timeline_feed_lists_public_events_linking_to_their_permalinks(sample_corpus, client):
    feed = parse(client, reverse("web:feed"))
    public = Event.objects.public()
    assert len(feed.entries) == public.count() > 0
    seed = public.get(date="2026-04-30")
    (entry,) = [e for e in feed.entries if e.link.endswith(reverse("web:event", args=[seed.pk]))]
    assert entry.link == f"http://testserver{reverse('web:event', args=[seed.pk])}"
    assert entry.title == seed.title
    assert entry.author == seed.first_reported_by.name == "Aivizor"
    assert datetime(*entry.published_parsed[:6], tzinfo=UTC) == seed.first_reported_at.replace(microsecond=0)
    assert datetime(*entry.updated_parsed[:6], tzinfo=UTC) == seed.last_changed_at.replace(microsecond=0)
    assert "general practice" in entry.summary
    assert feed.feed.title == "Case tracker: the timeline"


@pytest.mark.django_db
def test_case_and_entity_feeds(sample_corpus, client):
    case = Case.objects.get(slug="musk-v-openai")
    feed = parse(client, reverse("web:case_feed", args=[case.slug]))
    assert {e.title for e in feed.entries} == set(
        Event.objects.public().filter(case=case).values_list("title", flat=True)
    )
    assert feed.feed.link.endswith(reverse("web:case", args=[case.slug]))
    assert not parse(client, reverse("web:case_feed", args=["ai-distillation"])).entries
    musk = Entity.objects.get(slug="elon-musk")
    spoken = Event.objects.public().filter(claims__in=Claim.objects.public().filter(speaker=musk)).distinct()
    entity_feed = parse(client, reverse("web:entity_feed", args=[musk.slug]))
    assert {e.title for e in entity_feed.entries} == set(spoken.values_list("title", flat=True))
    assert spoken.exists()
    assert client.get(reverse("web:case_feed", args=["no-such-case"])).status_code == 404
    assert client.get(reverse("web:entity_feed", args=["nobody"])).status_code == 404


@pytest.mark.django_db
def test_summaries_are_escaped_text_and_hidden_events_stay_out(sample_corpus, client):
    seed = Event.objects.get(date="2026-04-30")
    Event.objects.filter(pk=seed.pk).update(summary='Musk said <script>alert("x")</script> & more')
    hidden = Event.objects.exclude(pk=seed.pk).first()
    Event.objects.filter(pk=hidden.pk).update(status=Event.Visibility.HIDDEN)
    response = client.get(reverse("web:feed"))
    assert b"<script>" not in response.content
    feed = feedparser.parse(response.content)
    titles = {e.title for e in feed.entries}
    assert hidden.title not in titles
    (entry,) = [e for e in feed.entries if e.title == seed.title]
    assert "&lt;script&gt;" in entry.summary and "&amp; more" in entry.summary


@pytest.mark.django_db
def test_feeds_read_a_constant_number_of_queries(sample_corpus, client, django_assert_max_num_queries):
    case = Case.objects.get(slug="musk-v-openai")
    urls = [
        reverse("web:feed"),
        reverse("web:case_feed", args=[case.slug]),
        reverse("web:entity_feed", args=["elon-musk"]),
    ]
    grow(case, 15)
    for url in urls:
        with django_assert_max_num_queries(4):  # events, the court record, the case or entity
            response = client.get(url)
            assert response.status_code == 200, url
        assert len(feedparser.parse(response.content).entries) >= 15


class _AtomLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        found = dict(attrs)
        if tag == "link" and found.get("rel") == "alternate" and found.get("type") == "application/atom+xml":
            self.hrefs.append(found.get("href"))


@pytest.mark.django_db
def test_the_timeline_feed_is_autodiscoverable_from_the_home_page(sample_corpus, client):
    """base.html's head carries the Atom link, so browsers and feed readers find the feed."""
    links = _AtomLinks()
    links.feed(client.get(reverse("web:home")).content.decode())
    assert reverse("web:feed") in links.hrefs
    assert parse(client, reverse("web:feed")).entries
