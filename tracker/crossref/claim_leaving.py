"""The claims an article left when it moved into another story (a batch's settle, `claim_moves.Movers`, or
the re-clustering's `linking.relink`) follow the reports they keep (issue 16, part 4: what readers see
must not depend on where an article sat once).

- A claim's story is the story of its reports: it keeps its own (`Claim.story`) while that story holds
  a report of it, else it takes the story of its first-stated report (`discrepancies.scope.owner`, the
  rule that already decides which story finds its claim-keyed rows: one rule for both). A claim whose
  only report moved is then listed under the story holding that report, not the one it left (the story
  page lists a story's claims by `Claim.story` as well as by its articles' evidence). Its event goes with
  its old story (unhooked): the batch runs the events of every story it reports in, which hook it again
  as the state now is. Kept, it stayed on the old story's event, which that story's step no longer
  unhooks (it unhooks its own claims only): an event no story held, made only when the batches came in
  an order that misplaced the report (the order tests, `test_linking_incremental`, `test_deferred_steps`).
- A claim-keyed row (`kind:claim:<id>...`) of such a claim loses the variants of articles that no longer
  report the claim: a row never shows a variant of an article that reports something else now. With
  fewer than two outlets left it compares nothing and is retired (deleted, its history row "-"); else it
  keeps the rest and goes with its claim's story, and the owner story's run (the batch's story steps run
  every story the move touched whole) finds it again, or leaves it for the record.

Curators' work is never undone: a locked claim keeps its story, a curated row (`is_curated`) stays as it is.
Nothing is written when nothing changed (a second run of the batch changes nothing): three reads when
the moved articles reported claims."""

from __future__ import annotations

from django.utils import timezone

from tracker.crossref import row_inserts, row_updates
from tracker.crossref.discrepancies import is_curated
from tracker.crossref.discrepancies.scope import owner
from tracker.crossref.event_reports import reported_from
from tracker.crossref.models import Claim, Discrepancy, Evidence

CLAIM_KEYED = r"^[a-z_]+:claim:[0-9]+"


def follow(pks: set[int], claims: dict[int, Claim]) -> dict[int, Claim]:
    """`claims` (the batch's instances, by id) with the claims of `pks` not among them read; the
    stories of `pks` and their claim-keyed rows made to follow their reports (the module's rule)."""
    if not pks:
        return claims
    read = Claim.objects.filter(pk__in=pks - set(claims), merged_into__isnull=True)
    claims = claims | {claim.pk: claim for claim in read}
    found = {pk: claims[pk] for pk in pks if pk in claims}
    reports: dict[int, dict[int, tuple]] = {pk: {} for pk in found}
    rows = Evidence.objects.filter(claim__in=list(found)).values_list(
        "claim_id",
        "article_id",
        "article__story_membership__story_id",
        "article__published_at",
        "article__first_seen_at",
        "article__published_suspect",
    )
    for claim, article, story, published, seen, suspect in rows:
        reports[claim][article] = (story, reported_from(published, seen, suspect), article)
    moved = []
    for pk, claim in found.items():
        story = owner(claim.story_id, [r for r in reports[pk].values() if r[0] is not None])
        if not claim.locked and story != claim.story_id:
            claim.story_id, claim.event_id = story, None
            moved.append(claim)
    if moved:
        values = [(claim.pk, {"story_id": claim.story_id, "event_id": None}) for claim in moved]
        row_updates.update_each(Claim, values)
        row_inserts.insert_history(Claim, moved, update=True)
    _rows(found, reports)
    return claims


def _rows(claims: dict[int, Claim], reports: dict[int, dict[int, tuple]]) -> None:
    """The claims' claim-keyed rows without the variants of articles no longer reporting their claim,
    with their claim's story; retired when under two outlets are left. Curated rows untouched."""
    retired, changed, now = [], [], timezone.now()
    for row in Discrepancy.objects.filter(claim__in=list(claims), key__regex=CLAIM_KEYED):
        if is_curated(row):
            continue
        still = [
            v for v in row.variants if not isinstance(v, dict) or v.get("article") in reports[row.claim_id]
        ]
        story = claims[row.claim_id].story_id or row.story_id
        if still == row.variants and story == row.story_id:
            continue
        if len({v.get("outlet") for v in still if isinstance(v, dict)}) < 2:
            retired.append(row)
            continue
        row.variants, row.story_id, row.updated_at = still, story, now
        changed.append(row)
    if retired:
        Discrepancy.objects.filter(pk__in=[row.pk for row in retired])._raw_delete(Discrepancy.objects.db)
        row_inserts.insert_history(Discrepancy, retired, kind="-")
    if changed:
        fields = ("variants", "story_id", "updated_at")
        row_updates.update_each(Discrepancy, [(r.pk, {f: getattr(r, f) for f in fields}) for r in changed])
        row_inserts.insert_history(Discrepancy, changed, update=True)
