"""Public views: the timeline (of the default case at `/`, of one case at `/cases/<slug>/`), the event
page, and the health check.

Each view serves the whole page, or to htmx the named partial it asked for, from the same URL: the
filter form targets the results, the "older events" link the next page, expanding an event its
sources. A history-restore request (back button with htmx's cache missed) gets the whole page.
"""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.utils import timezone
from django.views.decorators.http import require_GET

from tracker.cases.models import Case
from tracker.crossref.corroboration import coverage_of_events
from tracker.crossref.models import Event
from tracker.dockets.hearings import STATES_A_HEARING, Hearing, StatedHearing, hearings_of
from tracker.dockets.models import DocketEntry
from tracker.web import cards, precomputed, timeline
from tracker.web.forms import timeline_form
from tracker.web.htmx import wants_partial
from tracker.web.templatetags.court import date_label

CARDS_PAGE = 30  # outlets' cards per event page; the rest behind "More sources" (?sources_from=)


@require_GET
def home(request):
    """The timeline of the case the form names, else of the default case (or of all cases)."""
    cases = precomputed.cases()
    return _timeline(request, cases, timeline.default_of(cases))


@require_GET
def case(request, slug: str):
    cases = precomputed.cases()
    found = next((c for c in cases if c.slug == slug), None)
    if found is None:
        raise Http404("No such case")
    return _timeline(request, cases, found, fixed=True)


def _timeline(request, cases: list[Case], case: Case | None, *, fixed: bool = False):
    data = request.GET.copy()
    if fixed or not data.get("case"):
        data["case"] = case.slug if case else "all"
    form, filters = timeline_form(data, cases=cases, case=case)
    before = timeline.Cursor.parse(request.GET.get("before"))
    visible = timeline.visible_entries(cases)  # for the court record and the next hearing
    page = timeline.page(filters, before=before, visible=visible)
    # Appended to a list (htmx), a page continues the day before it; a whole page (no JavaScript, or
    # a reload) opens with its date heading, so no heading level is skipped.
    continued = before and wants_partial(request) and request.htmx.target == "timeline-more"
    timeline.mark_new_days(page.items, date_label, request.GET.get("last_label") if continued else None)
    context = {
        "case": filters.case,
        "form": form,
        "page": page,
        "before": before,
        "next_query": _query(request, page),
        "procedural_toggle": _procedural_toggle(request, filters),
    }
    if wants_partial(request):
        name = "timeline-items" if request.htmx.target == "timeline-more" else "timeline-section"
        return render(request, f"web/timeline.html#{name}", context)
    context |= _overview(filters.case, visible)
    return render(request, "web/timeline.html", context)


def _procedural_toggle(request, filters: timeline.Filters) -> str:
    """The query string that shows (or hides again) procedural filings, the other filters kept; empty
    when the page lists no court record or a filing type is chosen."""
    no_docket = filters.case is not None and not filters.case.docket_number  # a topic
    if no_docket or not filters.wants(timeline.RECORD) or filters.docket_kind:
        return ""
    params = request.GET.copy()
    for name in ("before", "last_label", "procedural"):
        params.pop(name, None)
    if not filters.procedural:
        params["procedural"] = "on"
    return params.urlencode() or "procedural="


def _query(request, page: timeline.Page) -> str:
    """The query string of the next page: the same filters, after the last item shown."""
    if page.next_cursor is None:
        return ""
    params = request.GET.copy()
    params.pop("last_label", None)
    params["before"] = str(page.next_cursor)
    last = page.items[-1]
    params["last_label"] = date_label(last.day, last.precision)
    return params.urlencode()


def _overview(case: Case | None, visible) -> dict:
    """What the top of a case's timeline shows: its latest events and stories, its people and judge (kept
    until the case's events change: precomputed.overview), and the next known hearing (the candidates kept
    until its record changes, the clock applied on every request)."""
    if case is None:
        return {}
    candidates = precomputed.hearings(case, lambda: hearing_candidates(case, visible))
    return precomputed.overview(case) | {
        "next_hearing": next_hearing(case, timezone.now(), candidates=candidates)
    }


def hearing_candidates(case: Case, visible=None) -> tuple[list[DocketEntry], list[Hearing]]:
    """What may be the case's next hearing, whenever now is: its visible entries whose text states a
    hearing and its hearing entries (a text may state no date), with the hearings the texts state.
    `visible`: the docket entries readers may see, when the caller has them (timeline.visible_entries)."""
    visible = DocketEntry.objects.visible() if visible is None else visible
    wanted = STATES_A_HEARING | Q(kind=DocketEntry.Kind.HEARING)
    entries = list(visible.for_case(case).filter(wanted).order_by("filed_on", "entered_at", "pk"))
    return entries, hearings_of(entries, case.tzinfo)  # each text parsed once


def next_hearing(case: Case, now: datetime, visible=None, candidates=None) -> Hearing | None:
    """The soonest hearing ahead: one an entry's text sets ("Jury Trial set for 5/4/2026 08:30 AM", in
    the court's zone), else a "hearing" entry whose filing date or entry time lies ahead (its text
    states no date: the hearing is the entry's description on that day). `candidates`: the case's
    hearing_candidates, when the caller has them."""
    tz = case.tzinfo
    today = now.astimezone(tz).date()
    entries, hearings = hearing_candidates(case, visible) if candidates is None else candidates
    stated = {h.entry.pk for h in hearings}
    found = [h for h in hearings if (h.starts >= today if h.all_day else h.starts >= now)]
    found += [
        Hearing(
            e,
            StatedHearing(e.description, e.filed_on or e.entered_at.astimezone(tz).date()),
            e.filed_on or e.entered_at,
        )
        for e in entries
        if e.kind == DocketEntry.Kind.HEARING
        and e.pk not in stated
        and ((e.filed_on and e.filed_on >= today) or e.entered_at >= now)
    ]
    return min(found, key=lambda hearing: hearing.sort_key(tz), default=None)


@require_GET
def event(request, pk: int):
    """The event's permalink; to htmx (expanding it on the timeline), only its sources side by side."""
    try:
        found = cards.event_with_relations(Event.objects.public(), pk)
    except Event.DoesNotExist:
        raise Http404("No such event") from None
    every = cards.cards(found)
    start = request.GET.get("sources_from", "")
    start = int(start) if start.isdigit() and int(start) < len(every) else 0
    context = {
        "event": found,
        "case": found.case,
        "cards": every[start : start + CARDS_PAGE],
        "cards_count": len(every),
        "cards_next": start + CARDS_PAGE if start + CARDS_PAGE < len(every) else None,
        "curated": timeline.is_curated(found),
    }
    if wants_partial(request):
        return render(request, "web/event.html#event-sources", context)
    context |= {
        "discrepancies": cards.discrepancies_of(found),
        "coverage": coverage_of_events([found.pk])[found.pk],
        "docket_entries": found.docket_entries.visible().order_by("number", "pk"),
    }
    return render(request, "web/event.html", context)


@require_GET
def favicon(request):
    """Browsers ask for /favicon.ico on every page, the admin's included; the icon is a static file."""
    return redirect(static("img/favicon.svg"), permanent=True)


@require_GET
def health(request):
    """A cheap page for process managers and CI: the app is up and can read its database."""
    return JsonResponse({"ok": True, "cases": Case.objects.count()})
