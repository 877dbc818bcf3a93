"""Rows inserted as plain values, one `executemany` a table: a batch's extractions are thousands of
mentions, and `bulk_create` spent more CPU building a model instance and its statement for each row
(about 50 us a mention, 140 us a claim candidate) than the database spent storing it. Each value is
adapted as `bulk_create` adapts it (`get_db_prep_save`: a date, a JSON list); like `bulk_create`, no
signal is sent. No default is filled in: a column not given must be nullable or have a default in the
database. The rows are inserted in the order given (their ids ascend in that order)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
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
    marks = ", ".join(["%s"] * len(fields))
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {name(model._meta.db_table)} ({columns}) VALUES ({marks})", params)


def insert_history(model: type[models.Model], objs: Iterable[models.Model], *, update: bool = False) -> None:
    """`model.history.bulk_history_create(objs, update=update, default_change_reason=None)` as plain
    values (`insert_all`: one `executemany`): the history rows of a linking batch's new and changed
    claims, events and discrepancies, without a historical instance built for each. Each row as it
    builds it: the object's tracked fields, its `_history_date` (else now), `_history_user` (else the
    default user) and `_change_reason`; "~" when `update`, else "+"."""
    if not getattr(settings, "SIMPLE_HISTORY_ENABLED", True):
        return
    history, kind = model.history.model, "~" if update else "+"
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
