"""Storing claims' counts (`corroboration.refresh_claims`): the coverage fields of every claim whose
coverage changed, in one prepared statement (`row_updates.update_each`), not one ORM update a claim:
a linking batch changes about ninety claims' counts, and building ninety UPDATEs cost more CPU than the
rest of the refresh (`QuerySet.bulk_update`'s CASE expressions cost more still). Like `QuerySet.update`,
it leaves `updated_at` as it was and writes no history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from tracker.crossref import row_updates
from tracker.crossref.models import Claim

if TYPE_CHECKING:
    from tracker.crossref.corroboration import Coverage

FIELDS = ("confidence", "outlets_count", "independent_count", "first_outlet_id", "first_seen_at")


def store(found: Mapping[Claim, tuple[Coverage, int]]) -> list[Claim]:
    """Set each claim's coverage and confidence on it and save those that changed; those."""
    changed = [claim for claim, (coverage, confidence) in found.items() if _take(claim, coverage, confidence)]
    row_updates.update_each(Claim, ((c.pk, {f: getattr(c, f) for f in FIELDS}) for c in changed))
    return changed


def _take(claim: Claim, coverage: Coverage, confidence: int) -> bool:
    """Set the claim's `FIELDS` on the object; whether that changed any."""
    values = {
        "confidence": confidence,
        "outlets_count": coverage.outlets,
        "independent_count": coverage.independent,
        "first_outlet_id": coverage.first_outlet.pk if coverage.first_outlet else None,
        "first_seen_at": coverage.first_seen_at or claim.first_seen_at,
    }
    if all(getattr(claim, f) == v for f, v in values.items()):
        return False
    for f, v in values.items():
        setattr(claim, f, v)
    return True
