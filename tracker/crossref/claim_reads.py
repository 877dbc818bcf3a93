"""Claims read with their evidence as a prefetch would give them, the evidence rows kept per process
(`claims_with_evidence`): the story steps (`story_reads`) read a story's claims again at every batch
that touches the story, and its evidence rows are mostly as they were."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Func, TextField, Value
from django.db.models.functions import Cast, Coalesce

from tracker.crossref.kept import Kept
from tracker.crossref.models import Claim, Evidence


def claims_with_evidence(ids: set[int]) -> list[Claim]:
    """These claims, in Claim's order, with their speakers and evidence (first seen first), as a
    prefetch would give them. The evidence rows are kept per process (`_EVIDENCE`), by id and their
    stored values as the database writes them out in one string (`_stored`; no conversion to Python
    values here): a story's evidence is read again at every batch that touches it, and only the rows
    not kept as they are stored are made into instances (a row is written once and, but for its claim,
    never changed; an id SQLite gives again after a rollback comes with other values)."""
    claims = list(Claim.objects.filter(pk__in=ids).select_related("speaker"))
    rows = list(Evidence.objects.filter(claim_id__in=ids).order_by().values_list("pk", "claim_id", _stored()))
    if missing := [pk for pk, _, stored in rows if _EVIDENCE.get((pk, stored)) is None]:
        found = Evidence.objects.filter(pk__in=missing).order_by().annotate(stored=_stored())
        for row in found:
            _EVIDENCE.put((row.pk, row.stored), row)
    by_claim: dict[int, list[Evidence]] = defaultdict(list)
    for pk, claim_id, stored in rows:
        row = _EVIDENCE.get((pk, stored))
        if row.claim_id != claim_id:  # moved to another claim since it was kept
            row.claim_id = claim_id
        by_claim[claim_id].append(row)
    for claim in claims:
        evidence = sorted(by_claim.get(claim.pk, ()), key=_first_seen)
        for row in evidence:
            row._state.fields_cache["claim"] = claim
        prefetched(claim, evidence)
    return claims


_EVIDENCE: Kept = Kept(1 << 16)  # evidence rows by id and stored values, per process (LRU)
_STORED = tuple(
    f.column for f in Evidence._meta.concrete_fields if f.name not in ("id", "claim")
)  # what `_stored` writes out: every column but the id and the claim


def _stored() -> Func:
    """An evidence row's stored values, but its id and claim, as one string the database writes."""
    parts = [Coalesce(Cast(name, TextField()), Value("~")) for name in _STORED]
    return Func(*parts, template="(%(expressions)s)", arg_joiner=" || '|' || ", output_field=TextField())


def _first_seen(evidence: Evidence) -> tuple:
    return evidence.first_seen_at, evidence.pk


def release(claims: Iterable[Claim]) -> None:
    """The kept rows of these claims' evidence no longer hold what the batch read around them (these
    claims, their prefetches, the articles and outlets set on the rows): until another batch read a row
    again, it kept them alive, and every full garbage collection of the worker walked them (at 600
    articles two thirds of the objects `_EVIDENCE` held; docs/performance.md, session 30). Call it once
    the batch is done with them: a released row's claim and article are read again when asked for."""
    for claim in claims:
        for row in getattr(claim, "_prefetched_objects_cache", {}).get("evidence", ()):
            row._state.fields_cache.clear()


def prefetched(claim: Claim, evidence: list[Evidence]) -> None:
    """`claim.evidence.all()` gives these rows without a query, as `prefetch_related` leaves it."""
    found = claim.evidence.all()
    found._result_cache, found._prefetch_done = evidence, True
    claim._prefetched_objects_cache = {"evidence": found}
