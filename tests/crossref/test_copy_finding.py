"""crossref.copy_finding finds the copy groups `features.copy_groups` finds, comparing each pair once a
process: scopes that overlap (a settle's, batch after batch), a memo too small for them, a profile
placed in time anew (`undated.placed`), the same fields twice."""

from __future__ import annotations

import dataclasses
import random
from datetime import timedelta

from tests.crossref.test_linking_linkage import neighbourhood
from tracker.crossref import copy_finding, features


def test_overlapping_scopes_give_the_groups_of_features(caplog):
    profiles = neighbourhood(60, seed=60)
    seen = copy_finding.Seen()
    rng = random.Random(3)
    for _ in range(12):  # each scope mostly profiles an earlier one compared
        scope = sorted(rng.sample(profiles, rng.randint(2, 60)), key=lambda p: p.key)
        assert copy_finding.copy_groups(scope, seen) == features.copy_groups(scope)
    assert "disagrees" not in caplog.text  # the pairs kept, not the fallback to is_copy
    assert any(len(g) > 1 for g in copy_finding.copy_groups(profiles, seen))


def test_a_memo_smaller_than_the_scopes_forgets_and_compares_again(caplog):
    profiles = neighbourhood(40, seed=40)
    seen = copy_finding.Seen(size=10)
    for start in range(0, 40, 7):
        scope = profiles[start : start + 25]
        assert copy_finding.copy_groups(scope, seen) == features.copy_groups(scope)
        assert len(seen.slots) <= max(10, len(scope))  # the scope's own, while it is compared
    assert "disagrees" not in caplog.text
    assert set(seen.copies) == set(seen.fields) == set(seen.slots.values())  # no slot left behind


def test_a_profile_placed_in_time_is_compared_anew(caplog):
    profiles = neighbourhood(60, seed=60)
    seen = copy_finding.Seen()
    groups = copy_finding.copy_groups(profiles, seen)
    copy = next(g for g in groups if len(g) > 1)[1]
    later = list(profiles)
    later[copy] = dataclasses.replace(profiles[copy], time=profiles[copy].seen + timedelta(days=30))
    assert copy_finding.copy_groups(later, seen) == features.copy_groups(later) != groups
    assert "disagrees" not in caplog.text  # found so, not by the fallback


def test_the_same_fields_twice_are_copies(caplog):
    one = neighbourhood(3, seed=1)[0]
    twin = dataclasses.replace(one, key=(one.key[0], one.key[1] + "-again"))
    assert copy_finding.copy_groups([one, twin], copy_finding.Seen()) == [[0, 1]]
    assert "disagrees" not in caplog.text


def test_a_shared_wire_credit_makes_a_copy_of_less_of_the_lead(caplog):
    """The copy rule's second arm (`copy_finding.copied`, used by `features.is_copy` and the pairs kept
    here): two leads sharing 40 % of the shorter's shingles are copies only when both carry the same
    wire credit. Fails with the wire's share raised over 0.4, and with the credit ignored."""
    one = neighbourhood(3, seed=1)[0]
    lead = sorted(one.lead)[:10]
    wired = dataclasses.replace(one, lead=frozenset(lead), wire="Pine Wire")
    other = dataclasses.replace(
        wired, key=(one.key[0], one.key[1] + "-b"), lead=frozenset(lead[:4] + [f"x{i}" for i in range(6)])
    )
    assert features.is_copy(wired, other)
    assert copy_finding.copy_groups([wired, other], copy_finding.Seen()) == [[0, 1]]
    unwired = dataclasses.replace(other, wire="")
    assert not features.is_copy(wired, unwired)
    assert copy_finding.copy_groups([wired, unwired], copy_finding.Seen()) == [[0], [1]]
    assert "disagrees" not in caplog.text
