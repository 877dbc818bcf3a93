"""The copies among a settle's profiles (`linkage.copy_groups`), each pair compared once a process.

A settle finds the copies of its whole scope (`features.copy_groups`: one text under two names, by the
shingles of their leads) before it clusters, batch after batch, and the scope is most of the stored
articles of a busy window again each time: compared as one n x n matrix, at 600 articles it was the
largest part of a settle (some 40 ms a batch, session 29), most of it pairs already compared.

Whether two profiles are copies is a function of the two alone (their lead shingles, wire credit, times
and first sightings: `features.is_copy`), so the pairs found are kept here (`SEEN`), by those fields'
values: a settle compares only the profiles it has not seen, and only with the profiles sharing a lead
shingle with them (an inverted index: a pair sharing none is no copy). The groups are then the union of
the pairs within the scope, sorted as `features.copy_groups` sorts them. A profile placed in time by
`undated.placed` is another key (its time differs): it is compared anew. The found pairs are checked
against `features.is_copy` on a sample at every call; should they disagree, every pair is compared by
`features.copy_groups` instead and a warning is logged. The outcome never depends on what was seen before.
"""

from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Sequence
from itertools import chain

from tracker.crossref import unions

log = logging.getLogger(__name__)

KEPT = 4000  # profiles remembered (their lead shingles and copies), least recently used out
CHECKED_PAIRS = 8  # random pairs checked against features.is_copy at every call, besides 16 found
COPY_CONTAINMENT = 0.5  # share of the shorter lead's shingles found in the other lead
WIRE_CONTAINMENT = 0.3  # the share enough when both carry the same wire credit


def copied(contained: float, near: bool, same_wire: bool) -> bool:
    """The copy rule (`features.is_copy`, and the pairs indexed here): within the window (`near`), most
    of the shorter lead in the other (`contained`: its share), or a shared wire credit with less."""
    return near and (contained >= COPY_CONTAINMENT or (same_wire and contained >= WIRE_CONTAINMENT))


class Seen:
    """Profiles compared so far (by their copy fields), their lead shingles' holders and their copies."""

    def __init__(self, size: int = KEPT) -> None:
        self.size = size
        self.slots: dict[tuple, int] = {}  # copy fields -> slot, least recently used first
        self.fields: dict[int, tuple] = {}  # slot -> copy fields
        self.holders: dict[int, set[int]] = {}  # shingle -> slots whose lead holds it
        self.copies: dict[int, set[int]] = {}  # slot -> slots it is a copy of
        self.made = 0

    def slots_of(self, profiles: Sequence) -> list[int]:
        """Each profile's slot, those not seen before compared with every slot sharing a lead shingle."""
        found = []
        for p in profiles:
            key = (frozenset(p.lead), p.wire, p.time, p.seen)
            slot = self.slots.pop(key, None)
            if slot is None:
                slot = self._add(key)
            self.slots[key] = slot  # most recently used last
            found.append(slot)
        while len(self.slots) > max(self.size, len(found)):  # the scope's own slots are the newest
            self._drop(self.slots.pop(next(iter(self.slots))))
        return found

    def _add(self, key: tuple) -> int:
        from tracker.crossref import features

        lead, wire, time, seen = key
        slot, self.made = self.made, self.made + 1
        self.fields[slot] = key
        self.copies[slot] = set()
        shared = Counter(chain.from_iterable(self.holders.get(s, ()) for s in lead))
        for other, count in shared.items():
            o_lead, o_wire, o_time, o_seen = self.fields[other]
            gap = abs(time - o_time) if time is not None and o_time is not None else abs(seen - o_seen)
            if copied(
                count / min(len(lead), len(o_lead)), gap <= features.WINDOW, bool(wire) and wire == o_wire
            ):
                self.copies[slot].add(other)
                self.copies[other].add(slot)
        for s in lead:
            self.holders.setdefault(s, set()).add(slot)
        return slot

    def _drop(self, slot: int) -> None:
        for s in self.fields.pop(slot)[0]:
            self.holders[s].discard(slot)
            if not self.holders[s]:
                del self.holders[s]
        for other in self.copies.pop(slot):
            self.copies[other].discard(slot)


SEEN = Seen()


def copy_groups(profiles: Sequence, seen: Seen | None = None) -> list[list[int]]:
    """`features.copy_groups` of the profiles: indexes of one text under several names, each group
    earliest key first, the groups by their first key."""
    from tracker.crossref import features

    n = len(profiles)
    if n < 2:
        return features.copy_groups(profiles)
    seen = SEEN if seen is None else seen
    slots = seen.slots_of(profiles)
    at: dict[int, list[int]] = {}
    for i, slot in enumerate(slots):
        at.setdefault(slot, []).append(i)
    pairs = set()
    for i, slot in enumerate(slots):
        for j in at[slot]:  # the same fields twice: copies when there is a lead
            if j > i and profiles[i].lead:
                pairs.add((i, j))
        for other in seen.copies[slot]:
            pairs.update((i, j) for j in at.get(other, ()) if j > i)
    found = sorted(pairs)
    if any(
        features.is_copy(profiles[i], profiles[j]) != ((i, j) in pairs) for i, j in _sample(n, found[:16])
    ):
        log.warning(
            "copy_finding.copy_groups disagrees with features.is_copy: comparing every pair in Python"
        )
        return features.copy_groups(profiles)
    groups = unions.connected(n, found)
    return sorted(
        (sorted(g, key=lambda i: profiles[i].key) for g in groups), key=lambda g: profiles[g[0]].key
    )


def _sample(n: int, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs and CHECKED_PAIRS more drawn from all pairs (seeded by n: repeatable)."""
    chosen = set(pairs)
    rng = random.Random(n)
    for _ in range(CHECKED_PAIRS):
        i, j = sorted(rng.sample(range(n), 2))
        chosen.add((i, j))
    return sorted(chosen)
