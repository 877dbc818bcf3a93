"""Claims' counts (`corroboration.refresh_claims`), read (`coverages`) and stored (`store`).

Reading: a much-reported claim's evidence grows with the corpus, and a linking batch counts its claims
again over all of it; most of that read's CPU was turning two times a row into datetimes. The times
are compared in the database instead: one grouped read a claim gives its confidence, first sighting
and earliest trusted stated time; the rows, without their times, give its outlets and origins; one
more read gives the reports at that earliest time (or, when no report is dated, at the first
sighting), of which the first by article id is first reported. A claim one of whose counted reports
has a suspect stated time (`publication.vouched_times`: another outlet's time may vouch for it) is
counted as pages count, from its whole rows (`corroboration.coverage_of_groups`).

Storing: the coverage fields of every claim whose
coverage changed, in one prepared statement (`row_updates.update_each`), not one ORM update a claim:
a linking batch changes about ninety claims' counts, and building ninety UPDATEs cost more CPU than the
rest of the refresh (`QuerySet.bulk_update`'s CASE expressions cost more still). Like `QuerySet.update`,
it leaves `updated_at` as it was and writes no history."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from django.db.models import Count, Max, Min, Q

from tracker.crossref import corroboration, row_updates
from tracker.crossref.models import Claim, Evidence
from tracker.sources.models import Outlet

if TYPE_CHECKING:
    from tracker.crossref.corroboration import Coverage

FIELDS = ("confidence", "outlets_count", "independent_count", "first_outlet_id", "first_seen_at")
COUNTED = Q(article__outlet_established=True) | Q(article__outlet__confirmed=True)  # `corroboration.COUNTS`
DATED = Q(article__published_at__isnull=False)
ROW = ("claim_id", "article_id", *(f"article__{f}" for f in ("outlet_id", "copy_of_id", "credited_source")))


def coverages(claim_ids: list[int]) -> tuple[dict[int, Coverage], dict[int, int]]:
    """Each claim's coverage (as `corroboration.coverage_of_groups` of its evidence's report rows) and
    confidence (the highest of its evidence's, 0 without any). Three reads and the outlets' (and
    the origins' of copies and credits), a fourth for the claims with a suspect stated time."""
    evidence = Evidence.objects.filter(claim_id__in=claim_ids).order_by()
    summary = evidence.values("claim_id").annotate(
        top=Max("confidence"),
        seen=Min("first_seen_at"),
        seen_counted=Min("first_seen_at", filter=COUNTED),
        dated=Min("article__published_at", filter=COUNTED & DATED & Q(article__published_suspect=False)),
        suspect=Count("pk", filter=COUNTED & DATED & Q(article__published_suspect=True)),
    )
    found = {row.pop("claim_id"): row for row in summary}
    whole = [pk for pk, row in found.items() if row["suspect"]]
    rows: dict[int, list[tuple]] = {pk: [] for pk in found if pk not in whole}
    for row in evidence.filter(claim_id__in=list(rows)).values_list(*ROW, "article__outlet_established"):
        rows[row[0]].append(row)
    outlets = Outlet.objects.in_bulk({row[2] for group in rows.values() for row in group})
    counted = {
        pk: [r for r in group if corroboration.counts(r[5], outlets[r[2]])] for pk, group in rows.items()
    }
    articles = {  # what origins read of each (its time they do not)
        article: {"outlet_id": outlet, "published_at": None, "copy_of_id": copy_of, "credited_source": credit}
        for group in counted.values()
        for _, article, outlet, copy_of, credit, _ in group
    }
    origins = corroboration._origins(articles) if articles else {}
    first = _first_reports({pk: found[pk] for pk, good in counted.items() if good})
    out = corroboration.coverage_of_groups(_whole(whole)) if whole else {}
    for pk, group in rows.items():
        good, row = counted[pk], found[pk]
        established = {r[2] for r in good}
        outlet = outlets[first[pk]] if good else None
        out[pk] = corroboration.Coverage(
            outlets=len(established),
            independent=len({origins[r[1]] for r in good}),
            first_outlet=outlet,
            first_seen_at=row["seen_counted"] if good else row["seen"],
            first_published_at=row["dated"] if good else None,
            unverified=len({r[2] for r in group} - established),
        )
    for pk in claim_ids:
        out.setdefault(pk, corroboration.Coverage(0, 0, None, None))
    return out, {pk: found[pk]["top"] if pk in found else 0 for pk in claim_ids}


def _first_reports(found: dict[int, dict]) -> dict[int, int]:
    """The outlet of each claim's first counted report: of those at its earliest trusted stated time
    (`dated`), else of those first seen (`seen_counted`: no counted report is dated), the one of the
    lowest article id. One read, of the reports at any of those times (a claim's earliest time is
    seldom another's: a few rows), matched here."""
    if not found:
        return {}
    dated = {pk: row["dated"] for pk, row in found.items() if row["dated"] is not None}
    seen = {pk: row["seen_counted"] for pk, row in found.items() if pk not in dated}
    at = Q(claim_id__in=list(dated), article__published_at__in=set(dated.values()))
    at = (at & Q(article__published_suspect=False)) | Q(
        claim_id__in=list(seen), first_seen_at__in=set(seen.values())
    )
    reports = Evidence.objects.filter(at, COUNTED).order_by("claim_id", "article_id")
    first: dict[int, int] = {}
    fields = ("claim_id", "article__outlet_id", "article__published_at", "first_seen_at")
    for pk, outlet, published, sighted in reports.values_list(*fields):
        if pk not in first and (dated[pk] == published if pk in dated else seen[pk] == sighted):
            first[pk] = outlet
    return first


def _whole(claim_ids: list[int]) -> dict[int, list[dict]]:
    """The report rows of these claims, whole (`corroboration.coverage_of_groups`'s)."""
    rows: dict[int, list[dict]] = {pk: [] for pk in claim_ids}
    evidence = Evidence.objects.filter(claim_id__in=claim_ids)
    for row in corroboration._values(evidence, "first_seen_at", "claim_id"):
        rows[row["claim_id"]].append(corroboration._flat(row, "first_seen_at"))
    return rows


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
