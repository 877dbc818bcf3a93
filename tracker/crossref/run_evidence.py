"""A bulk run's stored claims' evidence, kept from batch to batch (issue 17, goal 1).

Each linking batch reads what its claim pool compares a stored claim on (`claim_evidence.Kept.read`:
every evidence row's content words, quote keys and article) from every evidence row of the pool's
claims: at 600 articles 2,400 rows at batch 14 and 4,200 at batch 25 (session 27, hv29), nearly all
of them read by the batches before, since a much-reported claim gathers evidence from every article
that reports it. Within `for_run()` (a bulk run: `deferred_steps.deferred`) `read` keeps each claim's
as read, with the rows it was read from: those up to an id (`upto`: no row of the claim above it then),
as their count and the sum of their ids. The next read checks, for all the claims it is asked for in
one query, that the claim's rows up to that id are still those, and reads only the rows above it: the
new ones (evidence is inserted with ids above any read before, since placings run one at a time under
the linking lock; a row deleted on a re-link, moved on a merge or by a curator, or committed late by
another process changes the count or the sum, and the claim is read whole again).

What a claim's kept entry holds is always what its rows said when read: the batch's `Kept` is handed
the run's objects (`Kept.shared`) and copies one before changing it (`Kept.own`: the evidence a batch
attaches, a merge), so a batch rolled back or a claim changed since costs a read, never a different
answer. The workers' per-batch path does not come here (`read` is `Kept.read` outside a run).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from contextvars import ContextVar

from django.db.models import Count, Max, Q, Sum

from tracker.crossref.claim_evidence import Compared, Kept, WordSets, compare
from tracker.crossref.kept import Kept as Recent
from tracker.crossref.kept import scoped
from tracker.crossref.models import Evidence

RUN_KEPT = 20_000  # claims kept across a bulk run's batches, least recently used out

# claim id -> (upto, the count and id sum of its rows up to it, what they are compared on)
Held = tuple[int, int, int, Compared]
NO_ROWS = (0, 0, 0)  # the count, id sum and newest id of a claim with no evidence
_run: ContextVar[Recent | None] = ContextVar("crossref_run_evidence", default=None)


def for_run() -> AbstractContextManager[None]:
    """Claims' evidence kept across the batches linked inside the block (a block inside one joins it)."""
    return scoped(_run, lambda: Recent(RUN_KEPT))


def read(kept: Kept, claim_ids: list[int], words: Callable[[str], frozenset[str]]) -> None:
    """`kept.read(claim_ids, words)`; in a bulk run from what the run holds of them, checked in one
    query, and the rows it does not hold (of the claims read anew, and those above `upto`) in one; a
    claim whose older rows changed besides (a merge moved rows into it) is read whole in a third."""
    run = _run.get()
    if run is None or not claim_ids:
        kept.read(claim_ids, words)
        return
    held: dict[int, Held] = {pk: found for pk in claim_ids if (found := run.get(pk)) is not None}
    counts_now = _now(held)
    now = {pk: counts_now.get(pk, NO_ROWS) for pk in held}
    grown = {pk for pk, (upto, *_) in held.items() if now[pk][2] > upto}  # rows above `upto`
    same = {pk for pk, (_, *was, _) in held.items() if pk not in grown and now[pk][:2] == tuple(was)}
    found, counted, top = _rows(held, [pk for pk in claim_ids if pk not in same | grown], grown, words)
    for pk in grown:  # its rows up to `upto` are those held: the count and sum less the new rows'
        if (now[pk][0] - counted[pk][0], now[pk][1] - counted[pk][1]) == held[pk][1:3]:
            counted[pk] = [held[pk][1] + counted[pk][0], held[pk][2] + counted[pk][1]]
            same.add(pk)
    if changed := [pk for pk in grown if pk not in same]:
        more, more_counted, more_top = _rows({}, changed, set(), words)
        found.update(more)
        counted.update(more_counted)
        top = max(top, more_top)
    top = max([top, *(held[pk][0] for pk in same)])
    for pk in claim_ids:
        entry = found.get(pk) or held[pk][3]
        counts = counted.get(pk) or held[pk][1:3]
        run.put(pk, (top, *counts, entry))  # no row of it above `top`, read now
        kept[pk] = entry
    kept.shared.update(claim_ids)


def _now(held: dict[int, Held]) -> dict[int, tuple[int, int, int]]:
    """The count, id sum and newest id of the held claims' rows (a claim with none left out); one
    query."""
    if not held:
        return {}
    rows = Evidence.objects.filter(claim_id__in=list(held)).order_by().values("claim_id")
    rows = rows.annotate(count=Count("pk"), total=Sum("pk"), newest=Max("pk"))
    return {
        pk: (count, total, newest)
        for pk, count, total, newest in rows.values_list("claim_id", "count", "total", "newest")
    }


def _rows(
    held: dict[int, Held], anew: list[int], grown: set[int], words: Callable
) -> tuple[dict[int, Compared], dict[int, list[int]], int]:
    """The rows of the claims read anew (all of them) and of those grown (above their `upto`: after the
    run's entry, copied), in one query: what they are compared on, each claim's count and id sum of
    the rows read, and the newest id read."""
    wanted = Q(claim_id__in=anew) if anew else Q(pk__in=[])
    for upto, ids in _by_upto({pk: held[pk] for pk in grown}).items():
        wanted |= Q(claim_id__in=ids, pk__gt=upto)
    found: dict[int, Compared] = {pk: (WordSets(), set(), set()) for pk in anew}
    counted = {pk: [0, 0] for pk in [*anew, *grown]}
    top = 0
    rows = Evidence.objects.filter(wanted).values_list("claim_id", "pk", "quotes", "text", "article")
    for claim_id, pk, quotes, content, article_id in rows if anew or grown else ():
        if claim_id not in found:  # grown: the run's copied, the new rows after its own
            seen, quoted, articles = held[claim_id][3]
            found[claim_id] = (seen.copy(), set(quoted), set(articles))
        compare(found[claim_id], content, quotes, article_id, words)
        counted[claim_id][0] += 1
        counted[claim_id][1] += pk
        top = max(top, pk)
    return found, counted, top


def _by_upto(held: dict[int, Held]) -> dict[int, list[int]]:
    """The claims by their `upto` (a few values: the reads of the last batches)."""
    groups: dict[int, list[int]] = {}
    for pk, (upto, *_) in held.items():
        groups.setdefault(upto, []).append(pk)
    return groups
