"""The docket-to-event link window on its own: one event and one agreeing entry, nothing else in the
case, so only the distance in days decides. Within two days the entry is linked; three days off it is
not, however well the topic agrees (mutual-nearest pairing cannot hide a window that grew)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.factories import DocketEntryFactory, EventFactory
from tracker.cases.models import Case
from tracker.crossref.models import Event
from tracker.dockets import event_linking

pytestmark = pytest.mark.django_db

EVENT_DAY = date(2026, 4, 30)


def _link(case: Case, filed_on: date) -> list[Event]:
    event = EventFactory(case=case, date=EVENT_DAY, title="Musk testifies on the stand")
    entry = DocketEntryFactory(case=case, description="Minute Entry for Jury Trial held", filed_on=filed_on)
    event_linking.link_case(case.pk)
    assert event_linking.agrees(entry, event, set()), "the topic agrees: only the window is under test"
    return list(entry.events.all())


@pytest.mark.parametrize("days", [-2, -1, 0, 1, 2])
def test_an_entry_within_two_days_of_the_event_is_linked(days):
    case = Case.objects.get(slug="musk-v-openai")
    assert [e.date for e in _link(case, EVENT_DAY + timedelta(days=days))] == [EVENT_DAY]


@pytest.mark.parametrize("days", [-3, 3, 30, 3650])
def test_an_entry_three_days_or_more_from_the_event_is_not_linked(days):
    case = Case.objects.get(slug="musk-v-openai")
    assert _link(case, EVENT_DAY + timedelta(days=days)) == []
