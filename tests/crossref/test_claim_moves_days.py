"""When the stories a moved article's earlier claims are reported in began (`claim_moves._days_apart`)
is read once a batch, not once a moved article: a batch that moves two misplaced reports back into the
hearing's story, each with an earlier claim reported in the vote's story, reads the stories' beginnings
as often as one that moves one (`claim_pool.Pool.began`). Invented outlets, people and sentences (test_claim_moves' hearing)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crossref.test_claim_linking import say
from tests.crossref.test_claim_moves import QUIET, RIGHT, build, grouping, link, outlet_article, story_of
from tests.factories import EntityFactory
from tests.support.harbour_hearing import HEARING
from tracker.crossref import claim_linking
from tracker.crossref.models import StoryArticle

pytestmark = pytest.mark.django_db

# `_days_apart`'s read: the stories with their representatives' times (only it reads these together)
BEGAN = 'AS "representative__published_at", '
SAID = "the pumps failed twice"  # the harbour master's, at the vote and in a misplaced hearing report


def began_reads(more: bool) -> int:
    """The misplaced late report (its statement joined to the vote's claim of it) and, `more`, a quiet
    hearing report misplaced with it giving a statement of the harbour master's that a vote report gives
    too (joined to that report's claim), moved back by one batch; its reads of when stories began. The
    end is the right placing's: each claim of the vote's story keeps the vote's report only."""
    mayor, hearing, vote, (late,) = build(misplaced=True, repeated=True)
    master = EntityFactory(name="Edda Quillfeather")
    moved = [late]
    if more:
        say(vote[1], SAID, speaker="Edda Quillfeather", entity=master)
        claim_linking.link_claims(vote[1])
        moved.append(outlet_article("Quiet 0", QUIET[0], 0, 5, None))
        say(moved[-1], SAID, speaker="Edda Quillfeather", entity=master)
        StoryArticle.objects.create(story=story_of(vote[0]), article=moved[-1])
        claim_linking.link_claims(moved[-1])
        assert grouping(master) == {frozenset({"Quiet 0", "Levy Courier"})}  # joined while misplaced
    row = outlet_article("Tidewater Review", HEARING["Tidewater Review"], 0, 4, None)
    with CaptureQueriesContext(connection) as queries:
        link([row], hours=81)
    assert {story_of(a) for a in [*moved, row]} == {story_of(hearing[0])} != story_of(vote[0])
    assert grouping(mayor) == RIGHT[True]
    assert grouping(master) == ({frozenset({"Quiet 0"}), frozenset({"Levy Courier"})} if more else set())
    return len([q for q in queries if BEGAN in q["sql"]])


@pytest.mark.parametrize("more", [False, True], ids=["one-moved", "two-moved"])
def test_a_batch_reads_when_stories_began_once_whatever_it_moves(more):
    """Seen failing with the stories read for each moved article (`_days_apart` reading `{story,
    *others}` every call, the pool keeping nothing): 2 reads with two moved reports."""
    assert began_reads(more) == 1
