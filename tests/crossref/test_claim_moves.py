"""A stored article that a later batch's settle moves into another story takes its claims with it
(`claim_moves`, issue 16 part 4): the statement it reported becomes one claim with the same statement's
claim in the story it joined, and leaves a claim of the story it left that it was joined with only while
it sat there. The end is the one linking every article in its right story from the start gives.
Invented outlets, people and sentences throughout.

The misplacing is made by hand (the article put in the other event's story and its claims linked there,
as a batch that placed it wrongly leaves it: on real coverage an undated report placed by the dated one
it resembled most, io33's Veldmark case); every later step is a real linking batch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.crossref.test_claim_linking import say
from tests.factories import ArticleFactory, EntityFactory
from tests.support.harbour_hearing import HEARING
from tracker.crossref import claim_linking, linking
from tracker.crossref.models import Claim, ClaimRedirect, Discrepancy, Story, StoryArticle

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 10, 9, tzinfo=UTC)
VOTE = {  # three days later, another event: the council's budget vote
    "Ferry Gazette": "The Marrowby council voted to trim the ferry timetable and sell two cranes after a "
    "long budget session on the waterfront levy, councillors split seven to five.",
    "Levy Courier": "Councillors approved the waterfront levy budget by seven votes to five, selling two "
    "cranes and trimming the ferry timetable after hours of debate in the chamber.",
    "Budget Times": "The waterfront levy budget passed seven to five: the ferry timetable shrinks and two "
    "cranes will be sold, the council chamber decided after a long session.",
}
SAID = {  # the mayor's statement as each outlet reports it (no verbatim quote: far from its story, apart)
    "Harbour Ledger": "the harbour engineers never warned the council about the failing tunnel pumps",
    "Quay Weekly": "the harbour engineers never warned the council that the tunnel pumps were failing",
    "Ferry Gazette": "the harbour engineers never warned the council about the failing tunnel pumps "
    "before the levy vote",  # at the vote: a statement of its own, in another story
}


def outlet_article(outlet: str, text: str, day: int, hour: int, mayor, said: bool = True):
    seen = T0 + timedelta(days=day, hours=hour)
    row = ArticleFactory(
        outlet__name=outlet, title=text[:40], text=text, first_seen_at=seen, published_at=seen
    )
    if said and outlet in SAID:
        say(row, SAID[outlet], speaker="Orla Vantreece", entity=mayor)
    return row


def link(articles, hours: int = 80) -> None:
    with time_machine.travel(T0 + timedelta(hours=hours), tick=False):
        linking.link_articles(articles)


def build(*, misplaced: bool, repeated: bool, quiet: tuple[str, ...] = (), vote_day: int = 3):
    """The hearing's first two reports, then the vote's three (the mayor repeats the statement at the vote
    when `repeated`), then the third hearing report: placed by a batch (right) or, `misplaced`, put in the
    vote's story with its claims linked there. `quiet`: more hearing reports in the first batch; the vote `vote_day` days after the hearing."""
    mayor = EntityFactory(name="Orla Vantreece")
    hearing = [outlet_article(o, HEARING[o], 0, n, mayor) for n, o in enumerate(list(HEARING)[:2])]
    hearing += [outlet_article(f"Quiet {n}", text, 0, 2, None) for n, text in enumerate(quiet, 9)]
    link(hearing)
    vote = [outlet_article(o, t, vote_day, n, mayor, said=repeated) for n, (o, t) in enumerate(VOTE.items())]
    link(vote)
    late = [outlet_article("Quay Weekly", HEARING["Quay Weekly"], 0, 3, mayor)]
    for row in late:
        if misplaced:
            StoryArticle.objects.create(story=story_of(vote[0]), article=row)
            claim_linking.link_claims(row)
        else:
            link([row])
    return mayor, hearing, vote, late


def story_of(article) -> Story:
    return StoryArticle.objects.get(article=article).story


def grouping(mayor) -> set[frozenset[str]]:
    """The mayor's claims, each as the outlets that report it."""
    return {
        frozenset(claim.evidence.values_list("article__outlet__name", flat=True))
        for claim in Claim.objects.filter(speaker=mayor)
    }


