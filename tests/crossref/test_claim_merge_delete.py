"""A merge deletes the claims it folded once nothing points at them (`claim_merging.merge_into`): one
read of them, one DELETE, and their history rows ("-") as `delete()` writes them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory, StoryFactory
from tracker.crossref import claim_merging
from tracker.crossref.models import Claim, ClaimRedirect, Evidence

pytestmark = pytest.mark.django_db


def test_the_folded_claims_go_in_one_delete_with_their_history_rows():
    """Two claims folded into a third: their evidence moves to it, they go in one DELETE of the claims
    and none of the tables that point at claims (all moved before), each leaves a "-" history row and
    a redirect. Seen failing with QuerySet.delete() (a query a table pointing at claims)."""
    story = StoryFactory()
    kept, *others = [ClaimFactory(story=story, text=f"claim {n}") for n in range(3)]
    for n, claim in enumerate(others):
        EvidenceFactory(claim=claim, article=ArticleFactory(story=story, title=f"Report {n}"))
    with CaptureQueriesContext(connection) as queries:
        claim_merging.merge_into(kept, others)
    deletes = [q["sql"] for q in queries if q["sql"].startswith("DELETE")]
    assert len(deletes) == 1 and deletes[0].startswith('DELETE FROM "crossref_claim"')
    ids = sorted(c.pk for c in others)
    assert not Claim.objects.filter(pk__in=ids).exists()
    gone = Claim.history.filter(history_type="-").order_by("history_id")
    assert [(h.id, h.text) for h in gone] == [(pk, f"claim {n + 1}") for n, pk in enumerate(ids)]
    assert Evidence.objects.filter(claim=kept).count() == 2
    assert sorted(ClaimRedirect.objects.filter(claim=kept).values_list("old_id", flat=True)) == ids
