"""Docket linking's rules one at a time, on rows built for each (no sample chain): the topic of each
entry kind (by claim kinds, by words), mutual nearest pairs per entry kind, hidden and undated events,
the court's day, and which cases `link_entries` / `link_events` recompute. The window on its own is
tests/dockets/test_link_window.py."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.factories import CaseFactory, ClaimFactory, DocketEntryFactory, EventFactory
from tracker.crossref.models import Event
from tracker.dockets import event_linking
from tracker.dockets.models import DocketEntry

pytestmark = pytest.mark.django_db

K = DocketEntry.Kind
DAY = date(2026, 4, 30)


def linked(entry: DocketEntry) -> list[str]:
    return sorted(e.title for e in entry.events.all())


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        (K.MINUTES, "Jury selection begins"),
        (K.TRANSCRIPT, "A witness is cross-examined"),
        (K.VERDICT, "Jurors find for OpenAI"),
        (K.ORDER, "The judge ruled on discovery"),
        (K.JUDGMENT, "Judgment for the defendants"),
        (K.HEARING, "A hearing is set for May"),
        (K.MOTION, "Musk asks the court to pause"),
    ],
)
def test_each_entry_kind_agrees_with_an_event_whose_title_names_its_topic(kind, title):
    case = CaseFactory()
    EventFactory(case=case, date=DAY, title=title)
    unrelated = EventFactory(case=case, date=DAY, title="Quarterly results")
    entry = DocketEntryFactory(case=case, kind=kind, filed_on=DAY)
    assert event_linking.link_case(case.pk) == 1
    assert linked(entry) == [title]
    assert not event_linking.agrees(entry, unrelated, set())


@pytest.mark.parametrize(
    ("kind", "claim_kind", "agrees"),
    [
        (K.MINUTES, "testimony", True),
        (K.TRANSCRIPT, "testimony", True),
        (K.ORDER, "ruling", True),
        (K.JUDGMENT, "ruling", True),
        (K.MINUTES, "ruling", False),
        (K.VERDICT, "testimony", False),
        (K.HEARING, "testimony", False),
        (K.MOTION, "ruling", False),
    ],
)
def test_an_event_shows_its_topic_by_the_kinds_of_its_claims(kind, claim_kind, agrees):
    case = CaseFactory()
    event = EventFactory(case=case, date=DAY, title="Day three")
    ClaimFactory(event=event, kind=claim_kind)
    entry = DocketEntryFactory(case=case, kind=kind, filed_on=DAY)
    assert event_linking.link_case(case.pk) == int(agrees)
    assert linked(entry) == (["Day three"] if agrees else [])


def test_an_entry_of_no_known_topic_agrees_with_nothing():
    case = CaseFactory()
    event = EventFactory(case=case, date=DAY, title="Trial testimony, order, verdict, hearing, motion")
    entry = DocketEntryFactory(case=case, kind=K.OTHER, filed_on=DAY)
    assert not event_linking.agrees(entry, event, {"testimony", "ruling"})
    assert event_linking.link_case(case.pk) == 0


def test_each_entry_links_to_its_nearest_event_and_each_event_to_its_nearest_entry_of_a_kind():
    case = CaseFactory()
    EventFactory(case=case, date=DAY, title="Musk testifies")
    EventFactory(case=case, date=DAY + timedelta(days=2), title="Altman testifies")
    first = DocketEntryFactory(case=case, filed_on=DAY)
    second = DocketEntryFactory(case=case, filed_on=DAY + timedelta(days=1))  # one day from each event
    third = DocketEntryFactory(case=case, filed_on=DAY + timedelta(days=2))
    order = DocketEntryFactory(case=case, kind=K.ORDER, filed_on=DAY + timedelta(days=1))
    ClaimFactory(event=Event.objects.get(title="Musk testifies"), kind="ruling")
    assert event_linking.link_case(case.pk) == 3
    assert linked(first) == ["Musk testifies"]
    assert linked(second) == []  # each event has a nearer minute entry
    assert linked(third) == ["Altman testifies"]
    assert linked(order) == ["Musk testifies"]  # the nearest order, though a minute entry is nearer


def test_an_entry_one_day_from_two_events_links_both():
    case = CaseFactory()
    EventFactory(case=case, date=DAY - timedelta(days=1), title="Musk testifies")
    EventFactory(case=case, date=DAY + timedelta(days=1), title="Altman testifies")
    entry = DocketEntryFactory(case=case, filed_on=DAY)
    assert event_linking.link_case(case.pk) == 2
    assert linked(entry) == ["Altman testifies", "Musk testifies"]


def test_hidden_undated_and_other_cases_events_are_never_linked():
    case, other = CaseFactory(), CaseFactory()
    EventFactory(case=case, date=DAY, title="Musk testifies", status=Event.Visibility.HIDDEN)
    EventFactory(case=case, date=None, title="Altman testifies")
    EventFactory(case=other, date=DAY, title="Brockman testifies")
    entry = DocketEntryFactory(case=case, filed_on=DAY)
    assert event_linking.link_case(case.pk) == 0
    assert linked(entry) == []


def test_a_published_event_is_linked():
    case = CaseFactory()
    EventFactory(case=case, date=DAY, title="Musk testifies", status=Event.Visibility.PUBLISHED)
    entry = DocketEntryFactory(case=case, filed_on=DAY)
    assert event_linking.link_case(case.pk) == 1
    assert linked(entry) == ["Musk testifies"]


def test_an_entry_without_a_filing_date_counts_the_courts_day_it_was_entered():
    """03:00 UTC on April 29 is 20:00 on April 28 in Oakland: two days from April 26 there (linked),
    three in UTC (not)."""
    entered = datetime(2026, 4, 29, 3, 0, tzinfo=UTC)
    for zone, day, expected in (
        ("America/Los_Angeles", date(2026, 4, 28), ["Musk testifies"]),
        ("UTC", date(2026, 4, 29), []),
    ):
        case = CaseFactory(time_zone=zone)
        EventFactory(case=case, date=date(2026, 4, 26), title="Musk testifies")
        entry = DocketEntryFactory(case=case, filed_on=None, entered_at=entered)
        assert event_linking.entry_day(entry) == day, zone
        event_linking.link_case(case.pk)
        assert linked(entry) == expected, zone


def test_a_filing_date_wins_over_the_entry_time():
    case = CaseFactory()
    entry = DocketEntryFactory(case=case, filed_on=DAY, entered_at=datetime(2026, 5, 9, 12, tzinfo=UTC))
    assert event_linking.entry_day(entry) == DAY


def test_relinking_drops_a_link_that_no_longer_holds_and_writes_nothing_when_unchanged(
    django_assert_num_queries,
):
    case = CaseFactory()
    event = EventFactory(case=case, date=DAY, title="Musk testifies")
    entry = DocketEntryFactory(case=case, filed_on=DAY)
    DocketEntryFactory(case=case, filed_on=None, entered_at=datetime(2026, 4, 30, 20, tzinfo=UTC))
    DocketEntryFactory(case=case, filed_on=None, entered_at=datetime(2026, 5, 1, 20, tzinfo=UTC))
    assert event_linking.link_case(case.pk) == 2
    with django_assert_num_queries(
        4
    ):  # entries (and their case), their events, the case's events, claim kinds
        assert event_linking.link_case(case.pk) == 2
    Event.objects.filter(pk=event.pk).update(status=Event.Visibility.HIDDEN)
    assert event_linking.link_case(case.pk) == 0
    assert linked(entry) == []
    empty = CaseFactory()
    with django_assert_num_queries(1):
        assert event_linking.link_case(empty.pk) == 0


def test_link_entries_and_link_events_recompute_the_cases_of_the_ids_given():
    case, other = CaseFactory(), CaseFactory()
    event = EventFactory(case=case, date=DAY, title="Musk testifies")
    EventFactory(case=other, date=DAY, title="Altman testifies")
    entry = DocketEntryFactory(case=case, filed_on=DAY)
    untouched = DocketEntryFactory(case=other, filed_on=DAY)
    assert event_linking.link_entries([entry.pk]) == 1
    assert linked(entry) == ["Musk testifies"] and linked(untouched) == []
    Event.objects.filter(pk=event.pk).update(title="Day three")  # no longer agrees
    caseless = EventFactory(case=None, date=DAY, title="Musk testifies again")
    assert event_linking.link_events([event.pk, caseless.pk]) == 0
    assert linked(entry) == [] and linked(untouched) == []
    assert event_linking.link_entries([untouched.pk]) == 1
    assert event_linking.link_events([]) == 0 and event_linking.link_entries([]) == 0


def test_link_events_recomputes_the_events_cases_not_cases_of_the_same_ids():
    case = CaseFactory()
    for _ in range(3):
        EventFactory(case=CaseFactory(), date=None)  # ids apart from the case's
    event = EventFactory(case=case, date=DAY, title="Musk testifies")
    entry = DocketEntryFactory(case=case, filed_on=DAY)
    assert event.pk != case.pk
    assert event_linking.link_events([event.pk]) == 1
    assert linked(entry) == ["Musk testifies"]
