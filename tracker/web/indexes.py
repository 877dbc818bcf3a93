"""Index pages: every public entity (`/entities/`) and every story (`/stories/`), paged with "Older".

Entities are the curated, unmerged ones, by name, with how many public claims each made; machine
candidates are not public. Stories come newest first (by when the tracker first saw them), each with its
article count and its earliest stated publication time; a story none of whose articles states a date is
labelled "seen" with the time the tracker first saw it.
"""

from __future__ import annotations

from django.db.models import Count, IntegerField, Min, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Lower
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tracker.cases.models import Entity
from tracker.crossref.models import Claim, Story, StoryArticle
from tracker.web import paging
from tracker.web.timeline import court_zone

PAGE_SIZE = 50
ENTITY_KEYS = [paging.Key("sort_name", descending=False), paging.Key("pk", descending=False)]
STORY_KEYS = [paging.Key("first_seen_at"), paging.Key("pk")]


def _per_row(queryset, field: str, aggregate):
    rows = queryset.filter(**{field: OuterRef("pk")}).order_by().values(field).annotate(v=aggregate)
    return Subquery(rows.values("v"))


def public_entities(kind: str = ""):
    entities = Entity.objects.curated()
    if kind in Entity.Kind.values:
        entities = entities.filter(kind=kind)
    said = _per_row(Claim.objects.public(), "speaker", Count("pk"))
    return entities.annotate(
        sort_name=Lower("name"),  # "xAI" between "Sam" and "Yvonne", on either database
        claims_said=Coalesce(said, Value(0), output_field=IntegerField()),
    )


def stories_with_figures():
    memberships = StoryArticle.objects.all()
    return Story.objects.prefetch_related("cases").annotate(
        articles_count=Coalesce(
            _per_row(memberships, "story", Count("pk")), Value(0), output_field=IntegerField()
        ),
        first_published=_per_row(memberships, "story", Min("article__published_at")),
    )


@require_GET
def entity_list(request):
    kind = request.GET.get("kind", "")
    kind = kind if kind in Entity.Kind.values else ""
    page = paging.page_or_404(
        request, public_entities(kind), resource=f"entities:{kind}", keys=ENTITY_KEYS, limit=PAGE_SIZE
    )
    context = {"page": page, "kind": kind, "kinds": Entity.Kind.choices}
    return render(request, "web/entities.html", context)


@require_GET
def story_list(request):
    page = paging.page_or_404(
        request, stories_with_figures(), resource="stories", keys=STORY_KEYS, limit=PAGE_SIZE
    )
    return render(request, "web/stories.html", {"page": page, "tz": court_zone()})
