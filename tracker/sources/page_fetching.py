"""Fetching the page of a summary-only entry: its main text and metadata, or the feed's summary when
the page cannot be had (after the last retry of a transient failure, or at once for a permanent one).

Every request goes through `fetching.fetch` or a function with its signature (the sample corpus reads
files), as for feeds (`ingestion`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.db import DatabaseError, transaction

from tracker.sources import articles, storing
from tracker.sources.fetching import FetchResponse, fetch
from tracker.sources.guard import FetchError
from tracker.sources.models import Article
from tracker.sources.pages import extract_page
from tracker.sources.sanitising import html_to_text

Fetcher = Callable[..., FetchResponse]
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
TRANSIENT_FETCH_ERRORS = {"timeout", "dns", "connection", "tls"}


@dataclass
class PageResult:
    article_id: int
    stored: bool  # the article has its text (from the page, or the summary after giving up)
    retry: bool = False  # a transient failure: try again later
    error: str = ""


def fetch_article_page(article: Article, *, fetcher: Fetcher = fetch, context=None) -> PageResult:
    """Fetch the page of a summary-only entry and store its main text and metadata. A transient
    failure asks for a retry; after the last try, or a permanent failure, the summary is kept."""
    context = context or articles.context_for()
    try:
        response = fetcher(article.canonical_url, accept=PAGE_ACCEPT, robots=True)
    except FetchError as exc:
        return _page_failed(article, str(exc), transient=exc.kind in TRANSIENT_FETCH_ERRORS, context=context)
    if response.status == 429 or response.status >= 500:
        return _page_failed(article, f"HTTP {response.status} for the page", transient=True, context=context)
    if not 200 <= response.status < 300:
        return _page_failed(article, f"HTTP {response.status} for the page", transient=False, context=context)
    page, note = storing.bounded_page(
        extract_page(
            response.content, url=response.url, content_type=response.headers.get("content-type", "")
        ),
        settings.TRACKER_MAX_ARTICLE_CHARS,
    )
    try:
        stored = articles.apply_page(article, page, context=context, fetched_from=response.url)
    except DatabaseError as exc:  # the page's rows were rolled back: keep the summary, say why
        unchanged = Article.objects.filter(pk=article.pk).first()
        error = f"the page could not be stored: {' '.join(str(exc).split())}"
        if unchanged is None:
            return PageResult(article.pk, stored=False, error=error)
        return _page_failed(unchanged, error, transient=False, context=context)
    if note:
        Article.objects.filter(pk=stored.pk).update(error=f"{stored.error}; {note}" if stored.error else note)
    return PageResult(stored.pk, stored=True, error=note)


def _page_failed(article: Article, error: str, *, transient: bool, context) -> PageResult:
    article.page_attempts += 1
    article.error = error[:2000]
    if transient and article.page_attempts < settings.TRACKER_PAGE_MAX_ATTEMPTS:
        article.save(update_fields=["page_attempts", "error", "updated_at"])
        return PageResult(article.pk, stored=False, retry=True, error=error)
    with transaction.atomic():
        article.text = html_to_text(article.summary)
        article.extractor = "summary" if article.text else ""
        article.status = Article.Status.FETCHED if article.text else Article.Status.FAILED
        article.save()
        if article.text:
            articles.finalize(article, context=context)
    return PageResult(article.pk, stored=bool(article.text), error=error)
