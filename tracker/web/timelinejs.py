"""A case's timeline in TimelineJS3's JSON format, for newsrooms that embed one.

    {"title": {"text": {"headline", "text"}},
     "events": [{"start_date": {"year", "month", "day"}, "display_date", "text": {"headline", "text"},
                 "group", "unique_id"}]}

Dates say no more than we know: a day-precise event has year, month and day; a week-precise one the
first day of its week and a "week of ..." display date; a month-precise one year and month; a
year-precise one the year only. Undated events are left out (TimelineJS needs a start date). TimelineJS
renders `text` as HTML, so every string we put there is escaped. The response allows any origin
(Access-Control-Allow-Origin: *) because the embed fetches it from the newsroom's page; it is the same
public data as the timeline.
"""

from __future__ import annotations

from collections import Counter

from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape, format_html, linebreaks
from django.views.decorators.http import require_GET

from tracker.cases.models import Case
from tracker.crossref.models import Claim, Event, Precision

MAX_EVENTS = 2000


def start_date(event: Event) -> dict[str, str]:
    """TimelineJS's date object, as precise as the event's date and no more."""
    day = event.date
    parts = {"year": str(day.year)}
    if event.precision in (Precision.DAY, Precision.WEEK, Precision.MONTH):
        parts["month"] = str(day.month)
    if event.precision in (Precision.DAY, Precision.WEEK):
        parts["day"] = str(day.day)
    return parts


def display_date(event: Event) -> str | None:
    if event.precision == Precision.WEEK:
        return f"week of {event.date.day} {event.date:%b %Y}"
    return None


def timeline_event(event: Event, link: str) -> dict:
    kinds = Counter(c.kind for c in event.public_claims)
    text = linebreaks(event.summary, autoescape=True) if event.summary else ""
    if event.first_reported_by:
        text += format_html("<p>First reported by {}.</p>", event.first_reported_by.name)
    text += format_html('<p><a href="{}">The sources side by side</a></p>', link)
    entry = {
        "start_date": start_date(event),
        "text": {"headline": escape(event.title), "text": text},
        "unique_id": f"event-{event.pk}",
    }
    if kinds:  # a row per kind of claim (testimony, ruling...): its most frequent one
        entry["group"] = min(kinds, key=lambda k: (-kinds[k], k))
    if shown := display_date(event):
        entry["display_date"] = shown
    return entry


def export(case: Case, absolute) -> dict:
    """The TimelineJS document of a case's public, dated events, oldest first."""
    claims = Claim.objects.public().only("id", "event_id", "kind", "status")
    events = (
        Event.objects.public()
        .filter(case=case, date__isnull=False)
        .select_related("first_reported_by")
        .prefetch_related(Prefetch("claims", claims, to_attr="public_claims"))
        .order_by("date", "id")[:MAX_EVENTS]
    )
    return {
        "title": {
            "text": {
                "headline": escape(case.name),
                "text": linebreaks(case.description, autoescape=True) if case.description else "",
            }
        },
        "events": [timeline_event(e, absolute(reverse("web:event", args=[e.pk]))) for e in events],
    }


@require_GET
def case_timeline(request, slug: str):
    case = get_object_or_404(Case, slug=slug)
    response = JsonResponse(export(case, request.build_absolute_uri))
    response["Access-Control-Allow-Origin"] = "*"
    return response
