"""Atom feeds of the timeline (django.contrib.syndication): every public event, a case's, an entity's;
the timeline's and a case's carry the court record too.

An entry is an event: it links to the event's permalink (web:event), is `published` when the event was
first reported and `updated` when its coverage last changed, names the outlet that reported it first as
its author, and carries the event's summary as escaped text in paragraphs (summaries are machine-made
from article sentences: nothing in them is trusted as markup). The newest changes come first, so a
reader polling the feed sees an event again when new coverage changes it.

A docket entry (of a kind its case does not hide, and not a procedural filing) is an entry too: titled "Court record: <type>", linked
to its place on the case's timeline, `published` when the court entered it and `updated` when a re-poll
amended it, with the court as author and its text as escaped text. Events and entries are merged by
their updated time, newest first, and the feed keeps the newest ENTRIES of them.

Caveat: an entity's feed holds the events in which the entity speaks (the speaker of a public claim),
not every event that mentions it; it carries no docket entries (they name no entity).
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib.syndication.views import Feed
from django.db.models import Exists, F, OuterRef
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks

from tracker.cases.models import Case, Entity
from tracker.crossref.models import Claim, Event
from tracker.dockets.models import DocketEntry
from tracker.web.schemas import permalink

ENTRIES = 50


def _events():
    return (
        Event.objects.public()
        .select_related("case", "first_reported_by")
        .order_by(F("last_changed_at").desc(nulls_last=True), "-id")
    )


def _docket_entries():
    return DocketEntry.objects.substantive().select_related("case").order_by("-entered_at", "-pk")


def _updated(item) -> datetime | None:
    if isinstance(item, DocketEntry):
        return item.amended_at or item.entered_at
    return item.last_changed_at or item.first_reported_at


def with_record(events, entries) -> list:
    """Events and docket entries in one list, newest update first, at most ENTRIES of them."""
    epoch = datetime.min.replace(tzinfo=UTC)
    merged = sorted([*events, *entries], key=lambda item: _updated(item) or epoch, reverse=True)
    return merged[:ENTRIES]


def record_title(entry: DocketEntry) -> str:
    kind = entry.entry_type or entry.get_kind_display().capitalize()
    number = f" (entry {entry.number})" if entry.number else " (unnumbered entry)"
    return f"Court record: {kind}{number}"


class TimelineFeed(Feed):
    """Entry fields shared by the three feeds; an item is an Event or a DocketEntry."""

    feed_type = Atom1Feed

    def item_title(self, item) -> str:
        return record_title(item) if isinstance(item, DocketEntry) else item.title

    def item_link(self, item) -> str:
        if isinstance(item, DocketEntry):
            return f"{reverse('web:case', args=[item.case.slug])}?type=record#record-{item.pk}"
        return reverse("web:event", args=[item.pk])

    def item_description(self, item) -> str:
        if isinstance(item, DocketEntry):
            return linebreaks(item.description or record_title(item), autoescape=True)
        return linebreaks(item.summary or item.title, autoescape=True)

    def item_pubdate(self, item):
        return item.entered_at if isinstance(item, DocketEntry) else item.first_reported_at

    def item_updateddate(self, item):
        return _updated(item)

    def item_author_name(self, item) -> str | None:
        if isinstance(item, DocketEntry):
            return item.case.court or None
        return item.first_reported_by.name if item.first_reported_by else None

    def item_author_link(self, item) -> str | None:
        if isinstance(item, DocketEntry):
            return None
        outlet = item.first_reported_by
        return (outlet.homepage or f"https://{outlet.domain}/") if outlet else None

    def item_categories(self, item) -> list[str]:
        if isinstance(item, DocketEntry):
            return [item.case.name, "Court record"]
        return [item.case.name] if item.case_id else []


class AllEventsFeed(TimelineFeed):
    title = "Case tracker: the timeline"
    subtitle = "Events of every tracked case, as the outlets report them, newest changes first."

    def link(self) -> str:
        return reverse("web:home")

    def items(self):
        return with_record(_events()[:ENTRIES], _docket_entries()[:ENTRIES])


class CaseFeed(TimelineFeed):
    def get_object(self, request, slug: str) -> Case:
        return get_object_or_404(Case, slug=slug)

    def title(self, case: Case) -> str:
        return f"{case.name}: the timeline"

    def subtitle(self, case: Case) -> str:
        return case.description or f"Events of {case.name}, as the outlets report them."

    def link(self, case: Case) -> str:
        return permalink("web:case", case.slug) or reverse("web:home")

    def items(self, case: Case):
        events = _events().filter(case=case)[:ENTRIES]
        return with_record(events, _docket_entries().filter(case=case)[:ENTRIES])


class EntityFeed(TimelineFeed):
    def get_object(self, request, slug: str) -> Entity:
        return get_object_or_404(Entity, slug=slug, status=Entity.Status.CURATED)

    def title(self, entity: Entity) -> str:
        return f"{entity.name}: the timeline"

    def subtitle(self, entity: Entity) -> str:
        return f"Events in which {entity.name} speaks, as the outlets report them."

    def link(self, entity: Entity) -> str:
        return permalink("web:entity", entity.slug) or reverse("web:home")

    def items(self, entity: Entity):
        speaks = Claim.objects.public().filter(event=OuterRef("pk"), speaker=entity)
        return _events().filter(Exists(speaks))[:ENTRIES]


timeline_feed = AllEventsFeed()
case_feed = CaseFeed()
entity_feed = EntityFeed()
