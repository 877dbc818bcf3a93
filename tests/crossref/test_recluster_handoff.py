"""The periodic re-clustering hands what it moved to a batch's follow-up steps (issue 16, item 1):
right after it joins two machine stories of one event, the moved articles' claims of one statement are
one claim, the joined story's discrepancy rows are keyed by it (same rows, curated ones with the
curator's note), and its pages and counts are right. Invented outlets, people and sentences throughout.

The split is the batch's own: two outlets' dated reports linked first; days later two undated reports of
the same hearing, seen more than the clustering window after them, which a batch's neighbourhood (by
first sighting, for an undated article) does not reach; the re-clustering settles the span at once."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import feedparser
import pytest
import time_machine
from django.db import DatabaseError, connection
from django.urls import reverse

from tests.crossref.test_claim_linking import say
from tests.crossref.test_discrepancies import article
from tests.factories import ArticleFactory, EntityFactory, StoryFactory
from tests.support.harbour_hearing import HEARING
from tracker.cases.models import Case
from tracker.crossref import clustering, discrepancies, linking, reclustering, tasks
from tracker.crossref.models import (
    Claim,
    ClaimRedirect,
    Discrepancy,
    Event,
    Story,
    StoryArticle,
    StoryRedirect,
)

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 10, 15, tzinfo=UTC)
LATER = T0 + timedelta(days=5)  # the undated reports' first sighting: past WINDOW and EVENT_DAYS
QUERIES = 67  # the step on PostgreSQL (advisory locks), however many articles it moves
STATEMENT = 'the mayor was "never told about the tunnel" by the engineers'
RESTATED = 'the mayor was "never told about the tunnel" before it flooded'


@pytest.fixture
def mayor():
    return EntityFactory(name="Orla Vantreece")


def report(outlet: str, extra: str, *, dated: bool, mayor=None, content: str = STATEMENT, title: str = ""):
    seen = T0 + timedelta(hours=len(outlet)) if dated else LATER + timedelta(hours=len(outlet))
    row = ArticleFactory(
        outlet__name=outlet,
        title=title or "Quillon harbour tunnel hearing opens in Marrowby",
        text=f"{HEARING.get(outlet) or list(HEARING.values())[len(outlet) % 4]} {extra}",
        first_seen_at=seen,
        published_at=seen if dated else None,
    )
    row.cases.add(Case.objects.get(slug="musk-v-openai"))  # the article's case (a story's is read otherwise)
    if mayor is not None:
        say(row, content, speaker="Orla Vantreece", entity=mayor)
    return row


@pytest.fixture
def split(mayor):
    """Two stories of one hearing as the batches left them, each with an event (another speaker's dated
    claim); the second's rows: the jury's size (machine) and the wards toured (a curator explained it)."""
    with time_machine.travel(T0 + timedelta(hours=12), tick=False):
        dated = [
            report("Harbour Ledger", "The board met afterwards.", dated=True, mayor=mayor),
            report("Marrowby Post", "Residents gathered outside.", dated=True),
        ]
        board = EntityFactory(name="Harbour Board", kind="ORG")
        say(
            dated[1],
            "the moorings would reopen in spring",
            speaker="Harbour Board",
            entity=board,
            date=date(2026, 3, 10),
            date_precision="day",
            confidence=3,
        )
        linking.link_articles(dated)
    with time_machine.travel(LATER + timedelta(hours=20), tick=False):
        undated = [
            report("Quay Weekly", "A jury of nine was sworn in. Jurors toured 3 wards.", dated=False, mayor=mayor),
            report("Tidewater Review", "A jury of twelve was sworn in. Jurors toured 5 wards.", dated=False,
                   mayor=mayor, content=RESTATED),
        ]  # fmt: skip
        pumps = EntityFactory(name="Pellbrook", kind="ORG")
        say(
            undated[0],
            "the pumps were checked every week",
            speaker="Pellbrook",
            entity=pumps,
            date=date(2026, 3, 12),
            date_precision="day",
            confidence=3,
        )
        linking.link_articles(undated)
    first, second = (StoryArticle.objects.get(article=rows[0]).story for rows in (dated, undated))
    assert first.pk != second.pk
    assert {StoryArticle.objects.get(article=a).story_id for a in dated} == {first.pk}
    assert {StoryArticle.objects.get(article=a).story_id for a in undated} == {second.pk}
    assert Claim.objects.filter(speaker=mayor).count() == 2  # one statement, a claim in each story
    jury, wards = rows_of(second)
    Discrepancy.objects.filter(pk=wards.pk).update(status=Discrepancy.State.EXPLAINED, note="Two tours.")
    return first, second, dated, undated, jury, wards


def rows_of(story) -> tuple[Discrepancy, Discrepancy]:
    numbers = Discrepancy.objects.filter(story=story, kind=Discrepancy.Kind.NUMBER)
    (jury,) = [row for row in numbers if ":juri" in row.key or ":jury" in row.key]
    (wards,) = [row for row in numbers if ":ward" in row.key]
    return jury, wards


def recluster() -> reclustering.Reclustered:
    with time_machine.travel(LATER + timedelta(days=1), tick=False):
        return reclustering.recluster(since=T0 - timedelta(days=1))


def test_the_reclustering_joins_the_stories_and_follows_up_at_once(split, mayor, client):
    """Seen failing with `linking.relink` not called (two claims; the rows keyed by the story merged
    away), and with its claims' placing left out (two claims)."""
    first, second, dated, undated, jury, wards = split
    atom = {
        f"http://testserver{reverse('web:event', args=[pk])}"
        for pk in Event.objects.values_list("pk", flat=True)
    }
    assert len(atom) == 2  # one event a story, each an Atom entry
    done = recluster()
    assert {StoryArticle.objects.get(article=a).story_id for a in [*dated, *undated]} == {first.pk}
    assert not Story.objects.filter(pk=second.pk).exists()
    # one statement, one claim: the older, with every report; the other's id redirects to it
    (claim,) = Claim.objects.filter(speaker=mayor)
    assert claim.story_id == first.pk and claim.outlets_count == 3
    assert set(claim.evidence.values_list("article", flat=True)) == {dated[0].pk, *(a.pk for a in undated)}
    assert ClaimRedirect.objects.filter(claim=claim).count() == 1
    # the rows follow their articles: the same rows, keyed by the story that holds them; curated kept
    moved_jury, moved_wards = rows_of(first)
    assert (moved_jury.pk, moved_wards.pk) == (jury.pk, wards.pk)
    assert moved_jury.key.startswith(f"number:story:{first.pk}:")
    assert moved_wards.key.startswith(f"number:story:{first.pk}:")
    assert (moved_wards.status, moved_wards.note) == ("explained", "Two tours.")
    assert moved_wards.variants == wards.variants
    assert Discrepancy.objects.count() == 2
    # the page of the story merged away leads to its heir; the heir counts its four articles
    page = client.get(reverse("web:story", args=[second.pk]))
    assert (page.status_code, page["Location"]) == (301, reverse("web:story", args=[first.pk]))
    api = client.get(f"/api/v1/stories/{second.pk}")
    assert (api.status_code, api["Location"]) == (301, f"/api/v1/stories/{first.pk}")
    heir = client.get(f"/api/v1/stories/{first.pk}").json()
    assert heir["id"] == first.pk
    assert Story.objects.get(pk=first.pk).features["articles"] == 4
    # the feed's entries keep their ids: the events went to the heir whole, neither dropped nor made anew
    feed = client.get(reverse("web:feed"))
    assert {entry.id for entry in feedparser.parse(feed.content).entries} == atom
    assert set(Event.objects.values_list("stories", flat=True)) == {first.pk}
    assert sorted(done.moved) == sorted(a.pk for a in undated) and done.stories == [first.pk]


