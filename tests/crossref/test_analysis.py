"""Extraction stored per article: mentions, claim candidates with quotes and dates, candidates."""

from datetime import date

import pytest
from django.conf import settings

from tracker.cases.models import Alias, Entity
from tracker.crossref import analysis
from tracker.crossref.models import ClaimCandidate, DateMention, Mention
from tracker.sources.models import Article, Outlet
from tracker.sources.sample import load_sample

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeds():
    """The five seed articles ingested through the pipeline from the bundled files, then analysed."""
    load_sample(root=settings.BASE_DIR / "tracker" / "sources" / "sample_data")
    result = analysis.analyze_articles(analysis.pending_article_ids())
    assert len(result.analyzed) == 5
    return {a.outlet.name: a for a in Article.objects.select_related("outlet")}


def quotes_of(article, speaker: str) -> set[str]:
    rows = ClaimCandidate.objects.filter(article=article, speaker_entity__name=speaker)
    return {q["text"] for row in rows for q in row.quotes}


def test_articles_are_marked_analyzed(seeds):
    assert set(Article.objects.values_list("status", flat=True)) == {Article.Status.ANALYZED}
    assert analysis.pending_article_ids() == []


def test_mentions_link_curated_entities_with_their_kinds(seeds):
    for article in seeds.values():
        linked = set(Mention.objects.filter(article=article).values_list("entity__name", "label"))
        assert {("Elon Musk", "PERSON"), ("OpenAI", "ORG"), ("xAI", "ORG"), ("Grok", "PRODUCT")} <= linked
    assert not Mention.objects.filter(text="OpenAI", label__in=["PERSON", "GPE"]).exists()
    assert not Mention.objects.filter(text="AI").exists()


def test_three_wordings_of_musks_answer_are_kept_verbatim_with_their_outlets(seeds):
    assert any("general practice" in q for q in quotes_of(seeds["Aivizor"], "Elon Musk"))
    assert any("standard practice" in q for q in quotes_of(seeds["Related Tools"], "Elon Musk"))
    assert any("standard industry procedure" in q for q in quotes_of(seeds["FrontierNews.ai"], "Elon Musk"))
    assert "Partly" in quotes_of(seeds["Aivizor"], "Elon Musk")


def test_the_testimony_is_dated_from_the_publication_date(seeds):
    thursday = ClaimCandidate.objects.filter(article=seeds["Aivizor"], date=date(2026, 4, 30))
    assert thursday.filter(speaker_entity__name="Elon Musk", date_precision="day").exists()
    opened = DateMention.objects.get(article=seeds["FrontierNews.ai"], text="April 27, 2026")
    assert (opened.value, opened.precision) == (date(2026, 4, 27), "day")
    week = DateMention.objects.get(article=seeds["Aivizor"], text="earlier this week")
    assert (week.value, week.precision) == (date(2026, 4, 27), "week")


def test_reanalysing_replaces_the_machine_rows_and_leaves_curated_ones(seeds):
    before = (Mention.objects.count(), ClaimCandidate.objects.count())
    musk = Entity.objects.get(name="Elon Musk")
    musk_state = (musk.name, musk.kind, musk.description, list(musk.aliases.values_list("text", flat=True)))
    analysis.analyze_articles(Article.objects.values_list("pk", flat=True))
    assert (Mention.objects.count(), ClaimCandidate.objects.count()) == before
    musk.refresh_from_db()
    assert (
        musk.name,
        musk.kind,
        musk.description,
        list(musk.aliases.values_list("text", flat=True)),
    ) == musk_state


def test_an_alias_added_in_the_database_is_found_by_the_next_batch(seeds):
    article = seeds["News App"]
    assert not Mention.objects.filter(article=article, text="Grok chatbot").exists()
    grok = Entity.objects.get(name="Grok")
    Alias.objects.create(entity=grok, text="Grok chatbot", case_sensitive=False)
    analysis.analyze_articles([article.pk])
    found = Mention.objects.get(article=article, text__iexact="Grok chatbot")
    assert (found.entity, found.label) == (grok, "PRODUCT")


def test_recurring_unknown_names_become_candidate_entities(seeds):
    candidates = Entity.objects.filter(status=Entity.Status.CANDIDATE)
    assert candidates.filter(name="Google", kind="ORG").exists(), "Google recurs in three seeds"
    assert Mention.objects.filter(text="Google", entity__status=Entity.Status.CANDIDATE).count() >= 3
    assert not Entity.objects.filter(
        status=Entity.Status.CANDIDATE, name__in=["Elon Musk", "OpenAI"]
    ).exists()


def test_an_article_without_text_is_not_analysed():
    outlet = Outlet.objects.create(name="X", domain="x.example")
    article = Article.objects.create(
        outlet=outlet, url="http://x.example/a", canonical_url="http://x.example/a", title="T"
    )
    assert analysis.analyze_articles([article.pk]).analyzed == []


def test_a_pronoun_speaker_is_stored_and_linked_under_the_name_it_resolves_to():
    from tracker.crossref.models import Claim

    outlet = Outlet.objects.create(name="X", domain="x.example")
    text = (
        "Senator Jane Holloway spoke in Iowa on Monday about the banks and the economy. "
        "“The banks are too big to be left alone,” she said."
    )
    article = Article.objects.create(
        outlet=outlet,
        url="http://x.example/b",
        canonical_url="http://x.example/b",
        title="T",
        text=text,
        status=Article.Status.FETCHED,
    )
    analysis.analyze_articles([article.pk])  # extraction, then linking
    [candidate] = ClaimCandidate.objects.filter(article=article)
    assert (candidate.speaker, candidate.speaker_name) == ("she", "Jane Holloway")
    assert Claim.objects.get().speaker_text == "Jane Holloway"  # what a reader sees, never "she"
