"""Rebuilding the cross-reference from stored extraction: machine rows go, curated rows stay.

Curated means locked claims, events and stories, and discrepancies a curator explained, resolved or
annotated. Stories are rebuilt, except a locked one (it keeps its articles); locked claims keep their
evidence, and relinking attaches new evidence to them as it would for a fresh article.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q

from tracker.cases.models import Case
from tracker.crossref import linking
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Story, StoryArticle
from tracker.sources.models import Article


def articles_to_link(case: Case | None = None) -> list[Article]:
    articles = Article.objects.filter(status=Article.Status.ANALYZED)
    if case is not None:
        articles = articles.filter(cases=case)
    return list(articles.select_related("outlet").order_by("first_seen_at", "pk").distinct())


CURATED_DISCREPANCY = ~Q(status=Discrepancy.State.OPEN) | ~Q(note="")


@transaction.atomic
def clear_machine_rows(articles: list[Article]) -> None:
    """Delete what the machine built from these articles, except what a curator touched."""
    ids = [a.pk for a in articles]
    story_ids = set(StoryArticle.objects.filter(article_id__in=ids).values_list("story_id", flat=True))
    in_scope = Q(claim__evidence__article_id__in=ids) | Q(claim__story_id__in=story_ids)
    in_scope |= Q(event__stories__in=story_ids) | Q(story_id__in=story_ids)
    discrepancy_ids = set(Discrepancy.objects.filter(in_scope).values_list("pk", flat=True))
    StoryArticle.objects.filter(story_id__in=story_ids, story__locked=False).delete()  # locked: curated
    Evidence.objects.filter(article_id__in=ids, claim__locked=False).delete()
    kept_claims = Discrepancy.objects.filter(CURATED_DISCREPANCY, claim__isnull=False).values("claim_id")
    Claim.objects.filter(locked=False, evidence__isnull=True).exclude(pk__in=kept_claims).delete()
    Discrepancy.objects.filter(pk__in=discrepancy_ids).exclude(CURATED_DISCREPANCY).filter(
        Q(claim__isnull=True) | Q(claim__locked=False), Q(event__isnull=True) | Q(event__locked=False)
    ).delete()
    kept_events = Discrepancy.objects.filter(CURATED_DISCREPANCY, event__isnull=False).values("event_id")
    Event.objects.filter(locked=False, stories__in=story_ids).exclude(pk__in=kept_events).delete()
    Story.objects.filter(pk__in=story_ids, memberships__isnull=True, locked=False).exclude(
        events__locked=True
    ).delete()


def relink(article: Article) -> linking.LinkResult:
    return linking.link_article(article)
