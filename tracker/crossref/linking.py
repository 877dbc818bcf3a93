"""Cross-reference one analysed article with everything stored before it, incrementally.

The order matters: the article joins a story, its claim candidates join (or start) claims with the
evidence of other outlets, the counts of independent sources are refreshed, discrepancies between the
outlets are found, and the case's events are updated. Each step is idempotent, so re-linking an article
(after re-extraction, or by `crossref_rebuild`) ends with the same rows, and never touches curated ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from tracker.crossref import clustering, corroboration, discrepancies, events, merging
from tracker.sources.models import Article


@dataclass
class LinkResult:
    story_id: int | None = None
    claim_ids: list[int] = field(default_factory=list)
    event_ids: list[int] = field(default_factory=list)
    discrepancy_ids: list[int] = field(default_factory=list)


@transaction.atomic
def link_article(article: Article) -> LinkResult:
    membership = clustering.assign_story(article)
    story = membership.story
    claims = merging.link_claims(article)
    corroboration.refresh_story(story)
    for claim in claims:
        corroboration.refresh_claim(claim)
    found = discrepancies.detect(story)
    dated = events.update_events(story)
    return LinkResult(
        story_id=story.pk,
        claim_ids=[c.pk for c in claims],
        event_ids=[e.pk for e in dated],
        discrepancy_ids=[d.pk for d in found],
    )
