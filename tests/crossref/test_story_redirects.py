"""A story merged away (issue 16): its page and its API address answer 301 with the story that took its
articles, chains of merges end at the last heir, and the Atom entries keep their ids: the feeds' entries
are events (id: the event's permalink), which a merge moves to the heir whole."""

from __future__ import annotations

from datetime import timedelta

import feedparser
import pytest
from django.urls import reverse
from django.utils import timezone

from tracker.crossref import clustering, events
from tracker.crossref.models import Story, StoryArticle, StoryRedirect

from .test_clustering import seeds  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def story_of(article) -> int:
    return StoryArticle.objects.get(article=article).story_id


def dated_recently(articles) -> None:
    """Stated (and seen) in the last hours: inside the re-clustering's bound."""
    now = timezone.now()
    for n, article in enumerate(articles):
        article.published_at = article.first_seen_at = now - timedelta(hours=n + 1)
        article.save(update_fields=["published_at", "first_seen_at"])


def each_alone(articles) -> list[Story]:
    """Each article in a story of its own, as if linked one by one with nothing to compare to."""
    return [clustering._create([a])[0].story for a in articles]


def feed_ids(client) -> set[str]:
    response = client.get(reverse("web:feed"))
    assert response.status_code == 200
    return {entry.id for entry in feedparser.parse(response.content).entries}


def test_a_merged_story_redirects_to_its_heir_and_the_feed_keeps_its_entry_ids(seeds, client):  # noqa: F811
    dated_recently(seeds)
    Story.objects.all().delete()
    stories = each_alone(seeds)
    for story in stories:
        events.update_events(story)
    before = feed_ids(client)
    assert before

    assert clustering.recluster(since=timezone.now() - timedelta(days=1)) == len(seeds)
    # The entries are events, which the merge moves to the heir whole: no id vanished, none appeared.
    # (Rebuilding the heir's events later may fold a "week of" event into a dated one of its kind,
    # as a second article of one story would: that is the events' rule, not the merge's.)
    assert feed_ids(client) == before
    heir = story_of(seeds[0])
    assert {story_of(a) for a in seeds} == {heir}
    merged = [s.pk for s in stories if s.pk != heir]
    assert len(merged) == len(seeds) - 1 and not Story.objects.filter(pk__in=merged).exists()
    for old in merged:
        page = client.get(reverse("web:story", args=[old]))
        assert (page.status_code, page["Location"]) == (301, reverse("web:story", args=[heir]))
        api = client.get(f"/api/v1/stories/{old}")
        assert (api.status_code, api["Location"]) == (301, f"/api/v1/stories/{heir}")
    assert client.get(f"/api/v1/stories/{heir}").json()["id"] == heir
    assert client.get(reverse("web:story", args=[heir])).status_code == 200


def test_a_chain_of_merges_ends_at_the_last_heir(seeds, client):  # noqa: F811
    """Two seeds merge first; the story that took them is then merged into a bigger one."""
    dated_recently(seeds)
    Story.objects.all().delete()
    first, second = each_alone(seeds[3:5])
    clustering.settle([seeds[3]])
    assert story_of(seeds[4]) == first.pk
    assert StoryRedirect.heir_of(second.pk) == first.pk

    bigger = clustering._create(seeds[:3])[0].story  # holds more of the group: it is the keeper
    clustering.settle([seeds[0]])
    assert {story_of(a) for a in seeds} == {bigger.pk}
    for old in (first.pk, second.pk):
        page = client.get(reverse("web:story", args=[old]))
        assert (page.status_code, page["Location"]) == (301, reverse("web:story", args=[bigger.pk]))
    assert StoryRedirect.objects.filter(story=bigger).count() == 2


def test_an_unknown_story_is_still_not_found(client):
    assert client.get(reverse("web:story", args=[999_999])).status_code == 404
    assert client.get("/api/v1/stories/999999").status_code == 404
