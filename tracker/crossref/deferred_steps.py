"""A bulk run's story-wide steps, once a story at its end (issue 17, goal 1).

Linking batch after batch, each batch runs the story-wide steps (discrepancies, events, their counts) of
every story it reaches; a much-reported claim reaches most of a case's stories, so at 600 articles
nearly every batch steps nearly every story again, and linking's cost grows with the corpus. A bulk run
(`poll_feeds --sync`, `loadsample`, `reprocess`, `crossref_rebuild`, the benches) needs only the end:
inside `deferred()` a batch places its articles and claims (stories, claims, evidence, counts: as
always, under the linking lock) and marks the stories it would have stepped; when the block ends,
`refresh_stories` steps each marked story once. The workers' per-batch path (a Celery task, what a
reader waits for) is not deferred: its stories are stepped by the batch that reached them.

What the end holds: what the batch-by-batch run keeps at its end, with two kinds of exception. A
disagreement found in an intermediate state only (two outlets' versions before a third settled the
story elsewhere, a claim later merged away) is kept by the batch-by-batch run "for the record" and never
seen by the deferred one: which of those exist depends on the batches' order and size, not on the
articles (issue 16). And the one rule for an event several stories hold: the stories are stepped in
the order the run last reached them (last reached last), as the batch-by-batch run ends, so the story
reached last that brings claims to the event gives its title and summary (one without claims keeps
them), its last change is the latest of its stories' and its first report is counted over all of them.

Between a batch and the end, a reader of the database sees the new articles in their stories and
claims with their evidence and counts, but the stories' events and discrepancies as they were: the
end's `events_changed` drops the cached pages. A run that dies half-way leaves its marked stories
unstepped until another batch reaches them or `crossref_rebuild` runs; the block's end steps what it
marked even when the run raised, for what committed.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from tracker.crossref import batch_profiles, linking, run_evidence


@contextmanager
def deferred() -> Iterator[dict[int, None]]:
    """Inside the block, `linking.link_articles` only marks the stories whose steps it would run; at
    its end they are stepped once each (`refresh_stories`), last reached last. A block inside an
    open one joins it: the outermost block steps them."""
    if (due := linking.deferred_stories.get()) is not None:
        yield due
        return
    due = {}
    token = linking.deferred_stories.set(due)
    try:
        # the neighbourhood's profiles and the claim pool's evidence kept from batch to batch
        with batch_profiles.for_run(), run_evidence.for_run():
            yield due
    finally:
        linking.deferred_stories.reset(token)
        refresh_stories(due)


def refresh_stories(ids: Iterable[int]) -> None:
    """The story-wide steps of these stories (discrepancies, events, every event counted again), in
    the order given (an event several share takes the values of the last that brings claims to it),
    in one transaction under their cases' advisory locks and their rows' locks, as a batch's steps
    take them; stories gone since (settled or merged into others) are skipped. One `events_changed`
    for the events they built, changed or lost."""
    if order := list(dict.fromkeys(ids)):
        linking.step_stories(order)
