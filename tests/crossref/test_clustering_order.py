"""Story clustering does not depend on the order articles arrive in."""

from __future__ import annotations

import random

import pytest

from tracker.crossref import clustering
from tracker.crossref.models import Story, StoryArticle
from tracker.sources.models import Article

from .test_clustering import events, seeds  # noqa: F401 - fixtures

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
    clustering.recluster(since=min(clustering.effective_time(a) for a in order))
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
    clustering.recluster(since=min(clustering.effective_time(a) for a in seeds))
    assert Story.objects.count() == 1
    assert Story.objects.get().memberships.count() == 5
