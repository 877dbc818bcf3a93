"""How widely something was reported: by how many outlets, how many of them independently, and who first.

Independence follows the issue: copies, syndicated versions, wire copy and articles crediting another
outlet's reporting count once, under the original. A claim reported by five outlets of which two credit
a third is "3 independent of 5". An article's *origin* is therefore the root of its copy chain (a wire
client's near copy points at the wire story), else the outlet its credit line names, else its own
outlet. Caveats: an uncredited rewrite that dedupe did not catch counts as independent, and a credit
naming an outlet we never stored counts under the credited name itself ("techcrunch ai").

Every function here reads a bounded number of queries, whatever the number of articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from tracker.crossref.models import Claim, Event, Evidence, Story, StoryArticle
from tracker.sources.models import Article, Outlet

Origin = tuple[str, object]  # ("outlet", outlet id) or ("credit", normalised credited name)
MAX_COPY_DEPTH = 10  # copy chains are one or two long; this only guards against a cycle
_CREDIT_PREFIX = re.compile(
    r"^(?:sources?|via|from|credit|courtesy of|reporting by|originally published (?:by|on|in|at))\s*:?\s*",
    re.IGNORECASE,
)
_ARTICLE_FIELDS = ("outlet_id", "published_at", "copy_of_id", "credited_source")
ARTICLE_FIELDS = _ARTICLE_FIELDS  # what `outlet_counts` needs of each article
K = TypeVar("K")


@dataclass(frozen=True)
class Coverage:
    outlets: int
    independent: int
    first_outlet: Outlet | None
    first_seen_at: datetime | None


def normalise_name(name: str) -> str:
    """An outlet's or a credit's name for comparison: lower case, words only, no "Sources:" or "The"."""
    words = re.findall(r"[a-z0-9]+", _CREDIT_PREFIX.sub("", name.strip()).lower())
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _contains(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def match_outlet(credited: str, outlets: Iterable[tuple[int, str, str]]) -> int | None:
    """The stored outlet a credit names, from (id, name, domain) rows: an exact name or domain first,
    else a name contained in the credit or the credit in a name, as whole words ("TechCrunch AI" names
    "TechCrunch"); the longest such name wins. None when none does."""
    wanted = normalise_name(credited)
    if not wanted:
        return None
    best: tuple[int, int, int] | None = None  # (exact, length, -id)
    for pk, name, domain in outlets:
        name_n, domain_n = normalise_name(name), normalise_name(domain)
        label = domain_n.rsplit(" ", 1)[0] if " " in domain_n else domain_n
        if wanted in (name_n, domain_n, label):
            rank = (1, len(name_n), -pk)
        elif len(name_n) >= 3 and (_contains(wanted, name_n) or _contains(name_n, wanted)):
            rank = (0, len(name_n), -pk)
        else:
            continue
        best = max(best or rank, rank)
    return -best[2] if best else None


def _origins(rows: dict[int, dict]) -> dict[int, Origin]:
    """The origin of each article of `rows` ({article id: its _ARTICLE_FIELDS}); ancestors outside the
    rows are loaded in one query per level of copying, stored outlets in one query if any credit."""
    known = dict(rows)
    missing = {r["copy_of_id"] for r in known.values() if r["copy_of_id"]} - set(known)
    for _ in range(MAX_COPY_DEPTH):
        if not missing:
            break
        found = Article.objects.filter(pk__in=missing).values("pk", *_ARTICLE_FIELDS)
        known.update({r.pop("pk"): r for r in found})
        missing = {r["copy_of_id"] for r in known.values() if r["copy_of_id"]} - set(known)

    def root(pk: int) -> int:
        seen = {pk}
        while (parent := known[pk]["copy_of_id"]) and parent in known and parent not in seen:
            seen.add(parent)
            pk = parent
        return pk

    roots = {pk: root(pk) for pk in rows}
    credited = {known[r]["credited_source"] for r in roots.values()} - {""}
    outlets = list(Outlet.objects.values_list("pk", "name", "domain")) if credited else []
    matched = {c: match_outlet(c, outlets) for c in credited}
    origins = {}
    for pk, r in roots.items():
        credit = known[r]["credited_source"]
        if credit and matched[credit]:
            origins[pk] = ("outlet", matched[credit])
        elif credit and normalise_name(credit):
            origins[pk] = ("credit", normalise_name(credit))
        else:
            origins[pk] = ("outlet", known[r]["outlet_id"])
    return origins


def outlet_counts(groups: Mapping[K, Iterable[int]], rows: dict[int, dict]) -> dict[K, tuple[int, int]]:
    """(outlets, independent outlets) of each group of article ids, for pages that count many events at
    once: `rows` holds each article's ARTICLE_FIELDS, and origins are resolved in one pass for all."""
    origins = _origins(rows) if rows else {}
    return {
        key: (len({rows[a]["outlet_id"] for a in ids}), len({origins[a] for a in ids}))
        for key, ids in groups.items()
    }


