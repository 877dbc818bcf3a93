"""Claims' counts are stored in one statement for all the claims whose counts changed, and none when
none did (`claim_counts.store`, from `corroboration.refresh_claims`); read back, they are what was set
(the first sighting's time too, stored as the ORM stores it), and `updated_at` stays as it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory
from tracker.crossref import corroboration
from tracker.crossref.models import Claim

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)
READ = 2  # the claims' evidence with its articles (one joined query), their outlets


def test_changed_counts_are_stored_in_one_statement_and_unchanged_ones_in_none(django_assert_num_queries):
    claims = [ClaimFactory(text=f"claim {n}", first_seen_at=T0 + timedelta(days=1)) for n in range(3)]
    for n, claim in enumerate(claims):
        for k in range(n + 1):
            article = ArticleFactory(
                outlet__name=f"Outlet {n}-{k}", first_seen_at=T0 + timedelta(hours=n + k)
            )
            EvidenceFactory(claim=claim, article=article, confidence=2 + k % 2)
    stamps = dict(Claim.objects.values_list("pk", "updated_at"))

    with django_assert_num_queries(READ + 1):
        corroboration.refresh_claims(claims)
    again = list(Claim.objects.order_by("pk"))  # as stored
    with django_assert_num_queries(READ):  # nothing changed: nothing written
        corroboration.refresh_claims(again)

    for n, claim in enumerate(Claim.objects.order_by("pk")):
        assert (claim.outlets_count, claim.independent_count) == (n + 1, n + 1)
        assert claim.confidence == (3 if n else 2)
        assert claim.first_seen_at == T0 + timedelta(hours=n)
        assert claim.first_outlet.name == f"Outlet {n}-0"
        assert claim.updated_at == stamps[claim.pk]
