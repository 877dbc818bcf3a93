"""What curators make public: events built from claims or a story, their visibility, and the notes that
explain a discrepancy. Rows are saved one by one with the curator recorded (changes.py); events whose
claims or visibility changed are handed on once per call (crossref.signals.events_changed).
"""

from __future__ import annotations

from datetime import date as Date

from django.db import transaction
from django.utils import timezone

from tracker.crossref import corroboration
from tracker.crossref.models import Claim, Discrepancy, Event, Precision, Story
from tracker.crossref.signals import send_events_changed
from tracker.curation.changes import CurationError, Reviewed, record_user, save_changes


@transaction.atomic
def create_event(
    *,
    title: str,
    claims=(),
    story: Story | None = None,
    date: Date | None = None,
    precision: str = "",
    summary: str = "",
    user=None,
) -> Event:
    """A curated event from selected claims or from a story (its claims join it). Its date defaults
    to the earliest dated claim. The event and its claims are locked; the event is not published yet."""
    ids = {c.pk for c in claims} | (set(story.claims.values_list("pk", flat=True)) if story else set())
    claims = list(Claim.objects.filter(pk__in=ids, merged_into__isnull=True).order_by("pk"))
    if not claims and story is None:
        raise CurationError("Choose claims or a story for the event.")
    dated = sorted((c for c in claims if c.date), key=lambda c: c.date)
    case_id = next((c.case_id for c in claims if c.case_id), None)
    if case_id is None and story is not None:
        case_id = story.cases.order_by("pk").values_list("pk", flat=True).first()
    event = Event(
        case_id=case_id,
        title=title.strip() or (story.title if story else claims[0].text[:300]),
        summary=summary,
        date=date or (dated[0].date if dated else None),
        precision=precision or (dated[0].precision if dated else "") or Precision.DAY,
        locked=False,  # until its first report is stored below (the machine leaves locked events alone)
        last_changed_at=timezone.now(),
    )
    record_user(event, user)
    event.save()
    stories = {c.story_id for c in claims if c.story_id} | ({story.pk} if story else set())
    event.stories.set(stories)
    for claim in claims:  # placed by a curator: locked, so rebuilding keeps them on the event
        save_changes(claim, user, event=event, locked=True)
    corroboration.refresh_event(event)
    save_changes(event, user, locked=True)
    send_events_changed([event.pk])
    return event


@transaction.atomic
def set_event_visibility(*, events, status: str, user=None) -> Reviewed:
    """Publish or hide events (locking them), or send them back to the machine (unlocking them);
    publishing stamps `published_at` the first time (Event.set_visibility)."""
    if status not in Event.Visibility.values:
        raise CurationError(f"unknown visibility: {status}")
    result = Reviewed()
    for event in Event.objects.select_for_update().filter(pk__in=[e.pk for e in events]).order_by("pk"):
        if event.set_visibility(status):  # the one rule for publishing and locking (the model's)
            record_user(event, user)
            event.save()
            result.changed.append(event.pk)
        else:
            result.unchanged.append(event.pk)
    send_events_changed(result.changed)  # a hidden event leaves the docket links, a shown one joins
    return result


@transaction.atomic
def annotate_discrepancy(*, discrepancy: Discrepancy, note: str, status: str, user=None) -> Discrepancy:
    """Explain or resolve a discrepancy with a public note; the machine never changes it afterwards."""
    if status not in Discrepancy.State.values:
        raise CurationError(f"unknown state: {status}")
    if status != Discrepancy.State.OPEN and not note.strip():
        raise CurationError("Explaining or resolving a discrepancy needs a public note.")
    save_changes(discrepancy, user, note=note.strip(), status=status)
    return discrepancy
