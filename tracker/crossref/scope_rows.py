"""The stored articles of a settle's scope, their texts read once a batch (in a bulk run, once a run).

Linking a batch reads its neighbourhood twice (`linking` before its lock, `clustering.settle` under it),
and in a busy window the neighbourhood is most of the stored articles again at every batch: at 600
articles each read built some 600 articles with their texts (16 ms a read, session 29), though nearly
all of them were read, unchanged, by the batch before. Inside `batch_profiles.remembered()` (and across
the batches of `batch_profiles.for_run()`) `read` asks the database only for each article's id, its
`updated_at` and its copy link, and builds the articles from the rows it read before when `updated_at`
is the same: every write of an article's title, text or times saves the row (`Article.save`,
`sources.article_rows.update`), which stamps `updated_at`; its copy link is written with a plain UPDATE
(`row_updates`), so it is read each time. An article new or stamped since is read in full, once. Each
caller gets articles of its own (copies of the rows kept: a settle sets copy links on its articles).
Outside those blocks every read is a full one, as before.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from contextvars import ContextVar

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.base import ModelState

from tracker.crossref import id_spans
from tracker.crossref.kept import Kept, scoped
from tracker.crossref.models import Event, StoryArticle
from tracker.sources.models import Article

# what settling reads of the stored articles it clusters (profiles, keys, copies, new stories): not
# their HTML, summaries or other times, read at every settle of every batch
FIELDS = ("title", "text", "published_at", "first_seen_at", "canonical_url", "copy_of", "copy_kind")
KEPT = 4000  # articles kept (their scope fields, text included), least recently used out
_FRESH = ("pk", "updated_at", "copy_of", "copy_kind")  # read at every read


class _Rows(Kept):
    """The kept rows: pk -> (updated_at, article); `read`: whether a read filled it yet."""

    read = False


_kept: ContextVar[_Rows | None] = ContextVar("crossref_scope_rows", default=None)


def kept() -> AbstractContextManager[None]:
    """Rows kept across the reads inside the block (a block inside one joins it)."""
    return scoped(_kept, lambda: _Rows(KEPT))


def seed(articles: Sequence[Article], fields: Sequence[str] = FIELDS) -> None:
    """Keep these articles as read (a batch's own, loaded whole by its caller), those with every one
    of `fields` and `updated_at` loaded: a read that finds them unstamped since does not read them."""
    memo = _kept.get()
    if memo is None:
        return
    wanted = {"id", *(Article._meta.get_field(f).attname for f in fields), "updated_at"}
    names = [f.attname for f in Article._meta.concrete_fields if f.attname in wanted]  # from_db's order
    for article in articles:
        if article.pk is not None and not article.get_deferred_fields() & {*fields, "updated_at"}:
            row = Article.from_db(article._state.db, names, [getattr(article, n) for n in names])
            memo.put(article.pk, (article.updated_at, row))  # as a read gives it: those fields alone


def read(found: QuerySet, fields: Sequence[str] = FIELDS) -> list[Article]:
    """`list(found.only(*fields))` (`found`: articles, ordered and sliced), the rows unchanged since
    an earlier read of this block built from that read (the first read of a block reads them whole)."""
    memo = _kept.get()
    if memo is None:
        return list(found.only(*fields))
    if not memo.read:
        memo.read = True
        whole = list(found.only(*fields, "updated_at"))
        for article in whole:
            memo.put(article.pk, (article.updated_at, _copy(article)))
        return whole
    rows = list(found.values_list(*_FRESH))
    missing = [pk for pk, stamp, *_ in rows if (memo.get(pk) or (None,))[0] != stamp]
    if missing:
        for article in Article.objects.filter(pk__in=missing).only(*fields, "updated_at"):
            memo.put(article.pk, (article.updated_at, article))
    result = []
    for pk, _, copy_of, kind in rows:
        if (held := memo.get(pk)) is None:
            continue  # deleted between the two reads
        result.append(_copy(held[1], copy_of_id=copy_of, copy_kind=kind))
    return result


def memberships(scope: Sequence[Article], *, grow_curated: bool) -> tuple[dict, set, set]:
    """The scope's stories by article; the stories that keep their articles (a curator locked them or an
    event of theirs); those that take none either (locked, or curated when not `grow_curated`). Read by
    a few ranges of ids (`id_spans`), the rows of articles between them dropped."""
    ids = {a.pk for a in scope}
    curated = Exists(Event.objects.filter(stories=OuterRef("story_id"), locked=True))
    rows = StoryArticle.objects.filter(id_spans.among("article", ids)).annotate(curated=curated)
    member_of, pinned, frozen = {}, set(), set()
    for article_id, pk, locked, by_event in rows.values_list(
        "article_id", "story_id", "story__locked", "curated"
    ):
        if article_id not in ids:
            continue
        member_of[article_id] = pk
        if locked or by_event:
            pinned.add(pk)
        if locked or (by_event and not grow_curated):
            frozen.add(pk)
    return member_of, pinned, frozen


def _copy(article: Article, **values) -> Article:
    """Another instance of the same row (its own state: no related object cached), with `values`."""
    made = Article.__new__(Article)
    made.__dict__.update(article.__dict__, **values)
    made._state = ModelState()
    made._state.adding, made._state.db = False, article._state.db
    return made
