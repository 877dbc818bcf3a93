"""An article's row found by its canonical URL or inserted, as `get_or_create` would, without its savepoint
and its model save: the insert is one statement that skips a row stored meanwhile (ON CONFLICT DO
NOTHING, SQLite 3.35+ and PostgreSQL), and only then the stored row is read. `get_or_create` spent a
savepoint, its release and `Model.save`'s machinery on every new article of a poll. Like `bulk_create`,
no save signal is sent (the article has no receiver of one)."""

from __future__ import annotations

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

from tracker.sources.models import Article


def get_or_insert(canonical_url: str, defaults: dict[str, Any]) -> tuple[Article, bool]:
    """The article stored under `canonical_url`, or a new one made of `defaults`; True when new."""
    found = stored(canonical_url)
    if found is not None:
        return found, False
    article = Article(canonical_url=canonical_url, **defaults)
    if not insert_new(article):  # another worker stored it since the look-up
        return stored(canonical_url), False
    return article, True


def stored(canonical_url: str) -> Article | None:
    """The article stored under `canonical_url`. Its id is probed in plain SQL first: a poll's new
    article finds nothing, and the ORM's query (or a raw queryset) cost several times the probe."""
    connection = connections[DEFAULT_DB_ALIAS]
    quote, meta = connection.ops.quote_name, Article._meta
    sql = (
        f"SELECT {quote(meta.pk.column)} FROM {quote(meta.db_table)}"
        f" WHERE {quote(meta.get_field('canonical_url').column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [canonical_url])
        row = cursor.fetchone()
    return None if row is None else Article.objects.get(pk=row[0])


def insert_new(article: Article) -> bool:
    """Insert an unsaved article (its fields prepared as `save` prepares them) and give it its id; False,
    and nothing written, when an article with its canonical URL is stored already."""
    connection = connections[DEFAULT_DB_ALIAS]
    meta = Article._meta
    fields = [field for field in meta.local_concrete_fields if field is not meta.pk]
    values = [field.get_db_prep_save(field.pre_save(article, add=True), connection) for field in fields]
    quote = connection.ops.quote_name
    sql = (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)})"
        f" VALUES ({', '.join(['%s'] * len(fields))})"
        f" ON CONFLICT ({quote(meta.get_field('canonical_url').column)}) DO NOTHING"
        f" RETURNING {quote(meta.pk.column)}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        row = cursor.fetchone()
    if row is None:
        return False
    article.pk = row[0]
    article._state.adding, article._state.db = False, connection.alias
    return True


def update(article: Article, field_names: list[str] | None = None) -> None:
    """`article.save(update_fields=field_names)` (every field when None) as one plain UPDATE, each value
    prepared as `save` prepares it (`updated_at` stamped now when written): `Model.save`'s machinery
    cost several times its statement on every finalized article. Like `save`, no row updated (the
    article deleted meanwhile) is left to `save` itself: it inserts the row again, or raises with
    `field_names`. No save signal is sent (the article has no receiver of one)."""
    connection = connections[DEFAULT_DB_ALIAS]
    meta = Article._meta
    if field_names is None:
        fields = [field for field in meta.local_concrete_fields if field is not meta.pk]
    else:
        fields = [meta.get_field(name) for name in field_names]
    values = [field.get_db_prep_save(field.pre_save(article, add=False), connection) for field in fields]
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {', '.join(f'{quote(field.column)} = %s' for field in fields)}"
        f" WHERE {quote(meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*values, article.pk])
        updated = cursor.rowcount
    if not updated:
        article.save(update_fields=field_names)
