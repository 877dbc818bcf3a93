"""One article's failure is that article's: a poisoned article among good ones fails alone."""

import pytest
from django.conf import settings

from tracker.crossref import analysis, tasks
from tracker.crossref.models import ClaimCandidate
from tracker.sources.models import Article, Outlet
from tracker.sources.sample import load_sample

pytestmark = pytest.mark.django_db

SPACY_MAX_LENGTH = 1_000_000  # spaCy's default nlp.max_length: longer texts raise E088


def poisoned_article() -> Article:
    """A stored article whose text spaCy refuses outright (E088), generated here, never committed."""
    outlet = Outlet.objects.create(name="Poison", domain="poison.example")
    return Article.objects.create(
        outlet=outlet,
        url="http://poison.example/a",
        canonical_url="http://poison.example/a",
        title="Too long",
        text="Musk said the trial was long. " * (SPACY_MAX_LENGTH // 30 + 10),
        status=Article.Status.FETCHED,
    )


@pytest.fixture
def batch():
    load_sample(root=settings.BASE_DIR / "tracker" / "sources" / "sample_data")
    good = list(Article.objects.filter(status=Article.Status.FETCHED).values_list("pk", flat=True))
    assert len(good) == 5
    return good, poisoned_article()


def test_a_poisoned_article_fails_alone_and_the_batch_goes_on(batch):
    good, poison = batch
    assert len(poison.text) > SPACY_MAX_LENGTH
    result = tasks.analyze_batch([*good[:2], poison.pk, *good[2:]])
    assert result["analyzed"] == 5
    poison.refresh_from_db()
    assert poison.status == Article.Status.FAILED
    assert "E088" in poison.error
    statuses = set(Article.objects.filter(pk__in=good).values_list("status", flat=True))
    assert statuses == {Article.Status.ANALYZED}
    assert ClaimCandidate.objects.filter(article_id__in=good).exists()
    assert not ClaimCandidate.objects.filter(article=poison).exists()


def test_a_failed_article_is_not_swept_again(batch):
    good, poison = batch
    analysis.analyze_articles([poison.pk, *good])
    assert analysis.pending_article_ids() == []
    assert Article.objects.get(pk=poison.pk).status == Article.Status.FAILED
