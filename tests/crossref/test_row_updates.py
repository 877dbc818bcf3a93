"""Rows updated with values of their own (`row_updates.update_each`): one statement for the rows that set
the same fields, and read back each row has its own values, adapted as `QuerySet.update` adapts them
(a time, a foreign key, a date), the other rows and fields untouched."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.factories import EventFactory, OutletFactory
from tracker.crossref import row_updates
from tracker.crossref.models import Event

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)


def test_rows_of_the_same_fields_share_one_statement_and_each_keeps_its_own_values(django_assert_num_queries):
    events = [EventFactory(title=f"Event {n}") for n in range(4)]
    outlets = [OutletFactory(name=f"Outlet {n}") for n in range(2)]
    rows = [
        (events[0].pk, {"first_reported_at": T0, "first_reported_by_id": outlets[0].pk}),
        (events[1].pk, {"first_reported_by_id": outlets[1].pk, "first_reported_at": T0 + timedelta(hours=5)}),
        (events[2].pk, {"title": "Renamed", "date": date(2026, 5, 1)}),
    ]
    with django_assert_num_queries(2):  # two sets of fields (in whatever order given)
        row_updates.update_each(Event, rows)

    found = {e.pk: e for e in Event.objects.all()}
    assert (found[events[0].pk].first_reported_at, found[events[0].pk].first_reported_by) == (T0, outlets[0])
    assert found[events[1].pk].first_reported_at == T0 + timedelta(hours=5)
    assert found[events[1].pk].first_reported_by == outlets[1] and found[events[1].pk].title == "Event 1"
    assert (found[events[2].pk].title, found[events[2].pk].date) == ("Renamed", date(2026, 5, 1))
    assert found[events[2].pk].first_reported_at is None
    assert (found[events[3].pk].title, found[events[3].pk].first_reported_at) == ("Event 3", None)
    assert Event.objects.filter(first_reported_at__gte=T0).count() == 2  # stored as the ORM stores times
