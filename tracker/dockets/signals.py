"""The one hand-off from dockets upward: the court record of some cases changed.

`store_entries` (new or amended entries) and the relinking of entries to news events call
`send_record_changed` once per batch; receivers (the web's page cache) get `case_ids` (whose record
changed) and `event_ids` (whose links to the record changed) once the transaction commits.
"""

from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal

record_changed = Signal()  # sender=None, case_ids=list[int], event_ids=list[int]


def send_record_changed(case_ids: Iterable[int], event_ids: Iterable[int] = ()) -> bool:
    """Send `record_changed` once after the current transaction commits (at once outside one);
    nothing when both are empty. Returns whether it was sent."""
    cases, events = sorted(set(case_ids)), sorted(set(event_ids))
    if not cases and not events:
        return False
    transaction.on_commit(lambda: record_changed.send(sender=None, case_ids=cases, event_ids=events))
    return True