def moving_batch(hearing) -> object:
    """The fourth hearing report, linked in a batch of its own: its settle moves what was misplaced."""
    row = outlet_article("Tidewater Review", HEARING["Tidewater Review"], 0, 4, None)
    link([row], hours=81)
    return row


QUERIES = {False: 40, True: 71}  # the moving batch, by whether it moves the misplaced reports back
RIGHT = {
    True: {frozenset({"Harbour Ledger", "Quay Weekly"}), frozenset({"Ferry Gazette"})},
    False: {frozenset({"Harbour Ledger", "Quay Weekly"})},
}


@pytest.mark.parametrize("repeated", [True, False], ids=["joined-in-the-wrong-story", "left-apart"])
def test_a_moved_articles_claim_follows_it_into_its_story(repeated):
    """Misplaced, the late report's statement joined the vote's claim (`repeated`) or stood alone, apart
    from the hearing's claim; the batch that moves the report back makes it one with the hearing's claim,
    and the vote's claim keeps its own report only, as if the report had been placed right from the
    start. Seen failing with `Movers.read` finding no article (the claims as misplaced) and, joined, with
    `claim_moves.held` returning `previous` whole (one claim across the two stories)."""
    mayor, hearing, vote, (late,) = build(misplaced=True, repeated=repeated)
    assert story_of(late) == story_of(vote[0]) != story_of(hearing[0])
    wrong = {frozenset({"Ferry Gazette", "Quay Weekly"}), frozenset({"Harbour Ledger"})}
    assert grouping(mayor) == (
        wrong if repeated else {frozenset({"Quay Weekly"}), frozenset({"Harbour Ledger"})}
    )
    first = Claim.objects.get(speaker=mayor, evidence__article=hearing[0])
    moving_batch(hearing)
    assert story_of(late) == story_of(hearing[0])
    assert grouping(mayor) == RIGHT[repeated]
    joined = Claim.objects.get(speaker=mayor, evidence__article=hearing[0])
    assert joined.pk == first.pk and joined.outlets_count == 2  # the older claim kept, its count refreshed
    if not repeated:  # the late report's own claim was merged into it: its id redirects there
        assert ClaimRedirect.objects.filter(claim=joined).count() == 1


def test_a_claim_joined_in_a_story_of_the_same_days_stays_joined():
    """The vote the day after the hearing (within `claim_events.EVENT_DAYS`): the stories may be one
    event the clustering split, and the claim the misplaced report was joined with there stays its claim
    (taking the hearing's too), as before: a statement two outlets reported the same day in two stories
    of one event is not split by a move (tallowmere's Dellacourt testimony, dated). Seen failing with
    every earlier claim of another story dropped whatever its days (`_days_apart` returning `others`)."""
    mayor, hearing, vote, (late,) = build(misplaced=True, repeated=True, vote_day=1)
    moving_batch(hearing)
    assert story_of(late) == story_of(hearing[0]) != story_of(vote[0])
    assert grouping(mayor) == {frozenset({"Ferry Gazette", "Quay Weekly", "Harbour Ledger"})}


@pytest.mark.parametrize("repeated", [True, False])
def test_the_end_is_the_right_placings_whatever_came_first(repeated):
    """Placed right from the start, the same batches end with the same claims."""
    mayor, hearing, *_ = build(misplaced=False, repeated=repeated)
    moving_batch(hearing)
    assert grouping(mayor) == RIGHT[repeated]


def snapshot() -> tuple:
    return (
        tuple(StoryArticle.objects.order_by("article").values_list("article", "story")),
        tuple(Claim.objects.order_by("pk").values_list("pk", "story", "outlets_count", "updated_at")),
        tuple(Discrepancy.objects.order_by("pk").values_list("pk", "key", "story", "updated_at")),
        ClaimRedirect.objects.count(),
        Claim.history.count(),
    )


def test_the_moving_batch_run_again_changes_nothing():
    mayor, hearing, *_ = build(misplaced=True, repeated=True)
    row = moving_batch(hearing)
    before = snapshot()
    link([row], hours=82)
    assert snapshot() == before