def origin_of(article: Article) -> Outlet | str:
    """Where the article's reporting comes from: an Outlet, or the normalised name of a credited outlet
    that is not stored."""
    row = {f: getattr(article, f) for f in _ARTICLE_FIELDS}
    kind, value = _origins({article.pk: row})[article.pk]
    if kind == "credit":
        return value
    return article.outlet if value == article.outlet_id else Outlet.objects.get(pk=value)


def coverage_of(rows: Iterable[dict]) -> Coverage:
    """Coverage of the reports `rows`: dicts with article_id, first_seen_at and the article's
    _ARTICLE_FIELDS (an article may appear more than once: several evidence rows). The first report is
    the earliest first seen, ties broken by the earliest stated publication, then the article id."""
    articles: dict[int, dict] = {}
    first: tuple | None = None
    for row in rows:
        articles.setdefault(row["article_id"], {f: row[f] for f in _ARTICLE_FIELDS})
        published = row["published_at"] or datetime.max.replace(tzinfo=row["first_seen_at"].tzinfo)
        order = (row["first_seen_at"], published, row["article_id"], row["outlet_id"])
        first = min(first or order, order)
    if not articles:
        return Coverage(0, 0, None, None)
    origins = _origins(articles)
    return Coverage(
        outlets=len({a["outlet_id"] for a in articles.values()}),
        independent=len(set(origins.values())),
        first_outlet=Outlet.objects.get(pk=first[3]),
        first_seen_at=first[0],
    )


def _report_rows(queryset, seen: str) -> list[dict]:
    """Evidence (seen="first_seen_at") or membership rows (seen="article__first_seen_at") as the flat
    dicts `coverage_of` takes, in one joined query."""
    rows = queryset.values("article_id", seen, *(f"article__{f}" for f in _ARTICLE_FIELDS))
    return [
        {"article_id": r["article_id"], "first_seen_at": r[seen]}
        | {f: r[f"article__{f}"] for f in _ARTICLE_FIELDS}
        for r in rows
    ]


def refresh_claims(claims: Iterable[Claim]) -> None:
    """`refresh_claim` for many claims, their evidence read in one query."""
    by_pk = {claim.pk: claim for claim in claims}
    rows: dict[int, list[dict]] = {pk: [] for pk in by_pk}
    evidence = Evidence.objects.filter(claim_id__in=list(by_pk))
    for row in evidence.values(
        "claim_id", "article_id", "first_seen_at", *(f"article__{f}" for f in _ARTICLE_FIELDS)
    ):
        rows[row["claim_id"]].append(
            {"article_id": row["article_id"], "first_seen_at": row["first_seen_at"]}
            | {f: row[f"article__{f}"] for f in _ARTICLE_FIELDS}
        )
    for pk, claim in by_pk.items():
        _store_coverage(claim, coverage_of(rows[pk]))


def refresh_claim(claim: Claim) -> Coverage:
    """Store the claim's coverage on it (also on locked claims: counts are facts, not curation)."""
    coverage = coverage_of(_report_rows(Evidence.objects.filter(claim=claim), "first_seen_at"))
    _store_coverage(claim, coverage)
    return coverage


def _store_coverage(claim: Claim, coverage: Coverage) -> None:
    values = {
        "outlets_count": coverage.outlets,
        "independent_count": coverage.independent,
        "first_outlet_id": coverage.first_outlet.pk if coverage.first_outlet else None,
        "first_seen_at": coverage.first_seen_at or claim.first_seen_at,
    }
    if any(getattr(claim, f) != v for f, v in values.items()):
        Claim.objects.filter(pk=claim.pk).update(**values)
        for f, v in values.items():
            setattr(claim, f, v)


def coverage_of_story(story: Story) -> Coverage:
    """The coverage of a story's member articles; stories store no counts, so this is computed."""
    return coverage_of(_report_rows(StoryArticle.objects.filter(story=story), "article__first_seen_at"))


def refresh_story(story: Story) -> Coverage:
    return coverage_of_story(story)


def refresh_event(event: Event) -> Coverage:
    """Store when and by whom the event was first reported (not on a locked event, whose curator may
    have set them). The reports are the evidence of its claims, or, for an event without claims, the
    articles of its stories (a story may report more than its event, hence the preference)."""
    coverage = coverage_of(_report_rows(Evidence.objects.filter(claim__event=event), "first_seen_at"))
    if not coverage.outlets:
        members = StoryArticle.objects.filter(story__events=event)
        coverage = coverage_of(_report_rows(members, "article__first_seen_at"))
    first_by = coverage.first_outlet.pk if coverage.first_outlet else None
    if not event.locked and (event.first_reported_at, event.first_reported_by_id) != (
        coverage.first_seen_at,
        first_by,
    ):
        Event.objects.filter(pk=event.pk).update(
            first_reported_at=coverage.first_seen_at, first_reported_by_id=first_by
        )
        event.first_reported_at, event.first_reported_by_id = coverage.first_seen_at, first_by
    return coverage
