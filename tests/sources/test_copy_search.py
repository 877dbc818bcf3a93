"""The copy search reads the exact and the near candidates in one query: an exact copy's original is
still the earliest article with the same fingerprint, whatever band-sharing articles came before it,
and a text too short for near copies is still found exactly and stores no signature."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.support.feeds import long_text
from tracker.sources import copies, dedupe, minhash
from tracker.sources.models import Article, ArticleSignature, Outlet

pytestmark = pytest.mark.django_db
START = timezone.now() - timedelta(days=1)


def stored(slug: str, text: str, minute: int) -> Article:
    outlet, _ = Outlet.objects.get_or_create(domain=f"{slug}.example", defaults={"name": slug})
    article = Article.objects.create(
        outlet=outlet,
        url=f"http://{slug}.example/a",
        canonical_url=f"http://{slug}.example/a",
        title=slug,
        text=text,
        text_hash=dedupe.text_fingerprint(text),
        first_seen_at=START + timedelta(minutes=minute),
    )
    copies.mark_copy(article, new=True)
    article.save()
    return article


def test_an_exact_copy_is_found_before_an_earlier_near_copy():
    text = " ".join(long_text("harbour", words=400))
    rewrite = stored("rewrite", text.replace(" court ", " tribunal ", 2), 0)
    syndicated = stored("syndicated", text, 1)
    assert (syndicated.copy_of, syndicated.copy_kind) == (rewrite, Article.CopyKind.NEAR)

    copy = stored("copy", text, 2)

    assert (copy.copy_of, copy.copy_kind, copy.copy_similarity) == (rewrite, Article.CopyKind.EXACT, 1.0)
    assert not ArticleSignature.objects.filter(article=copy).exists()  # an exact copy's is never needed


def test_a_short_text_is_found_exactly_and_stores_no_signature():
    text = "The court met on Tuesday. The judge said little."
    original = stored("first", text, 0)
    copy = stored("second", text.upper(), 1)

    assert (copy.copy_of, copy.copy_kind) == (original, Article.CopyKind.EXACT)
    assert not ArticleSignature.objects.exists()


def test_an_article_is_never_its_own_copy_nor_one_of_a_later_article():
    text = " ".join(long_text("quay", words=300))
    later = stored("later", text, 5)
    earlier = stored("earlier", text, 0)

    copies.mark_copy(later)  # their searches again, both stored now
    copies.mark_copy(earlier)
    assert (later.copy_of, later.copy_kind) == (earlier, Article.CopyKind.EXACT)
    assert (earlier.copy_of, earlier.copy_kind) == (None, "")


def test_a_rewritten_text_replaces_the_signature_and_bands_of_the_old_one():
    article = stored("edited", " ".join(long_text("lantern", words=300)), 0)
    article.text = " ".join(long_text("orchard", words=300))
    article.text_hash = dedupe.text_fingerprint(article.text)
    copies.mark_copy(article)  # an edit: the article had its signature and bands

    signature = minhash.minhash(article.text)
    assert bytes(ArticleSignature.objects.get(article=article).minhash) == minhash.signature_to_bytes(
        signature
    )
    assert sorted(article.bands.values_list("key", flat=True)) == sorted(minhash.band_keys(signature))
