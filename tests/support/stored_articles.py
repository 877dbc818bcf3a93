"""An article stored as ingestion stores it, marked as a copy or not: for the copy-finding tests."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tracker.sources import copies, dedupe
from tracker.sources.models import Article, Outlet

START = timezone.now() - timedelta(days=1)


def stored(n: int, site: str, text: str) -> Article:
    """Article `n` of the outlet `site`, first seen `n` minutes after START, copy-marked as a new article."""
    outlet, _ = Outlet.objects.get_or_create(domain=f"{site}.example", defaults={"name": site})
    article = Article.objects.create(
        outlet=outlet,
        url=f"http://{site}.example/{n}",
        canonical_url=f"http://{site}.example/{n}",
        title=site,
        text=text,
        text_hash=dedupe.text_fingerprint(text),
        first_seen_at=START + timedelta(minutes=n),
    )
    copies.mark_copy(article, new=True)
    article.save()
    return article
