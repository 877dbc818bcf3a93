"""Which stored articles a settle clusters together with a batch: its neighbourhood.

The linked articles stated (or, undated, first seen) within WINDOW of the batch, the undated articles of
their stories, and the batch; the latest MAX_SCOPE. "Recent" is the stated publication time when the
article has one, its first sighting otherwise; the window query runs on the indexes of
`Article.published_at` and `first_seen_at`.

An undated article sits where its content places it (`undated.placed`), which its first sighting does
not show, so `placed` grows the scope by the linked articles within WINDOW of the times its undated
articles are placed at, then places them again (PLACED_ROUNDS at most, until nothing is added). Without
that, an undated batch found by first sighting (an archive imported at once, months after the days it
reports) is settled without the reports around its day: the settle cannot undo what the batch's
placement changes there, and the stories end otherwise than one settle of everything
(tests/crossref/test_clustering_order.py: a seed web's last undated seed, placed with the testimony,
left a report of the next day in its story). Deterministic: the same set gives the same scope.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from django.db.models import Q

from tracker.crossref import batch_profiles, far, features, scope_rows, undated
from tracker.crossref.models import StoryArticle
from tracker.crossref.profiling import effective_time, profiles
from tracker.sources.models import Article

WINDOW = features.WINDOW
MAX_SCOPE = 2000  # articles clustered at once, the latest kept: bounds the cost of an archive import
PLACED_ROUNDS = 2  # times a settle grows its scope around where its undated articles are placed


def key(article: Article) -> tuple:
    return (effective_time(article), article.canonical_url, article.pk)


def near(articles: Iterable[Article], reach: timedelta = WINDOW, *, seen: bool = True) -> Q:
    """Articles stated within `reach` of these, or first seen within it of them (undated ones are
    compared by first sighting)."""
    spans = _stated((a.published_at for a in articles if a.published_at), reach)
    for first in sorted({a.first_seen_at.replace(second=0, microsecond=0) for a in articles} if seen else ()):
        spans |= Q(first_seen_at__range=(first - reach, first + reach))
    return spans


def neighbourhood(articles: Sequence[Article], times: Iterable[datetime] = ()) -> list[Article]:
    """The linked articles within WINDOW of these (and of `times`), the undated articles of
    their stories, and these; the latest MAX_SCOPE, in key order: an article not linked yet waits for its
    own batch. An undated article is where its content placed it (`undated.placed`), which its first
    sighting does not show: it is settled with its story, never left out of it (a story settled without
    it could end otherwise than everything settled at once), and with the articles around where it is
    placed (`placed`). Around an article stated alone in its window it reaches `far.LONG` (`far`
    may join it to a story a quiet spell away)."""
    scope_rows.seed(articles)  # loaded whole: not read again once linked
    spans = near(articles) | _stated(times)
    found = _linked(spans)
    quiet = [a for a in articles if a.published_at and not _company(a, [*found, *articles])]
    if quiet:
        found = _linked(spans | near(quiet, far.LONG, seen=False))
    known = {a.pk for a in found}
    found += [a for a in articles if a.pk not in known]
    return sorted(found, key=key)


def _stated(times: Iterable[datetime], reach: timedelta = WINDOW) -> Q:
    """Articles stated within `reach` of these times (each by its hour)."""
    spans = Q(pk__in=[])
    for time in sorted({_hour(t) for t in times}):
        spans |= Q(published_at__range=(time - reach, time + reach))
    return spans


def _linked(spans: Q) -> list[Article]:
    """The linked articles these spans hold and the undated articles of their stories, the latest
    MAX_SCOPE."""
    held = Article.objects.filter(spans, story_membership__isnull=False).values("pk")
    stories = StoryArticle.objects.filter(article__in=held).values("story_id")
    found = Article.objects.filter(
        Q(pk__in=held) | Q(published_at=None, story_membership__story__in=stories),
        status=Article.Status.ANALYZED,
    )
    found = found.exclude(text="").order_by("-first_seen_at", "pk")[:MAX_SCOPE]
    return scope_rows.read(found)  # in a batch, rows read before are not built again


def _company(article: Article, scope: Iterable[Article]) -> bool:
    """Whether another article of the scope is stated within WINDOW of this one."""
    return any(
        a.pk != article.pk and a.published_at and abs(a.published_at - article.published_at) <= WINDOW
        for a in scope
    )


def profiled(articles: Sequence[Article]) -> list[Article]:
    """The neighbourhood of these articles, its profiles worked out and kept for the batch
    (`batch_profiles`): linking reads them before it takes its lock."""
    scope = neighbourhood(articles)
    batch_profiles.of(scope, profiles)
    return scope


def placed(articles: Sequence[Article]) -> tuple[list[Article], list]:
    """The neighbourhood of these articles grown by the linked articles within WINDOW of the times its
    undated articles are placed at (placed again in the grown scope, until nothing is added or
    PLACED_ROUNDS), and its profiles, each undated one placed (`undated.placed`)."""
    scope = neighbourhood(articles)
    found = undated.placed(batch_profiles.of(scope, profiles))  # profiles reused within a batch
    reached = {_hour(a.published_at) for a in articles if a.published_at}  # the windows read already
    for _ in range(PLACED_ROUNDS):
        times = {
            _hour(p.time) for a, p in zip(scope, found, strict=True) if a.published_at is None and p.time
        }
        if times <= reached:  # placed on a batch article's hour (a periodic settle's own): nothing to add
            break
        reached |= times
        wider = neighbourhood(articles, reached)
        if {a.pk for a in wider} <= {a.pk for a in scope}:
            break
        scope = wider
        found = undated.placed(batch_profiles.of(scope, profiles))
    return scope, found


def _hour(time: datetime) -> datetime:
    return time.replace(minute=0, second=0, microsecond=0)
