"""Which cases an article is about: the cases its words name (the cases' vocabularies), and those of
every feed that carries it. A feed chosen for a case brings its articles to that case whatever their
words, also after their page is fetched (by a task that knows no feed) and when another case's feed
carries them later."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.cases.relevance import matching_cases
from tracker.sources.models import Article, Feed
from tracker.sources.sanitising import html_to_text

if TYPE_CHECKING:
    from tracker.sources.articles import Context


def attach_cases(article: Article, *, context: Context, new: bool = False) -> None:
    """Attach the cases the article is about; one that matches none stays stored, marked irrelevant."""
    ids = case_ids(article, context=context, new=new)
    if new:  # created in this transaction: no cases to read or remove
        article.cases.add(*ids)
    else:
        article.cases.set(ids)
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
    carried = Feed.cases.through.objects.filter(feed__items__article=article).values_list(
        "case_id", flat=True
    )
    return matched | {*carried}


def brings_case(article: Article, feed_case_ids: list[int]) -> bool:
    """Does a feed of these cases bring the article a case it is not in yet?"""
    return bool(feed_case_ids) and not {*feed_case_ids} <= {*article.cases.values_list("id", flat=True)}
