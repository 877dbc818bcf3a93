"""Stories' own fields refreshed from their members, for all the stories a settle touched at once
(`clustering._move`): title, representative (the earliest stated original), times, size and cases, in
one read of the members, one of their cases, one UPDATE (an executemany) and one insert of the cases,
not four queries a story. The members are read as the few columns these need (not their texts: a
story's refresh does not grow with its articles' length)."""

from __future__ import annotations

from collections.abc import Sequence

from tracker.crossref import row_updates
from tracker.crossref.story_models import Story
from tracker.sources.models import Article

FIELDS = ("representative_id", "title", "first_seen_at", "last_changed_at", "features")
COLUMNS = ("pk", "title", "published_at", "first_seen_at", "canonical_url", "copy_of_id")


def refresh(stories: Sequence[Story], version: int) -> None:
    """Set and store each story's fields (`features`' `version` given), and add the cases of its
    members, as `story.save(update_fields=...)` and `story.cases.add(...)` a story did, in this order."""
    ids = list(dict.fromkeys(story.pk for story in stories))
    if not ids:
        return
    members: dict[int, list[tuple]] = {pk: [] for pk in ids}
    rows = Article.objects.filter(story_membership__story__in=ids).order_by("first_seen_at", "pk")
    for story_id, *row in rows.values_list("story_membership__story_id", *COLUMNS):
        members[story_id].append(row)
    for story in stories:
        own = members[story.pk]
        originals = [m for m in own if m[5] is None] or own
        first = min(originals, key=lambda m: (m[2] or m[3], m[3], m[4]))  # effective_time, sighting, URL
        story.representative_id, story.title = first[0], first[1][:500]
        story.first_seen_at = own[0][3]
        story.last_changed_at = max(m[3] for m in own)
        story.features = {"version": version, "articles": len(originals)}
    row_updates.update_each(Story, [(pk, {f: getattr(s, f) for f in FIELDS}) for pk, s in _each(stories)])
    cases: dict[int, set[int]] = {pk: set() for pk in ids}
    held = Article.cases.through.objects.filter(article__story_membership__story__in=ids)
    for story_id, case_id in held.values_list("article__story_membership__story_id", "case_id"):
        cases[story_id].add(case_id)
    through = Story.cases.through
    added = [through(story_id=pk, case_id=case) for pk, _ in _each(stories) for case in sorted(cases[pk])]
    if added:  # as `cases.add` (no m2m_changed listener): one insert, what is there already skipped
        through.objects.bulk_create(added, ignore_conflicts=True)


def _each(stories: Sequence[Story]) -> list[tuple[int, Story]]:
    return list({story.pk: story for story in stories}.items())
