"""A linking batch's writes of one kind of row, once per row (`Held`): the batch's stories share rows
(their case's events, the discrepancy of a claim several of them report), each story's step changes the
batch's one instance of a row in memory, and the batch writes each row once, when its stories are done,
with only the fields that end other than they were read. `event_writes.Pending` and
`discrepancies.Pending` hold theirs here. Fields are named by attname throughout ("story_id", not
"story"): the stored id is what is compared, and `Model.save(update_fields=...)` takes attnames."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
M = TypeVar("M")


@dataclass
class Held(Generic[K, M]):
    fields: tuple[str, ...]  # what is kept of a row as read, to compare with at the end
    rows: dict[K, M] = field(default_factory=dict)  # the batch's one instance of each, by key
    stored: dict[K, dict[str, Any]] = field(default_factory=dict)  # what was read of each
    changed: dict[K, set[str]] = field(default_factory=dict)  # the fields set on each since

    def hold(self, key: K, row: M) -> M:
        """The batch's instance of the row: `row` itself when the batch has none yet."""
        if key not in self.rows:
            self.rows[key] = row
            self.stored[key] = {name: getattr(row, name) for name in self.fields}
        return self.rows[key]

    def made(self, key: K, row: M) -> None:
        """`row` is the batch's instance of `key` from here on: one the batch made has nothing read to
        compare with, so all that is set on it later is written (`take`)."""
        self.rows[key] = row

    def mark(self, key: K, names: Iterable[str]) -> None:
        self.changed.setdefault(key, set()).update(names)

    def take(self) -> dict[K, list[str]]:
        """Each changed row's fields that end other than read, sorted (all it was set, for a row the
        batch made and did not read), the rows that end as read left out; the marks are cleared and the
        values to write become what was read."""
        found: dict[K, list[str]] = {}
        for key, names in self.changed.items():
            row, was = self.rows[key], self.stored.setdefault(key, {})
            if differ := sorted(n for n in names if n not in was or getattr(row, n) != was[n]):
                found[key] = differ
                was.update((n, getattr(row, n)) for n in differ)
        self.changed.clear()
        return found
