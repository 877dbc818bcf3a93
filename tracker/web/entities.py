"""The entity page: what an entity said and what was said about it, as a filtered, paged timeline.

"Said" is a public claim with the entity as speaker; "about" is a public claim by someone else whose
evidence comes from an article that mentions the entity, or that belongs to an event whose articles do.
Candidate entities (found by the machine, not yet curated) are not public. A claim is dated by when it
was said (its date, at its precision), else by the earliest stated publication of a report of it, else
(labelled "seen") by when the tracker first saw it; never by when it was stored. Paging is keyset on
that time (publication, else first seen) and id, newest first.
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from tracker.cases.models import Entity
from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Mention
from tracker.web import paging
from tracker.web.htmx import wants_partial

PAGE_SIZE = 30
ROLES = {"all": "said or about", "said": "said by", "about": "said about"}
KEYS = [paging.Key("seen"), paging.Key("pk")]


def claims_for(entity: Entity, *, role: str = "all", kind: str = "") -> QuerySet:
    """Public claims by or about `entity`, with what a list item shows; `seen` annotated for paging."""
    mentioned = Mention.objects.filter(entity=entity, article__evidence__claim=OuterRef("pk"))
    said = Q(speaker=entity)
    about = Exists(mentioned) & ~Q(speaker=entity)
    condition = {"said": said, "about": about}.get(role, said | Exists(mentioned))
    claims = Claim.objects.public().filter(condition)
    if kind in ClaimCandidate.Kind.values:
        claims = claims.filter(kind=kind)
    published = (
        Evidence.objects.filter(claim=OuterRef("pk"), article__published_at__isnull=False)
        .order_by("article__published_at")
        .values("article__published_at")[:1]
    )
    return claims.select_related("speaker", "event", "case").annotate(
        published=Subquery(published), seen=Coalesce(Subquery(published), F("first_seen_at"), F("created_at"))
    )


@require_GET
def entity(request, slug: str):
    entity = get_object_or_404(Entity, slug=slug)
    if entity.merged_into_id is not None:  # a curator merged it into another entity
        return redirect("web:entity", slug=entity.current().slug, permanent=True)
    if entity.status != Entity.Status.CURATED:
        raise Http404("No such entity.")
    role = request.GET.get("role", "all")
    role = role if role in ROLES else "all"
    kind = request.GET.get("kind", "")
    kind = kind if kind in ClaimCandidate.Kind.values else ""
    page = paging.page_or_404(
        request,
        claims_for(entity, role=role, kind=kind),
        resource=f"entity:{entity.pk}",
        keys=KEYS,
        limit=PAGE_SIZE,
    )
    context = {
        "entity": entity,
        "role": role,
        "kind": kind,
        "roles": ROLES.items(),
        "kinds": ClaimCandidate.Kind.choices,
        "page": page,
        "appending": bool(request.GET.get("older")),
    }
    template = "web/entity.html#claims" if wants_partial(request) else "web/entity.html"
    return render(request, template, context)
