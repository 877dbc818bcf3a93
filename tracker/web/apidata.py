"""What the JSON API reads: public querysets with everything their schemas need, and the per-page extras.

Each queryset carries its select_related/prefetch_related, so serialising a page never queries per row;
the extras a page needs beyond that (the sources of its events, the articles its discrepancy variants
name, the independence of sources) are each read once for the whole page.
"""

from __future__ import annotations

from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce

from tracker.cases.models import Entity
from tracker.crossref.corroboration import ARTICLE_FIELDS, coverage_of_groups, dating_reports
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Story, StoryArticle
from tracker.sources.models import Article

# --- querysets with everything their schema reads ----------------------------------------------------


HEAVY = ("text", "content_html", "summary")  # article columns no source shows: never loaded
EVIDENCE_LIMIT = 20  # evidence rows per claim and sources per event inline; the rest at their link


def sources():
    return Article.objects.select_related("outlet").defer(*HEAVY)


def discrepancies():
    return Discrepancy.objects.order_by("-created_at", "-id")


def evidence():
    return Evidence.objects.select_related("article__outlet").defer(*(f"article__{f}" for f in HEAVY))


def claims():
    """Public claims, each with its first EVIDENCE_LIMIT evidence rows (one windowed query for the
    page) and `evidence_count`, all of them."""
    count = Evidence.objects.filter(claim=OuterRef("pk")).order_by().values("claim").annotate(n=Count("pk"))
    return (
        Claim.objects.public()
        .annotate(evidence_count=Coalesce(Subquery(count.values("n"), output_field=IntegerField()), Value(0)))
        .select_related("case", "speaker", "first_outlet")
        .prefetch_related(
            Prefetch("evidence", evidence()[:EVIDENCE_LIMIT], to_attr="evidence_shown"),
            Prefetch("discrepancies", discrepancies()),
        )
    )


def events():
    return (
        Event.objects.public()
        .select_related("case", "first_reported_by")
        .prefetch_related(
            Prefetch("stories", Story.objects.only("id")),
            Prefetch("claims", claims().order_by("first_seen_at", "id"), to_attr="public_claims"),
            Prefetch("discrepancies", discrepancies()),
        )
    )


def visible_discrepancies():
    """Discrepancies of public claims and events only (or of stories)."""
    public = Q(claim__isnull=True) | Q(claim__in=Claim.objects.public())
    return discrepancies().filter(public, Q(event__isnull=True) | Q(event__in=Event.objects.public()))


def stories():
    members = (
        StoryArticle.objects.select_related("article__outlet")
        .defer(*(f"article__{f}" for f in HEAVY))
        .order_by("article__first_seen_at", "id")
    )
    return Story.objects.prefetch_related(
        "cases",
        Prefetch("events", Event.objects.public().only("id")),
        Prefetch("memberships", members),
    )


def entities():
    """Curated entities that were not merged into another (candidates are the machine's guesses)."""
    curated = Entity.objects.curated()
    return curated.prefetch_related("aliases", "cases")


def articles():
    return (
        Article.objects.relevant()
        .select_related("outlet", "story_membership")
        .prefetch_related("cases")
        .defer("text", "content_html")
    )


# --- per-page extras, one query each for the whole page ----------------------------------------------


def attach_variant_sources(rows: list[Discrepancy]) -> None:
    """The articles the variants name, as sources (outlet, url, times), in one query."""
    ids = {v.get("article") for d in rows for v in d.variants if isinstance(v, dict)}
    found = {a.pk: a for a in sources().filter(pk__in={i for i in ids if isinstance(i, int)})}
    for d in rows:
        d.variant_sources = found


def prepare_claims(page: list[Claim]) -> None:
    attach_variant_sources([d for c in page for d in c.discrepancies.all()])


def prepare_events(page: list[Event]) -> None:
    """Each event's sources (evidence of its public claims, else its stories' articles that date it,
    `corroboration.dating_reports`; first seen first) and coverage: (outlets, independent outlets),
    independence judged in one pass for the page. Coverage counts every source; the schema shows the
    first EVIDENCE_LIMIT and `sources_count`."""
    by_event: dict[int, dict] = {e.pk: {} for e in page}
    event_of = {c.pk: e.pk for e in page for c in e.public_claims}
    for v in evidence().filter(claim__in=list(event_of)):  # all of it: coverage counts every source
        by_event[event_of[v.claim_id]][v.article.pk] = v.article
    without = [pk for pk, found in by_event.items() if not found]
    if without:  # events without claims: their stories' articles that date them (as the pages count)
        members = StoryArticle.objects.filter(story__events__in=without).annotate(event_id=F("story__events"))
        members = list(members.select_related("article__outlet").defer(*(f"article__{f}" for f in HEAVY)))
        periods = {e.pk: (e.date, e.precision) for e in page}
        kept = dating_reports(((m.event_id, m.article.pk) for m in members), periods)
        for m in (m for m in members if (m.event_id, m.article.pk) in kept):
            by_event[m.event_id][m.article.pk] = m.article
    by_pk = {event.pk: event for event in page}
    for event in page:
        event.sources = sorted(by_event[event.pk].values(), key=lambda a: (a.first_seen_at, a.pk))
    fields = ("first_seen_at", *ARTICLE_FIELDS)
    rows = {
        e.pk: [{"article_id": a.pk} | {f: getattr(a, f) for f in fields} for a in e.sources] for e in page
    }
    for pk, coverage in coverage_of_groups(rows).items():
        by_pk[pk].coverage = (coverage.outlets, coverage.independent)
    named = [d for e in page for d in e.discrepancies.all()]
    named += [d for e in page for c in e.public_claims for d in c.discrepancies.all()]
    attach_variant_sources(named)
