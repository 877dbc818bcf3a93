"""What curators do to the machine's claims: review them, merge the ones it split, split the ones it merged.

Every function saves row by row (changes.py), so the history records who changed what. Whatever a
curator touches is locked: re-extraction and `crossref_rebuild` leave it as the curator left it, while
new evidence still attaches to a locked claim.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Min

from tracker.crossref import corroboration
from tracker.crossref.models import Claim, Discrepancy, Evidence, Status
from tracker.crossref.signals import send_events_changed
from tracker.curation.changes import CurationError, Reviewed, record_user, save_changes


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


@transaction.atomic
def review_claims(*, claims, status: str, user=None) -> Reviewed:
    """Approve, reject or dispute claims (locking them), or send them back to the machine (unlocking
    them, so the next re-extraction may change them again)."""
    if status not in Status.values:
        raise CurationError(f"unknown status: {status}")
    locked = status != Status.MACHINE
    result = Reviewed()
    events = set()
    for claim in Claim.objects.select_for_update().filter(pk__in=[c.pk for c in claims]).order_by("pk"):
        changed = save_changes(claim, user, status=status, locked=locked)
        (result.changed if changed else result.unchanged).append(claim.pk)
        if changed and claim.event_id:
            events.add(claim.event_id)
    send_events_changed(events)  # what their events show changed (badges, "curated only", pages)
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
        save_changes(discrepancy, user, claim=kept)
    for response in Claim.objects.filter(responds_to_id__in=ids).exclude(pk=kept.pk):
        save_changes(response, user, responds_to=kept)
    first_seen = Evidence.objects.filter(claim=kept).aggregate(first=Min("first_seen_at"))["first"]
    values = {"locked": True, "first_seen_at": first_seen or kept.first_seen_at}
    if kept.event_id is None:
        values["event_id"] = next((o.event_id for o in others if o.event_id), None)
    if kept.responds_to_id in ids:
        values["responds_to"] = None
    save_changes(kept, user, **values)
    events = {kept.event_id, *(o.event_id for o in others)}
    for other in others:
        save_changes(other, user, merged_into=kept, locked=True, event=None, responds_to=None)
    corroboration.refresh_claim(kept)
    send_events_changed(events)  # their claims changed: the docket links read the claims' kinds
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
    record_user(new, user)
    new.save()
    for evidence in chosen:
        evidence.claim = new
        evidence.save(update_fields=["claim"])
    first_seen = claim.evidence.aggregate(first=Min("first_seen_at"))["first"]
    save_changes(claim, user, locked=True, first_seen_at=first_seen)
    corroboration.refresh_claim(claim)
    corroboration.refresh_claim(new)
    return Split(source=claim, new=new, evidence_moved=len(chosen))
