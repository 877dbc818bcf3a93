"""`{% load record %}{% record_status claim %}`: whether the court's record holds what a claim reports.

Renders nothing for claims of other kinds than testimony or ruling. One or two queries per claim (the
entries, and their events): use it on a claim page, not in a long list."""

from django import template
from django.utils import timezone

from tracker.dockets.record import record_status as status_for

register = template.Library()


@register.inclusion_tag("dockets/record_status.html")
def record_status(claim):
    status = status_for(claim)
    entry = status.entry
    local = None
    if entry is not None:
        tz = _zone(entry.case.time_zone)
        local = timezone.localtime(entry.entered_at, tz).date()
    return {"status": status, "entry": entry, "entered_local": local}


def _zone(name: str):
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")
