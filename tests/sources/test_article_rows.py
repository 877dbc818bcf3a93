"""An article found or inserted without get_or_create's savepoint: the same row get_or_create stored, and
an article stored meanwhile (another worker's) is kept, not an error."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from tracker.sources import article_rows
from tracker.sources.models import Article, Outlet

pytestmark = pytest.mark.django_db

FIELDS = ["url", "title", "author", "status", "outlet_established", "text", "published_at"]


def defaults(outlet: Outlet, title: str) -> dict:
    return {"outlet": outlet, "url": "http://wren.example/a?ref=rss", "title": title, "author": "Ada Quill",
            "text": "The council voted on the bridge.", "status": Article.Status.FETCHED,
            "outlet_established": False}  # fmt: skip


def test_a_new_article_is_the_row_get_or_create_stores():
    outlet = Outlet.objects.create(domain="wren.example", name="Wren")
    made, created = article_rows.get_or_insert("http://wren.example/a", defaults(outlet, "Bridge vote"))
    expected, _ = Article.objects.get_or_create(
        canonical_url="http://wren.example/b", defaults=defaults(outlet, "Bridge vote")
    )
    stored = Article.objects.get(pk=made.pk)
    assert created and made.pk == stored.pk and not made._state.adding
    assert [getattr(stored, f) for f in FIELDS] == [getattr(expected, f) for f in FIELDS]
    assert stored.first_seen_at == made.first_seen_at and stored.updated_at is not None


def test_a_stored_article_is_found_not_inserted():  # its id probed, then the article read
    outlet = Outlet.objects.create(domain="wren.example", name="Wren")
    first, _ = article_rows.get_or_insert("http://wren.example/a", defaults(outlet, "Bridge vote"))
    with CaptureQueriesContext(connection) as queries:
        again, created = article_rows.get_or_insert("http://wren.example/a", defaults(outlet, "Other"))
    assert (again.pk, again.title, created, len(queries)) == (first.pk, "Bridge vote", False, 2)


def test_an_article_stored_meanwhile_is_kept_and_nothing_is_written():
    outlet = Outlet.objects.create(domain="wren.example", name="Wren")
    first, _ = article_rows.get_or_insert("http://wren.example/a", defaults(outlet, "Bridge vote"))
    late = Article(canonical_url="http://wren.example/a", **defaults(outlet, "Other"))
    assert article_rows.insert_new(late) is False
    assert late.pk is None
    assert list(Article.objects.values_list("pk", "title")) == [(first.pk, "Bridge vote")]


def test_an_update_writes_what_save_writes_in_one_statement():
    outlet = Outlet.objects.create(domain="wren.example", name="Wren")
    article, _ = article_rows.get_or_insert("http://wren.example/a", defaults(outlet, "Bridge vote"))
    original = Article.objects.create(
        canonical_url="http://wren.example/o", outlet=outlet, url="http://wren.example/o"
    )
    stamped = Article.objects.get(pk=article.pk).updated_at
    article.copy_of, article.text_hash, article.title = original, "f00d", "Not named: left unwritten"
    with CaptureQueriesContext(connection) as queries:
        article_rows.update(article, ["text_hash", "copy_of", "updated_at"])
    stored = Article.objects.get(pk=article.pk)
    assert len(queries) == 1
    assert (stored.copy_of_id, stored.text_hash, stored.title) == (original.pk, "f00d", "Bridge vote")
    assert stored.updated_at == article.updated_at and stored.updated_at > stamped
    article_rows.update(article)  # every field, as save() without update_fields
    assert Article.objects.get(pk=article.pk).title == "Not named: left unwritten"


def test_an_update_of_a_deleted_article_does_what_save_does():
    outlet = Outlet.objects.create(domain="wren.example", name="Wren")
    article, _ = article_rows.get_or_insert("http://wren.example/a", defaults(outlet, "Bridge vote"))
    Article.objects.filter(pk=article.pk).delete()
    with pytest.raises(DatabaseError, match="did not affect any rows"), transaction.atomic():
        article_rows.update(article, ["title"])
    article_rows.update(article)  # without field names, save() inserts it again
    assert list(Article.objects.values_list("pk", "title")) == [(article.pk, "Bridge vote")]
