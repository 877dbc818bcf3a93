"""Keyset paging: opaque signed cursors, a total order with NULLs last, pages that do not shift."""

from datetime import date

import pytest

from tracker.crossref.models import Event
from tracker.web.paging import BadCursor, Key, decode, encode, paginate

KEYS = [Key("date", nullable=True), Key("id")]


def test_cursor_round_trip_and_is_opaque():
    cursor = encode("events", [date(2026, 4, 30), 17])
    assert "2026" not in cursor
    assert decode("events", cursor, KEYS) == ["2026-04-30", 17]


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        encode("events", [1, 2])[:-2] + "xx",  # tampered signature
        encode("claims", ["2026-04-30", 17]),  # another list's cursor
        encode("events", ["2026-04-30"]),  # wrong shape
    ],
)
def test_bad_cursors_are_refused(cursor):
    with pytest.raises(BadCursor):
        decode("events", cursor, KEYS)


def _walk(limit: int) -> list[int]:
    seen, cursor = [], None
    while True:
        page = paginate(Event.objects.all(), resource="events", keys=KEYS, cursor=cursor, limit=limit)
        seen += [e.pk for e in page.items]
        if page.next is None:
            return seen
        cursor = page.next


@pytest.mark.django_db
@pytest.mark.parametrize("limit", [1, 2, 3, 10])
def test_pages_cover_every_row_once_in_order_nulls_last(limit):
    days = [date(2026, 4, 30), date(2026, 4, 30), None, date(2023, 1, 1), None, date(2026, 5, 1)]
    for i, day in enumerate(days):
        Event.objects.create(title=f"e{i}", date=day)
    dated = sorted((e for e in Event.objects.exclude(date=None)), key=lambda e: (e.date, e.pk), reverse=True)
    undated = sorted(Event.objects.filter(date=None), key=lambda e: e.pk, reverse=True)
    expected = [e.pk for e in dated + undated]
    assert _walk(limit) == expected


@pytest.mark.django_db
def test_a_new_row_does_not_shift_the_next_page():
    for i in range(4):
        Event.objects.create(title=f"e{i}", date=date(2026, 1, 1 + i))
    first = paginate(Event.objects.all(), resource="events", keys=KEYS, cursor=None, limit=2)
    assert [e.date.day for e in first.items] == [4, 3]
    Event.objects.create(title="newer", date=date(2026, 2, 1))  # sorts before the cursor
    second = paginate(Event.objects.all(), resource="events", keys=KEYS, cursor=first.next, limit=2)
    assert [e.date.day for e in second.items] == [2, 1]
    assert second.next is None