def snapshot() -> tuple:
    return (
        tuple(StoryArticle.objects.order_by("article").values_list("article", "story")),
        tuple(
            Claim.objects.order_by("pk").values_list("pk", "story", "event", "outlets_count", "updated_at")
        ),
        tuple(Discrepancy.objects.order_by("pk").values_list("pk", "key", "story", "variants", "updated_at")),
        Story.objects.count(),
        StoryRedirect.objects.count(),
        ClaimRedirect.objects.count(),
        Discrepancy.history.count(),
    )


def test_a_second_run_changes_nothing(split):
    """The beat's task run twice: the second moves nothing, hands off nothing, writes nothing."""
    with time_machine.travel(LATER + timedelta(days=1), tick=False):
        tasks.recluster_recent()
        before = snapshot()
        assert tasks.recluster_recent() == 4
    assert snapshot() == before


def test_a_run_that_dies_part_way_leaves_nothing_and_its_retry_no_duplicates(split, mayor):
    """The hand-off dies at its end, re-keying the rows that follow their articles (PostgreSQL refuses
    it; the stories were joined and the claims merged by then): nothing is kept, the stories stay as
    they were; the run again ends as one clean run, nothing twice. Seen failing with the story steps
    left out of the hand-off (it did not die there)."""
    if connection.vendor != "postgresql":
        pytest.skip("the failure is a PostgreSQL trigger")
    first, second, *_ = split
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'worker died'; END $$ "
            "LANGUAGE plpgsql; CREATE TRIGGER dies BEFORE UPDATE OF key ON crossref_discrepancy "
            "FOR EACH ROW EXECUTE FUNCTION refuse()"
        )
    with pytest.raises(DatabaseError, match="worker died"):
        recluster()
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER dies ON crossref_discrepancy; DROP FUNCTION refuse()")
    assert Story.objects.filter(pk__in=[first.pk, second.pk]).count() == 2
    assert Claim.objects.filter(speaker=mayor).count() == 2 and not StoryRedirect.objects.exists()

    recluster()
    assert Claim.objects.filter(speaker=mayor).count() == 1
    assert Story.objects.filter(pk__in=[first.pk, second.pk]).count() == 1
    assert StoryRedirect.objects.count() == 1 and ClaimRedirect.objects.count() == 1
    assert [row.pk for row in rows_of(first)] == [row.pk for row in split[4:]]
    assert Discrepancy.objects.count() == 2


