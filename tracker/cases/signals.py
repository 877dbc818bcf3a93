"""Cases' hand-off upward: a case's own fields changed (its name, court, time zone, the docket kinds
its timeline hides; a case added or deleted), so the pages that show the case are out of date. Sent
once per save or delete by the admin (`CaseAdmin.save_related`, `delete_model`, `delete_queryset`), after
the transaction commits; the web's page cache listens."""

from collections.abc import Iterable

from django.db import transaction
from django.dispatch import Signal

cases_changed = Signal()  # sender=None, case_ids=list[int]


def send_cases_changed(case_ids: Iterable[int]) -> list[int]:
    ids = sorted({pk for pk in case_ids if pk})
    if ids:
        transaction.on_commit(lambda: cases_changed.send(sender=None, case_ids=ids))
    return ids
