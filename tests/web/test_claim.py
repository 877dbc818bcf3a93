"""The claim page: evidence per outlet with the quote marked, wordings, counts, linked claims, record."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.web.grow import grow
from tracker.cases.models import Entity
from tracker.crossref.models import Claim, Discrepancy, Evidence, Mention
from tracker.dockets.models import DocketEntry
from tracker.web.claims import marked_sentence, variants

pytestmark = pytest.mark.django_db


def _claim():
    return Claim.objects.get(text__contains="general practice")


def test_claim_page_shows_each_outlets_evidence_with_the_quote_marked(client, sample_corpus):
    claim = _claim()
    response = client.get(reverse("web:claim", args=[claim.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<mark>general practice</mark>" in html
    assert "<mark>standard practice</mark>" in html
    assert "<mark>standard industry procedure</mark>" in html
    assert f"{claim.outlets_count} outlets, {claim.independent_count} independent" in html
    assert "machine-extracted" in html
    assert 'href="/entities/elon-musk/"' in html
    assert "Quoted wordings" in html
    assert f"{reverse('web:report')}?claim={claim.pk}" in html
    assert "Not yet in the record" in html  # testimony, and the docket holds no transcript
    for e in claim.evidence.select_related("article"):
        assert e.article.url in html
    assert html.count('class="evidence-card"') == 3  # one card per article and sentence


def test_variants_are_the_distinct_wordings_with_their_outlets(sample_corpus):
    evidence = list(Evidence.objects.filter(claim=_claim()).select_related("article__outlet"))
    words = {v.words: v.outlets for v in variants(evidence)}
    assert words["standard industry procedure"] == ["FrontierNews.ai"]
    assert "general practice" in words and "standard practice" in words
    wording = list(Discrepancy.objects.filter(claim=_claim(), kind="quote_wording"))
    assert [(v.words, v.outlets) for v in variants(evidence, wording)] == [
        ("general practice", ["Aivizor"]),
        ("standard practice", ["Related Tools"]),
        ("standard industry procedure", ["FrontierNews.ai"]),
    ]


def test_marked_sentence_marks_only_the_quotes(sample_corpus):
    e = Evidence.objects.filter(
        claim=_claim(), quotes__isnull=False, article__outlet__name="Related Tools"
    ).get()
    segments = marked_sentence(e)
    assert [t for t, m in segments if m] == ["standard practice"]
    assert "".join(t for t, _ in segments) == e.sentence


def test_curated_status_and_linked_claims(client, sample_corpus, settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # all sample claims public: not a test of the tier
    claim = _claim()
    answer = Claim.objects.exclude(pk=claim.pk).filter(speaker__slug="openai").first()
    Claim.objects.filter(pk=answer.pk).update(responds_to=claim)
    Claim.objects.filter(pk=claim.pk).update(status="approved", locked=True)
    html = client.get(reverse("web:claim", args=[claim.pk])).content.decode()
    assert "curated" in html and "machine-extracted</span>\n" not in html
    assert (
        f'href="{reverse("web:claim", args=[answer.pk])}"' in html
        and f'Answered by <a href="{reverse("web:entity", args=["openai"])}">OpenAI</a>' in html
    )
    back = client.get(reverse("web:claim", args=[answer.pk])).content.decode()
    assert f'Responds to <a href="{reverse("web:entity", args=["elon-musk"])}">Elon Musk</a>' in back


def test_testimony_in_the_record(client, sample_corpus):
    claim = _claim()
    entry = DocketEntry.objects.create(
        case=claim.case,
        docket_number="4:24-cv-04722-YGR",
        number=512,
        kind=DocketEntry.Kind.TRANSCRIPT,
        description="TRANSCRIPT of Jury Trial, day 4",
        entered_at=datetime(2026, 5, 2, 17, 0, tzinfo=UTC),
        guid="t-512",
    )
    entry.events.add(claim.event)
    html = client.get(reverse("web:claim", args=[claim.pk])).content.decode()
    assert "In the record" in html


def test_rejected_claim_is_404(client, sample_corpus):
    claim = _claim()
    Claim.objects.filter(pk=claim.pk).update(status="rejected")
    assert client.get(reverse("web:claim", args=[claim.pk])).status_code == 404


def test_claim_page_queries_are_bounded(client, sample_corpus, django_assert_max_num_queries):
    url = reverse("web:claim", args=[_claim().pk])
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200
    grow(40)
    with django_assert_max_num_queries(12):
        response = client.get(url)
        assert response.status_code == 200
    html = response.content.decode()
    assert "Musk testimony report g39" in html and "generated statement g39" in html


def test_a_merged_claim_redirects_to_the_claim_it_joined(client, sample_corpus):
    kept, merged = Claim.objects.order_by("pk")[:2]
    Claim.objects.filter(pk=merged.pk).update(merged_into=kept)

    response = client.get(reverse("web:claim", args=[merged.pk]))

    assert response.status_code == 301
    assert response["Location"] == reverse("web:claim", args=[kept.pk])


def test_the_claim_page_links_the_curated_entities_its_words_name(client, sample_corpus):
    """Issue 13, Findable: every subject links to its entity page, as the speaker does."""
    linked = 0
    for claim in Claim.objects.public().select_related("speaker"):
        html = client.get(reverse("web:claim", args=[claim.pk])).content.decode()
        named = {
            m.entity
            for e in claim.evidence.all()
            for m in Mention.objects.filter(article=e.article, start__gte=e.start, end__lte=e.end)
            if m.entity is not None and m.entity.status == Entity.Status.CURATED and m.entity != claim.speaker
        }
        for entity in named:
            assert f'href="/entities/{entity.slug}/"' in html.split("About:", 1)[1], (claim, entity)
        linked += len(named)
        if not named:
            assert "About:" not in html
    assert linked, "the sample's public claims name xAI, OpenAI or Grok"
