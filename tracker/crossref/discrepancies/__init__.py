"""Where outlets disagree about one story: quote wording, hedges, setting, extent, numbers, dates and
silent edits, kept as Discrepancy rows with every outlet's variant (words, outlet, article, offsets).

Each rule (wording, statements, figures) returns what it found with a stable machine `key` (the claim,
or the story and what is compared), so a re-run updates the variants of the same row instead of adding
one. Curated rows are the curator's: a discrepancy explained or resolved, or carrying a note, is never
changed by the machine (but for its key and story following its articles, `moving`) nor deleted. When a
disagreement is no longer found among its story's articles (an outlet corrected itself, extraction
improved) its row stays as it was, for the record; a story-keyed row whose articles moved into another
story is taken over by that story's run, or retired when no story compares its sides any more (`moving`):
a disagreement is shown once, on the story holding its articles.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from tracker.crossref import row_inserts, row_updates
from tracker.crossref.discrepancies import (
    figures,
    moving,
    quoted_hedges,
    slot_figures,
    statements,
    testimony_settings,
    wording,
)
from tracker.crossref.discrepancies.scope import Found, Scope
from tracker.crossref.models import Discrepancy, Story
from tracker.crossref.pending import Held
from tracker.crossref.story_reads import StoryReads

RULES = (
    wording.quote_wording,
    quoted_hedges.hedges,  # statements.hedges_dropped's and quoted_hedges.hedges_quoted's
    testimony_settings.settings_differ,
    statements.extents_differ,
    figures.numbers_differ,
    slot_figures.slot_figures,  # a figure inside one claim's words nlp.amounts does not read
    figures.dates_differ,
    wording.silent_edits,
)


# What claims changed elsewhere can change in a story that reports them but owns none of them and had
# no article placed or moved (`prepare`'s `narrow`): the statements and settings of their speakers, and
# which claim a figure sits on (their counts and first sighting order the story's claims); the other
# rules read the story's own articles, or its own claims only (a claim-keyed row is its story's)
NARROW = (wording.quote_wording, testimony_settings.settings_differ, figures.numbers_differ)


WRITTEN = ("key", "story_id", "variants", "claim_id", "event_id")  # what `record` (or `moving`) changes


class Pending(Held[str, Discrepancy]):
    """The rows a linking batch's stories found, by key, and the fields changed on each, written once
    when the batch's stories are done (`write`): a claim reported in several of the batch's stories is
    found by each, with that story and its scope's order of variants, and only the last one found stays
    (as when every story wrote its own, one after the other), so the others cost no write."""

    def __init__(self) -> None:
        super().__init__(WRITTEN)
        # by story, what `prepare` found for it and the rows it made for it (by key)
        self.ready: dict[int, tuple[dict[str, Found], dict[str, Discrepancy]]] = {}
        self.retired: list[Discrepancy] = []  # rows whose articles moved away, no story taking them over

    def write(self) -> None:
        """Each changed row once, only if it ends other than it was read (found back as it was by
        a later story: no write), with the history row its `save()` would add (all in one insert); the
        retired rows deleted in one statement, their history rows ("-") in one insert."""
        if retired := self.retired:
            self.retired = []
            # one DELETE and no signal (a `delete()` inserts a history row each), the history in one insert
            Discrepancy.objects.filter(pk__in=[row.pk for row in retired])._raw_delete(Discrepancy.objects.db)
            row_inserts.insert_history(Discrepancy, retired, kind="-")
        changed, now = self.take(), timezone.now()
        updates = []  # one `executemany` a set of fields (`bulk_update`'s CASE expressions cost more)
        for key, fields in changed.items():
            row = self.rows[key]
            row.updated_at = now
            updates.append((row.pk, {name: getattr(row, name) for name in (*fields, "updated_at")}))
        row_updates.update_each(Discrepancy, updates)
        if rows := [self.rows[key] for key in changed]:
            row_inserts.insert_history(Discrepancy, rows, update=True)


@transaction.atomic(savepoint=False)  # no caller goes on after an error: no savepoint of its own
def detect(
    story: Story, reads: StoryReads | None = None, *, pending: Pending | None = None
) -> list[Discrepancy]:
    """Find the story's discrepancies and record them; return the rows found this run (curated ones
    included, unchanged). `reads`: the story's, when the caller has read them (`StoryReads.of`).
    `pending`: a batch's, whose rows are read once and whose changes are written by `Pending.write`."""
    alone = pending is None
    pending = Pending() if pending is None else pending
    if story.pk not in pending.ready:  # not prepared with the batch's stories: found (and made) here
        prepare([(story, reads)], pending)
    found, new = pending.ready.pop(story.pk)
    made = [
        new.get(key) or record(item, story=story, row=pending.rows.get(key), pending=pending)
        for key, item in found.items()
    ]
    for row in made:
        pending.made(row.key, row)
    if alone:
        pending.write()
    return made


