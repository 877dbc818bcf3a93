"""Story clustering does not depend on the order articles arrive in."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest

from tracker.crossref import clustering, neighbourhoods, profiling
from tracker.crossref.models import Story, StoryArticle
from tracker.sources.models import Article

from .test_clustering import EVENTS, analyze, events, make_article, seeds  # noqa: F401 - fixtures

pytestmark = pytest.mark.django_db


def partition() -> set[frozenset[str]]:
    groups: dict[int, set[str]] = {}
    for story_id, url in StoryArticle.objects.values_list("story_id", "article__canonical_url"):
        groups.setdefault(story_id, set()).add(url)
    return {frozenset(g) for g in groups.values()}


def link_in(order: list[Article]) -> set[frozenset[str]]:
    Story.objects.all().delete()
    for article in order:
        clustering.assign_story(article)
    clustering.recluster(since=min(profiling.effective_time(a) for a in order))
    return partition()


def test_the_stories_are_the_same_whatever_the_order(seeds, events):  # noqa: F811
    articles = [*seeds, *(a for v in events.values() for a in v)]
    outcomes = []
    for seed in (1, 2, 3):
        order = list(articles)
        random.Random(seed).shuffle(order)
        outcomes.append(link_in(order))
    assert outcomes[0] == outcomes[1] == outcomes[2]
    assert sum(len(g) for g in outcomes[0]) == len(articles)
    (seed_story,) = [g for g in outcomes[0] if seeds[0].canonical_url in g]
    assert {a.canonical_url for a in [*seeds, *events["musk"]]} <= seed_story  # one testimony, one story
    assert not {a.canonical_url for k in ("verdict", "altman", "forum") for a in events[k]} & seed_story


def test_recluster_merges_stories_split_by_an_early_decision(seeds):  # noqa: F811
    """Each seed alone in a story (as if linked one by one with nothing to compare to): the periodic
    step puts them back together, and the stories merged away are gone."""
    Story.objects.all().delete()
    for article in seeds:
        clustering._create([article])
    assert Story.objects.count() == 5
    clustering.recluster(since=min(profiling.effective_time(a) for a in seeds))
    assert Story.objects.count() == 1
    assert Story.objects.get().memberships.count() == 5


def test_linking_one_by_one_in_any_order_ends_as_one_settle_of_all(seeds, events):  # noqa: F811
    """Without the periodic step: each article settled as it arrives (alone or in a batch), in shuffled
    orders, ends with the stories one settle of the whole set gives (the set lies in one window)."""
    articles = [*seeds, *(a for v in events.values() for a in v)]
    Story.objects.all().delete()
    for article in articles:
        clustering._create([article])
    clustering.settle(articles)
    expected = partition()
    assert 1 < len(expected) < len(articles)
    for seed in range(6):
        order = list(articles)
        rng = random.Random(seed)
        rng.shuffle(order)
        Story.objects.all().delete()
        while order:
            size = rng.randint(1, 3)
            batch, order = order[:size], order[size:]
            for article in batch:
                clustering.assign_story(article)
            clustering.settle(batch)
        assert partition() == expected, seed


def test_an_undated_batch_is_settled_with_the_reports_around_the_day_it_is_placed_at(seeds, events):  # noqa: F811
    """The seeds were first seen today, months after the testimony they report: an undated seed's
    neighbourhood by first sighting holds the seeds alone. Placed on the testimony's days, it is settled
    with the reports around them too (without them its settle could not undo what placing it there
    changes: the order test above, with a day's weight placing undated articles, ended otherwise)."""
    last = [a for a in seeds if a.published_at is None][-1]
    Story.objects.all().delete()
    for article in [*seeds, *(a for v in events.values() for a in v)]:
        if article.pk != last.pk:
            clustering._create([article])
    testimony = {a.pk for a in events["musk"]}
    assert not testimony & {a.pk for a in neighbourhoods.neighbourhood([last])}
    scope, found = neighbourhoods.placed([last])
    assert testimony <= {a.pk for a in scope}
    assert len(scope) == len(seeds) + sum(len(v) for v in events.values())  # the whole set: one window
    (time,) = [p.time for a, p in zip(scope, found, strict=True) if a.pk == last.pk]
    assert abs(time - events["musk"][0].published_at) <= clustering.WINDOW


def follow_ups(days: float, tag: str) -> list[Article]:
    """Each event reported again `days` later, its sentences in reverse order (no copy: another lead)."""
    made = []
    for specs in EVENTS.values():
        for outlet, date, title, text in specs:
            later = (datetime.fromisoformat(date) + timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")
            made.append(make_article(outlet, later, f"{tag}: {title}", ". ".join(reversed(text.split(". ")))))
    analyze(*made)
    return made


def test_over_more_than_a_window_the_periodic_step_ends_the_same_in_any_order(seeds, events):  # noqa: F811
    """Eight days of reports: linked one by one the stories may differ by order (a settle sees three days
    around its batch); after the periodic step they are those of one settle of the whole set."""
    articles = [
        *seeds,
        *(a for v in events.values() for a in v),
        *follow_ups(2.5, "Later"),
        *follow_ups(5, "On"),
    ]
    Story.objects.all().delete()
    for article in articles:
        clustering._create([article])
    clustering.settle(articles)
    expected = partition()
    assert 3 < len(expected) < len(articles) - 10
    for seed in range(4):
        order = list(articles)
        random.Random(seed).shuffle(order)
        assert link_in(order) == expected, seed
