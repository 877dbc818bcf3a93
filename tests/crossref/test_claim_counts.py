"""Claims' counts are stored in one statement for all the claims whose counts changed, and none when
none did (`claim_counts.store`, from `corroboration.refresh_claims`); read back, they are what was set
(the first sighting's time too, stored as the ORM stores it), and `updated_at` stays as it was."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory, OutletFactory
from tracker.crossref import corroboration
from tracker.crossref.models import Claim, Evidence

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)
# the claims' confidence and times (grouped), their reports without times, their outlets, the reports
# at their first times (`claim_counts.coverages`)
READ = 4


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


def report(claim, outlet, hours: float, published: float | None = None, **fields) -> None:
    """`outlet`'s report of `claim`, first seen `hours` after T0, stating `published` hours if given."""
    at = T0 + timedelta(hours=published) if published is not None else None
    article = ArticleFactory(
        outlet=outlet, first_seen_at=T0 + timedelta(hours=hours), published_at=at, **fields
    )
    EvidenceFactory(claim=claim, article=article)


def test_claims_are_counted_as_pages_count_their_whole_reports():
    """`claim_counts.coverages` compares the times in the database; what it finds is what pages find
    from every report row (`corroboration.coverage_of`): the first at the earliest trusted stated time
    of a counted report, ties by article id, or the first seen when none is dated; a suspect time only
    when another outlet vouches for it; unverified outlets apart. Fails with the ties taken by the
    highest article id, and with the claims with a suspect time counted as the others (tried both)."""
    alpha, beta, gamma = (OutletFactory(name=name) for name in ("Alpha", "Beta", "Gamma"))
    claims = {name: ClaimFactory(text=name) for name in ("tied", "undated", "vouched", "alone", "none")}
    for outlet in (beta, alpha, gamma):  # one stated time, three outlets: the lowest article id first
        report(claims["tied"], outlet, hours=5, published=1)
    report(claims["tied"], gamma, hours=0, published=2)
    report(claims["tied"], alpha, hours=0, published=0, outlet_established=False)  # claimed only
    for outlet in (gamma, beta):  # no stated time: the first seen, ties by article id
        report(claims["undated"], outlet, hours=3)
    report(claims["undated"], alpha, hours=4)
    report(claims["vouched"], alpha, hours=9, published=0, published_suspect=True)
    report(claims["vouched"], beta, hours=9, published=10)
    report(claims["vouched"], gamma, hours=9, published=0.5)  # vouches for Alpha's
    report(claims["alone"], alpha, hours=9, published=0, published_suspect=True)  # none vouches
    report(claims["alone"], beta, hours=9, published=30)  # more than a day later (AGREEING)
    report(claims["none"], alpha, hours=2, outlet_established=False)

    found = corroboration.refresh_claims(list(claims.values()))

    for name, claim in claims.items():
        rows = corroboration._report_rows(Evidence.objects.filter(claim=claim), "first_seen_at")
        assert found[claim.pk] == corroboration.coverage_of(rows), name
    assert found[claims["tied"].pk].first_outlet == beta
    assert found[claims["undated"].pk].first_outlet == gamma
    assert found[claims["vouched"].pk].first_outlet == alpha
    assert found[claims["alone"].pk].first_outlet == beta
    assert found[claims["none"].pk].first_outlet is None
