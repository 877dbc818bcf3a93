"""Story-keyed rows (`kind:story:<id>:...`: a story's numbers, dates and settings) follow their articles
(issue 16, a disagreement shown once). Such a row is found by its story alone; when the story's articles
move (a settle or the re-clustering moved them into another story, or a merge emptied the story and its
rows went to its heir, `clustering._move`), the story that now holds them finds the disagreement under a
key of its own, and the old row stayed beside it: the same disagreement twice, one of them on a story
that no longer holds its articles.

So when a story runs whole (`discrepancies.prepare`, not narrowed), its story-keyed rows are read with the
rows the batch finds (in the same query; none when the batch's stories find nothing: no query more), and
those it does not find again that name another story (a merged story's, handed down) or cite an article
it no longer holds have moved away (`away`). Each is taken over by the batch's story finding the same
disagreement (kind and what is compared, sharing an article) under a key not stored yet: the row keeps
its id and history, its key and story become the finder's, and its variants follow as `record` updates
them (a curated row keeps its variants, status and note: only its key and story move). One that no story
of the batch takes over is retired when it cites an article its story no longer holds and no curator
touched it (deleted, with its history row); a curated one stays as it is. A row whose articles its story
still holds but no longer disagree stays, for the record (the package's docstring)."""

from __future__ import annotations

import re
from collections.abc import Callable

from tracker.crossref.discrepancies.scope import Found
from tracker.crossref.models import Discrepancy, Story
from tracker.crossref.pending import Held

STORY_KEYED = r"^[a-z_]+:story:[0-9]+:"  # the rows a story run whole reads of its own (`prepare`)
_KEY = re.compile(r"^([a-z_]+):story:([0-9]+):(.*)$")


def parts(key: str) -> tuple[str, int, str] | None:
    """A story-keyed row's kind, story and what it compares; None for another key (a claim's, an article's)."""
    match = _KEY.match(key)
    return (match[1], int(match[2]), match[3]) if match else None


def away(
    rows: Held[str, Discrepancy], found: dict[int, dict[str, Found]], held: dict[int, frozenset[int]]
) -> list[Discrepancy]:
    """The stored rows of the stories run whole (`held`: their articles, by story) that moved away from
    them: story-keyed, found by no story of the batch, and keyed by another story or citing an article
    their story no longer holds. Oldest first."""
    every = {key for items in found.values() for key in items}
    moved = []
    for key, row in rows.rows.items():
        if row.story_id not in held or key in every or (named := parts(key)) is None:
            continue
        if named[1] != row.story_id or not cited(row) <= held[row.story_id]:
            moved.append(row)
    return sorted(moved, key=lambda row: row.pk)


def follow(
    rows: Held[str, Discrepancy],
    moved: list[Discrepancy],
    found: dict[int, dict[str, Found]],
    stories: dict[int, Story],
    held: dict[int, frozenset[int]],
    *,
    curated: Callable[[Discrepancy], bool],
) -> list[Discrepancy]:
    """Hand each moved row to the story of the batch that finds its disagreement under a key not stored
    (`rows` then holds it under that key, its key and story marked to be written); the rows to retire
    (uncurated ones citing an article their story no longer holds) are returned, dropped from `rows`."""
    takers: dict[tuple[str, str], list[tuple[str, int, Found]]] = {}
    for pk, items in found.items():
        for key, item in items.items():
            if key not in rows.rows and (named := parts(key)) is not None:
                takers.setdefault((named[0], named[2]), []).append((key, pk, item))
    retired = []
    for row in moved:
        kind, _, what = parts(row.key)
        mine = cited(row)
        taker = next(
            (t for t in takers.get((kind, what), ()) if t[0] not in rows.rows and mine & cited(t[2])), None
        )
        if taker is not None:
            key, pk, _ = taker
            rows.rows[key] = rows.rows.pop(row.key)
            rows.stored[key] = rows.stored.pop(row.key)
            rows.changed[key] = rows.changed.pop(row.key, set()) | {"key", "story_id"}
            row.key, row.story = key, stories[pk]
        elif not curated(row) and not mine <= held[row.story_id]:
            for held_rows in (rows.rows, rows.stored, rows.changed):
                held_rows.pop(row.key, None)
            retired.append(row)
    return retired


def cited(row: Discrepancy | Found) -> set[int]:
    """The articles a row's (or a finding's) variants cite."""
    return {v.get("article") for v in row.variants if isinstance(v, dict)}
