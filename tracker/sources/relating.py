"""Which cases an article is about: the cases its words name (the cases' vocabularies), and those of
every feed that carries it. A feed chosen for a case brings its articles to that case whatever their
words, also after their page is fetched (by a task that knows no feed) and when another case's feed
carries them later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import connection

from tracker.cases.relevance import matching_cases
from tracker.sources.models import Article, ArticleFeed, Feed
from tracker.sources.sanitising import html_to_text

CASES = Article.cases.through

if TYPE_CHECKING:
    from tracker.sources.articles import Context


def attach_cases(article: Article, *, context: Context, new: bool = False) -> None:
    """Attach the cases the article is about; one that matches none stays stored, marked irrelevant."""
    ids = case_ids(article, context=context, new=new)
    store_cases(article.pk, ids, new=new)
    if article.relevant != bool(ids):
        article.relevant = bool(ids)
        article.save(update_fields=["relevant"])


def case_ids(article: Article, *, context: Context, new: bool = False) -> set[int]:
    """The cases its words name, the context's feed's, and (unless `new`: a new article has no other
    feed yet) those of every feed that carries it."""
    text = f"{article.title}\n{article.text or html_to_text(article.summary)}"
    matched = {*matching_cases(text, context.vocabularies), *context.feed_case_ids}
    if new:  # the query is not even built: building it was a third of a new article's case_ids
        return matched
    return matched | carried_case_ids(article.pk)


def carried_case_ids(article_id: int) -> set[int]:
    """The cases of the feeds that carry the article, in plain SQL: the ORM's join of the same tables
    cost several times the statement on every article finalized again (a page fetched)."""
    quote = connection.ops.quote_name
    cases, items = quote(Feed.cases.through._meta.db_table), quote(ArticleFeed._meta.db_table)
    sql = (
        f"SELECT {cases}.{quote('case_id')} FROM {cases} INNER JOIN {items}"
        f" ON {items}.{quote('feed_id')} = {cases}.{quote('feed_id')} WHERE {items}.{quote('article_id')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [article_id])
        return {row[0] for row in cursor.fetchall()}


def brings_case(article: Article, feed_case_ids: list[int]) -> bool:
    """Does a feed of these cases bring the article a case it is not in yet?"""
    return bool(feed_case_ids) and not {*feed_case_ids} <= {*article.cases.values_list("id", flat=True)}


def store_cases(article_id: int, ids: set[int], *, new: bool) -> None:
    """The article's cases become `ids`, in the statements and row order of `article.cases.add(*ids)`
    (`new`: created in this transaction, none to read or remove) or `article.cases.set(ids)`, in plain
    SQL: building the related manager and its queries cost several times running them. Like those (the
    through table has no m2m_changed listener), no signal is sent."""
    quote = connection.ops.quote_name
    table, article, case = quote(CASES._meta.db_table), quote("article_id"), quote("case_id")
    adding = [*ids]
    with connection.cursor() as cursor:
        if not new:
            cursor.execute(f"SELECT {case} FROM {table} WHERE {article} = %s", [article_id])
            old = {row[0] for row in cursor.fetchall()}
            adding = [case_id for case_id in ids if case_id not in old]
            if removed := old - {*ids}:
                marks = ", ".join(["%s"] * len(removed))
                cursor.execute(
                    f"DELETE FROM {table} WHERE {article} = %s AND {case} IN ({marks})",
                    [article_id, *removed],
                )
        targets = set(adding)  # the order add() inserts in: a set of the ids, built as it builds one
        if targets:
            cursor.execute(
                f"INSERT INTO {table} ({article}, {case}) VALUES {', '.join(['(%s, %s)'] * len(targets))}"
                " ON CONFLICT DO NOTHING",
                [value for case_id in targets for value in (article_id, case_id)],
            )
