"""The one hand-off from crossref upward: events whose claims, date, text or visibility changed.

Every writer of events (linking, the rebuild, curation and the admin) calls `send_events_changed` once
per batch, after the batch's claims are attached to their events; receivers (the docket linking) get
`event_ids` once the transaction commits, so they read what was written, and never race it.
"""

from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal

events_changed = Signal()  # sender=None, event_ids=list[int]


def send_events_changed(event_ids: Iterable[int | None]) -> list[int]:
    """Send `events_changed` once with these ids after the current transaction commits (at once
    outside one); nothing when there are none. Returns the ids sent."""
    ids = sorted({pk for pk in event_ids if pk})
    if ids:
        transaction.on_commit(lambda: events_changed.send(sender=None, event_ids=ids))
    return ids
