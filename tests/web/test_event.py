"""The event page: its sources side by side (one card per outlet), quotes and differing words marked, the
court record it is in, its discrepancies; the same view gives htmx only the sources."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.urls import reverse

from tracker.crossref.models import Claim, Discrepancy, Event, Evidence
from tracker.dockets.models import DocketEntry
from tracker.sources.models import Article
from tracker.web.wordings import quote_parts, segments, variant_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_event(sample_corpus):
    return Event.objects.get(date=date(2026, 4, 30))


def test_variant_words_follow_the_majority():
    others = ["standard practice", "standard industry procedure"]
    assert variant_words("general practice", others) == {0}
    assert variant_words("standard practice", ["general practice", "standard industry procedure"]) == set()
    assert variant_words("standard industry procedure", ["standard practice", "general practice"]) == {1, 2}
    assert variant_words("anything", []) == set()
    parts = quote_parts("standard industry procedure", ["standard practice", "general practice"])
    assert [(p.text, p.variant) for p in parts] == [("standard ", False), ("industry procedure", True)]


def test_segments_cut_the_sentence_at_its_quotes():
    cut = segments('He called it "general practice" in court.', [("general practice", ["standard practice"])])
    assert [(s.text, s.quote) for s in cut] == [
        ('He called it "', False),
        ("general practice", True),
        ('" in court.', False),
    ]
    assert [(p.text, p.variant) for p in cut[1].parts] == [("general", True), (" practice", False)]
    assert [s.text for s in segments("No quote here.", [("missing", [])])] == ["No quote here."]


def test_event_page_shows_sources_side_by_side(client, seed_event):
    response = client.get(reverse("web:event", args=[seed_event.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<li class="source-card">') == 5
    for outlet in ("News App", "Aivizor", "Related Tools", "Ichiban Tools", "FrontierNews.ai"):
        assert outlet in html
    assert '<mark><em class="variant">general</em> practice</mark>' in html
    assert "<mark>standard practice</mark>" in html
    assert '<mark>standard <em class="variant">industry procedure</em></mark>' in html
    assert 'id="discrepancies"' in html and "Quote wording" in html and "deposition" in html
    assert "<time datetime=" in html
    # Third-party writing: headlines, sentences and links, never the stored full text.
    article = seed_event.claims.first().evidence.first().article
    assert article.text[:400] not in html
    assert f'href="{article.url}"' in html


def test_htmx_gets_only_the_sources(client, seed_event):
    response = client.get(reverse("web:event", args=[seed_event.pk]), headers={"HX-Request": "true"})
    body = response.content.decode()
    assert "<html" not in body and body.count('<li class="source-card">') == 5
    assert 'id="discrepancies"' not in body


def test_in_the_record_and_curator_notes(client, seed_event):
    entry = DocketEntry.objects.create(
        case=seed_event.case,
        docket_number="4:24-cv-04722-YGR",
        number=123,
        kind="minutes",
        description="Minute entry: jury trial day 4",
        entered_at=datetime(2026, 5, 1, 1, 0, tzinfo=UTC),
        filed_on=date(2026, 4, 30),
        guid="minutes-123",
    )
    entry.events.add(seed_event)
    Discrepancy.objects.filter(kind="quote_wording").update(note="The transcript says standard practice.")
    html = client.get(reverse("web:event", args=[seed_event.pk])).content.decode()
    assert "In the record" in html and "Entry 123" in html and "filed <time" in html
    assert "The transcript says standard practice." in html
    timeline = client.get(reverse("web:home")).content.decode()
    assert "In the record" in timeline


def test_hidden_or_unknown_event_is_404(client, seed_event):
    Event.objects.filter(pk=seed_event.pk).update(status=Event.Visibility.HIDDEN)
    assert client.get(reverse("web:event", args=[seed_event.pk])).status_code == 404
    assert client.get(reverse("web:event", args=[999999])).status_code == 404


def test_event_page_query_count_is_bounded(client, seed_event, django_assert_max_num_queries):
    url = reverse("web:event", args=[seed_event.pk])
    with django_assert_max_num_queries(14) as page:
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(10) as partial:
        assert client.get(url, headers={"HX-Request": "true"}).status_code == 200
    # Ten more claims, each reported by every seed article: the count stays where it was.
    articles = list(Article.objects.order_by("pk"))
    for i in range(10):
        claim = Claim.objects.create(
            confidence=3, case=seed_event.case, event=seed_event, kind="statement", text=f"more {i}"
        )
        for article in articles:
            Evidence.objects.create(
                claim=claim,
                article=article,
                sentence=f"Extra sentence {i}.",
                start=i,
                end=i + 1,
                verb="say",
                attribution="direct",
                first_seen_at=article.first_seen_at,
            )
    with django_assert_max_num_queries(len(page.captured_queries)):
        response = client.get(url)
        assert response.status_code == 200
    assert "Extra sentence 9." in response.content.decode()
    with django_assert_max_num_queries(len(partial.captured_queries)):
        assert client.get(url, headers={"HX-Request": "true"}).status_code == 200
