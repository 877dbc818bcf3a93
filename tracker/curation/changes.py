"""How curation saves a row: field by field, only when something changed, with the curator recorded.

Curation saves row by row (never `QuerySet.update`), so django-simple-history records who changed what,
with the values before and after; the user comes from the request (HistoryRequestMiddleware) or from
`_history_user` when called outside one.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class CurationError(ValueError):
    """A curation that cannot be done as asked (the message says why, for the curator)."""


@dataclass
class Reviewed:
    """Which rows an action changed, and which it found already as asked."""

    changed: list[int] = field(default_factory=list)
    unchanged: list[int] = field(default_factory=list)


def record_user(row, user) -> None:
    """Have the row's next history record name `user` (when there is one)."""
    if user is not None:
        row._history_user = user


def save_changes(row, user, **values) -> bool:
    """Set `values` on `row` and save it when something changed; record `user` in its history."""
    changed = [name for name, value in values.items() if getattr(row, name) != value]
    if not changed:
        return False
    for name in changed:
        setattr(row, name, values[name])
    record_user(row, user)
    row.save()
    return True
