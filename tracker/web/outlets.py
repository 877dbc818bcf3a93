"""The outlets page and an outlet's page: how much each outlet published, how often it was first to
report a claim or an event, and how often its article was a copy of another.

Counts are correlated subqueries, not joins, so no count multiplies another, and the list is one query.
"First" counts public claims (Claim.first_outlet, stored by the same coverage rule) and public events (the
coverage the event pages show) only. Times are written in the court's zone, named on the page.
An outlet's page lists headlines, times and story links, never an article's text.

Public means relevant: articles are counted and listed, and outlets shown, only under the one rule the
API and search use (`Article.objects.relevant()`); an outlet with nothing relevant (a spam feed's) is
not listed and its page is a 404.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from tracker.crossref.corroboration import COUNTS, coverage_of_events
from tracker.crossref.models import Claim, Event
from tracker.sources.models import Article, Outlet
from tracker.web import paging
from tracker.web.htmx import wants_partial
from tracker.web.timeline import court_zone

PAGE_SIZE = 50
KEYS = [paging.Key("first_seen_at"), paging.Key("pk")]


def _count(queryset: QuerySet, outlet_field: str) -> Coalesce:
    rows = (
        queryset.filter(**{outlet_field: OuterRef("pk")})
        .order_by()
        .values(outlet_field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(rows, output_field=IntegerField()), Value(0))


def with_figures(outlets: QuerySet) -> QuerySet:
    """Outlets annotated with articles, copies, first_claims and first_events; `unverified`: none of
    its relevant articles counts (`corroboration.COUNTS`; shown so, never counted)."""
    counted = Article.objects.relevant().filter(outlet=OuterRef("pk")).filter(COUNTS)
    return outlets.annotate(
        unverified=ExpressionWrapper(~Exists(counted), output_field=BooleanField()),
        articles_count=_count(Article.objects.relevant(), "outlet"),
        copies_count=_count(Article.objects.relevant().filter(copy_of__isnull=False), "outlet"),
        first_claims=_count(Claim.objects.public(), "first_outlet"),
    )


def first_events() -> Counter:
    """How many public events each outlet reported first: the coverage the event pages show (the
    earliest stated publication, an undated report only when none is dated), or the first report a
    curator set on a locked event. One pass over every public event's reports."""
    events = Event.objects.public()
    curated = events.filter(locked=True, first_reported_by__isnull=False)
    counts = Counter(curated.values_list("first_reported_by", flat=True))
    coverage = coverage_of_events(events.exclude(pk__in=curated.values("pk")).values_list("pk", flat=True))
    counts.update(c.first_outlet.pk for c in coverage.values() if c.first_outlet)
    return counts


def _with_first_events(outlets) -> list[Outlet]:
    firsts = first_events()
    outlets = list(outlets)
    for o in outlets:
        o.first_events = firsts[o.pk]
    return outlets


@require_GET
def outlet_list(request):
    outlets = (
        with_figures(Outlet.objects.all()).filter(articles_count__gt=0).order_by("-articles_count", "name")
    )
    return render(request, "web/outlets.html", {"outlets": _with_first_events(outlets), "tz": court_zone()})


@require_GET
def outlet(request, pk: int):
    outlet = get_object_or_404(with_figures(Outlet.objects.all()).filter(articles_count__gt=0), pk=pk)
    outlet.first_events = first_events()[outlet.pk]
    articles = (
        Article.objects.relevant()
        .filter(outlet=outlet)
        .select_related("outlet", "story_membership__story", "copy_of__outlet")
        .defer(
            "text", "content_html", "summary", "copy_of__text", "copy_of__content_html", "copy_of__summary"
        )
    )
    page = paging.page_or_404(request, articles, resource=f"outlet:{outlet.pk}", keys=KEYS, limit=PAGE_SIZE)
    template = "web/outlets.html#articles" if wants_partial(request) else "web/outlets.html"
    return render(request, template, {"outlet": outlet, "page": page, "tz": court_zone()})