def prepare(
    steps: list[tuple[Story, StoryReads | None]],
    pending: Pending,
    *,
    narrow: dict[int, frozenset[int]] | None = None,
) -> None:
    """What the rules find in each of these stories (and their reads, when the caller has them), for
    them all at once: the stored rows of all their keys in one read, and the rows no story finds
    stored made in one insert, each by the first story that finds it (as story after story made them,
    in the same order). Held in `pending` for each story's `detect`.

    `narrow`: of a linking batch's stories reached only through claims the batch changed (by story:
    those claims; none of them the story's own, no article of it placed or moved, no claim merged), only
    what those claims can change is found again: the quote wording and settings of their speakers, and
    the claims figures sit on (`NARROW`). Its other rows read nothing the batch changed: its articles,
    and its own claims, whose claim-keyed rows no other story finds (`Scope.owns`); they stay as the
    story's last full run left them, as a rebuild finds them."""
    ready: dict[int, tuple[Story, dict[str, Found]]] = {}
    held: dict[int, frozenset[int]] = {}  # the articles of each story run whole, whose rows are checked
    for story, reads in steps:
        scope = Scope.of(story, reads)
        scope.changed = (narrow or {}).get(story.pk)
        found: dict[str, Found] = {}
        for rule in RULES if scope.changed is None else NARROW:
            for item in rule(scope):
                if scope.mine(item):  # a claim-keyed row: its claim's own story's (`Scope.owns`)
                    found.setdefault(item.key, item)
        ready[story.pk] = (story, found)
        if scope.changed is None:
            held[story.pk] = frozenset(scope.articles)
    keys = {key for _, found in ready.values() for key in found}
    # One read for all: the rows found, and the story-keyed rows of the stories run whole, which follow
    # their articles or are retired (`moving`). None when the stories find nothing: no row to repeat,
    # and a row whose sides went apart is retired at its story's next run that finds anything.
    if unread := [key for key in keys if key not in pending.rows]:
        mine = Q(story_id__in=list(held), key__regex=moving.STORY_KEYED) if held else Q(pk__in=[])
        for row in Discrepancy.objects.filter(Q(key__in=unread) | mine):
            pending.hold(row.key, row)
    if unread and held:
        found_by = {pk: found for pk, (_, found) in ready.items()}
        moved = moving.away(pending, found_by, held)
        stories = {pk: story for pk, (story, _) in ready.items()}
        pending.retired += moving.follow(pending, moved, found_by, stories, held, curated=is_curated)
    rows: dict[str, Discrepancy] = {}  # the new ones, by key, made by the first story finding them
    for story, found in ready.values():
        rows |= {
            key: _row(item, story)
            for key, item in found.items()
            if key not in pending.rows and key not in rows
        }
    created = _create(list(rows.values()))
    for pk, (_, found) in ready.items():
        new = {key: created[key] for key in found if key in created and rows[key].story_id == pk}
        for key, row in new.items():
            pending.made(key, row)
        pending.ready[pk] = (found, new)


def _row(found: Found, story: Story) -> Discrepancy:
    values = {"kind": found.kind, "variants": found.variants, "claim": found.claim, "event": found.event}
    return Discrepancy(key=found.key, story=story, **values)


def _create(rows: list[Discrepancy]) -> dict[str, Discrepancy]:
    """New rows in one insert (their ids in this order), their history rows in another, by key; none
    when another worker stored one of their keys meanwhile (`record` then makes or finds each)."""
    if not rows:
        return {}
    try:
        with transaction.atomic():  # a savepoint: the batch goes on after a lost race
            return {r.key: r for r in bulk_create_with_history(rows, Discrepancy, default_change_reason=None)}
    except IntegrityError:
        return {}


def record(
    found: Found,
    *,
    story: Story | None = None,
    row: Discrepancy | None = None,
    pending: Pending | None = None,
) -> Discrepancy:
    """Create the row for `found`, or update its variants (and claim/event/story) while it is open and
    has no note; a curated row is returned as it is. Every row keeps the story it was found in, so a
    number or date disagreement that hangs on no claim or event is still scoped (rebuild, pages).
    `row`: the stored row of `found.key`, when the caller has read it (None: read here). A row the run
    finds as it was costs no write; with `pending` the changes wait for `Pending.write`."""
    created = False
    if row is None:
        row, created = Discrepancy.objects.get_or_create(
            key=found.key,
            defaults={
                "kind": found.kind,
                "variants": found.variants,
                "claim": found.claim,
                "event": found.event,
                "story": story,
            },
        )
    if created or is_curated(row):
        return row
    changed = []  # attnames, as `Pending` compares them
    if story is not None and row.story_id != story.pk:
        row.story = story
        changed.append("story_id")
    if row.variants != found.variants:
        row.variants = found.variants
        changed.append("variants")
    if found.claim is not None and row.claim_id != found.claim.pk:
        row.claim = found.claim
        changed.append("claim_id")
    if found.event is not None and row.event_id != found.event.pk:
        row.event = found.event
        changed.append("event_id")
    if changed and pending is not None:
        pending.mark(row.key, changed)
    elif changed:
        row.save(update_fields=[*changed, "updated_at"])
    return row


def is_curated(row: Discrepancy) -> bool:
    return row.status != Discrepancy.State.OPEN or bool(row.note.strip())


__all__ = ["Found", "Pending", "Scope", "detect", "is_curated", "prepare", "record"]
