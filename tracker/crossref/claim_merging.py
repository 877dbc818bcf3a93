"""Claim merging: machine claims that one report shows to be one statement become one claim.

Claim linking joins a report to the claim it resembles. Two reports of one statement that resemble each
other too little stay two claims until a third report arrives that resembles both (the same speaker,
one wording shared with each): they were one statement all along, kept apart only by the order the
articles came in. So when a report matches two or more unlocked machine claims, `claim_linking` makes
them one here: the oldest keeps its id, everything that pointed at the others (their evidence,
discrepancies, answers, curators' checks, readers' error reports, redirects) moves onto it, and the
others' ids redirect to it (`ClaimRedirect`: their pages and API addresses answer with the heir). The
grouping of reports into claims then does not depend on the order of the articles.

Curated claims stay out of it: a locked claim is never merged away and never grows by a merge, and a
claim a curator merged away (`merged_into`, `curation.reviewing.merge_claims`) is not linked at all.
Only strong matches merge (`claim_linking._match`: the span's earlier claim, a shared verbatim quote, or
MERGE_SIMILARITY, above joining's threshold): on real coverage the report that matched two claims was
one sentence or span carrying two statements of the speaker, resembling each a little (docs/evaluation.md,
Session 11 (hv)). Caveat: merging is still transitive, so a chain of strong resemblances becomes one
claim; a curator splits a claim merged wrongly, which locks both halves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.db.models import UniqueConstraint

from tracker.crossref.claim_evidence import Kept
from tracker.crossref.models import Claim, ClaimRedirect, Status

if TYPE_CHECKING:
    from tracker.crossref.claim_linking import _Known


def mergeable(claim: Claim) -> bool:
    """A machine claim no curator has touched (unsaved ones, made by the run, included)."""
    return not claim.locked and claim.status == Status.MACHINE and claim.merged_into_id is None


def fold(
    alike: list[_Known], *, known: list[_Known], assigned: dict[int, _Known], made: list[Claim], memo: Kept
) -> _Known:
    """The claims one candidate matches (unlocked machine claims, of its speaker) become the oldest of
    them: in the linking run's memory (what it compares later candidates with, which claim each of its
    candidates joined, the claims it made and has not saved), and in the database for stored ones."""
    kept, *others = sorted(alike, key=lambda k: k.order)
    for other in others:
        kept.words.extend(other.words)
        kept.quotes |= other.quotes
        kept.evidenced |= other.evidenced
        known.remove(other)
        if other.claim.pk is None:
            made.remove(other.claim)  # made by this run, never saved: nothing stored to move
        elif kept.claim.pk in memo and other.claim.pk in memo:
            memo[kept.claim.pk][0].extend(memo[other.claim.pk][0])
            memo[kept.claim.pk][1].update(memo[other.claim.pk][1])
    assigned.update((pk, kept) for pk, entry in assigned.items() if any(entry is o for o in others))
    if stored := [o.claim for o in others if o.claim.pk is not None]:
        merge_into(kept.claim, stored)
        memo.forget(c.pk for c in stored)
        memo.merged.update((c.pk, kept.claim.pk) for c in stored)
    return kept


def merge_into(kept: Claim, others: Sequence[Claim]) -> None:
    """Fold the stored `others` into `kept` (the oldest, stored too): what points at them points at it,
    a report both carry (an article's span) is kept once, and their ids redirect to it. Its counts are
    the caller's to refresh. A query or two for each kind of row that points at a claim."""
    ids = [o.pk for o in others]
    for relation in Claim._meta.related_objects:
        if relation.one_to_many:
            model, name = relation.related_model, relation.field.name
            for fields in _unique_with(model, name):
                _drop_repeats(model, name, fields, kept, ids)
            model._base_manager.filter(**{f"{name}__in": ids}).update(**{name: kept})
    values = {
        "first_seen_at": min(
            filter(None, [kept.first_seen_at, *(o.first_seen_at for o in others)]), default=None
        ),
        "event_id": kept.event_id or next((o.event_id for o in others if o.event_id), None),
        "story_id": kept.story_id or next((o.story_id for o in others if o.story_id), None),
        "responds_to_id": None if kept.responds_to_id in {kept.pk, *ids} else kept.responds_to_id,
    }
    for name, value in values.items():
        setattr(kept, name, value)
    kept.save(update_fields=[name.removesuffix("_id") for name in values] + ["updated_at"])
    ClaimRedirect.objects.bulk_create([ClaimRedirect(old_id=pk, claim=kept) for pk in ids])
    Claim.objects.filter(pk__in=ids).delete()


def _unique_with(model, name: str) -> list[list[str]]:
    """The other fields of each of `model`'s unique constraints that hold the claim field `name`."""
    keys = []
    for constraint in model._meta.constraints:
        if isinstance(constraint, UniqueConstraint) and constraint.condition is None:
            parts = [getattr(p, "name", p) for p in (*constraint.fields, *constraint.expressions)]
            if name in parts:
                keys.append([p for p in parts if p != name])
    return keys


def _drop_repeats(model, name: str, fields: list[str], kept: Claim, ids: list[int]) -> None:
    """Rows of the others that would repeat one of `kept`'s (or an older other's) under a unique
    constraint: the same report of one article span, the same curator's verdict of one day. The kept
    claim's row stands for them."""
    rows = model._base_manager.filter(**{f"{name}__in": [kept.pk, *ids]}).values_list("pk", name, *fields)
    seen, repeats = set(), []
    for pk, _, *key in sorted(rows, key=lambda row: (row[1] != kept.pk, row[1], row[0])):
        if tuple(key) in seen:
            repeats.append(pk)
        seen.add(tuple(key))
    if repeats:
        model._base_manager.filter(pk__in=repeats).delete()
