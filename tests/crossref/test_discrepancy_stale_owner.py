"""A claim-keyed discrepancy's owner is decided when reading (`Scope.owner`, issue 16): the claim's own
story (`Claim.story`, which claim linking reads and which stays as it is) while that story reports the
claim, else the story of its first-stated report. A settle that moved a claim's articles away left
`Claim.story` reporting none of it, and no story found its rows."""

from __future__ import annotations

import random

import pytest

from tests.crossref.test_discrepancy_owner import SENTENCE, article, hedged, quarry_claim, steps
from tests.factories import ClaimFactory, EvidenceFactory, StoryFactory
from tracker.crossref import claim_owners
from tracker.crossref.discrepancies.scope import Scope
from tracker.crossref.models import Discrepancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved_away():
    """A hedged claim whose own story kept none of its reports (settled into two other stories: the
    first reported 2 hours before the second), each of those with a headline dropping the hedge."""
    gone, first, later = (
        StoryFactory(title="Quarry"),
        StoryFactory(title="Lease"),
        StoryFactory(title="Growers"),
    )
    article(gone, "Harbour dues rise", "The harbour raised its dues.", 0, "Outlet 9")
    claim = quarry_claim(gone)
    hedged(claim, article(later, "Growers met", f"Growers met. {SENTENCE}", 3, "Outlet 2"))
    article(later, "Ostrander: Growers Say Pellworth Leased Their Quarry", "Later.", 4, "Outlet 3")
    hedged(claim, article(first, "Growers gathered", f"Growers gathered. {SENTENCE}", 1, "Outlet 0"))
    article(first, "Ostrander: Pellworth Leased The Quarry To Growers", "More.", 2, "Outlet 1")
    return claim, gone, first, later


def test_a_claim_its_own_story_no_longer_reports_is_its_first_reports_storys(moved_away):
    """Seen failing with `Scope.owns` reading `Claim.story` alone: no story found the row."""
    claim, gone, first, later = moved_away
    rows = []
    for _ in range(4):
        Discrepancy.objects.all().delete()
        order = [gone, first, later]
        random.shuffle(order)
        steps(order)
        row = Discrepancy.objects.get(key=f"hedge_dropped:claim:{claim.pk}")
        rows.append((row.story_id, row.variants))
    assert all(found == rows[0] for found in rows)
    assert rows[0][0] == first.pk
    claim.refresh_from_db()
    assert claim.story_id == gone.pk  # claim linking reads it as it was: never moved here


def test_alone_each_story_reads_the_same_owner(moved_away):
    """A story read alone (no batch) decides as a batch does."""
    claim, gone, first, later = moved_away
    assert [Scope.of(s).owns(claim) for s in (gone, first, later)] == [False, True, False]


def test_a_story_holding_a_report_keeps_its_claims_rows(moved_away):
    """Its own story keeps the claim while it holds any report, even a later one."""
    claim, gone, first, _ = moved_away
    hedged(claim, article(gone, "Growers spoke", f"Growers spoke. {SENTENCE}", 5, "Outlet 4"))
    article(gone, "Ostrander: Pellworth Leased The Quarry, Growers Say", "Now.", 6, "Outlet 6")
    steps([first, gone])
    assert Discrepancy.objects.get(key=f"hedge_dropped:claim:{claim.pk}").story_id == gone.pk


def test_a_linking_batch_runs_the_owner_of_its_claims_and_of_those_settling_moved(moved_away):
    """`claim_owners.owners`: the batch's claim's owner is not its own story (which reports none of
    it), so the owner runs whole, not narrowed to what the batch's claims change; a claim whose article
    the settle moved (`shifted`) may be owned by a third story, which runs too. Seen failing with the
    owners read from `Claim.story` alone."""
    claim, gone, first, later = moved_away
    owners, reporting = claim_owners.owners([claim.pk], [])
    assert first.pk in owners and reporting == {first.pk, later.pk}
    other = ClaimFactory(story=gone, text="Pellworth sold the quarry", speaker_text="Ostrander")
    moved = article(later, "Quarry sold", "The quarry was sold.", 6, "Outlet 5")
    EvidenceFactory(claim=other, article=moved, sentence="The quarry was sold.")
    EvidenceFactory(claim=other, article=first.memberships.first().article, sentence="More.")
    owners, _ = claim_owners.owners([], [moved.pk])
    assert first.pk in owners


def test_a_claim_its_own_story_reports_is_read_a_row_a_story_in_one_query(django_assert_num_queries):
    """`claim_owners.owners` reads a row a claim and story reporting it, and the reports themselves
    only of a claim its own story no longer reports: here none, so one query. Fails with the reports
    read for every claim (tried: `_first_reported` of all the claims read)."""
    own, other = StoryFactory(title="Quarry"), StoryFactory(title="Lease")
    claim = quarry_claim(own)
    for n in range(3):
        hedged(claim, article(own, f"Quarry {n}", SENTENCE, n, f"Outlet {n}"))
    hedged(claim, article(other, "Lease", SENTENCE, 5, "Outlet 7"))

    with django_assert_num_queries(1):
        owners, reporting = claim_owners.owners([claim.pk], [])

    assert owners == {own.pk} and reporting == {own.pk, other.pk}
