"""Hearing dates read from an entry's own text: what is set, the court day, the time, the place; the
court's zone applied, not guessed; the real CM/ECF entry types (which state no date) set nothing."""

from __future__ import annotations

import time as clock
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from tests.dockets.conftest import shared_dockets
from tracker.dockets.hearings import stated_hearings
from tracker.dockets.parsing import parse_docket_feed

PACIFIC = ZoneInfo("America/Los_Angeles")


@pytest.mark.parametrize(
    ("text", "what", "day", "at", "place"),
    [
        ("Jury Trial set for 5/4/2026 08:30 AM", "Jury Trial", date(2026, 5, 4), time(8, 30), ""),
        (
            "Motion Hearing set for 1/7/2026 10:00 AM before Judge Yvonne Gonzalez Rogers.",
            "Motion Hearing",
            date(2026, 1, 7),
            time(10, 0),
            "",
        ),
        (
            "Set/Reset Hearing: Jury Trial (Day 4) set for 5/1/2026 08:00 AM in Oakland, Courtroom 1, "
            "4th Floor. (Written for the tests.)",
            "Jury Trial (Day 4)",
            date(2026, 5, 1),
            time(8, 0),
            "Oakland, Courtroom 1, 4th Floor",
        ),
        (
            "CLERK'S NOTICE. Status Conference reset for 6/2/2026 02:00 PM.",
            "Status Conference",
            None,
            None,
            "",
        ),
        ("ORDER. Pretrial Conference set for 3/9/26.", "Pretrial Conference", date(2026, 3, 9), None, ""),
        ("Sentencing set for 12/1/2026 12:15 PM", "Sentencing", date(2026, 12, 1), time(12, 15), ""),
    ],
)
def test_a_stated_hearing_is_read(text, what, day, at, place):
    (found,) = stated_hearings(text)
    assert found.what == what
    if day:
        assert (found.day, found.at) == (day, at)
    else:
        assert found.at == time(14, 0)  # 02:00 PM
    assert found.place == place


def test_the_courts_zone_is_applied():
    (found,) = stated_hearings("Jury Trial set for 5/4/2026 08:30 AM")
    start = found.starts(PACIFIC)
    assert start == datetime(2026, 5, 4, 8, 30, tzinfo=PACIFIC)
    assert start.utcoffset().total_seconds() == -7 * 3600  # PDT in May
    (day_only,) = stated_hearings("Status Conference set for 6/2/2026.")
    assert day_only.starts(PACIFIC) == date(2026, 6, 2)


def test_several_hearings_in_one_entry_and_deadlines_are_not_hearings():
    text = (
        "ORDER re Case Schedule. Pretrial Conference set for 4/10/2026 02:00 PM. Jury Trial set for "
        "5/4/2026 08:30 AM. Dispositive motions deadline set for 3/1/2026. Responses due by 3/15/2026."
    )
    found = stated_hearings(text)
    assert [(h.what, h.index) for h in found] == [("Pretrial Conference", 0), ("Jury Trial", 1)]


@pytest.mark.parametrize(
    "text",
    [
        "[Set/Reset Hearing]",
        "~Util - Set Hearings",
        "Order on Motion to Adjourn Conference",
        "Jury Trial set for 13/40/2026 08:30 AM",  # no such day
        "Hearing set for 5/4/2026 25:00 PM",  # the day is kept, the time is not
        "",
    ],
)
def test_no_date_no_hearing(text):
    found = stated_hearings(text)
    assert all(h.at is None for h in found)
    assert text != "Hearing set for 5/4/2026 25:00 PM" or found[0].day == date(2026, 5, 4)
    assert text == "Hearing set for 5/4/2026 25:00 PM" or found == []


def test_the_real_entry_types_set_no_hearing():
    folder = shared_dockets() / "cmecf-rss"
    if not folder.is_dir():
        pytest.skip("the real CM/ECF samples are absent")
    descriptions = [
        entry.description
        for path in sorted(folder.glob("*.xml"))
        for entry in parse_docket_feed(path.read_bytes()).entries
    ]
    assert len(descriptions) > 100 and any("Set Hearings" in d for d in descriptions)
    assert [d for d in descriptions if stated_hearings(d)] == []


def test_the_courtlistener_sample_sets_its_trial_day(fixture_bytes):
    parsed = parse_docket_feed(fixture_bytes("courtlistener_docket.xml"))
    found = [(e.number, h) for e in parsed.entries for h in stated_hearings(e.description)]
    assert [(n, h.what, h.day, h.at) for n, h in found] == [
        (None, "Jury Trial (Day 4)", date(2026, 5, 1), time(8, 0))
    ]


def test_hostile_text_is_read_in_linear_time():
    text = "set for 1/1/20 " * 20_000 + "a" * 200_000 + " Jury Trial set for 5/4/2026 08:30 AM"
    started = clock.perf_counter()
    found = stated_hearings(text)
    assert clock.perf_counter() - started < 2.0
    assert found[-1].what == "Jury Trial" and len(found) == 20_001
