"""Each article's clustering profile computed once per linked batch, and before the linking lock; in a
bulk run, once per run.

Linking a batch settles a neighbourhood once per new article and once more for the batch
(`clustering.assign_story`, `clustering.settle`): the same few hundred stored articles were profiled
(their text cleaned, stemmed and shingled, their mentions and dates read) up to seventeen times a batch,
all of it under the lock that serialises linking. Within `remembered()` (one `linking.link_articles`
call) `of(scope, compute)` computes the profiles of the articles it has not seen and reuses the others;
`linking` calls it on the batch's neighbourhood before it takes the lock, so under the lock only the
articles another worker linked meanwhile are profiled.

A profile is reused for the same article with the same title, text, times and URL (what
`profiling.profiles` reads from the article; its mentions and dates are written when it is analysed,
before it is linked). That holds while `compute` profiles each article on its own; on the first call of
a batch two undated articles are profiled alone and compared with the whole call, and should they
differ (an undated article timed by the dated ones it resembles: a profile that depends on the other
articles compared) nothing is reused for that batch.

Within `for_run()` (a bulk run: `deferred_steps.deferred`) the profiles are also kept from one batch to
the next, where every batch's neighbourhood is most of the corpus again (session 27: at 600 articles
each batch read some 200,000 mention rows to profile about 500 articles, 24 of them new). A kept
profile is reused only for the same article fields, the same cases' topic words and the same machine
rows: the newest Mention and DateMention ids of the article, read in one query before anything is
computed (analysis replaces an article's rows, never edits them: new rows, new ids), so an article
analysed again by any process since is profiled again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from django.db.models import Max, Value

from tracker.crossref import id_spans, scope_rows
from tracker.crossref.kept import Kept, scoped
from tracker.crossref.models import DateMention, Mention
from tracker.crossref.profiling import topic_words
from tracker.sources.models import Article

CHECKED = 2  # undated articles profiled alone on a batch's first call
RUN_KEPT = 4000  # profiles kept across a bulk run's batches (about 32 KB each), least recently used out

_memo: ContextVar[dict | None] = ContextVar("crossref_batch_profiles", default=None)
_run: ContextVar[Kept | None] = ContextVar("crossref_run_profiles", default=None)


@contextmanager
def for_run() -> Iterator[None]:
    """Profiles kept across the batches linked inside the block (a block inside one joins it)."""
    with scoped(_run, lambda: Kept(RUN_KEPT)), scope_rows.kept():  # the scopes' articles too
        yield


@contextmanager
def remembered() -> Iterator[None]:
    token = _memo.set({"whole": None, "kept": {}})
    try:
        with scope_rows.kept():  # the batch's scope read again under the lock: its texts are not
            yield
    finally:
        _memo.reset(token)


def of(scope: Sequence[Article], compute: Callable[[Sequence[Article]], list]) -> list:
    """`compute(scope)`, reusing what was computed for the same articles in this batch (in a bulk run,
    in an earlier batch, with the same machine rows)."""
    memo = _memo.get()
    if memo is None or memo["whole"]:
        return compute(scope)
    kept, first, run = memo["kept"], memo["whole"] is None, _run.get()
    versions = _versions(scope) if first and run is not None else {}  # read before computing
    missing = []
    for article in scope:
        if (fingerprint := _fingerprint(article)) in kept:
            continue
        if article.pk in versions and (found := run.get((fingerprint, versions[article.pk]))) is not None:
            kept[fingerprint] = found
        else:
            missing.append(article)
    if missing:
        kept.update(zip((_fingerprint(a) for a in missing), compute(missing), strict=True))
    found = [kept[_fingerprint(a)] for a in scope]
    if first:  # the batch's first call: is a profile the article's alone?
        memo["whole"] = not _per_article(scope, found, compute)
        if memo["whole"]:
            if run is not None:
                run.clear()
            return found if len(missing) == len(scope) else compute(scope)
        for article in missing:
            if article.pk in versions:
                run.put((_fingerprint(article), versions[article.pk]), kept[_fingerprint(article)])
    return found


def _versions(scope: Sequence[Article]) -> dict[int, tuple]:
    """Each article's newest Mention and DateMention ids (None: it has none) and the topic words, in
    one query and one (`profiling.topic_words`)."""
    ids = [a.pk for a in scope if a.pk is not None]
    newest = {pk: [None, None] for pk in ids}
    spans = id_spans.among("article", ids)  # a few ranges, not an id each: the rows of others dropped
    rows = [
        model.objects.filter(spans).order_by().values("article_id").annotate(top=Max("pk"))
        for model in (Mention, DateMention)
    ]
    kinds = [rows[n].annotate(kind=Value(n)).values_list("article_id", "top", "kind") for n in (0, 1)]
    for article_id, top, kind in kinds[0].union(kinds[1], all=True):
        if article_id in newest:
            newest[article_id][kind] = top
    topic = topic_words()
    return {pk: (*tops, topic) for pk, tops in newest.items()}


def _fingerprint(article: Article) -> tuple:
    return (
        article.pk,
        article.title,
        article.published_at,
        article.first_seen_at,
        article.canonical_url,
        hash(article.text),
    )


def _per_article(scope: Sequence[Article], found: list, compute: Callable) -> bool:
    """Whether an undated article (the kind a rule may time by the others) is profiled alone as in the
    scope; a scope without one cannot tell."""
    undated = [i for i, a in enumerate(scope) if a.published_at is None][:CHECKED]
    return all(compute([scope[i]])[0] == found[i] for i in undated)
