"""The discrepancies page: where outlets disagree, newest first, for one case or for all.

Shows open discrepancies and those a curator explained (with the curator's public note); resolved ones
are gone. A discrepancy is public when its claim or its event is public; one attached to a story only
is shown with the story; one whose claim or event is hidden is hidden too. Variants carry article ids; their articles are loaded in one query per page.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from tracker.cases.models import Case
from tracker.crossref.models import Claim, Discrepancy, Event
from tracker.sources.models import Article
from tracker.web import paging

PAGE_SIZE = 30
KEYS = [paging.Key("created_at"), paging.Key("pk")]
SHOWN = [Discrepancy.State.OPEN, Discrepancy.State.EXPLAINED]


@dataclass
class Variant:
    words: str
    outlet: str
    article: Article | None


def visible(discrepancies: QuerySet) -> QuerySet:
    """Those readers may see: shown states, and no claim or event of theirs hidden from the public."""
    claims, events = Claim.objects.public(), Event.objects.public()
    return discrepancies.filter(
        Q(claim__isnull=True) | Q(claim__in=claims),
        Q(event__isnull=True) | Q(event__in=events),
        ~Q(claim__isnull=True, event__isnull=True, story__isnull=True),
        status__in=SHOWN,
    )


def public_discrepancies(case: Case | None = None) -> QuerySet:
    found = visible(Discrepancy.objects.all())
    if case is not None:
        found = found.filter(Q(claim__case=case) | Q(event__case=case) | Q(story__cases=case)).distinct()
    return found.select_related("claim__speaker", "event", "story")


def with_variants(discrepancies: list[Discrepancy]) -> list[tuple[Discrepancy, list[Variant]]]:
    """Each discrepancy with its variants resolved to articles (one query for the whole page)."""
    ids = {v.get("article") for d in discrepancies for v in d.variants if isinstance(v, dict)}
    articles = Article.objects.filter(pk__in=[i for i in ids if isinstance(i, int)]).select_related("outlet")
    by_id = {a.pk: a for a in articles.defer("text", "content_html", "summary")}
    rows = []
    for d in discrepancies:
        variants = [
            Variant(str(v.get("words", "")), str(v.get("outlet", "")), by_id.get(v.get("article")))
            for v in d.variants
            if isinstance(v, dict)
        ]
        rows.append((d, variants))
    return rows


@require_GET
def discrepancy_list(request, slug: str | None = None):
    case = get_object_or_404(Case, slug=slug) if slug else None
    page = paging.page_or_404(
        request,
        public_discrepancies(case),
        resource=f"discrepancies:{slug or ''}",
        keys=KEYS,
        limit=PAGE_SIZE,
    )
    context = {
        "case": case,
        "cases": Case.objects.order_by("name") if case is None else [],
        "rows": with_variants(page.items),
        "page": page,
    }
    return render(request, "web/discrepancies.html", context)
