"""Storing a poll's new entries costs the same queries for each entry, however many the poll holds,
and no more than PER_ENTRY: the cost of a poll grows with its entries only, never with what is stored."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.support.feeds import article_html, item, long_text, rss
from tracker.sources import articles, storing
from tracker.sources.models import Article, ArticleSignature, Feed
from tracker.sources.parsing import parse_feed

pytestmark = pytest.mark.django_db

# A new full-text entry in its own transaction: its article looked up (its outlet, and the guids its
# feed stored, once a poll), the article and its feed link inserted (the link in one statement), the
# exact and near copies searched in one query, its signature upserted in one statement (27 with
# update_or_create), its bands inserted, the fingerprint and relevance saved in one UPDATE, its cases
# added. 22 with get_or_create for the link; 16 with the guid looked up and a query for each copy search;
# 14 with a savepoint of `store_entry`'s own inside the entry's transaction; 12 with get_or_create's
# savepoint and its release around the article's insert.
PER_ENTRY = 10


def poll_queries(host: str, count: int) -> int:
    entries = [
        item(f"Report {i}", f"http://{host}/r{i}", content=article_html(long_text(f"{host}-{i}", 200)))
        for i in range(count)
    ]
    feed = Feed.objects.create(url=f"http://{host}/feed.xml")
    parsed = parse_feed(rss(*entries, link=f"http://{host}/"), headers={}, base_url=feed.url)
    context = articles.context_for(feed)
    with CaptureQueriesContext(connection) as queries:
        stored = storing.store_entries(feed=feed, entries=parsed.entries, context=context)
    assert len(stored.created) == count
    return len(queries)


def test_each_new_entry_costs_the_same_bounded_queries():
    two, six, ten = (poll_queries(f"quay{n}.example", n) for n in (2, 6, 10))
    per_entry = (six - two) // 4
    assert six - two == ten - six == 4 * per_entry
    assert per_entry <= PER_ENTRY, f"{per_entry} queries per new entry"
    assert ArticleSignature.objects.count() == Article.objects.count() == 18
