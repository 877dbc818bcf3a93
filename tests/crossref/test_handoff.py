"""The hand-off from sources to crossref: one `articles_stored` per batch, after commit, and exactly
those articles analysed (a pending article of another batch waits for the recovery sweep)."""

from __future__ import annotations

import pytest

from tests.support.chain import eager_chain
from tracker.crossref import tasks
from tracker.sources.articles import outlet_for
from tracker.sources.models import Article
from tracker.sources.sample import load_sample
from tracker.sources.signals import articles_stored

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    batches: list[list[int]] = []

    def listen(sender, article_ids, **kwargs):
        batches.append(article_ids)

    articles_stored.connect(listen, dispatch_uid="test-heard")
    yield batches
    articles_stored.disconnect(dispatch_uid="test-heard")


def test_one_batch_after_commit_and_exactly_its_articles_analysed(heard, django_capture_on_commit_callbacks):
    left = Article.objects.create(
        outlet=outlet_for("https://left.example/a"),
        url="https://left.example/a",
        canonical_url="https://left.example/a",
        title="Left behind by a dead worker",
        text="Elon Musk testified on Thursday that xAI trained Grok on OpenAI models.",
        status=Article.Status.FETCHED,
    )
    with django_capture_on_commit_callbacks(execute=False) as pending:
        summary = load_sample()
    assert heard == []  # nothing before the commit
    with eager_chain():
        for callback in pending:
            callback()
    sample_ids = sorted(a.pk for a in summary.articles)
    assert heard == [sample_ids]  # once, for the whole load, with exactly its articles
    assert set(Article.objects.filter(pk__in=sample_ids).values_list("status", flat=True)) == {"analyzed"}
    left.refresh_from_db()
    assert left.status == Article.Status.FETCHED  # not in the batch: the sweep's, not the hand-off's
    assert tasks.analysis.pending_article_ids() == [left.pk]


def test_a_second_load_stores_nothing_and_hands_nothing_on(sample_corpus, heard):
    with eager_chain():
        load_sample()
    assert heard == []


def test_a_hand_off_goes_in_the_fewest_batches_of_at_most_the_size_their_sizes_even():
    assert tasks.batches(list(range(96)), 24) == [list(range(i, i + 24)) for i in range(0, 96, 24)]
    assert [len(b) for b in tasks.batches(list(range(25)), 24)] == [12, 13]  # not 24 and a lone 1
    assert [len(b) for b in tasks.batches(list(range(50)), 16)] == [12, 13, 12, 13]
    assert sum(tasks.batches(list(range(50)), 16), []) == list(range(50))  # each once, in order
    assert tasks.batches([], 24) == []
