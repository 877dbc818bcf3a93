"""Copies: which stored article an article copies, exactly (the same text fingerprint), nearly
(syndicated or lightly rewritten: MinHash similarity through LSH bands, `mark_copy`) or by its page's
canonical link to another site (`follow_canonical`), always pointing at the first original (`root_of`).
Called by `articles` when an article's page or text arrives.
"""

from __future__ import annotations

from tracker.sources import dedupe, minhash
from tracker.sources.models import Article, ArticleFeed, ArticleSignature

MIN_WORDS_FOR_NEAR_COPY = 50


def root_of(article: Article) -> Article:
    """The original an article copies, following copy links to the first one."""
    seen = {article.pk}
    while article.copy_of_id and article.copy_of_id not in seen:
        seen.add(article.copy_of_id)
        article = article.copy_of
    return article


def _earlier(queryset, article: Article):
    return (
        queryset.exclude(pk=article.pk)
        .filter(first_seen_at__lte=article.first_seen_at)
        .order_by("first_seen_at", "pk")
    )


# What the copy search reads of the articles it compares with: not their texts and pages.
COMPARED = ("pk", "first_seen_at", "copy_of")


def mark_copy(article: Article, *, new: bool = False) -> None:
    """An exact copy has the same text fingerprint as an article seen earlier; a near copy (syndicated
    or lightly rewritten) has a MinHash similarity above the threshold, found through LSH bands.
    `new`: the article was created in this transaction, so it has no bands to replace yet."""
    if not article.text_hash:
        return
    exact = _earlier(Article.objects.filter(text_hash=article.text_hash), article).only(*COMPARED).first()
    if exact is not None:
        article.copy_of, article.copy_kind, article.copy_similarity = (
            root_of(exact),
            Article.CopyKind.EXACT,
            1.0,
        )
        return
    if len(article.text.split()) < MIN_WORDS_FOR_NEAR_COPY:
        return
    signature = minhash.minhash(article.text)
    keys = minhash.band_keys(signature)
    ArticleSignature.objects.bulk_create(  # one upsert, not update_or_create's five statements
        [ArticleSignature(article=article, minhash=minhash.signature_to_bytes(signature))],
        update_conflicts=True,
        unique_fields=["article"],
        update_fields=["minhash"],
    )
    if not new:
        article.bands.all().delete()
    article.bands.bulk_create(
        [article.bands.model(article=article, key=k) for k in keys], ignore_conflicts=True
    )
    candidates = (
        _earlier(Article.objects.filter(bands__key__in=keys).distinct(), article)
        .select_related("signature")
        .only(*COMPARED, "signature__minhash")
    )
    best, best_score = None, 0.0
    for candidate in candidates[:50]:
        score = minhash.similarity(
            signature, minhash.signature_from_bytes(bytes(candidate.signature.minhash))
        )
        if score >= minhash.NEAR_COPY_THRESHOLD and score > best_score:
            best, best_score = candidate, score
    if best is not None:
        article.copy_of, article.copy_kind, article.copy_similarity = (
            root_of(best),
            Article.CopyKind.NEAR,
            best_score,
        )


def follow_canonical(article: Article, canonical: str) -> Article:
    """The article a page's canonical link points at: another site's marks this one a copy of it (when
    stored), the same site's renames this one, or replaces it when stored under that URL already."""
    if not canonical:
        return article
    target = dedupe.canonical_url(canonical)
    if target == article.canonical_url:
        return article
    same_site = dedupe.registrable_domain(target) == dedupe.registrable_domain(article.canonical_url)
    if not same_site:
        article.original_url = target
        original = Article.objects.filter(canonical_url=target).first()
        if original is not None:
            article.copy_of, article.copy_kind = root_of(original), Article.CopyKind.CANONICAL
        return article
    existing = Article.objects.filter(canonical_url=target).exclude(pk=article.pk).first()
    if existing is None:
        article.canonical_url = target
        return article
    # The same article under two URLs: keep the stored one, move this one's feed links to it.
    ArticleFeed.objects.filter(article=article).update(article=existing)
    article.delete()
    return existing
