"""Each article's clustering profile computed once per linked batch, and before the linking lock.

Linking a batch settles a neighbourhood once per new article and once more for the batch
(`clustering.assign_story`, `clustering.settle`): the same few hundred stored articles were profiled
(their text cleaned, stemmed and shingled, their mentions and dates read) up to seventeen times a batch,
all of it under the lock that serialises linking. Within `remembered()` (one `linking.link_articles`
call) `of(scope, compute)` computes the profiles of the articles it has not seen and reuses the others;
`linking` calls it on the batch's neighbourhood before it takes the lock, so under the lock only the
articles another worker linked meanwhile are profiled.

A profile is reused for the same article with the same title, text, times and URL (what
`clustering.profiles` reads from the article; its mentions and dates are written when it is analysed,
before it is linked). That holds while `compute` profiles each article on its own; on the first call of
a batch two undated articles are profiled alone and compared with the whole call, and should they
differ (an undated article timed by the dated ones it resembles: a profile that depends on the other
articles compared) nothing is reused for that batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

from tracker.sources.models import Article

CHECKED = 2  # undated articles profiled alone on a batch's first call

_memo: ContextVar[dict | None] = ContextVar("crossref_batch_profiles", default=None)


@contextmanager
def remembered() -> Iterator[None]:
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def of(scope: Sequence[Article], compute: Callable[[Sequence[Article]], list]) -> list:
    """`compute(scope)`, reusing what was computed for the same articles in this batch."""
    memo = _memo.get()
    if memo is None or memo.get("whole"):
        return compute(scope)
    if not memo:  # the batch's first call: is a profile the article's alone?
        found = compute(scope)
        memo["whole"] = not _per_article(scope, found, compute)
        if not memo["whole"]:
            memo.update(zip((_fingerprint(a) for a in scope), found, strict=True))
        return found
    missing = [a for a in scope if _fingerprint(a) not in memo]
    if missing:
        memo.update(zip((_fingerprint(a) for a in missing), compute(missing), strict=True))
    return [memo[_fingerprint(a)] for a in scope]


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
