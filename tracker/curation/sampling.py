"""Checking a sample: how often a published machine claim is right, measured by curators.

A curator draws a random sample of the machine claims readers can see (`Claim.objects.public()`,
status machine, so at or above `TRACKER_PUBLISH_MIN_CONFIDENCE`), marks each right (the words were
said by that speaker, as shown) or wrong, and the verdicts (`ClaimCheck`) give the precision of what
is published, per period and per tier, so the figure measured offline is watched in production.

Caveats: the sample is drawn with the database's random ordering, which sorts every published machine
claim; fine for tens of thousands, worth replacing by a keyed draw beyond that. The rule shown is read
from the extraction row (ClaimCandidate) at the best evidence's span; candidates are replaced on
re-extraction, so a claim whose article was re-read differently shows no rule.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.db.models import CharField, Count, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone

from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Status
from tracker.curation.models import ClaimCheck

DEFAULT_SIZE = 20
MAX_SIZE = 100
BEST_FIRST = ("-confidence", "first_seen_at", "pk")  # the evidence that gives the claim its tier
WINDOW = timedelta(weeks=26)  # how far back the precision table reads
DAILY_SPAN = timedelta(days=14)  # checks spread over less than this are shown per day


def sample_size(raw: str | None) -> int:
    """The size a curator asked for, within 1..MAX_SIZE; the default when absent or not a number."""
    try:
        size = int(raw or DEFAULT_SIZE)
    except ValueError:
        return DEFAULT_SIZE
    return max(1, min(MAX_SIZE, size))


def published_machine_claims() -> QuerySet[Claim]:
    """What a sample is drawn from: machine claims that readers can see."""
    return Claim.objects.public().filter(status=Status.MACHINE)


def evidence_rule() -> Subquery:
    """For `Evidence` querysets: the confidence rule of the candidate the row was copied from (same
    article and span), or None when re-extraction replaced it."""
    candidate = ClaimCandidate.objects.filter(
        article_id=OuterRef("article_id"), start=OuterRef("start"), end=OuterRef("end")
    ).order_by("-confidence", "pk")
    return Subquery(candidate.values("confidence_rule")[:1], output_field=CharField())


def best_rule() -> Subquery:
    """For `Claim` querysets: the confidence rule of the claim's best evidence (see BEST_FIRST)."""
    evidence = (
        Evidence.objects.filter(claim=OuterRef("pk")).order_by(*BEST_FIRST).annotate(rule=evidence_rule())
    )
    return Subquery(evidence.values("rule")[:1], output_field=CharField())


@dataclass(frozen=True)
class SampledClaim:
    claim: Claim
    evidence: Evidence | None  # the best evidence: its sentence and outlet are what readers check
    rule: str
    other_reports: int

    @property
    def speaker(self) -> str:
        return self.claim.speaker.name if self.claim.speaker else self.claim.speaker_text or "?"

    @property
    def outlet(self) -> str:
        if self.evidence is None or self.evidence.article.outlet is None:
            return "?"
        return self.evidence.article.outlet.name


def draw_sample(size: int) -> list[SampledClaim]:
    """A random sample of published machine claims, each with its best evidence and that evidence's
    rule; three queries whatever the size."""
    evidence = (
        Evidence.objects.select_related("article__outlet")
        .annotate(rule=evidence_rule())
        .order_by(*BEST_FIRST)
    )
    claims = (
        published_machine_claims()
        .select_related("speaker")
        .prefetch_related(Prefetch("evidence", queryset=evidence, to_attr="ranked_evidence"))
        .order_by("?")[: max(1, min(MAX_SIZE, size))]
    )
    sample = []
    for claim in claims:
        best = claim.ranked_evidence[0] if claim.ranked_evidence else None
        sample.append(
            SampledClaim(
                claim=claim,
                evidence=best,
                rule=(best.rule or "") if best else "",
                other_reports=max(0, len(claim.ranked_evidence) - 1),
            )
        )
    return sample


def record_verdicts(*, user, verdicts: dict[int, bool]) -> int:
    """Store the curator's verdicts (claim id -> right) in one upsert; a claim checked again the same
    day by the same curator keeps the latest verdict. Claims no longer published as machine claims
    (curated or re-rated since the sample was drawn) are skipped. Returns how many were stored."""
    claims = published_machine_claims().filter(pk__in=list(verdicts)[:MAX_SIZE]).annotate(rule=best_rule())
    now = timezone.now()
    rows = [
        ClaimCheck(
            claim=claim,
            checked_by=user,
            right=verdicts[claim.pk],
            tier=claim.confidence,
            rule=claim.rule or "",
            checked_at=now,
            checked_on=now.astimezone(UTC).date(),
        )
        for claim in claims
    ]
    ClaimCheck.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["claim", "checked_by", "checked_on"],
        update_fields=["right", "tier", "rule", "checked_at"],
    )
    return len(rows)


@dataclass
class Tally:
    checked: int = 0
    right: int = 0

    def add(self, checked: int, right: int) -> None:
        self.checked += checked
        self.right += right

    @property
    def share(self) -> float | None:
        return self.right / self.checked if self.checked else None

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95% Wilson interval of the share: how much a few checks can say."""
        if not self.checked:
            return None
        n, p, z = self.checked, self.right / self.checked, 1.96
        centre = (p + z * z / (2 * n)) / (1 + z * z / n)
        half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
        return max(0.0, centre - half), min(1.0, centre + half)


@dataclass
class Period:
    start: date
    overall: Tally = field(default_factory=Tally)
    tiers: dict[int, Tally] = field(default_factory=lambda: defaultdict(Tally))


@dataclass
class PrecisionReport:
    unit: str  # "day" or "week"
    since: date
    periods: list[Period]  # newest first
    overall: Tally
    tiers: dict[int, Tally]

    @property
    def tier_numbers(self) -> list[int]:
        return sorted(self.tiers)

    @property
    def overall_by_tier(self) -> list[Tally]:
        return [self.tiers[t] for t in self.tier_numbers]

    @property
    def rows(self) -> list[tuple[Period, list[Tally | None]]]:
        """Each period with its tallies in the order of `tier_numbers` (None: no check of that tier)."""
        return [(p, [p.tiers.get(t) for t in self.tier_numbers]) for p in self.periods]


def precision_over_time(*, now: datetime | None = None) -> PrecisionReport:
    """The share of checks marked right over the last WINDOW, per day while the checks span less than
    DAILY_SPAN, per week (from Monday) after that; overall and per tier at check time. One query."""
    now = now or timezone.now()
    since = (now - WINDOW).astimezone(UTC).date()
    rows = list(
        ClaimCheck.objects.filter(checked_on__gte=since)
        .values("checked_on", "tier")
        .annotate(checked=Count("pk"), right=Count("pk", filter=Q(right=True)))
        .order_by("checked_on", "tier")
    )
    days = [row["checked_on"] for row in rows]
    unit = "day" if not days or max(days) - min(days) < DAILY_SPAN else "week"
    periods: dict[date, Period] = {}
    overall, tiers = Tally(), defaultdict(Tally)
    for row in rows:
        day = row["checked_on"]
        start = day if unit == "day" else day - timedelta(days=day.weekday())
        period = periods.setdefault(start, Period(start=start))
        for tally in (period.overall, period.tiers[row["tier"]], overall, tiers[row["tier"]]):
            tally.add(row["checked"], row["right"])
    ordered = sorted(periods.values(), key=lambda p: p.start, reverse=True)
    return PrecisionReport(unit=unit, since=since, periods=ordered, overall=overall, tiers=dict(tiers))
