"""Rows inserted as plain values, one statement a table: a batch's extractions are thousands of
mentions, and `bulk_create` spent more CPU building a model instance and its statement for each row
(about 50 us a mention, 140 us a claim candidate) than the database spent storing it. Each value is
adapted as `bulk_create` adapts it (`get_db_prep_save`: a date, a JSON list); like `bulk_create`, no
signal is sent. No default is filled in: a column not given must be nullable or have a default in the
database. The rows are inserted in the order given (their ids ascend in that order).

On PostgreSQL the rows go in one `COPY ... FROM STDIN` (psycopg writes each row in C: a batch's 850
mentions and 190 claim candidates took 2.5x less CPU and 2.5x less time than one `executemany` of
INSERTs, measured alternated on this project's machine; a multi-row INSERT took more CPU than the
`executemany`, its values quoted one by one in Python); elsewhere one `executemany`. The COPY runs
through Django's execute wrappers and query log as one statement, its errors as Django's
(`DatabaseError`), like any other.

Rows that need their ids back, or may repeat a stored row (claims, evidence, events) stay with
`bulk_create`: the same multi-row INSERT built without its compiler (`pre_save`, `get_db_prep_save`,
RETURNING) took as much CPU as `bulk_create` (787 evidence rows and 300 claims: 61-69 ms against 55-62
ms, alternated), the quoting of each value in Python being the cost, not the compiler.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import nullcontext
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorDebugWrapper
from django.utils import timezone
from simple_history.utils import get_change_reason_from_object

_UNSET = object()


def thread_connection() -> BaseDatabaseWrapper:
    """This thread's connection to the default database, for adapting many values: `django.db.connection`
    is a proxy that looks the connection up (an asgiref lookup) at every use, each value's."""
    return connections[DEFAULT_DB_ALIAS]


def insert_all(model: type[models.Model], attnames: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """`model.objects.bulk_create` of rows given as values, in the order of `attnames`."""
    connection = thread_connection()
    fields = [model._meta.get_field(name) for name in attnames]
    prepare = [field.get_db_prep_save for field in fields]
    params = [[p(value, connection) for p, value in zip(prepare, row, strict=True)] for row in rows]
    if not params:
        return
    name = connection.ops.quote_name
    columns = ", ".join(name(field.column) for field in fields)
    table = name(model._meta.db_table)
    if connection.vendor == "postgresql":
        _copy(connection, f"COPY {table} ({columns}) FROM STDIN", params)
        return
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", params)


def _copy(connection: BaseDatabaseWrapper, sql: str, rows: list[list[Any]]) -> None:
    """The rows through psycopg's COPY, as Django runs a statement: its execute wrappers, its query log
    (one entry, "N times: COPY ..."), its errors."""

    def copy(sql: str, rows: list[list[Any]], many: bool, context: dict) -> None:
        connection.validate_no_broken_transaction()
        with connection.wrap_database_errors, context["cursor"].cursor.copy(sql) as copying:
            for row in rows:
                copying.write_row(row)

    with connection.cursor() as cursor:
        logged = (
            cursor.debug_sql(sql, rows, many=True)
            if isinstance(cursor, CursorDebugWrapper)
            else nullcontext()
        )
        with logged:
            cursor._execute_with_wrappers(sql, rows, many=True, executor=copy)


def insert_history(
    model: type[models.Model], objs: Iterable[models.Model], *, update: bool = False, kind: str = ""
) -> None:
    """`model.history.bulk_history_create(objs, update=update, default_change_reason=None)` as plain
    values (`insert_all`: one `executemany`): the history rows of a linking batch's new and changed
    claims, events and discrepancies, without a historical instance built for each. Each row as it
    builds it: the object's tracked fields, its `_history_date` (else now), `_history_user` (else the
    default user) and `_change_reason`; of `kind` when given ("-": deleted), else "~" when `update`, else "+"."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    history, kind = model.history.model, kind or ("~" if update else "+")
    tracked = [field.attname for field in history.tracked_fields]
    rows = []
    for obj in objs:
        user = getattr(obj, "_history_user", _UNSET)
        user = history.get_default_history_user(obj) if user is _UNSET else user
        date = getattr(obj, "_history_date", _UNSET)
        row = {name: getattr(obj, name) for name in tracked}
        row["history_date"] = timezone.now() if date is _UNSET else date
        row["history_user_id"] = user.pk if user is not None else None
        row["history_change_reason"] = get_change_reason_from_object(obj) or None
        row["history_type"] = kind
        rows.append(row)
    fields = [f.attname for f in history._meta.concrete_fields if not f.primary_key]
    insert_all(history, fields, [[row[name] for name in fields] for row in rows])
