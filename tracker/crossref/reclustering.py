"""The periodic re-clustering and its hand-off (issue 16): a settle of the recent span, then for the
articles it moved the steps a batch runs after its settle.

`clustering.recluster` merges and splits machine stories (never one a curator touched; a story merged
away leaves a redirect, its claims, rows and events go to its heir). Alone it left the stories as a
settle leaves them before the batch's other steps: the moved articles' claims still apart from the
claims of the stories they joined (one statement twice), and the story-keyed discrepancy rows where the
articles had been, until a batch happened to reach those stories. So the step hands the articles it
moved to `linking.relink`: their claims linked again where they are now (claims of one statement in two
joined stories become one, `claim_merging`; answers and counts follow), then the story-wide steps
(discrepancies, whose story-keyed rows follow their articles or are retired, curated ones kept:
`discrepancies.moving`; events, all counted again) of the stories they joined and left and of those
reporting their claims. One explicit hand-off, no signal receivers.

All of it is one transaction under the linking lock: a worker that dies part-way leaves nothing, and
the task (acknowledged late) runs it again from the start; a run that moves nothing hands off nothing,
so a second run changes nothing. A run that loses a deadlock to a batch's story steps is run again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction

from tracker.crossref import clustering, linking, locks
from tracker.sources.models import Article


@dataclass
class Reclustered:
    articles: int  # the articles settled again
    moved: list[int] = field(default_factory=list)  # those whose story changed
    left: list[int] = field(default_factory=list)  # the stories they were in (some merged away since)
    stories: list[int] = field(default_factory=list)  # the stories they are in now


def recluster(*, since: datetime, until: datetime | None = None) -> Reclustered:
    """Settle the articles of [since, until] again (`clustering.recluster`) and follow up what moved."""
    return locks.again_on_deadlock(lambda: _recluster(since, until))


@transaction.atomic
def _recluster(since: datetime, until: datetime | None) -> Reclustered:
    locks.serialise_linking()
    moved: dict[int, int | None] = {}
    count = clustering.recluster(since=since, until=until, moved=moved)
    if not moved:
        return Reclustered(count)
    articles = list(Article.objects.filter(pk__in=moved).order_by("first_seen_at", "pk"))
    left = sorted({story for story in moved.values() if story is not None})
    results = linking.relink(articles, left=left)
    return Reclustered(count, sorted(moved), left, sorted({r.story_id for r in results} - {None}))
