"""What curators do to the entity vocabulary: promote a candidate, merge duplicates, re-extract.

Rows are saved one by one so django-simple-history records each change with its user (changes.py).
Curation sits at the top of the stack, so it imports the cross-reference and source models directly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Q

from tracker.cases.models import Alias, Case, Entity
from tracker.crossref import tasks
from tracker.crossref.models import Claim, ClaimCandidate, Mention
from tracker.crossref.signals import send_events_changed
from tracker.curation.changes import CurationError, record_user, save_changes
from tracker.sources.models import Article


class EntityCurationError(CurationError):
    """An entity curation that cannot be done as asked (the message says why)."""


@dataclass
class EntitiesMerged:
    kept: Entity
    merged: Entity
    mentions: int = 0
    claims: int = 0
    aliases: list[str] = field(default_factory=list)


@dataclass
class Reextraction:
    article_ids: list[int]
    batches: int


def announce_speakers(entity_ids) -> list[int]:
    """Pages show speakers by their entity's name and link: the events whose claims these entities
    speak changed (events_changed, after commit), so the timeline's kept rows and cached pages are
    retired at once, for staff and readers, when a curator renames, promotes or merges an entity."""
    events = (
        Claim.objects.filter(speaker__in=entity_ids).exclude(event=None).values_list("event_id", flat=True)
    )
    return send_events_changed(events.distinct())


@transaction.atomic
def promote_entities(*, entities, user=None) -> list[int]:
    """Candidate entities become curated: the pipeline recognises them from the next extraction on."""
    promoted = []
    for entity in Entity.objects.select_for_update().filter(pk__in=[e.pk for e in entities]).order_by("pk"):
        if entity.merged_into_id is None and save_changes(entity, user, status=Entity.Status.CURATED):
            promoted.append(entity.pk)
    announce_speakers(promoted)
    return promoted


@transaction.atomic
def merge_entities(*, kept: Entity, merged: Entity, user=None) -> EntitiesMerged:
    """Fold `merged` into `kept`: its mentions, claims, claim candidates, cases and aliases move, and
    its name becomes an alias of `kept`. `merged` stays (pages redirect through `merged_into`) as a
    candidate, so the pipeline no longer recognises it on its own."""
    if kept.pk == merged.pk:
        raise EntityCurationError("Choose two different entities.")
    if merged.merged_into_id or kept.merged_into_id:
        raise EntityCurationError("An entity that was already merged away cannot be merged again.")
    result = EntitiesMerged(kept=kept, merged=merged)
    result.mentions = Mention.objects.filter(entity=merged).update(entity=kept)
    ClaimCandidate.objects.filter(speaker_entity=merged).update(speaker_entity=kept)
    for claim in Claim.objects.filter(speaker=merged):
        record_user(claim, user)
        claim.speaker = kept
        claim.save()
        result.claims += 1
    for case in Case.objects.filter(entities=merged):
        case.entities.add(kept)
        case.entities.remove(merged)
    Entity.objects.filter(represented_by=merged).exclude(pk=kept.pk).update(represented_by=kept)
    existing = {a.text for a in kept.aliases.all()} | {kept.name}
    for alias in list(merged.aliases.all()):
        if alias.text in existing:
            record_user(alias, user)
            alias.delete()
            continue
        save_changes(alias, user, entity=kept)
        existing.add(alias.text)
        result.aliases.append(alias.text)
    if merged.name not in existing:
        alias = Alias(entity=kept, text=merged.name, case_sensitive=True)
        record_user(alias, user)
        alias.save()
        result.aliases.append(merged.name)
    save_changes(merged, user, merged_into=kept, status=Entity.Status.CANDIDATE, represented_by=None)
    announce_speakers([kept.pk])  # the merged entity's claims are kept's now
    return result


def articles_mentioning(entity: Entity) -> list[int]:
    """Articles that name the entity: linked mentions, or any of its surface forms in the text (a new
    alias is in texts before any mention links to it). A text search: a caveat on very large corpora."""
    found = Q(mentions__entity=entity)
    for text, _case_sensitive in entity.surface_forms():
        if text.strip():
            found |= Q(text__icontains=text.strip())
    ids = Article.objects.filter(found).values_list("pk", flat=True).distinct()
    return sorted(set(ids))


def reextract_articles(*, entities) -> Reextraction:
    """Re-extract the articles that mention these entities, after an alias or name change: enqueued on
    the `nlp` queue in batches after commit (with eager Celery they run then, in this process). Curated
    rows are never touched by re-extraction."""
    ids = sorted({pk for entity in entities for pk in articles_mentioning(entity)})
    batches = tasks.batches(ids, settings.TRACKER_NLP_BATCH_SIZE)  # as every hand-off splits them
    for batch in batches:
        tasks.analyze_batch.delay_on_commit(batch)
    return Reextraction(article_ids=ids, batches=len(batches))
