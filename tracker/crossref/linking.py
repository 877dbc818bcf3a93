"""Cross-reference analysed articles with everything stored before them, incrementally.

The order matters: each article joins a story and its claim candidates join (or start) claims with the
evidence of other outlets; then, once per claim and once per story the batch touched, the counts of
independent sources are refreshed, discrepancies between the outlets are found and the case's events
are updated. Doing the story-wide steps once per batch rather than once per article keeps a batch's
cost proportional to the stories it touches, not to their size times the batch. Each step is
idempotent, so re-linking (after re-extraction, or by `crossref_rebuild`) ends with the same rows, and
never touches curated ones.

Linking runs one batch at a time across all processes (a transaction-scoped advisory lock on
PostgreSQL; SQLite's IMMEDIATE transactions serialise writers anyway): two workers linking the first
two articles of a new event at once would otherwise each start a story. Extraction, the expensive
part, still runs in parallel. Each batch ends with one `events_changed` (crossref.signals) for the
events it built, updated or took claims from, sent after commit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection, transaction

from tracker.crossref import (
    batch_profiles,
    claim_answers,
    claim_linking,
    clustering,
    corroboration,
    discrepancies,
    events,
)
from tracker.crossref.models import Claim, Event, Story
from tracker.crossref.signals import send_events_changed
from tracker.sources.models import Article

LINKING_LOCK = 7_301_001  # the advisory lock's key: any constant no other code uses


@dataclass
class LinkResult:
    story_id: int | None = None
    claim_ids: list[int] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)
    discrepancy_ids: list[int] = field(default_factory=list)


def link_article(article: Article) -> LinkResult:
    return link_articles([article])[0]


def link_articles(articles: Sequence[Article]) -> list[LinkResult]:
    """Link the articles in the order given (callers pass first seen first); one result each."""
    with batch_profiles.remembered():
        # Before the lock: the neighbourhood's profiles (settling's reads and computing, no writes);
        # under the lock only the articles another worker linked meanwhile are profiled.
        batch_profiles.of(clustering.neighbourhood(articles), clustering.profiles)
        return _link_articles(articles)


@transaction.atomic
def _link_articles(articles: Sequence[Article]) -> list[LinkResult]:
    serialise_linking()
    results: list[LinkResult] = []
    stories: dict[int, Story] = {}
    claims: dict[int, Claim] = {}
    for article in articles:
        story = clustering.assign_story(article).story
        linked = claim_linking.link_claims(article, answers=False)
        stories[story.pk] = story
        claims.update((claim.pk, claim) for claim in linked)
        results.append(LinkResult(story_id=story.pk, claim_ids=[c.pk for c in linked]))
    settled = clustering.settle(articles)  # the batch's neighbourhood reclustered: order-independent
    stories = {story.pk: story for story in settled.values()}
    for article, result in zip(articles, results, strict=True):
        result.story_id = settled[article.pk].pk
    for story in stories.values():
        for claim_id, target_id in claim_answers.link_responses(story).items():
            if claim_id in claims:
                claims[claim_id].responds_to_id = target_id
    corroboration.refresh_claims(claims.values())
    found: dict[int, list[int]] = {}
    dated: dict[int, list[int]] = {}
    # Events of these stories before the batch: one that loses its claims has changed too.
    touched = set(Event.objects.filter(stories__in=list(stories)).values_list("pk", flat=True))
    for pk, story in stories.items():
        claims_of_story = events.story_claims(story)  # read once for both steps
        found[pk] = [d.pk for d in discrepancies.detect(story, claims=claims_of_story)]
        dated[pk] = [e.pk for e in events.update_events(story, claims=claims_of_story)]
    for result in results:
        result.discrepancy_ids = found[result.story_id]
        result.event_ids = dated[result.story_id]
    # Once per batch, after the claims are attached to their events; sent when this commits.
    send_events_changed(touched.union(*dated.values()))
    return results


def serialise_linking() -> None:
    """Hold the linking lock until the current transaction ends (`link_articles`, and the periodic
    re-clustering of `tasks.recluster_recent`)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LINKING_LOCK])
