"""A story-keyed discrepancy follows its articles (`discrepancies.moving`, issue 16): when a story's
articles move into another story (a settle, the re-clustering, a merge emptying the story), the
disagreement is shown once, on the story that holds its articles, not once there and once more, stale, on
the story they left. Curated rows are kept. Invented outlets and sentences throughout."""

from __future__ import annotations

import pytest

from tests.crossref.test_discrepancies import T0, article, of_kind
from tests.factories import StoryFactory
from tracker.crossref import clustering, discrepancies
from tracker.crossref.models import Discrepancy, StoryArticle
from tracker.crossref.story_reads import StoryReads, batch_reads

pytestmark = pytest.mark.django_db
NINE, TWELVE = (
    "The verdict was reached by a jury of nine after a week.",
    "A jury of twelve reached the verdict.",
)


@pytest.fixture
def stories():
    """Two stories; the first holds two outlets' reports disagreeing on the jury's size, its row stored."""
    first, other = (
        StoryFactory(title="Verdict", first_seen_at=T0),
        StoryFactory(title="Trial", first_seen_at=T0),
    )
    article(other, "Third", "The trial went on for a week.", hours=2)
    articles = [article(first, "First", NINE), article(first, "Second", TWELVE, hours=1)]
    discrepancies.detect(first)
    (row,) = of_kind(Discrepancy.Kind.NUMBER)
    assert row.key.startswith(f"number:story:{first.pk}:")
    return first, other, articles, row


def batch(stories) -> None:
    """The discrepancy step of a linking batch over these stories (`linking._story_steps`')."""
    pending = discrepancies.Pending()
    reads = batch_reads([s.pk for s in stories])
    discrepancies.prepare([(s, StoryReads.of(s, reads)) for s in stories], pending)
    for story in stories:
        discrepancies.detect(story, StoryReads.of(story, reads), pending=pending)
    pending.write()


def move(articles, story) -> None:
    StoryArticle.objects.filter(article__in=articles).update(story=story)


@pytest.mark.parametrize("order", ["left first", "joined first"])
def test_a_row_follows_its_articles_into_another_story(stories, order):
    """Seen failing without `moving.follow` (two rows: the new story's and the stale one)."""
    first, other, articles, row = stories
    move(articles, other)
    batch([first, other] if order == "left first" else [other, first])
    (moved,) = of_kind(Discrepancy.Kind.NUMBER)
    assert moved.pk == row.pk  # the same row: its id and history kept
    assert (moved.story_id, moved.key) == (other.pk, row.key.replace(f":{first.pk}:", f":{other.pk}:", 1))
    assert moved.variants == row.variants
    assert Discrepancy.history.filter(id=row.pk, history_type="~", key=moved.key).exists()


def test_a_merged_storys_row_goes_to_its_heir_once(stories):
    """A settle empties the story: its rows go to the heir (`clustering._move`), whose run finds the
    disagreement under its own key. Seen failing without `moving.follow` (two rows on the heir)."""
    first, other, articles, row = stories
    clustering._move({other.pk: articles}, {a.pk: first.pk for a in articles})
    batch([other])
    (moved,) = of_kind(Discrepancy.Kind.NUMBER)
    assert (moved.pk, moved.story_id) == (row.pk, other.pk)
    assert moved.key.startswith(f"number:story:{other.pk}:")


def test_a_curated_row_moves_with_its_articles_and_keeps_the_curators_work(stories):
    """Its key and story follow; its variants, status and note are the curator's. Seen failing without
    `moving.follow` (a machine row beside the curated one)."""
    first, other, articles, row = stories
    Discrepancy.objects.filter(pk=row.pk).update(status=Discrepancy.State.EXPLAINED, note="Alternates sat.")
    article(other, "Fourth", "A jury of ten reached the verdict.", hours=3)
    move(articles, other)
    batch([first, other])
    (moved,) = of_kind(Discrepancy.Kind.NUMBER)
    assert (moved.pk, moved.story_id, moved.status, moved.note) == (
        row.pk,
        other.pk,
        "explained",
        "Alternates sat.",
    )
    assert moved.variants == row.variants  # the third outlet's "ten" not added to a curated row


def test_a_row_whose_sides_went_apart_is_retired_unless_curated(stories):
    """One side moves out: neither story compares them any more, and the row, citing an article its story
    no longer holds, goes (with a history row); a curated one stays. The story still finds another
    disagreement (a batch whose stories find none reads no rows: retired at a later run). Seen failing
    without the retiring (the row stayed on the story that lost a side)."""
    first, other, articles, row = stories
    article(first, "Fifth", "Jurors toured 3 wards.", hours=3)
    article(first, "Sixth", "Jurors toured 5 wards.", hours=4)

    def jury() -> list[int]:
        return [r.pk for r in of_kind(Discrepancy.Kind.NUMBER) if ":juri" in r.key]

    move(articles[1:], other)
    batch([first, other])
    assert not jury()
    assert Discrepancy.history.filter(id=row.pk, history_type="-").count() == 1
    move(articles[1:], first)
    batch([first])
    (again,) = jury()
    Discrepancy.objects.filter(pk=again).update(note="Checked with the court.")
    move(articles[1:], other)
    batch([first, other])
    assert jury() == [again]


def test_a_row_whose_articles_stay_is_kept_for_the_record(stories):
    """Its articles no longer disagree (an outlet corrected itself) but are still its story's: it stays."""
    first, _, articles, row = stories
    type(articles[1]).objects.filter(pk=articles[1].pk).update(text=NINE)
    batch([first])
    assert [r.pk for r in of_kind(Discrepancy.Kind.NUMBER)] == [row.pk]


@pytest.mark.parametrize("size", [2, 12])
def test_moving_rows_costs_the_same_queries_whatever_their_number(size, django_assert_max_num_queries):
    """A batch that moves `size` rows into another story and retires as many costs the same queries.
    Seen failing with the retired rows deleted through `QuerySet.delete` (a history insert a row)."""
    first, other = (
        StoryFactory(title="Verdict", first_seen_at=T0),
        StoryFactory(title="Trial", first_seen_at=T0),
    )
    moving, staying = [], []
    for n in range(size):
        noun = f"ward{n}"
        moving += [
            article(first, "First", f"Jurors toured {n + 3} {noun}s."),
            article(first, "Second", f"Jurors toured {n + 30} {noun}s.", hours=1),
        ]
    for n in range(size):
        noun = f"cell{n}"
        staying += [
            article(first, "Third", f"Guards searched {n + 3} {noun}s."),
            article(first, "Fourth", f"Guards searched {n + 30} {noun}s.", hours=1),
        ]
    discrepancies.detect(first)
    assert len(of_kind(Discrepancy.Kind.NUMBER)) == 2 * size
    move(moving + staying[1::2], other)
    with django_assert_max_num_queries(12):
        batch([first, other])
    rows = of_kind(Discrepancy.Kind.NUMBER)
    assert len(rows) == size and {r.story_id for r in rows} == {other.pk}
