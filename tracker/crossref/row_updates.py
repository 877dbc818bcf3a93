"""Rows updated one by one, in as few statements as there are sets of fields: a linking batch writes
each changed event (`event_writes.Pending.write`) and each event's first report
(`corroboration.refresh_events`) with values of its own, and an ORM `update()` a row cost more CPU than
the rest of those steps. Each row's values are adapted as `QuerySet.update` adapts them
(`get_db_prep_save`), and like it no `auto_now` field is touched and no history row written."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from tracker.crossref.row_inserts import thread_connection


def update_each(model: type[models.Model], rows: Iterable[tuple[Any, dict[str, Any]]]) -> None:
    """`model.objects.filter(pk=pk).update(**values)` for each (pk, values) (attnames), in the order
    given: one `executemany` for the rows that set the same fields."""
    connection = thread_connection()
    fields = {f.attname: f for f in model._meta.concrete_fields}
    name = connection.ops.quote_name
    table, key = name(model._meta.db_table), name(model._meta.pk.column)
    groups: dict[tuple[str, ...], list[tuple]] = {}
    for pk, values in rows:
        names = tuple(sorted(values))
        prepared = (fields[f].get_db_prep_save(values[f], connection=connection) for f in names)
        groups.setdefault(names, []).append((*prepared, pk))
    with connection.cursor() as cursor:
        for names, params in groups.items():
            sets = ", ".join(f"{name(fields[f].column)} = %s" for f in names)
            cursor.executemany(f"UPDATE {table} SET {sets} WHERE {key} = %s", params)
