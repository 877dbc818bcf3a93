"""A credited wire dateline names no participant (tracker/crossref/datelines.py): plain Python, no database."""

from __future__ import annotations

from datetime import UTC, datetime

from tracker.crossref import features
from tracker.crossref.datelines import dateline_end

NOON = datetime(2026, 3, 10, 12, tzinfo=UTC)


def participants(text: str, names: list[str]) -> set[str]:
    mentions = [(name, "GPE" if name.isupper() else "ORG", text.index(name)) for name in names]
    found = features.profile(
        key=(NOON, "x"), time=NOON, seen=NOON, title="A hearing", text=text, mentions=mentions
    )
    return set(found.entities)


def test_the_place_and_agency_of_a_credited_dateline_are_no_participants():
    text = "DUNMORE, Ore. (Harbor Wire) - The Quillon Trust told a judge on Monday it would appeal."
    assert participants(text, ["DUNMORE", "Harbor Wire", "Quillon Trust"]) == {"quillon trust"}


def test_a_staff_dateline_without_a_credit_keeps_its_place():
    text = "VELMARA - The Quillon Trust opened its new office on Monday."
    assert participants(text, ["VELMARA", "Quillon Trust"]) == {"velmara", "quillon trust"}


def test_the_same_names_later_in_the_text_still_count():
    text = "  DUNMORE (Harbor Wire) - A judge in Dunmore heard Harbor Wire's lawyers on Monday."
    assert dateline_end(text) == text.index("A judge")
    assert participants(text, ["DUNMORE", "Dunmore"]) == {"dunmore"}
    assert dateline_end("A judge heard the case on Monday - and ruled.") == 0
