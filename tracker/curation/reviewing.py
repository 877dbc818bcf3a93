"""What curators do to the machine's claims, events and discrepancies: review, merge, split, publish.

Every function saves row by row (never `QuerySet.update`), so django-simple-history records who changed
what, with the values before and after; the user comes from the request (HistoryRequestMiddleware) or
from `_history_user` when called outside one. Whatever a curator touches is locked: re-extraction and
`crossref_rebuild` leave it as the curator left it, while new evidence still attaches to a locked claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date as Date

from django.db import transaction
from django.db.models import Min
from django.utils import timezone

from tracker.crossref import corroboration
from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Precision, Status, Story


class CurationError(ValueError):
    """A curation that cannot be done as asked (the message says why, for the curator)."""


@dataclass
class Reviewed:
    changed: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)


@dataclass
class Merged:
    kept: Claim
    merged: list[int]
    evidence_moved: int


@dataclass
class Split:
    source: Claim
    new: Claim
    evidence_moved: int


def _save(row, user, **values) -> bool:
    """Set `values` on `row` and save it when something changed; record `user` in its history."""
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if not changed:
        return False
    for name in changed:
        setattr(row, name, values[name])
    if user is not None:
        row._history_user = user
    row.save()
    return True


@transaction.atomic
def review_claims(*, claims, status: str, user=None) -> Reviewed:
    """Approve, reject or dispute claims (locking them), or send them back to the machine (unlocking
    them, so the next re-extraction may change them again)."""
    if status not in Status.values:
        raise CurationError(f"unknown status: {status}")
    locked = status != Status.MACHINE
    result = Reviewed()
    for claim in Claim.objects.select_for_update().filter(pk__in=[c.pk for c in claims]).order_by("pk"):
        changed = _save(claim, user, status=status, locked=locked)
        (result.changed if changed else result.unchanged).append(claim.pk)
    return result


@transaction.atomic
def merge_claims(*, kept: Claim, others, user=None) -> Merged:
    """Merge claims the machine split: every piece of evidence moves to `kept` (each outlet's wording
    stays a variant of it), as do discrepancies and responses; the others stay, marked `merged_into`,
    so their pages redirect to the kept claim. The kept claim is locked (a curator decided it)."""
    # Fresh rows, locked for the transaction: the callers' instances may be stale.
    kept = Claim.objects.select_for_update().get(pk=kept.pk)
    others = list(
        Claim.objects.select_for_update()
        .filter(pk__in=[c.pk for c in others])
        .exclude(pk=kept.pk)
        .order_by("pk")
    )
    if not others:
        raise CurationError("Choose at least one other claim to merge into the kept one.")
    if any(o.merged_into_id for o in others) or kept.merged_into_id:
        raise CurationError("A claim that was already merged away cannot be merged again.")
    ids = [o.pk for o in others]
    moved = 0
    taken = set(Evidence.objects.filter(claim=kept).values_list("article_id", "start"))
    for evidence in Evidence.objects.filter(claim_id__in=ids).order_by("pk"):
        if (evidence.article_id, evidence.start) in taken:
            # The same span of the same article reported twice: the kept claim already has this report.
            evidence.delete()
            continue
        evidence.claim = kept
        evidence.save(update_fields=["claim"])
        taken.add((evidence.article_id, evidence.start))
        moved += 1
    for discrepancy in Discrepancy.objects.filter(claim_id__in=ids):
        _save(discrepancy, user, claim=kept)
    for response in Claim.objects.filter(responds_to_id__in=ids).exclude(pk=kept.pk):
        _save(response, user, responds_to=kept)
    first_seen = Evidence.objects.filter(claim=kept).aggregate(first=Min("first_seen_at"))["first"]
    values = {"locked": True, "first_seen_at": first_seen or kept.first_seen_at}
    if kept.event_id is None:
        values["event_id"] = next((o.event_id for o in others if o.event_id), None)
    if kept.responds_to_id in ids:
        values["responds_to"] = None
    _save(kept, user, **values)
    for other in others:
        _save(other, user, merged_into=kept, locked=True, event=None, responds_to=None)
    corroboration.refresh_claim(kept)
    return Merged(kept=kept, merged=ids, evidence_moved=moved)


@transaction.atomic
def split_claim(*, claim: Claim, evidence_ids, text: str = "", user=None) -> Split:
    """Move the chosen evidence out of a claim the machine merged wrongly, into a new claim of the same
    speaker, case and story. Both claims end locked, so re-linking does not merge them again."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    chosen = list(Evidence.objects.filter(claim=claim, pk__in=list(evidence_ids)).order_by("first_seen_at"))
    if not chosen:
        raise CurationError("Choose the evidence to move out.")
    if len(chosen) == claim.evidence.count():
        raise CurationError("Leave at least one piece of evidence on the claim.")
    first = chosen[0]
    new = Claim(
        case_id=claim.case_id,
        story_id=claim.story_id,
        speaker_id=claim.speaker_id,
        speaker_text=claim.speaker_text,
        kind=claim.kind,
        text=text.strip() or first.text or first.sentence,
        date=first.date,
        precision=first.date_precision,
        status=Status.APPROVED if claim.status == Status.MACHINE else claim.status,
        locked=True,
        first_seen_at=first.first_seen_at,
        first_outlet=None,
    )
    if user is not None:
        new._history_user = user
    new.save()
    for evidence in chosen:
        evidence.claim = new
        evidence.save(update_fields=["claim"])
    first_seen = claim.evidence.aggregate(first=Min("first_seen_at"))["first"]
    _save(claim, user, locked=True, first_seen_at=first_seen)
    corroboration.refresh_claim(claim)
    corroboration.refresh_claim(new)
    return Split(source=claim, new=new, evidence_moved=len(chosen))


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
    if user is not None:
        event._history_user = user
    event.save()
    stories = {c.story_id for c in claims if c.story_id} | ({story.pk} if story else set())
    event.stories.set(stories)
    for claim in claims:  # placed by a curator: locked, so rebuilding keeps them on the event
        _save(claim, user, event=event, locked=True)
    corroboration.refresh_event(event)
    _save(event, user, locked=True)
    return event


@transaction.atomic
def set_event_visibility(*, events, status: str, user=None) -> Reviewed:
    """Publish or hide events (locking them); publishing stamps `published_at` the first time."""
    if status not in Event.Visibility.values:
        raise CurationError(f"unknown visibility: {status}")
    result = Reviewed()
    for event in Event.objects.select_for_update().filter(pk__in=[e.pk for e in events]).order_by("pk"):
        values = {"status": status, "locked": status != Event.Visibility.MACHINE}
        if status == Event.Visibility.PUBLISHED and event.published_at is None:
            values["published_at"] = timezone.now()
        changed = _save(event, user, **values)
        (result.changed if changed else result.unchanged).append(event.pk)
    return result


@transaction.atomic
def annotate_discrepancy(*, discrepancy: Discrepancy, note: str, status: str, user=None) -> Discrepancy:
    """Explain or resolve a discrepancy with a public note; the machine never changes it afterwards."""
    if status not in Discrepancy.State.values:
        raise CurationError(f"unknown state: {status}")
    if status != Discrepancy.State.OPEN and not note.strip():
        raise CurationError("Explaining or resolving a discrepancy needs a public note.")
    _save(discrepancy, user, note=note.strip(), status=status)
    return discrepancy
