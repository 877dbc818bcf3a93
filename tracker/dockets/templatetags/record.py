"""`{% load record %}{% record_status claim %}`: whether the court's record holds what a claim reports.

Renders nothing for claims of other kinds than testimony or ruling. One or two queries per claim (the
entries, and their events): use it on a claim page, not in a long list."""

from django import template

from tracker.dockets.record import record_status as status_for

register = template.Library()


@register.inclusion_tag("dockets/record_status.html")
def record_status(claim):
    """Dates through the site's court-time tags (web's `court`: "30 Apr 2026", the court's day)."""
    status = status_for(claim)
    return {"status": status, "entry": status.entry}
