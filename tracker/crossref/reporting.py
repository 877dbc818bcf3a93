"""What cross-referencing found, as plain data: stories with their outlets, claims with their variants,
events, and open discrepancies. `crossref_report` prints it as a table or as JSON."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Prefetch

from tracker.cases.models import Case
from tracker.crossref import corroboration
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Story, StoryArticle


def _when(value) -> str | None:
    return value.isoformat() if value else None


def case_report(case: Case | None = None) -> dict:
    stories = Story.objects.prefetch_related(
        Prefetch(
            "memberships",
            queryset=StoryArticle.objects.select_related(
                "article__outlet", "article__copy_of__outlet"
            ).order_by("article__first_seen_at", "article_id"),
        )
    ).order_by("first_seen_at", "id")
    claims = Claim.objects.select_related("speaker", "first_outlet", "responds_to").prefetch_related(
        Prefetch("evidence", queryset=Evidence.objects.select_related("article__outlet"))
    )
    events = Event.objects.select_related("first_reported_by").prefetch_related("claims", "stories")
    discrepancies = Discrepancy.objects.filter(status=Discrepancy.State.OPEN)
    if case is not None:
        stories = stories.filter(cases=case)
        claims = claims.filter(case=case)
        events = events.filter(case=case)
        discrepancies = discrepancies.filter(claim__case=case) | discrepancies.filter(event__case=case)
    return {
        "case": case.slug if case else None,
        "stories": [_story(s) for s in stories],
        "claims": [_claim(c) for c in claims.order_by("first_seen_at", "id")],
        "events": [_event(e) for e in events.order_by("date", "id")],
        "discrepancies": [_discrepancy(d) for d in discrepancies.distinct().order_by("id")],
    }


def _story(story: Story) -> dict:
    coverage = corroboration.coverage_of_story(story)
    return {
        "id": story.pk,
        "title": story.title,
        "first_seen_at": _when(story.first_seen_at),
        "outlets": coverage.outlets,
        "independent": coverage.independent,
        "first_outlet": coverage.first_outlet.name if coverage.first_outlet else None,
        "articles": [
            {
                "id": m.article_id,
                "outlet": m.article.outlet.name,
                "title": m.article.title,
                "published_at": _when(m.article.published_at),
                "copy_of": m.article.copy_of_id,
            }
            for m in story.memberships.all()
        ],
    }


def _claim(claim: Claim) -> dict:
    by_wording: dict[str, list[str]] = defaultdict(list)
    evidence = list(claim.evidence.all())
    for item in evidence:
        for quote in item.quotes:
            if item.article.outlet.name not in by_wording[quote["text"]]:
                by_wording[quote["text"]].append(item.article.outlet.name)
    return {
        "id": claim.pk,
        "speaker": claim.speaker.name if claim.speaker else claim.speaker_text or None,
        "kind": claim.kind,
        "text": claim.text,
        "status": claim.status,
        "date": _when(claim.date),
        "outlets": claim.outlets_count,
        "independent": claim.independent_count,
        "first_outlet": claim.first_outlet.name if claim.first_outlet else None,
        "responds_to": claim.responds_to_id,
        "evidence": sorted({item.article.outlet.name for item in evidence}),
        "variants": [{"words": words, "outlets": outlets} for words, outlets in by_wording.items()],
    }


def _event(event: Event) -> dict:
    return {
        "id": event.pk,
        "date": _when(event.date),
        "precision": event.precision,
        "title": event.title,
        "claims": [c.pk for c in event.claims.all()],
        "stories": [s.pk for s in event.stories.all()],
        "first_reported_at": _when(event.first_reported_at),
        "first_reported_by": event.first_reported_by.name if event.first_reported_by else None,
    }


def _discrepancy(discrepancy: Discrepancy) -> dict:
    return {
        "id": discrepancy.pk,
        "kind": discrepancy.kind,
        "claim": discrepancy.claim_id,
        "event": discrepancy.event_id,
        "variants": discrepancy.variants,
        "status": discrepancy.status,
    }
