"""Rows inserted as plain values, one `executemany` a table: a batch's extractions are thousands of
mentions, and `bulk_create` spent more CPU building a model instance and its statement for each row
(about 50 us a mention, 140 us a claim candidate) than the database spent storing it. Each value is
adapted as `bulk_create` adapts it (`get_db_prep_save`: a date, a JSON list); like `bulk_create`, no
signal is sent. No default is filled in: a column not given must be nullable or have a default in the
database. The rows are inserted in the order given (their ids ascend in that order)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.backends.base.base import BaseDatabaseWrapper


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
