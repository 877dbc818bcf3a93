"""A settle refreshes every story it touched at once (`story_refresh.refresh`): title, representative,
times, size and cases of each from its own members, in the same queries however many stories."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.factories import T0, ArticleFactory, OutletFactory, StoryFactory
from tracker.cases.models import Case
from tracker.crossref import clustering, story_refresh

pytestmark = pytest.mark.django_db


def stories(count: int):
    """Stories of two members each (the second seen first), each member in its own case: story n's
    members are in case n and in case n + 1 (of the seeded cases, in id order)."""
    cases = list(Case.objects.order_by("pk"))
    made = []
    for n in range(count):
        story = StoryFactory(title="stale", first_seen_at=T0 - timedelta(days=9), cases=[])
        for k in range(2):
            article = ArticleFactory(
                story=story,
                outlet=OutletFactory(name=f"Outlet {n}{k}"),
                title=f"Story {n} member {k}",
                first_seen_at=T0 + timedelta(hours=10 * n + 5 - k),
                published_at=None,
            )
            article.cases.add(cases[(n + k) % len(cases)])
        made.append(story)
    return made, cases


@pytest.mark.parametrize("count", [1, 5])
def test_the_stories_a_settle_touched_are_refreshed_in_four_queries(count, django_assert_num_queries):
    """One read of the members, one UPDATE of the stories, one read of the members' cases and one
    insert of the stories' cases, for 1 or 5 stories, each story with its own members' values. Seen
    failing with the stories refreshed one by one (20 queries for 5)."""
    made, cases = stories(count)
    with django_assert_num_queries(4):
        story_refresh.refresh(made, clustering.FEATURES_VERSION)
    for n, story in enumerate(made):
        story.refresh_from_db()
        assert story.title == f"Story {n} member 1" == story.representative.title  # the first seen
        assert story.first_seen_at == T0 + timedelta(hours=10 * n + 4)
        assert story.last_changed_at == T0 + timedelta(hours=10 * n + 5)
        assert story.features == {"version": clustering.FEATURES_VERSION, "articles": 2}
        wanted = {cases[n % len(cases)].pk, cases[(n + 1) % len(cases)].pk}
        assert set(story.cases.values_list("pk", flat=True)) == wanted
