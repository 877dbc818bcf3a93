"""What a story's events step lets go of (`events.update_events`): the story's claims its groups no
longer hold leave its events (`loosen`), the machine events it no longer produces lose it
(`drop_stale`), and a machine event nothing holds any more goes (`drop_empty`)."""

from __future__ import annotations

from django.db.models import Q

from tracker.crossref import event_writes
from tracker.crossref.event_reports import Group
from tracker.crossref.models import Claim, Event, Story
from tracker.crossref.story_reads import StoryReads


def loosen(
    story: Story,
    claims: list[Claim],
    keyed: dict[str, Group],
    built: list[Event],
    left: set,
    batch: event_writes.Pending | None = None,
) -> set:
    """The story's own claims that none of its groups holds any more (an undated claim whose speaker
    now has dated claims on two events) leave its events, as a rebuild leaves them; emptied events go.
    `batch`: a linking batch's writes, whose claims' moves are written before these (and whose
    holders `drop_empty` reads)."""
    grouped = {c.pk for g in keyed.values() for c in g.claims.values()}
    mine = {e.pk for e in built if not e.locked}
    loose = [c for c in claims if c.story_id == story.pk and c.event_id in mine and c.pk not in grouped]
    if loose := [c for c in loose if not c.locked]:
        if batch is not None:
            batch.write_moves()
        Claim.objects.filter(pk__in=[c.pk for c in loose]).update(event=None)
        left = left | {c.event_id for c in loose}
        for claim in loose:
            claim.event_id = None
    drop_empty(left - {e.pk for e in built}, batch)
    return left


def drop_stale(
    story: Story, built: list[Event], reads: StoryReads, batch: event_writes.Pending | None = None
) -> list[int]:
    """Machine events this story no longer produces lose it (returned); they go when nothing else holds
    them. The events it held are the batch's (`BatchReads.stale`, read at once) when the batch read
    them: only the story's own step changes what it holds. The claims read for the batch are unhooked
    too, and the story leaves the events' holders of the `batch` (`loosen`)."""
    mine = {e.pk for e in built}
    if (held := reads.batch.stale.get(story.pk)) is None:
        stale = Event.objects.filter(stories=story, locked=False, status=Event.Visibility.MACHINE)
        held = set(stale.values_list("pk", flat=True))
    if ids := sorted(held - mine):
        if batch is not None:
            batch.write_moves()
        Event.stories.through.objects.filter(story=story, event_id__in=ids).delete()
        Claim.objects.filter(Q(story=story) | Q(story__isnull=True), event_id__in=ids, locked=False).update(
            event=None
        )
        gone = set(ids)
        for pk in gone & set(batch.holders if batch else ()):
            batch.holders[pk].discard(story.pk)
        for claim in reads.batch.claims.values():
            if claim.event_id in gone and claim.story_id in (story.pk, None) and not claim.locked:
                claim.event_id = None
        drop_empty(gone, batch)
    if story.pk in reads.batch.stale:  # what it holds now, were its step run again in the batch
        machine = Event.Visibility.MACHINE
        reads.batch.stale[story.pk] = {e.pk for e in built if not e.locked and e.status == machine}
    return ids


def drop_empty(event_ids: set[int | None], batch: event_writes.Pending | None = None) -> None:
    """Machine events nothing holds any more go. `batch`: a linking batch's writes: of the events it
    knows, one a story holds there (`Pending.holders`, put on them when written) stays; its claims'
    moves are written first."""
    holders = batch.holders if batch is not None else {}
    if ids := [pk for pk in event_ids if pk and not holders.get(pk)]:
        if batch is not None:
            batch.write_moves()
        empty = Q(stories__isnull=True, claims__isnull=True, discrepancies__isnull=True)
        Event.objects.filter(empty, pk__in=ids, locked=False, status=Event.Visibility.MACHINE).delete()