@pytest.mark.parametrize("size", [1, 3])
def test_the_step_costs_the_same_queries_whatever_the_number_of_articles_it_moves(
    size, mayor, django_assert_max_num_queries
):
    """`2 * size` undated reports joined to a story of `2 * size + 1` dated ones, none reporting a claim
    of their own: settling, the hand-off's placing and the story steps cost the same whatever `size`.
    A moved article that reports a claim costs what `claim_linking.link_claims` costs to link an article
    again (its evidence removed and written again, a merged claim's leftovers read: 5 queries here),
    as in a re-extracted batch. Seen failing with the moved articles' stories read one by one (68, 72)."""
    with time_machine.travel(T0 + timedelta(hours=12), tick=False):
        dated = [report(f"Ledger {n}", f"Note {n}.", dated=True, mayor=mayor if n == 0 else None)
                 for n in range(2 * size + 1)]  # fmt: skip
        linking.link_articles(dated)
    with time_machine.travel(LATER + timedelta(hours=20), tick=False):
        undated = [
            report(f"Weekly {n}", f"A jury of {9 + 3 * (n % 2)} was sworn in.", dated=False)
            for n in range(2 * size)
        ]
        linking.link_articles(undated)
    assert len({StoryArticle.objects.get(article=a).story_id for a in [*dated, *undated]}) == 2
    with django_assert_max_num_queries(QUERIES):
        done = recluster()
    assert len(done.moved) == 2 * size
    assert len({StoryArticle.objects.get(article=a).story_id for a in [*dated, *undated]}) == 1


def test_a_split_steps_the_story_left_its_rows_follow_or_retire_curated_kept():
    """Articles moved out of a story that stays (a split, as `clustering._move` makes it): the hand-off
    runs the story they left too. The row of the two that left follows them; the row whose sides went
    apart is retired; a curated one whose sides went apart stays. Seen failing with the stories left not
    handed to `relink` (the retired row still on the story left)."""
    story = StoryFactory(title="Verdict", first_seen_at=T0)
    texts = {
        "First": "A jury of nine was sworn in. Guards searched 4 cells. Clerks filed 7 motions.",
        "Second": "A jury of twelve was sworn in.",
        "Third": "Guards searched 6 cells. Clerks filed 9 motions. Jurors toured 3 wards.",
        "Fourth": "Jurors toured 5 wards.",
    }
    rows = [article(story, outlet, text, hours=n) for n, (outlet, text) in enumerate(texts.items())]
    discrepancies.detect(story)
    found = {key.split(":")[-1]: pk for key, pk in Discrepancy.objects.values_list("key", "pk")}
    assert set(found) == {"juri", "cell", "motion", "ward"}
    Discrepancy.objects.filter(pk=found["motion"]).update(note="The clerk's count.")
    clustering._move({-1: rows[2:]}, {a.pk: story.pk for a in rows[2:]})
    (new,) = Story.objects.exclude(pk=story.pk)

    linking.relink(rows[2:], left=[story.pk])
    held = dict(Discrepancy.objects.values_list("pk", "story"))
    assert held == {found["juri"]: story.pk, found["ward"]: new.pk, found["motion"]: story.pk}
    assert Discrepancy.objects.get(pk=found["ward"]).key.startswith(f"number:story:{new.pk}:")
