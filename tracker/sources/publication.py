"""Stated publication times a feed or page cannot be trusted with alone (issue 15, item 1).

A feed or the article's page states when an article was published; the tracker knows when it first
saw it. A stated time in the future (beyond a clock-skew allowance), or one long before the first
sighting on a feed whose other articles appear promptly after their stated time, is kept but marked
`published_suspect`: "first reported" does not take such a time alone (crossref.corroboration and
event_reports treat it as the first sighting unless another outlet states a time close to it).

A feed whose items usually appear days after their stated time (a weekly digest, a first poll of a
backlog) is not "prompt", so its old dates are not suspect. A time the page states (taken when the
feed stated none) is judged by the same rule at once (`page_time_suspect`), against the feeds that
carried the article. Rules as data: the thresholds below.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import datetime, timedelta

from tracker.sources.models import Article, Feed

FUTURE_ALLOWANCE = timedelta(hours=2)  # clock skew and a wrong time zone in a feed
BACKDATED_AFTER = timedelta(days=7)  # this long before the first sighting ...
PROMPT_LAG = timedelta(days=1)  # ... on a feed whose median sighting lag is at most this
PROMPT_MIN_ARTICLES = 3  # other dated articles needed to call a feed prompt
LAG_SAMPLE = 100  # the feed's most recent dated articles read for its median lag
AGREEING = timedelta(days=1)  # another outlet's stated time this close vouches for a suspect one


def is_suspect(published_at: datetime | None, first_seen_at: datetime, prompt: bool) -> bool:
    """Whether a stated publication time cannot be trusted alone."""
    if published_at is None:
        return False
    if published_at > first_seen_at + FUTURE_ALLOWANCE:
        return True
    return prompt and first_seen_at - published_at > BACKDATED_AFTER


def feed_lags(feed: Feed) -> dict[int, timedelta]:
    """Article id -> (first seen - stated publication) for the feed's most recent dated articles."""
    rows = (
        Article.objects.filter(feeds=feed, published_at__isnull=False)
        .order_by("-first_seen_at")
        .values_list("pk", "published_at", "first_seen_at")[:LAG_SAMPLE]
    )
    return {pk: seen - published for pk, published, seen in rows}


def is_prompt(lags: dict[int, timedelta], without: int | None = None) -> bool:
    """Whether the feed's other articles usually appear within PROMPT_LAG of their stated time."""
    others = [lag for pk, lag in lags.items() if pk != without]
    return len(others) >= PROMPT_MIN_ARTICLES and statistics.median(others) <= PROMPT_LAG


def flag_publications(feed: Feed, article_ids: Iterable[int]) -> list[int]:
    """Set `published_suspect` on the feed's just-stored articles (after the whole poll, so an item
    read before its feed's prompt ones is judged like them); the ids of the articles flagged."""
    ids = list(article_ids)
    if not ids:
        return []
    lags = feed_lags(feed)
    flagged, cleared = [], []
    rows = Article.objects.filter(pk__in=ids).values_list(
        "pk", "published_at", "first_seen_at", "published_suspect"
    )
    for pk, published, seen, was in rows:
        now = is_suspect(published, seen, is_prompt(lags, without=pk))
        if now != was:
            (flagged if now else cleared).append(pk)
    Article.objects.filter(pk__in=flagged).update(published_suspect=True)
    Article.objects.filter(pk__in=cleared).update(published_suspect=False)
    return flagged


def page_time_suspect(article: Article) -> bool:
    """Whether the time the article's page states is suspect: in the future, or long before the first
    sighting when a feed that carried the article usually publishes promptly."""
    if article.published_at is None:
        return False
    if is_suspect(article.published_at, article.first_seen_at, prompt=False):
        return True  # in the future: no feed needs to be read
    feeds = Feed.objects.filter(articles=article) if article.pk else Feed.objects.none()
    prompt = any(is_prompt(feed_lags(feed), without=article.pk) for feed in feeds)
    return is_suspect(article.published_at, article.first_seen_at, prompt)


def vouched_times(rows: list[dict]) -> list[dict]:
    """Report rows (outlet_id, published_at, published_suspect) with a suspect stated time dropped
    unless another outlet states an unsuspected time within AGREEING of it: alone, it cannot make its
    article the first report (crossref.corroboration orders reports by these times)."""
    trusted = [r for r in rows if r["published_at"] and not r.get("published_suspect")]
    return [
        {**r, "published_at": None}
        if r.get("published_suspect")
        and r["published_at"]
        and not any(
            t["outlet_id"] != r["outlet_id"] and abs(t["published_at"] - r["published_at"]) <= AGREEING
            for t in trusted
        )
        else r
        for r in rows
    ]
