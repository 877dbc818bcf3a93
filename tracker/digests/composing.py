"""What is new for a subscriber in a period: the digest's content, before any rendering.

A digest covers what the subscriber follows (cases, entities) and only what readers may see
(`Event.objects.public()`, `Claim.objects.public()`). Sections, substance first: events (new or updated),
claims (curated first; machine-extracted ones labelled), discrepancies, stories with new coverage, and,
apart from the news, new docket entries. Each section is capped at TRACKER_DIGEST_MAX_ITEMS with a link
to the rest. The content depends only on (topics, period), so a batch composes it once per distinct
topic set and shares it between the subscribers who follow the same things.

Periods (what a digest or an alert covers, and the Delivery's identity) are in periods.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from tracker.cases.models import Case, Entity
from tracker.crossref.corroboration import coverage_of_story
from tracker.crossref.models import Claim, Discrepancy, Event, Status, Story, StoryArticle
from tracker.digests.contents import Digest, Item, Section, Stamp, plural
from tracker.digests.periods import Period, latest_period, period_ending  # noqa: F401 - re-exported
from tracker.dockets.models import DocketEntry

CURATED = (Status.APPROVED, Status.DISPUTED)


@dataclass(frozen=True)
class Topics:
    case_ids: frozenset[int]
    entity_ids: frozenset[int]

    @classmethod
    def of(cls, subscriptions) -> Topics:
        return cls(
            frozenset(s.case_id for s in subscriptions if s.case_id),
            frozenset(s.entity_id for s in subscriptions if s.entity_id),
        )

    def __bool__(self) -> bool:
        return bool(self.case_ids or self.entity_ids)


def _url(name: str, *args, fallback: str = "/") -> str:
    """An absolute link to a page; the site's home when that page does not exist (yet)."""
    try:
        return settings.SITE_URL + reverse(name, args=args)
    except NoReverseMatch:
        return settings.SITE_URL + fallback


def headed(period: Period, cases: list[Case], entities: list[Entity]) -> Digest:
    """An empty digest named for what it follows, linking to its page, in its court's zone."""
    names = [c.name for c in cases] + [e.name for e in entities]
    title = (
        names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more" if names else "Case tracker"
    )
    if len(cases) == 1 and not entities:
        home = _url("web:case", cases[0].slug)
    elif len(entities) == 1 and not cases:
        home = _url("web:entity", entities[0].slug)
    else:
        home = _url("web:home")
    zones = {c.time_zone for c in cases}
    zone = zones.pop() if len(zones) == 1 else settings.TRACKER_DIGEST_TIME_ZONE
    return Digest(period=period, title=title, home_url=home, zone=zone)


def compose(*, topics: Topics, period: Period) -> Digest:
    """The digest of `topics` for `period` (empty sections are left out; no sections: nothing new)."""
    cases = list(Case.objects.filter(pk__in=topics.case_ids).order_by("name"))
    entities = list(Entity.objects.filter(pk__in=topics.entity_ids).order_by("name"))
    digest = headed(period, cases, entities)
    home = digest.home_url
    window = {"gte": period.start, "lt": period.end}
    limit = settings.TRACKER_DIGEST_MAX_ITEMS
    for build in (_events, _claims, _discrepancies, _stories, _docket):
        section = build(topics, window, limit, home, digest.counts)
        if section and section.total:
            digest.sections.append(section)
    return digest


def _between(prefix: str, window: dict) -> Q:
    return Q(**{f"{prefix}__gte": window["gte"], f"{prefix}__lt": window["lt"]})


def _events(topics: Topics, window: dict, limit: int, home: str, counts: dict) -> Section:
    scope = (
        Q(case__in=topics.case_ids)
        | Q(claims__speaker__in=topics.entity_ids)
        | Q(stories__memberships__article__mentions__entity__in=topics.entity_ids)
    )
    ids = Event.objects.public().filter(scope).filter(_between("last_changed_at", window)).values("pk")
    events = (
        Event.objects.filter(pk__in=ids).select_related("case", "first_reported_by").order_by("-date", "-pk")
    )
    total = events.count()
    rows = list(events[:limit])
    new = Event.objects.filter(pk__in=ids).filter(_between("first_reported_at", window)).count()
    counts["new_events"], counts["updated_events"] = new, total - new
    items = []
    for event in rows:
        is_new = (
            event.first_reported_at is not None and window["gte"] <= event.first_reported_at < window["lt"]
        )
        when = (Stamp(date=event.date, precision=event.precision),) if event.date else ()
        by = f"first reported by {event.first_reported_by.name}" if event.first_reported_by else ""
        label = "new" if is_new else "updated"
        if event.status == Event.Visibility.MACHINE:
            label += " · machine-built"
        url = _url("web:event", event.pk, fallback="/")
        meta = by if when else " · ".join(filter(None, ["date unknown", by]))
        items.append(Item(event.title, url, meta, label, stamps=when))
    return Section("events", "Events", items, total, home)


