"""Which of a story's events a linking batch can have changed the coverage of (issue 17, goal 3): the
story step builds all of a story's events, but counts again (`corroboration.refresh_events`) only those
whose reports the batch's articles can have added, removed or moved, so a batch's counting follows
its articles, not the story's size.

Caveat: an article re-extracted (edited, or by a changed extractor) that loses its only date in the
period of an event without a published claim still counts for that event until the event is counted
again: when its story is rebuilt (`crossref_rebuild`) or a report of it arrives.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.crossref.event_reports import Group, within
from tracker.crossref.models import Claim, DateMention, Event


def reported_anew(
    built: list[Event],
    keyed: dict[str, Group],
    claims: list[Claim],
    fresh: frozenset | None,
    changed: set,
    *,
    cited: Callable[[Claim], dict] | None = None,
    known: dict[int, Event] | None = None,
    dates: dict[frozenset, set] | None = None,
) -> list[Event]:
    """The events whose coverage (`corroboration.coverage_of_events`) `fresh` articles can have
    changed: those `changed` (new, joined by the story, gaining or losing claims), those holding a
    claim with evidence in them, those they report, and those without a published claim here, counted
    from their stories' articles that date them (`corroboration.dating_reports`), when a fresh article
    has a date in their period or none of their reports is a date mention of their own period.
    `known`: events by id as a linking batch holds them (the others are read); `dates`: the batch's
    fresh articles' dates, by the articles, read once for all its stories."""
    # events of other stories that lost claims to these: counted again too (`known`: a linking batch's
    # events by id, as it holds them; the others read)
    gone = changed - {e.pk for e in built} - {None}
    others = [event for pk in sorted(gone) if (event := (known or {}).get(pk)) is not None]
    if unknown := gone - {event.pk for event in others}:
        others += Event.objects.filter(pk__in=unknown)
    if fresh is None:
        return built + others
    cited = _cited if cited is None else cited  # the articles of a claim's evidence, by id
    anew = changed | {c.event_id for c in claims if not fresh.isdisjoint(cited(c))}
    days = None  # the fresh articles' dates, read once if an event without a published claim needs them
    for event, group in ((e, keyed[e.key]) for e in built if e.pk not in anew):
        ids = {a for r in group.reports for a in r.articles}
        ids = ids.union(*(cited(c) for c in group.claims.values()))
        if not ids.isdisjoint(fresh):
            anew.add(event.pk)
        elif not any(c.is_public() and c.event_id == event.pk for c in group.claims.values()):
            own = (event.date, event.precision)
            if not any(r.claim is None and (r.date, r.precision) == own for r in group.reports):
                anew.add(event.pk)
                continue
            if days is None and (days := (dates or {}).get(fresh)) is None:
                found = DateMention.objects.filter(article_id__in=fresh, value__isnull=False)
                days = set(found.values_list("value", flat=True))
                if dates is not None:
                    dates[fresh] = days
            if any(within(day, *own) for day in days):
                anew.add(event.pk)
    return [event for event in built if event.pk in anew] + others


def _cited(claim: Claim) -> dict[int, None]:
    return dict.fromkeys(e.article_id for e in claim.evidence.all())
