"""Atom feeds of the timeline (django.contrib.syndication): every public event, a case's, an entity's.

An entry is an event: it links to the event's permalink (web:event), is `published` when the event was
first reported and `updated` when its coverage last changed, names the outlet that reported it first as
its author, and carries the event's summary as escaped text in paragraphs (summaries are machine-made
from article sentences: nothing in them is trusted as markup). The newest changes come first, so a
reader polling the feed sees an event again when new coverage changes it.

Caveat: an entity's feed holds the events in which the entity speaks (the speaker of a public claim),
not every event that mentions it.
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.db.models import Exists, F, OuterRef
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks

from tracker.cases.models import Case, Entity
from tracker.crossref.models import Claim, Event
from tracker.web.schemas import permalink

ENTRIES = 50


def _events():
    return (
        Event.objects.public()
        .select_related("case", "first_reported_by")
        .order_by(F("last_changed_at").desc(nulls_last=True), "-id")
    )


class TimelineFeed(Feed):
    """Entry fields shared by the three feeds."""

    feed_type = Atom1Feed

    def item_title(self, event: Event) -> str:
        return event.title

    def item_link(self, event: Event) -> str:
        return reverse("web:event", args=[event.pk])

    def item_description(self, event: Event) -> str:
        return linebreaks(event.summary or event.title, autoescape=True)

    def item_pubdate(self, event: Event):
        return event.first_reported_at

    def item_updateddate(self, event: Event):
        return event.last_changed_at or event.first_reported_at

    def item_author_name(self, event: Event) -> str | None:
        return event.first_reported_by.name if event.first_reported_by else None

    def item_author_link(self, event: Event) -> str | None:
        outlet = event.first_reported_by
        return (outlet.homepage or f"https://{outlet.domain}/") if outlet else None

    def item_categories(self, event: Event) -> list[str]:
        return [event.case.name] if event.case_id else []


class AllEventsFeed(TimelineFeed):
    title = "Case tracker: the timeline"
    subtitle = "Events of every tracked case, as the outlets report them, newest changes first."

    def link(self) -> str:
        return reverse("web:home")

    def items(self):
        return _events()[:ENTRIES]


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
        return _events().filter(case=case)[:ENTRIES]


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