def test_a_curated_claim_keeps_the_moved_articles_report():
    """A curator locked the vote's claim with the misplaced report on it: the report stays there, and the
    hearing's claim is not merged with it (curators' work is never undone: `claim_linking._pinned`)."""
    mayor, hearing, vote, (late,) = build(misplaced=True, repeated=True)
    Claim.objects.filter(evidence__article=late).update(locked=True)
    moving_batch(hearing)
    assert story_of(late) == story_of(hearing[0])
    assert grouping(mayor) == {frozenset({"Ferry Gazette", "Quay Weekly"}), frozenset({"Harbour Ledger"})}
    assert Claim.objects.get(evidence__article=late).locked


QUIET = [  # more hearing reports, each in its own words, none reporting a statement
    "Moorings in the harbour district stay shut while the Marrowby hearing weighs what Pellbrook's dredging "
    "did to the flooded Quillon tunnel and to the harbour district.",
    "Quillon tunnel flooding: the dredging contractor Pellbrook was questioned in Marrowby before a hearing "
    "full of harbour district residents angry about the lost moorings.",
    "A Marrowby hearing heard harbour district residents complain about the closed moorings and the "
    "dredging contractor Pellbrook's work before the Quillon tunnel flooded.",
]


@pytest.mark.parametrize("misplaced", [None, 0, 1])
def test_queries_of_a_batch_that_moves_stored_articles(misplaced):
    """The batch that moves the misplaced report back, beside `misplaced` quiet reports (no statement)
    misplaced with it (None: nothing misplaced, the batch moves nothing). What moving costs: the moved
    articles' rows, candidates, cases and evidence, read once whatever their number (4 queries), then
    linking the one reporting a statement again (its evidence removed and written again, its claim merged
    into the hearing's), and the story steps of the story it left (PostgreSQL; QUERIES). Seen failing with
    `Movers.read` finding no article (the claims as misplaced)."""
    mayor, hearing, vote, (late,) = build(misplaced=misplaced is not None, repeated=False, quiet=QUIET[2:])
    moved = [late]
    for n, text in enumerate(QUIET[: misplaced or 0]):
        moved.append(outlet_article(f"Quiet {n}", text, 0, 5 + n, None))
        StoryArticle.objects.create(story=story_of(vote[0]), article=moved[-1])
    row = outlet_article("Tidewater Review", HEARING["Tidewater Review"], 0, 4, None)
    with CaptureQueriesContext(connection) as queries:
        link([row], hours=81)
    assert {story_of(a) for a in [*moved, row]} == {story_of(hearing[0])} != story_of(vote[0])
    assert grouping(mayor) == RIGHT[False]
    assert len(queries) == QUERIES[misplaced is not None]


def second_report(mayor, vote, *, misplaced: bool):
    """Another hearing report of the mayor's statement, placed like the late one (`build`)."""
    row = outlet_article("Pier Chronicle", QUIET[0], 0, 5, None)
    say(row, SAID["Harbour Ledger"], speaker="Orla Vantreece", entity=mayor)
    if misplaced:
        StoryArticle.objects.create(story=story_of(vote[0]), article=row)
        claim_linking.link_claims(row)
    else:
        link([row])
    return row


@pytest.mark.parametrize("misplaced", [True, False], ids=["misplaced", "right"])
def test_two_moved_reports_of_one_claim_leave_the_vote_apart(misplaced):
    """Two misplaced hearing reports of the statement, both joined to the vote's claim: the batch that
    moves both back ends as the right placing does, the vote's report a claim of its own (kh35's note:
    for the first mover the second, already homed in the hearing's story, kept the vote's claim near).
    Seen failing with `held` counting the reports of articles moving in the batch (`Pool.moving` empty):
    one claim {Ferry Gazette, Harbour Ledger, Quay Weekly, Pier Chronicle}."""
    mayor, hearing, vote, (late,) = build(misplaced=misplaced, repeated=True)
    second = second_report(mayor, vote, misplaced=misplaced)
    moving_batch(hearing)
    assert story_of(late) == story_of(second) == story_of(hearing[0]) != story_of(vote[0])
    assert grouping(mayor) == {
        frozenset({"Harbour Ledger", "Quay Weekly", "Pier Chronicle"}),
        frozenset({"Ferry Gazette"}),
    }
