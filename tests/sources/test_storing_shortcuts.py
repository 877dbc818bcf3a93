"""What storing a poll no longer reads or writes twice gives the same rows: an outlet looked up once per
poll (never one an entry's rolled-back savepoint created), a feed link stored in one statement (one
stored meanwhile kept), an edited article's bands replaced (a new article's only inserted), the feed's
stored guids read once per poll (a guid seen twice in one poll looked up the second time)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError

from tests.support.feeds import article_html, item, long_text, rss
from tracker.sources import articles, minhash, storing
from tracker.sources.models import Article, ArticleFeed, ArticleVersion, Feed, Outlet, SignatureBand
from tracker.sources.parsing import parse_feed

pytestmark = pytest.mark.django_db


def entries(host: str, *slugs: str, seed: str = "") -> list:
    items = [
        item(f"Report {s}", f"http://{host}/{s}", content=article_html(long_text(f"{seed}{host}-{s}")))
        for s in slugs
    ]
    return parse_feed(rss(*items, link=f"http://{host}/"), headers={}, base_url=f"http://{host}/").entries


def test_an_outlet_is_read_once_per_poll_and_one_rolled_back_is_not_reused(monkeypatch):
    feed = Feed.objects.create(url="http://harbour.example/feed.xml")
    real, calls = articles.feed_establishes, []

    def first_entry_refused(feed, link, outlet):  # after its outlet was created, in its savepoint
        calls.append(link)
        if len(calls) == 1:
            raise DatabaseError("refused")
        return real(feed, link, outlet)

    monkeypatch.setattr(articles, "feed_establishes", first_entry_refused)
    context = articles.context_for(feed)
    stored = storing.store_entries(
        feed=feed, entries=entries("harbour.example", "a", "b", "c"), context=context
    )
    assert stored.failed == 1 and len(stored.created) == 2
    outlet = Outlet.objects.get(domain="harbour.example")  # created again by the second entry
    assert {a.outlet_id for a in Article.objects.all()} == {outlet.pk}
    assert context.outlets == {"harbour.example": outlet}  # found stored by the third: kept


def test_a_feed_link_stored_meanwhile_is_kept(monkeypatch):
    feed = Feed.objects.create(url="http://quay.example/feed.xml")
    (entry,) = entries("quay.example", "x")
    other = Article.objects.create(
        outlet=Outlet.objects.create(domain="other.example", name="Other"),
        url="http://other.example/y",
        canonical_url="http://other.example/y",
    )
    real = articles.outlet_for_entry

    def another_worker_links_it(entry, feed, known=None):  # after this worker looked for the link
        ArticleFeed.objects.create(feed=feed, guid=entry.guid, article=other, link="http://other.example/y")
        return real(entry, feed, known)

    monkeypatch.setattr(articles, "outlet_for_entry", another_worker_links_it)
    stored = storing.store_entries(feed=feed, entries=[entry], context=articles.context_for(feed))
    assert stored.failed == 0 and len(stored.created) == 1
    assert list(ArticleFeed.objects.values_list("article_id", flat=True)) == [other.pk]


def test_an_edited_article_has_only_its_new_texts_bands():
    feed = Feed.objects.create(url="http://canal.example/feed.xml")
    context = articles.context_for(feed)
    storing.store_entries(feed=feed, entries=entries("canal.example", "s", seed="v1"), context=context)
    article = Article.objects.get()
    first = set(SignatureBand.objects.values_list("key", flat=True))
    assert first == set(minhash.band_keys(minhash.minhash(article.text)))
    stored = storing.store_entries(
        feed=feed, entries=entries("canal.example", "s", seed="v2"), context=context
    )
    assert stored.updated == [article.pk]
    article.refresh_from_db()
    assert (
        set(SignatureBand.objects.values_list("key", flat=True))
        == set(minhash.band_keys(minhash.minhash(article.text)))
        != first
    )


def test_a_guid_twice_in_one_poll_is_looked_up_the_second_time():
    feed = Feed.objects.create(url="http://weir.example/feed.xml")
    first, edited = entries("weir.example", "s", seed="v1") + entries("weir.example", "s", seed="v2")
    stored = storing.store_entries(feed=feed, entries=[first, edited], context=articles.context_for(feed))
    article = Article.objects.get()
    assert stored.created == stored.updated == [article.pk]  # the second sighting: an edit
    assert ArticleVersion.objects.get(article=article).text == first.text
    assert article.text == edited.text
