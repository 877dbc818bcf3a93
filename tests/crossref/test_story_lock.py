"""A curator's lock on a story itself (issue 16): set in the admin by a logged-in curator, it keeps the
story's articles as they are: neither `settle` (linking) nor `recluster` moves one in or out."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.curation.conftest import curator, curator_client  # noqa: F401 - fixtures
from tracker.crossref import clustering
from tracker.crossref.models import Story, StoryArticle

from .test_clustering import seeds  # noqa: F401 - fixture
from .test_story_redirects import dated_recently, each_alone

pytestmark = pytest.mark.django_db


def story_of(article) -> int:
    return StoryArticle.objects.get(article=article).story_id


def test_a_curator_locks_a_story_in_the_admin_and_nothing_else_changes(curator_client, seeds):  # noqa: F811
    Story.objects.all().delete()
    story = clustering._create(seeds[:2])[0].story
    title, url = story.title, reverse("admin:crossref_story_change", args=[story.pk])
    assert curator_client.get(url).status_code == 200
    response = curator_client.post(url, {"locked": "on", "title": "Renamed by hand", "_save": "Save"})
    assert response.status_code == 302, response.content[:2000]
    story.refresh_from_db()
    assert story.locked and story.title == title  # the title is the machine's: read-only
    changelist = reverse("admin:crossref_story_changelist")
    curator_client.post(changelist, {"action": "unlock", "_selected_action": [story.pk]})
    story.refresh_from_db()
    assert not story.locked
    curator_client.post(changelist, {"action": "lock", "_selected_action": [story.pk]})
    story.refresh_from_db()
    assert story.locked
    assert curator_client.post(reverse("admin:crossref_story_delete", args=[story.pk])).status_code == 403


def lock_in_admin(client, story: Story) -> None:
    url = reverse("admin:crossref_story_change", args=[story.pk])
    assert client.post(url, {"locked": "on", "_save": "Save"}).status_code == 302


def test_reclustering_moves_no_article_into_a_locked_story(curator_client, seeds):  # noqa: F811
    """Unlocked, the story holding two of the five seeds would take the other three."""
    dated_recently(seeds)
    Story.objects.all().delete()
    each_alone([seeds[0], seeds[1], seeds[4]])
    locked = clustering._create(seeds[2:4])[0].story
    lock_in_admin(curator_client, locked)
    clustering.recluster(since=timezone.now() - timedelta(days=1))
    assert set(StoryArticle.objects.filter(story=locked).values_list("article", flat=True)) == {
        seeds[2].pk,
        seeds[3].pk,
    }
    assert story_of(seeds[0]) == story_of(seeds[1]) == story_of(seeds[4]) != locked.pk


def test_linking_moves_no_article_out_of_a_locked_story(curator_client, seeds):  # noqa: F811
    """Unlocked, the seed alone in the youngest story would join the oldest (settling keeps the lowest
    id among stories holding as many of the group)."""
    dated_recently(seeds)
    Story.objects.all().delete()
    each_alone([seeds[0], seeds[1], seeds[3], seeds[4]])
    locked = clustering._create([seeds[2]])[0].story
    lock_in_admin(curator_client, locked)
    clustering.settle([seeds[0]])  # as linking does, curated stories allowed to grow
    assert story_of(seeds[2]) == locked.pk
    assert locked.memberships.count() == 1
    assert len({story_of(a) for a in seeds if a != seeds[2]}) == 1


def test_rebuilding_keeps_a_locked_story_as_it_is(curator_client, seeds):  # noqa: F811
    """crossref_rebuild clears what the machine built and links again: a locked story is curated."""
    dated_recently(seeds)
    Story.objects.all().delete()
    each_alone(seeds[:4])
    locked = clustering._create([seeds[4]])[0].story
    lock_in_admin(curator_client, locked)
    call_command("crossref_rebuild")
    assert Story.objects.filter(pk=locked.pk, locked=True).exists()
    assert list(locked.memberships.values_list("article", flat=True)) == [seeds[4].pk]
    assert len({story_of(a) for a in seeds[:4]}) == 1 != locked.pk
