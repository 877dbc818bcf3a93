"""A linking batch's discrepancies and events are found, read and made for all its stories at once
(`discrepancies.prepare`, `events.prepare`): the stored rows of every story's keys in one read, the new
ones in one insert a kind, each made by the first story that has it (as story after story made them);
the stories put on events in one insert, and the stories' date discrepancies pointed at their events in
one update (issue 17, goal 3). What the batch ends with is what running the stories one after the
other ends with."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crossref.test_linking_story_queries import build, inserts, steps, two_stories_sharing_an_event
from tests.factories import T0, ArticleFactory, ClaimFactory, EvidenceFactory, StoryFactory
from tracker.cases.models import Case, Entity
from tracker.crossref import discrepancies, event_writes, events, story_reads
from tracker.crossref.models import Claim, DateMention, Discrepancy, Event, StoryArticle
from tracker.crossref.story_reads import StoryReads

pytestmark = pytest.mark.django_db


def batch_steps(stories, fresh: frozenset[int] | None = None) -> None:
    """What `linking._story_steps` runs for a batch's stories: read at once, the events prepared for
    all, each story's steps, then the batch's writes (`fresh`: the batch's articles)."""
    batch = story_reads.batch_reads([s.pk for s in stories])
    reads = {s.pk: StoryReads.of(s, batch) for s in stories}
    pending, writes = discrepancies.Pending(), event_writes.Pending()
    discrepancies.prepare([(s, reads[s.pk]) for s in stories], pending)
    events.prepare([(s, reads[s.pk], events.case_ref(s)) for s in stories], writes)
    for story in stories:
        discrepancies.detect(story, reads[story.pk], pending=pending)
        events.update_events(story, reads[story.pk], fresh=fresh, pending=writes)
    pending.write()
    writes.write()


def outcome() -> list:
    """The events (key, values, stories, claims) and discrepancies (key, event, variants), by value."""
    found = [
        (
            e.key,
            e.title,
            e.summary,
            e.date,
            e.last_changed_at,
            sorted(e.stories.values_list("pk", flat=True)),
            sorted(e.claims.values_list("pk", flat=True)),
        )
        for e in Event.objects.order_by("key")
    ]
    rows = Discrepancy.objects.order_by("key")
    return found + [(d.key, d.event.key if d.event_id else None, d.story_id, d.variants) for d in rows]


def test_a_batch_makes_its_stories_events_in_one_insert_and_ends_as_story_after_story():
    """Four stories, two sharing an event, one whose outlets date an opening differently: the new
    discrepancies of all in one insert (`discrepancies.prepare`), the new events of all in one insert,
    their stories put on them in one, the claims put on them in one update and the date discrepancies
    in one more; events, stories, claims and discrepancies as when each story's steps run and write one
    after the other. Seen failing with the events made story by story (one insert a story), with the
    discrepancies made story by story, and with the claims moved story by story."""
    stories = [*two_stories_sharing_an_event(), build(3), an_opening_dated_two_ways()]
    with CaptureQueriesContext(connection) as queries:
        batch_steps(stories)
    made = inserts(queries)
    assert made["crossref_discrepancy"] == 1 and Discrepancy.history.filter(history_type="+").count() == 5
    assert (
        made["crossref_event"] == 1
        and Event.history.filter(history_type="+").count() == Event.objects.count()
    )
    assert made["crossref_event_stories"] == 2  # the stories that made them, then the one that joined
    # the date discrepancies' events in one statement; no row is changed after it is made (the claim
    # both stories quote is its own story's to find, `Scope.owns`: the other no longer rewrites its row)
    assert len([q for q in queries if 'UPDATE "crossref_discrepancy"' in q["sql"]]) == 1
    assert len([q for q in queries if 'UPDATE "crossref_claim"' in q["sql"]]) == 1
    batched = outcome()
    (row,) = Discrepancy.objects.filter(key__startswith="date:story:")
    assert row.event.date == date(2026, 4, 27) and row.event.title == "The trial opened in Oakland"
    Discrepancy.objects.all().delete()
    Event.objects.all().delete()
    Claim.objects.update(event=None)
    for story in stories:
        steps(story)
    assert outcome() == batched


def an_opening_dated_two_ways():
    story = StoryFactory(title="The trial opens", cases=[Case.objects.get(slug="musk-v-openai")])
    texts = ["The trial, which opened in Oakland on April 27, 2026, centers on the charter.",
             "The trial opened on April 28, 2026 in Oakland."]  # fmt: skip
    for i, text in enumerate(texts):
        row = ArticleFactory(
            story=story, outlet__name=f"Opening {i}", text=text, first_seen_at=T0 + timedelta(hours=i)
        )
        start = text.index("April")
        DateMention.objects.create(
            article=row, text=text[start : start + 14], start=start, end=start + 14,
            value=date(2026, 4, 27 + i), precision="day",
        )  # fmt: skip
    return story


def dated_claim(story, day: date, **values):
    speaker = Entity.objects.get(name="Elon Musk")
    claim = ClaimFactory(
        story=story, speaker=speaker, text="the board met", date=day, precision="day", **values
    )
    EvidenceFactory(claim=claim, article__story=story, sentence="Musk said the board met.")
    return claim


def stale_event(day: date, story) -> Event:
    """A machine event `story` holds and no longer produces, with the key a dated statement of the
    case on `day` has."""
    case = Case.objects.get(slug="musk-v-openai")
    key = events.event_key(f"case{case.pk}", "testimony", day, "day")
    event = Event.objects.create(key=key, case=case, date=day, precision="day", title="Old")
    event.stories.add(story)
    return event


def test_an_event_a_story_lets_go_of_is_made_again_by_a_later_story_that_has_its_key():
    """The first story holds an event it no longer produces, which goes (nothing else holds it); the
    second story of the batch has its key: it makes the event anew, as it did when the first story's
    step had written before the second's read. Seen failing with the batch's events not read again
    after a step emptied some (the second story took the deleted one)."""
    case = Case.objects.get(slug="musk-v-openai")
    first, second = (StoryFactory(title=f"Story {n}", cases=[case]) for n in range(2))
    day = date(2026, 2, 2)
    old = stale_event(day, first)
    claim = dated_claim(second, day)
    batch_steps([first, second])
    assert not Event.objects.filter(pk=old.pk).exists()
    (event,) = Event.objects.filter(key=old.key)
    assert list(event.stories.all()) == [second] and list(event.claims.all()) == [claim]


def test_an_event_a_story_joined_stays_when_a_later_story_lets_go_of_it():
    """The first story joins an event (its claim on it is locked, so no claim moves there) that the
    second story holds and no longer produces: the second lets go of it, and it stays, held by the
    first, though the batch puts the first on it only when the batch is written. Seen failing with
    `drop_empty` blind to the batch's holders (the event deleted)."""
    case = Case.objects.get(slug="musk-v-openai")
    first, second = (StoryFactory(title=f"Story {n}", cases=[case]) for n in range(2))
    day = date(2026, 2, 3)
    event = stale_event(day, second)
    dated_claim(first, day, locked=True)
    batch_steps([first, second])
    assert list(Event.objects.get(pk=event.pk).stories.all()) == [first]


def test_a_batch_reads_its_fresh_articles_dates_once():
    """The dates of a batch's fresh articles (`event_changes.reported_anew`: whether an event without a
    published claim is counted again) are read once for all its stories. Seen failing with them read
    once a story."""
    stories = [build(2), build(2), build(2)]
    batch_steps(stories)
    fresh = frozenset(StoryArticle.objects.filter(story=stories[0]).values_list("article_id", flat=True)[:1])
    with CaptureQueriesContext(connection) as queries:
        batch_steps(stories, fresh=fresh)
    assert len([q for q in queries if 'FROM "crossref_datemention"' in q["sql"]]) == 2  # theirs, and these


def test_a_claim_a_story_moved_and_a_later_story_unhooked_ends_unhooked():
    """A claim of no story reported in the first story goes onto that story's event, which the second
    story holds and no longer produces: the second story's step unhooks the event's claims of no story,
    so the claim ends on none, as when each step wrote its moves at once. Seen failing with the batch's
    moves written only at its end (the claim written back onto the event after its unhooking)."""
    case = Case.objects.get(slug="musk-v-openai")
    first, second = (StoryFactory(title=f"Story {n}", cases=[case]) for n in range(2))
    day = date(2026, 2, 4)
    event = stale_event(day, second)
    claim = dated_claim(first, day)
    Claim.objects.filter(pk=claim.pk).update(story=None)
    EvidenceFactory(article__story=second, sentence="Musk spoke.")  # the second story reports no date
    batch_steps([first, second])
    assert Claim.objects.get(pk=claim.pk).event_id is None
    assert list(Event.objects.get(pk=event.pk).stories.all()) == [first]
