"""The story-wide steps of a batch (reading the story, discrepancies, events) cost the same number of
queries whatever the size of the story (issue 17, goal 3): the story is read in a fixed number of
queries and shared by the steps, the stored discrepancies are read at once, an event's stories and the
claims' events are read for all events together, and an event, discrepancy or claim that the run finds
as it was costs no write. Measured on the second run over the same story (the first builds the rows),
with 3 and with 30 dated claims, each on its own event and dated differently by two outlets (a date
discrepancy each: its variants read the date mentions of the evidence)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.factories import T0, ArticleFactory, ClaimFactory, EvidenceFactory, OutletFactory, StoryFactory
from tracker.cases.models import Case, Entity
from tracker.crossref import discrepancies, events
from tracker.crossref.models import DateMention, Discrepancy, Event
from tracker.crossref.story_reads import StoryReads

pytestmark = pytest.mark.django_db

BOUND = 23  # queries for the second run of both steps, whatever the story's size


def build(size: int):
    case = Case.objects.get(slug="musk-v-openai")
    story = StoryFactory(title="The trial", first_seen_at=T0, cases=[case])
    speaker = Entity.objects.get(name="Elon Musk")
    outlets = [OutletFactory(name=f"Outlet {i}") for i in range(2)]
    for n in range(size):
        day = date(2026, 1, 1) + timedelta(days=n)
        claim = ClaimFactory(story=story, speaker=speaker, text=f"Musk testified about matter {n}")
        for k, outlet in enumerate(outlets):
            said = day + timedelta(days=k)  # the second outlet dates it a day later
            sentence = f"Musk testified on {said:%B} {said.day} about matter {n}."
            row = ArticleFactory(
                story=story,
                outlet=outlet,
                title=f"Matter {n}",
                text=sentence,
                first_seen_at=T0 + timedelta(n),
            )
            words = f"{said:%B} {said.day}"
            start = sentence.index(words)
            DateMention.objects.create(
                article=row, text=words, start=start, end=start + len(words), value=said, precision="day"
            )
            EvidenceFactory(claim=claim, article=row, sentence=sentence, date=said, date_precision="day")
    return story


def steps(story) -> None:
    """What linking runs for each story of a batch (`linking._story_steps`)."""
    reads = StoryReads.of(story)
    discrepancies.detect(story, reads)
    events.update_events(story, reads)


@pytest.mark.parametrize("size", [3, 30])
def test_the_story_steps_cost_the_same_queries_whatever_the_story_size(size, django_assert_max_num_queries):
    story = build(size)
    steps(story)
    assert Event.objects.filter(stories=story).count() > size  # one a claim, and the mentions
    assert Discrepancy.objects.filter(kind=Discrepancy.Kind.DATE).count() == size
    with django_assert_max_num_queries(BOUND):
        steps(story)
