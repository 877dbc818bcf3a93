"""Keyset (cursor) paging: a page is "the next `limit` rows after this sort key", never an offset.

A cursor is the sort key of the last row served, signed (django.core.signing, salted with the resource's
name) so it is opaque to clients, cannot be forged into arbitrary SQL values, and a cursor of one list
is refused by another. Order keys are (field, descending, nullable) and always end with the primary
key, so the order is total and stable while rows are added: a new row lands before or after the cursor,
never shifting the pages already served. A nullable field sorts its NULLs last in either direction.

Caveat: a row whose sort key changes between two requests may be served twice or skipped, as with any
keyset paging; the lists here sort on keys that rarely change (dates, ids).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core import signing
from django.db.models import F, Q, QuerySet
from django.http import Http404

SALT = "tracker.web.paging"


class BadCursor(ValueError):
    """The cursor was not issued by this list (tampered, truncated, or from another resource)."""


@dataclass(frozen=True)
class Key:
    field: str
    descending: bool = True
    nullable: bool = False


@dataclass(frozen=True)
class Page:
    items: list
    next: str | None


def _plain(value):
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def encode(resource: str, values: list) -> str:
    """The opaque cursor of a row whose sort key is `values`."""
    return signing.dumps([_plain(v) for v in values], salt=f"{SALT}:{resource}", compress=True)


def decode(resource: str, cursor: str, keys: list[Key]) -> list:
    """The sort key a cursor carries; BadCursor when it was not issued for `resource` with these keys."""
    try:
        values = signing.loads(cursor, salt=f"{SALT}:{resource}")
    except signing.BadSignature as exc:
        raise BadCursor("invalid cursor: pass back the `next` value of a previous page unchanged") from exc
    if not isinstance(values, list) or len(values) != len(keys):
        raise BadCursor("invalid cursor: it does not belong to this list")
    return values


def ordering(keys: list[Key]) -> list:
    return [
        F(k.field).desc(nulls_last=True) if k.descending else F(k.field).asc(nulls_last=True) for k in keys
    ]


def after(keys: list[Key], values: list) -> Q:
    """Rows strictly after the sort key `values` in the order `keys` (NULLs last)."""
    condition = Q(pk__in=[])
    equal = Q()
    for key, value in zip(keys, values, strict=True):
        if value is None:
            beyond = Q(pk__in=[])  # nothing sorts after NULL: NULLs are last
            same = Q(**{f"{key.field}__isnull": True})
        else:
            op = "lt" if key.descending else "gt"
            beyond = Q(**{f"{key.field}__{op}": value})
            if key.nullable:
                beyond |= Q(**{f"{key.field}__isnull": True})
            same = Q(**{key.field: value})
        condition |= equal & beyond
        equal &= same
    return condition


def paginate(queryset: QuerySet, *, resource: str, keys: list[Key], cursor: str | None, limit: int) -> Page:
    """One page of `queryset` in the order `keys`, with the cursor of the next page (None at the end).
    Reads limit + 1 rows in one query (plus the queryset's prefetches)."""
    queryset = queryset.order_by(*ordering(keys))
    if cursor:
        queryset = queryset.filter(after(keys, decode(resource, cursor, keys)))
    rows = list(queryset[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = None
    if more and rows:
        last = rows[-1]
        next_cursor = encode(resource, [_value(last, k.field) for k in keys])
    return Page(items=rows, next=next_cursor)


def page_or_404(request, queryset: QuerySet, *, resource: str, keys: list[Key], limit: int) -> Page:
    """`paginate` for a page view: the cursor comes from `?older=`; a forged or stale one is a 404."""
    try:
        return paginate(
            queryset, resource=resource, keys=keys, cursor=request.GET.get("older") or None, limit=limit
        )
    except BadCursor as exc:
        raise Http404("This page link is no longer valid.") from exc


def _value(row, field: str):
    for part in field.split("__"):
        row = getattr(row, part)
    return row
