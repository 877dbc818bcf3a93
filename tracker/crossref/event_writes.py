"""A linking batch's event writes, once per event (`Pending`): the batch's stories often share events
(their case's), each story's step computes the event's title, summary and last change from its own
reports, and the last story's values are what stays. Written one after the other, every story but the
last wrote values the next overwrote (and each write added a history row); here each story's step reads
the events as the batch's earlier stories left them, in memory, and the batch writes each event once,
when its stories are done, only what differs from what was read. The events whose first report a
story's step can have moved (`event_changes.reported_anew`) are counted again then too, once each
(`corroboration.refresh_events`), as the batch's stories left them."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from tracker.crossref import corroboration, row_inserts, row_updates
from tracker.crossref.models import Claim, Discrepancy, Event, Story
from tracker.crossref.pending import Held

UNRECORDED = frozenset({"last_changed_at"})  # left out of the event's history (models.Event.history)


class Pending(Held[int, Event]):
    """Shared by several stories' steps, one of which may delete an event another updated (one step
    never deletes an event it built): the events still there are read before writing."""

    def __init__(self) -> None:
        super().__init__(tuple(f.attname for f in Event._meta.concrete_fields))
        self.counted: dict[int, Event] = {}  # to count again once written, by id
        # what `events.prepare` read and made for the batch's stories: by story, its keyed groups, the
        # articles they read and the events made for it; the stored (and made) events of their keys
        # and the claims' other events, the stories holding each, and the locked ones among them
        self.ready: dict[int, tuple[dict, dict, dict[str, Event]]] = {}
        self.by_key: dict[str, Event] = {}
        self.claimed: dict[int, Event] = {}  # the claims' other events, by id
        self.dates: dict[frozenset, set] = {}  # `event_changes.reported_anew`'s, read once a batch
        self.holders: dict[int, set[int]] = {}
        self.locked: set[int] = set()
        self.attached: dict[int, list[Event]] = {}  # by story: its events, for its date discrepancies
        self.joins: list[tuple[Event, Story]] = []  # stories put on events, inserted by `write`
        self.moves: list[tuple[int, dict]] = []  # claims put on events, updated by `write_moves`

    def move(self, moves: list[tuple[Claim, int]]) -> None:
        """Put each claim on its event (id), as `Claim.objects.filter(pk=...).update(event=...)` each
        (no history row, `updated_at` left): at once on the batch's claims, in the database with the
        batch's writes, or before a step's next statement that reads or writes the claims' events
        (`stale_events`), in one executemany for all."""
        for claim, event_id in moves:
            claim.event_id = event_id
            self.moves.append((claim.pk, {"event_id": event_id}))

    def write_moves(self) -> None:
        moves, self.moves = self.moves, []
        row_updates.update_each(Claim, moves)

    def left(self, emptied: set[int]) -> None:
        """A story's step may have deleted the `emptied` events (`stale_events.drop_empty`): those the
        batch knows and no story holds are read again, and the gone ones forgotten."""
        if known := [pk for pk in emptied if pk in self.holders and not self.holders[pk]]:
            alive = set(Event.objects.filter(pk__in=known).values_list("pk", flat=True))
            for key in [k for k, e in self.by_key.items() if e.pk in known and e.pk not in alive]:
                del self.holders[self.by_key.pop(key).pk]
            for pk in [pk for pk in self.claimed if pk in known and pk not in alive]:
                del self.holders[self.claimed.pop(pk).pk]

    def attach(self, story: int, built: list[Event]) -> None:
        """Point the story's date discrepancies at its events when the batch is written (`attached`)."""
        self.attached[story] = built

    def update(self, event: Event, values: dict) -> None:
        """The values the machine says, on the batch's instance; written by `write`."""
        self.hold(event.pk, event)
        changed = [name for name, value in values.items() if getattr(event, name) != value]
        for name in changed:
            setattr(event, name, values[name])
        if changed:
            self.mark(event.pk, changed)

    def count(self, events: Iterable[Event]) -> None:
        """Count these again (their first report) once the batch's stories are done: an event several
        stories share and change is counted once, as they all left it."""
        self.counted.update((event.pk, event) for event in events)

    def write(self) -> None:
        """Each changed event that still exists, once, with what differs from what was read (a change
        of fields the history leaves out only, without a history row); then those to count again. The
        stories put on events and their date discrepancies first (`attach_date_discrepancies`)."""
        self.write_moves()
        join(self.joins)
        attach_date_discrepancies(self.attached)
        self.attached, self.joins = {}, []
        changed = self.take()
        alive = (
            set(Event.objects.filter(pk__in=list(changed)).values_list("pk", flat=True)) if changed else ()
        )
        recorded = [self.rows[pk] for pk in sorted(alive) if not UNRECORDED.issuperset(changed[pk])]
        row_updates.update_each(
            Event, [(pk, {n: getattr(self.rows[pk], n) for n in changed[pk]}) for pk in sorted(alive)]
        )
        if recorded:  # the history rows their `save()` would have added ("~"), in one insert
            row_inserts.insert_history(Event, recorded, update=True)
        counted, self.counted = list(self.counted.values()), {}
        corroboration.refresh_events(counted)


def create(made: dict[Story, list[Event]]) -> None:
    """Save new events of stories, in one insert (their ids in this order) with their history rows in
    another, and put each story on its own in one more."""
    if events := [event for events in made.values() for event in events]:
        bulk_create_with_history(events, Event, default_change_reason=None)
        join([(event, story) for story, events in made.items() for event in events])


def attach_date_discrepancies(built: dict[int, list[Event]]) -> None:
    """Stories' date disagreements (see discrepancies) not on an event yet point at the earliest
    event of their kind among their story's `built` ones (by story id): one read, one update."""
    if not built:
        return
    prefixes = Q()
    for story in built:
        prefixes |= Q(key__startswith=f"date:story:{story}:")
    rows = Discrepancy.objects.filter(prefixes, kind=Discrepancy.Kind.DATE, event__isnull=True)
    points = []
    for pk, key in rows.values_list("pk", "key"):
        _, _, story, kind, precision = key.split(":")[:5]
        if match := [e for e in built[int(story)] if e.key.endswith(f":{precision}:{kind}")]:
            points.append((pk, {"event_id": min(match, key=lambda e: (e.date, e.pk)).pk}))
    row_updates.update_each(Discrepancy, points)


def join(pairs: Iterable[tuple[Event, Story]]) -> None:
    """Put each story on its event (as `event.stories.add`, in one insert for all)."""
    through = Event.stories.through
    rows = [through(event_id=event.pk, story_id=story.pk) for event, story in pairs]
    if rows:
        through.objects.bulk_create(rows, ignore_conflicts=True)