def _claims(topics: Topics, window: dict, limit: int, home: str, counts: dict) -> Section:
    scope = Q(case__in=topics.case_ids) | Q(speaker__in=topics.entity_ids)
    claims = (
        Claim.objects.public()
        .filter(scope)
        .filter(_between("created_at", window))
        .select_related("speaker", "event")
        .distinct()
    )
    total = counts["claims"] = claims.count()
    rows = sorted(
        claims.order_by("-outlets_count", "-pk")[: limit * 3],
        key=lambda c: (c.status not in CURATED, -c.outlets_count, -c.pk),
    )[:limit]
    items = []
    for claim in rows:
        who = claim.speaker.name if claim.speaker else claim.speaker_text or "Unattributed"
        label = "machine-extracted" if claim.status == Status.MACHINE else claim.get_status_display()
        meta = (
            f"{claim.get_kind_display()} · {plural(claim.outlets_count, 'outlet', 'outlets') or 'no outlet'}"
        )
        meta += f", {claim.independent_count} independent" if claim.outlets_count else ""
        when = (Stamp("about", claim.date, claim.precision),) if claim.date else ()
        url = _url("web:claim", claim.pk, fallback="/")
        items.append(Item(f"{who}: {claim.text}", url, meta, label, stamps=when))
    return Section("claims", "Claims", items, total, home)


def _discrepancies(topics: Topics, window: dict, limit: int, home: str, counts: dict) -> Section:
    scope = discrepancies_of(topics)
    ids = Discrepancy.objects.filter(scope).filter(_between("created_at", window)).values("pk")
    rows = Discrepancy.objects.filter(pk__in=ids).select_related(
        "claim__case", "event__case", "claim__speaker"
    )
    total = counts["discrepancies"] = rows.count()
    items = [discrepancy_item(row, home) for row in rows.order_by("-created_at", "-pk")[:limit]]
    return Section("discrepancies", "Discrepancies between outlets", items, total, home)


def _stories(topics: Topics, window: dict, limit: int, home: str, counts: dict) -> Section:
    scope = Q(story__cases__in=topics.case_ids) | Q(
        story__memberships__article__mentions__entity__in=topics.entity_ids
    )
    added = StoryArticle.objects.filter(scope).filter(_between("added_at", window))
    outlets: dict[int, set[str]] = {}
    for story_id, outlet in added.values_list("story_id", "article__outlet__name").distinct():
        outlets.setdefault(story_id, set()).add(outlet)
    total = counts["stories"] = len(outlets)
    stories = Story.objects.filter(pk__in=outlets).order_by("-last_changed_at", "-pk")
    items = []
    for story in stories[:limit]:
        coverage = coverage_of_story(story)
        meta = (
            f"{plural(coverage.outlets, 'outlet', 'outlets')}, {coverage.independent} independent"
            f" · new from {', '.join(sorted(outlets[story.pk]))}"
        )
        items.append(Item(story.title, _url("web:story", story.pk, fallback="/"), meta))
    return Section("stories", "Stories with new coverage", items, total, home)


def _docket(topics: Topics, window: dict, limit: int, home: str, counts: dict) -> Section | None:
    if not topics.case_ids:
        return None
    entries = (
        DocketEntry.objects.substantive()
        .filter(case__in=topics.case_ids)
        .filter(_between("first_seen_at", window))
        .select_related("case")
        .order_by("-entered_at", "-pk")
    )
    total = counts["docket"] = entries.count()
    items = [docket_item(entry, home) for entry in entries[:limit]]
    return Section("docket", "From the court record", items, total, home)


def docket_stamps(entry: DocketEntry) -> tuple[Stamp, ...]:
    """When an entry was entered (in its court's zone, named) and filed, as the timeline writes them."""
    entered = Stamp("entered", at=entry.entered_at, zone=entry.case.time_zone)
    return (entered, Stamp("filed", entry.filed_on)) if entry.filed_on else (entered,)


def discrepancies_of(topics: Topics) -> Q:
    """Discrepancies about what `topics` follow that readers may see (of public claims and events)."""
    scope = (
        Q(claim__case__in=topics.case_ids)
        | Q(event__case__in=topics.case_ids)
        | Q(story__cases__in=topics.case_ids)
        | Q(claim__speaker__in=topics.entity_ids)
    )
    visible = (Q(claim__isnull=True) | Q(claim__in=Claim.objects.public())) & (
        Q(event__isnull=True) | Q(event__in=Event.objects.public())
    )
    return scope & visible


def discrepancy_item(row: Discrepancy, home: str) -> Item:
    """A discrepancy's line: what it is about, the outlets' words, when it was found (the court's day).
    Reads row.claim.case and row.event.case: select them."""
    about = row.claim.text if row.claim else row.event.title if row.event else ""
    quotes = tuple(f"“{v.get('words', '')}” ({v.get('outlet', '?')})" for v in row.variants[:4])
    url = (
        _url("web:event", row.event_id)
        if row.event_id
        else _url("web:claim", row.claim_id)
        if row.claim_id
        else _url("web:story", row.story_id)
        if row.story_id
        else home
    )
    title = f"{row.get_kind_display().capitalize()}: {about[:200]}"
    case = row.claim.case if row.claim else row.event.case if row.event else None
    zone = case.time_zone if case else settings.TRACKER_DIGEST_TIME_ZONE
    found = (Stamp("found", at=row.created_at, zone=zone, clock=False),)  # as the site's list
    return Item(title, url, row.get_status_display(), "", quotes, stamps=found)


def docket_item(entry: DocketEntry, home: str) -> Item:
    """A docket entry's line, dated as the timeline dates it. Reads entry.case: select it."""
    number = f"#{entry.number} " if entry.number else ""
    kind = entry.entry_type or entry.get_kind_display()
    # A link from a feed: only http(s), never javascript: or data:.
    url = entry.document_url if entry.document_url.startswith(("https://", "http://")) else home
    return Item(f"{number}{entry.description[:300]}", url, kind, stamps=docket_stamps(entry))
