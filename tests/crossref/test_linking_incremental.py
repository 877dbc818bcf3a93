"""The story-wide steps of a batch (discrepancies, events, claims' events) end where a full recompute
ends (issue 17, goal 3): the seeds and five other events linked in shuffled batches of one to four,
then every story's discrepancies and events rebuilt from nothing (events and discrepancies deleted,
claims unhooked), each story read afresh, in the order the batches last updated them (a claim reported
in two stories takes the event of the later one, in both). The events, the claims' events and counts,
and every discrepancy the recompute finds are as the batches left them (a batch also keeps a
disagreement no longer found, for the record: the recompute's rows are a subset). A batch whose settle
moves stored articles from one story to another redoes both stories' steps too (not only its own
articles' stories): without that, a story that gained or lost a stored article keeps its events' old
first report (seen failing with the moved stories left out)."""

from __future__ import annotations

import random

import pytest

from tracker.crossref import discrepancies, events, linking
from tracker.crossref.models import Claim, Discrepancy, Event, Story

from .test_clustering import events as event_articles  # noqa: F401 - fixture
from .test_clustering import seeds  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def forget_links() -> None:
    """What the fixtures' analysis linked, gone: each test links in its own order."""
    Discrepancy.objects.all().delete()
    Event.objects.all().delete()
    Claim.objects.all().delete()
    Story.objects.all().delete()


EVENT_VALUES = (
    "title",
    "summary",
    "date",
    "precision",
    "last_changed_at",
    "first_reported_at",
    "first_reported_by_id",
    "case_id",
)


def event_values(event: Event) -> tuple:
    """What an event shows and dates, field by field (EVENT_VALUES)."""
    return tuple(getattr(event, name) for name in EVENT_VALUES)


def snapshot() -> dict:
    """Events by key, claims by id (their event's key and counts), discrepancies by key."""
    keys = dict(Event.objects.values_list("pk", "key"))
    found = {
        "events": {
            e.key: (
                *event_values(e),
                frozenset(e.stories.values_list("pk", flat=True)),
                frozenset(e.claims.values_list("pk", flat=True)),
            )
            for e in Event.objects.all()
        },
        "claims": {
            c.pk: (keys.get(c.event_id), c.outlets_count, c.independent_count, c.responds_to_id)
            for c in Claim.objects.all()
        },
        "discrepancies": {
            d.key: (d.kind, d.variants, d.claim_id, keys.get(d.event_id), d.story_id)
            for d in Discrepancy.objects.all()
        },
    }
    return found


def differing(linked: dict, full: dict) -> dict:
    return {k: (linked.get(k), full.get(k)) for k in set(linked) | set(full) if linked.get(k) != full.get(k)}


def recompute(order: list[int], update_events) -> None:
    """Every story's discrepancies and events from nothing, each story read afresh, in the order the
    batches last touched them (a claim reported in two stories takes the event of the later one)."""
    Discrepancy.objects.all().delete()
    Event.objects.all().delete()
    Claim.objects.update(event=None)
    stories = Story.objects.in_bulk(order)
    for pk in order:
        if pk in stories:
            discrepancies.detect(stories[pk])
            update_events(stories[pk])


def test_batches_in_any_order_end_as_a_full_recompute(seeds, event_articles, monkeypatch):  # noqa: F811
    touched: dict[int, None] = {}  # the stories whose events a batch updated, last updated last
    update_events = events.update_events

    def updating(story, reads=None, **case):  # the real step; only the order of stories is noted
        touched.pop(story.pk, None)
        touched[story.pk] = None
        return update_events(story, reads, **case)

    monkeypatch.setattr(events, "update_events", updating)
    articles = [*seeds, *(a for v in event_articles.values() for a in v)]
    for seed in range(3):
        forget_links()
        touched.clear()
        order = list(articles)
        rng = random.Random(seed)
        rng.shuffle(order)
        while order:
            size = rng.randint(1, 4)
            batch, order = order[:size], order[size:]
            linking.link_articles(sorted(batch, key=lambda a: (a.first_seen_at, a.pk)))
        linked = snapshot()
        assert linked["events"] and linked["discrepancies"], seed  # something to compare
        recompute(list(touched), update_events)
        full = snapshot()
        assert differing(linked["events"], full["events"]) == {}, seed
        assert differing(linked["claims"], full["claims"]) == {}, seed
        assert full["discrepancies"].items() <= linked["discrepancies"].items(), seed
