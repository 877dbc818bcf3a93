"""The sample chain's rows, captured once and written back per test.

Building the sample (ingest, spaCy extraction, cross-referencing) takes seconds; about 150 tests want
its result. `SampleRows.build` runs it once, inside a transaction it rolls back, and keeps what it
changed: for every model (auto-created many-to-many tables and history tables included), the rows it
added or changed and the primary keys it removed. `restore` writes exactly that into the current
test's transaction with bulk inserts (no signals, no spaCy), so a test sees the same rows, with the
same ids, as if it had run the chain itself, and its transaction still rolls everything back.

The base it applies to is the test database as migrations left it, which is what every `db` test
starts from (pytest-django runs transactional tests, whose flush empties it, after them).
`TestCase` checks the deferred foreign keys at the end of each test, so a restore that left a
dangling reference would fail there.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, models, transaction

Rows = dict[Any, tuple]


def _models() -> list[type[models.Model]]:
    return [m for m in apps.get_models(include_auto_created=True) if m._meta.managed and not m._meta.proxy]


def _attnames(model: type[models.Model]) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def _rows(model: type[models.Model]) -> Rows:
    names = _attnames(model)
    pk = names.index(model._meta.pk.attname)
    return {row[pk]: row for row in model._base_manager.values_list(*names)}


def _snapshot() -> dict[type[models.Model], Rows]:
    return {model: _rows(model) for model in _models()}


@dataclass
class SampleRows:
    result: Any  # what the build returned (load_sample's summary); a copy per test
    written: dict[type[models.Model], list[tuple]] = field(default_factory=dict)
    removed: dict[type[models.Model], list[Any]] = field(default_factory=dict)

    @classmethod
    def build(cls, load: Callable[[], Any]) -> SampleRows:
        with transaction.atomic():
            before = _snapshot()
            result = load()
            after = _snapshot()
            transaction.set_rollback(True)
        rows = cls(result=result)
        for model, now in after.items():
            then = before[model]
            written = [row for pk, row in now.items() if then.get(pk) != row]
            removed = [pk for pk in then if pk not in now]
            if written:
                rows.written[model] = written
            if removed:
                rows.removed[model] = removed
        return rows

    def restore(self) -> Any:
        """Write the rows into the current transaction; returns a copy of the build's result."""
        for model in self.removed.keys() | self.written.keys():
            stale = self.removed.get(model, []) + [
                row[self._pk(model)] for row in self.written.get(model, [])
            ]
            model._base_manager.filter(pk__in=stale)._raw_delete(connection.alias)
        for model, written in self.written.items():
            names = _attnames(model)
            model._base_manager.bulk_create([model(**dict(zip(names, row, strict=True))) for row in written])
        with connection.cursor() as cursor:  # PostgreSQL: the next ids follow the restored ones
            for sql in connection.ops.sequence_reset_sql(no_style(), list(self.written)):
                cursor.execute(sql)
        return copy.deepcopy(self.result)

    @staticmethod
    def _pk(model: type[models.Model]) -> int:
        return _attnames(model).index(model._meta.pk.attname)
