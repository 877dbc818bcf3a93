"""How widely something was reported: by how many outlets, how many of them independently, and who first.

Independence follows the issue: copies, syndicated versions, wire copy and articles crediting another
outlet's reporting count once, under the original. A claim reported by five outlets of which two credit
a third is "3 independent of 5". An article's *origin* is therefore the root of its copy chain (a wire
client's near copy points at the wire story), else the outlet its credit line names, else its own
outlet. Credits are matched by `sources.credits.credit_origins`, one rule for stored outlets and for
each other: a credit naming no stored outlet counts under its credited name, and credits whose names
contain one another as whole words ("TechCrunch AI", "TechCrunch") are one origin. Caveat: an
uncredited rewrite that dedupe did not catch counts as independent.

Only *established* outlets count (issue 15): an article whose outlet is merely claimed (a feed's
`<source>` or a link to the feed's own host under another name) is read as every other article by
stories, claims and discrepancies, but it adds no outlet, no independent outlet and cannot be first.
An article counts when `Article.outlet_established` (its outlet's own feed, its page fetched from the
outlet's host, or a trusted aggregator) or its outlet is curator-confirmed (`Outlet.confirmed`).
Claimed-only outlets are counted apart, as `Coverage.unverified`, for pages to show as such.

Every function here reads a bounded number of queries, whatever the number of articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from django.db.models import Q

from tracker.crossref import claim_counts, row_updates
from tracker.crossref.event_reports import within
from tracker.crossref.models import Claim, DateMention, Event, Evidence, Story, StoryArticle
from tracker.sources.credits import Origin, credit_origins
from tracker.sources.models import Article, Outlet
from tracker.sources.publication import vouched_times

MAX_COPY_DEPTH = 10  # copy chains are one or two long; this only guards against a cycle
_ARTICLE_FIELDS = ("outlet_id", "published_at", "copy_of_id", "credited_source")  # what origins need
# What `coverage_of_groups` needs of each article, with first_seen_at. A row without
# outlet_established is taken as established, the model's default for an article not stored from a feed.
ARTICLE_FIELDS = (*_ARTICLE_FIELDS, "outlet_established", "published_suspect")
K = TypeVar("K")


@dataclass(frozen=True)
class Coverage:
    """`first_outlet` reported first: the earliest stated publication time; an undated report is first
    only when no report states a date. `first_published_at` is that report's stated time (None when it
    states none); `first_seen_at` is when the tracker first saw a counted report (any report when none
    counts), the time to show ("seen ...") when no report is dated."""

    outlets: int
    independent: int
    first_outlet: Outlet | None
    first_seen_at: datetime | None
    first_published_at: datetime | None = None
    unverified: int = 0  # outlets claimed by reports but not established, counted in neither number

    @property
    def first_reported_at(self) -> datetime | None:
        return self.first_published_at or self.first_seen_at


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
    by_credit = credit_origins(credited, outlets)
    return {
        pk: by_credit.get(known[r]["credited_source"]) or ("outlet", known[r]["outlet_id"])
        for pk, r in roots.items()
    }


def origin_of(article: Article) -> Outlet | str:
    """Where the article's reporting comes from: an Outlet, or the normalised name of a credited outlet
    that is not stored."""
    row = {f: getattr(article, f) for f in _ARTICLE_FIELDS}
    kind, value = _origins({article.pk: row})[article.pk]
    if kind == "credit":
        return value
    return article.outlet if value == article.outlet_id else Outlet.objects.get(pk=value)


def counts(outlet_established: bool, outlet: Outlet) -> bool:
    """The one rule of which reports count (pages label the others "unverified", `unverified`): the
    article established its outlet, or a curator confirmed the outlet. `COUNTS` is the rule as a
    query on articles."""
    return bool(outlet_established) or outlet.confirmed


COUNTS = Q(outlet_established=True) | Q(outlet__confirmed=True)


def unverified(article: Article) -> bool:
    """An article listed under an outlet it does not establish: shown, labelled, never counted."""
    return not counts(article.outlet_established, article.outlet)


def _report_order(row: dict) -> tuple:
    """Dated reports first, by stated publication time; undated ones after, by when they were seen."""
    published = row["published_at"]
    return (published is None, published or row["first_seen_at"], row["article_id"])


def coverage_of_groups(groups: Mapping[K, Iterable[dict]]) -> dict[K, Coverage]:
    """The coverage of each group of report rows (dicts with article_id, first_seen_at and the
    article's ARTICLE_FIELDS; an article may appear more than once), origins and first outlets read
    in one pass for all groups: the one function every page counts outlets with. Only reports of
    established outlets count and can be first; the others are `unverified`."""
    groups = {key: list(rows) for key, rows in groups.items()}
    every = {r["outlet_id"] for rows in groups.values() for r in rows}
    outlets = Outlet.objects.in_bulk(every) if every else {}

    def established(row: dict) -> bool:
        return counts(row.get("outlet_established", True), outlets[row["outlet_id"]])

    counted = {key: [r for r in rows if established(r)] for key, rows in groups.items()}
    articles = {
        r["article_id"]: {f: r[f] for f in _ARTICLE_FIELDS} for rows in counted.values() for r in rows
    }
    origins = _origins(articles) if articles else {}
    out = {}
    for key, rows in groups.items():
        if not rows:
            out[key] = Coverage(0, 0, None, None)
            continue
        good = counted[key]
        established_outlets = {r["outlet_id"] for r in good}
        first = min(vouched_times(good), key=_report_order) if good else None
        out[key] = Coverage(
            outlets=len(established_outlets),
            independent=len({origins[r["article_id"]] for r in good}),
            first_outlet=outlets[first["outlet_id"]] if first else None,
            first_seen_at=min(r["first_seen_at"] for r in good or rows),
            first_published_at=first["published_at"] if first else None,
            unverified=len({r["outlet_id"] for r in rows} - established_outlets),
        )
    return out


def coverage_of(rows: Iterable[dict]) -> Coverage:
    """The coverage of one group of report rows (see `coverage_of_groups`)."""
    return coverage_of_groups({None: rows})[None]


def _values(queryset, seen: str, *extra: str):
    """Evidence (seen="first_seen_at") or membership rows (seen="article__first_seen_at") with their
    articles' ARTICLE_FIELDS (and `extra` fields), in one joined query; `_flat` makes each a report row."""
    return queryset.values(*extra, "article_id", seen, *(f"article__{f}" for f in ARTICLE_FIELDS))


def _flat(row: dict, seen: str) -> dict:
    """A row of `_values` as the flat dict `coverage_of` takes."""
    return {"article_id": row["article_id"], "first_seen_at": row[seen]} | {
        f: row[f"article__{f}"] for f in ARTICLE_FIELDS
    }


def _report_rows(queryset, seen: str) -> list[dict]:
    return [_flat(r, seen) for r in _values(queryset, seen)]


def refresh_claims(claims: Iterable[Claim]) -> dict[int, Coverage]:
    """Store each claim's coverage on it (also on locked claims: counts are facts, not curation), and
    its confidence: the highest tier of its evidence. Read for all the claims at once, in a bounded
    number of queries however many claims (`claim_counts.coverages`); coverage by claim id."""
    by_pk = {claim.pk: claim for claim in claims}
    coverages, confidence = claim_counts.coverages(list(by_pk))
    claim_counts.store({claim: (coverages[pk], confidence[pk]) for pk, claim in by_pk.items()})
    return coverages


def refresh_claim(claim: Claim) -> Coverage:
    """`refresh_claims` for one claim; its coverage."""
    return refresh_claims([claim])[claim.pk]


def coverage_of_story(story: Story) -> Coverage:
    """The coverage of a story's member articles; stories store no counts, so this is computed."""
    return coverage_of(_report_rows(StoryArticle.objects.filter(story=story), "article__first_seen_at"))


def refresh_story(story: Story) -> Coverage:
    return coverage_of_story(story)


def _event_rows(queryset, event_field: str, seen: str) -> dict[int, list[dict]]:
    """Report rows by event."""
    rows: dict[int, list[dict]] = {}
    for r in _values(queryset, seen, event_field):
        rows.setdefault(r[event_field], []).append(_flat(r, seen))
    return rows


def coverage_of_events(event_ids: Iterable[int]) -> dict[int, Coverage]:
    """The coverage of each event: its reports are the evidence of its public claims, or, for an event
    without any, the articles of its stories that date it (`dating_reports`; a story may report more
    than its event, hence the preference). Three queries for the reports, whatever the number of events."""
    ids = list(event_ids)
    evidence = Evidence.objects.filter(claim__event__in=ids, claim__in=Claim.objects.public())
    rows = _event_rows(evidence, "claim__event_id", "first_seen_at")
    if without := [pk for pk in ids if pk not in rows]:
        rows |= _dating_rows(without)
    return coverage_of_groups({pk: rows.get(pk, []) for pk in ids})


def _dating_rows(events: list[int]) -> dict[int, list[dict]]:
    """Report rows of events without public claims (`dating_reports`): their stories' articles as ids,
    then each article's fields once with its dates, not once per event. An event of a case's year is held
    by stories of hundreds of articles, few of which date it: at the end of a 600-article replay, 26,680
    members of the events without public claims, 2,105 kept, from 600 articles; reading each member's
    fields and times was most of the counting's CPU (217,090 rows over the replay's last five batches)."""
    members, periods, pairs = StoryArticle.objects.filter(story__events__in=events), {}, []
    for event_id, article_id, day, precision in members.values_list(
        "story__events", "article_id", "story__events__date", "story__events__precision"
    ):
        pairs.append((event_id, article_id))
        periods[event_id] = (day, precision)
    fields, mentions = {}, {}  # each article's fields, and its dates
    read = Article.objects.filter(pk__in={a for _, a in pairs}).order_by()
    for row in read.values("pk", "first_seen_at", *ARTICLE_FIELDS, "date_mentions__value"):
        if (value := row.pop("date_mentions__value")) is not None:
            mentions.setdefault(row["pk"], set()).add(value)
        fields[row.pop("pk")] = row
    kept = dating_reports(pairs, periods, mentions)
    rows: dict[int, list[dict]] = {}
    for event_id, article_id in (pair for pair in pairs if pair in kept):
        rows.setdefault(event_id, []).append({"article_id": article_id, **fields[article_id]})
    return rows


def dating_reports(
    members: Iterable[tuple[int, int]], periods: dict[int, tuple], mentions: dict[int, set] | None = None
) -> set[tuple[int, int]]:
    """The reports of events without public claims, from (event id, article id) pairs of their stories'
    articles: those with a date mention in the event's period (`periods`: event id -> (date, precision);
    `event_reports.within`), the kind of mention that made the event, so "xAI was founded" (2023) counts
    the one outlet that dates it, not every article of the story; an event none of whose articles dates
    it keeps them all. One query (none when the caller read the articles' `mentions`: their dates, by id)."""
    pairs = set(members)
    if not pairs:
        return pairs
    if mentions is None:
        mentions = {}
        dated = DateMention.objects.filter(article_id__in={a for _, a in pairs}, value__isnull=False)
        for article_id, value in dated.values_list("article_id", "value"):
            mentions.setdefault(article_id, set()).add(value)
    kept = {
        (e, a) for e, a in pairs if periods[e][0] and any(within(v, *periods[e]) for v in mentions.get(a, ()))
    }
    dating = {e for e, _ in kept}
    return kept | {(e, a) for e, a in pairs if e not in dating}


def refresh_events(events: Iterable[Event]) -> dict[int, Coverage]:
    """Store on each event when and by whom it was first reported, from the coverage its pages show
    (`coverage_of_events`), so feeds, digests and the API say what the pages say; not on a locked
    event, whose curator may have set them. Coverage by event id, in a bounded number of queries."""
    events = list(events)
    coverages = coverage_of_events([event.pk for event in events])
    changed = []
    for event in events:
        coverage = coverages[event.pk]
        first = (coverage.first_reported_at, coverage.first_outlet.pk if coverage.first_outlet else None)
        if not event.locked and (event.first_reported_at, event.first_reported_by_id) != first:
            changed.append((event.pk, {"first_reported_at": first[0], "first_reported_by_id": first[1]}))
            event.first_reported_at, event.first_reported_by_id = first
    row_updates.update_each(Event, changed)  # one statement for all
    return coverages


def refresh_event(event: Event) -> Coverage:
    """`refresh_events` for one event; its coverage."""
    return refresh_events([event])[event.pk]
