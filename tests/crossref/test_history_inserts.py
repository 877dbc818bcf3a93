"""History rows written as plain values (`row_inserts.insert_history`): each row as simple-history's
`bulk_history_create` builds it (every tracked field, the object's history date or now, its change
reason, "+" or "~"), read back field for field against that method's rows for the same objects."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tests.factories import ClaimFactory, EventFactory, StoryFactory
from tracker.crossref import row_inserts
from tracker.crossref.models import Claim, Discrepancy, Event

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)


def _rows(model, kind: str) -> list[dict]:
    """The history rows of one type, oldest first, without their ids."""
    rows = model.history.filter(history_type=kind).order_by("history_id").values()
    return [{k: v for k, v in row.items() if k != "history_id"} for row in rows]


def _both(model, objs, *, update: bool) -> tuple[list[dict], list[dict]]:
    kind = "~" if update else "+"
    model.history.all().delete()
    model.history.bulk_history_create(objs, update=update, default_change_reason=None)
    made = _rows(model, kind)
    model.history.all().delete()
    row_inserts.insert_history(model, objs, update=update)
    return made, _rows(model, kind)


def test_new_claims_history_rows_are_those_simple_history_writes():
    claims = [ClaimFactory(text=f"Claim {n}", date=date(2026, 5, n + 1)) for n in range(3)]
    for n, claim in enumerate(claims[:2]):
        claim._history_date = T0.replace(minute=n)  # as saved (`claim_pool.Pool.made`)
    claims[1]._change_reason = "merged"
    made, written = _both(Claim, claims, update=False)
    assert len(written) == 3 and written[:2] == made[:2]
    assert written[1]["history_change_reason"] == "merged" and written[0]["history_date"] == T0
    now = {"history_date"}  # the third has no date of its own: now, at each call
    assert [{k: v for k, v in row.items() if k not in now} for row in written] == [
        {k: v for k, v in row.items() if k not in now} for row in made
    ]


def test_changed_rows_history_with_json_and_foreign_keys():
    story = StoryFactory()
    events = [EventFactory(title=f"Event {n}", first_reported_at=T0) for n in range(2)]
    rows = [
        Discrepancy.objects.create(
            key=f"number:story:{story.pk}:{n}",
            kind=Discrepancy.Kind.NUMBER,
            story=story,
            event=events[n],
            variants=[{"words": "$5 billion", "article": n, "start": 3, "end": 13, "value": 5e9}],
        )
        for n in range(2)
    ]
    for n, row in enumerate(rows):
        row._history_date = T0.replace(minute=n)
    made, written = _both(Discrepancy, rows, update=True)
    assert written == made and len(written) == 2 and written[0]["variants"][0]["value"] == 5e9
    for event in events:
        event._history_date = T0
    made, written = _both(Event, events, update=True)
    assert written == made and {row["history_type"] for row in written} == {"~"}
