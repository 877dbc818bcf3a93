"""Coverage: how many outlets reported a claim, how many independently, and which one first."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from tests.factories import (
    ArticleFactory,
    ClaimFactory,
    EvidenceFactory,
    OutletFactory,
)
from tracker.crossref import corroboration
from tracker.crossref.models import Claim, DateMention, Event, Evidence, Story, StoryArticle
from tracker.sources import credits
from tracker.sources.models import Article, Outlet

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 4, 30, 18, 0, tzinfo=UTC)


def outlet(name: str, kind: str = Outlet.Kind.NEWS) -> Outlet:
    return OutletFactory(name=name, kind=kind)


def report(claim: Claim, source: Outlet | str, *, hours: float = 0, **fields) -> Article:
    """An article of `source` reporting `claim` (one evidence row), first seen `hours` after T0."""
    source = source if isinstance(source, Outlet) else outlet(source)
    row = ArticleFactory(
        outlet=source, title="Musk testifies", first_seen_at=T0 + timedelta(hours=hours), **fields
    )
    EvidenceFactory(claim=claim, article=row, start=0, end=12)
    return row


@pytest.fixture
def claim():
    return ClaimFactory(text="xAI used OpenAI models to train Grok")


def test_five_outlets_of_which_two_credit_a_third_are_three_independent(claim):
    original = report(claim, "TechCrunch", hours=1)
    report(claim, "Alpha", hours=2)
    report(claim, "Beta", hours=3)
    report(claim, "Gamma", hours=4, credited_source="TechCrunch AI")
    report(claim, "Delta", hours=5, credited_source="Sources: techcrunch")
    coverage = corroboration.refresh_claim(claim)
    assert (coverage.independent, coverage.outlets) == (3, 5)
    assert (coverage.first_outlet, coverage.first_seen_at) == (original.outlet, original.first_seen_at)
    claim.refresh_from_db()
    assert (claim.independent_count, claim.outlets_count) == (3, 5)
    assert (claim.first_outlet, claim.first_seen_at) == (original.outlet, original.first_seen_at)


def test_a_credit_naming_no_stored_outlet_counts_once_under_that_name(claim):
    first = report(claim, "Alpha", credited_source="Reuters")
    report(claim, "Beta", hours=1, credited_source="via Reuters")
    assert corroboration.origin_of(first) == "reuters"
    coverage = corroboration.refresh_claim(claim)
    assert (coverage.independent, coverage.outlets) == (1, 2)


def test_credits_naming_one_unstored_outlet_by_longer_and_shorter_names_count_once(claim):
    """ "TechCrunch AI" and "TechCrunch", neither stored, are one origin by the rule match_outlet uses
    for stored outlets (whole-word containment); "AI Weekly" shares only a too-short word with them."""
    report(claim, "Alpha", credited_source="TechCrunch AI")
    report(claim, "Beta", hours=1, credited_source="Sources: TechCrunch")
    report(claim, "Gamma", hours=2, credited_source="AI Weekly")
    assert credits.credit_origins(["TechCrunch AI", "Sources: TechCrunch", "AI Weekly"], []) == {
        "TechCrunch AI": ("credit", "techcrunch"),
        "Sources: TechCrunch": ("credit", "techcrunch"),
        "AI Weekly": ("credit", "ai weekly"),
    }
    coverage = corroboration.refresh_claim(claim)
    assert (coverage.independent, coverage.outlets) == (2, 3)


def test_an_exact_copy_counts_once_under_its_original(claim):
    original = report(claim, "Alpha")
    copy = report(claim, "Beta", hours=1, copy_of=original, copy_kind=Article.CopyKind.EXACT)
    assert corroboration.origin_of(copy) == original.outlet
    assert corroboration.refresh_claim(claim).independent == 1


def test_a_copy_of_a_copy_outside_the_claim_counts_under_the_root(claim):
    elsewhere = Claim.objects.create(confidence=3, kind="testimony", text="another claim")
    root = report(elsewhere, "Alpha")
    middle = report(elsewhere, "Beta", hours=1, copy_of=root, copy_kind=Article.CopyKind.NEAR)
    report(claim, "Gamma", hours=2, copy_of=middle, copy_kind=Article.CopyKind.NEAR)
    report(claim, "Alpha", hours=3)
    coverage = corroboration.refresh_claim(claim)
    assert (coverage.independent, coverage.outlets) == (1, 2)


def test_a_wire_story_credited_by_a_client_counts_once(claim):
    wire = outlet("Associated Press", kind=Outlet.Kind.WIRE)
    story = report(claim, wire)
    report(claim, "Alpha", hours=1, credited_source="The Associated Press")
    report(claim, "Beta", hours=2, copy_of=story, copy_kind=Article.CopyKind.NEAR)
    coverage = corroboration.refresh_claim(claim)
    assert (coverage.independent, coverage.outlets, coverage.first_outlet) == (1, 3, wire)


def test_outlets_count_once_however_many_reports_they_carry(claim):
    report(claim, "Alpha")
    report(claim, "Alpha", hours=1)
    report(claim, "Beta", hours=2)
    coverage = corroboration.refresh_claim(claim)
    assert (coverage.independent, coverage.outlets) == (2, 2)


def test_the_first_outlet_is_the_first_seen_then_the_first_published(claim):
    report(claim, "Late", published_at=T0 - timedelta(hours=1))
    early = report(claim, "Early", published_at=T0 - timedelta(hours=3))
    report(claim, "Undated")
    assert corroboration.refresh_claim(claim).first_outlet == early.outlet


def test_a_claim_without_evidence_has_no_coverage(claim):
    assert corroboration.refresh_claim(claim) == corroboration.Coverage(0, 0, None, None)


@pytest.mark.parametrize(
    ("credited", "expected"),
    [
        ("TechCrunch AI", "TechCrunch"),
        ("Sources: TechCrunch", "TechCrunch"),
        ("techcrunch.example", "TechCrunch"),
        ("The Verge", "The Verge"),
        ("Verge", "The Verge"),
        ("AP", None),
        ("", None),
    ],
)
def test_credits_match_stored_outlets_by_name_prefix_or_domain(credited, expected):
    outlets = [(1, "TechCrunch", "techcrunch.example"), (2, "The Verge", "theverge.example")]
    names = {1: "TechCrunch", 2: "The Verge"}
    found = credits.match_outlet(credited, outlets)
    assert (names[found] if found else None) == expected


def test_story_and_event_coverage(claim):
    story = Story.objects.create(title="Musk testifies", first_seen_at=T0, last_changed_at=T0)
    first = report(claim, "Alpha", hours=1)
    second = report(claim, "Beta", hours=2, credited_source="Alpha")
    for row in (first, second):
        StoryArticle.objects.create(story=story, article=row)
    assert corroboration.refresh_story(story) == corroboration.Coverage(
        2, 1, first.outlet, first.first_seen_at
    )

    event = Event.objects.create(title="Musk testifies", date=T0.date())
    event.stories.add(story)
    corroboration.refresh_event(event)  # no claims yet: the story's articles report it
    event.refresh_from_db()
    assert (event.first_reported_at, event.first_reported_by) == (first.first_seen_at, first.outlet)

    Claim.objects.filter(pk=claim.pk).update(event=event)
    Evidence.objects.filter(article=first).delete()
    assert corroboration.refresh_event(event).outlets == 1
    event.refresh_from_db()
    assert (event.first_reported_at, event.first_reported_by) == (second.first_seen_at, second.outlet)

    Event.objects.filter(pk=event.pk).update(locked=True, first_reported_at=T0, first_reported_by=None)
    event.refresh_from_db()
    corroboration.refresh_event(event)
    event.refresh_from_db()
    assert (event.first_reported_at, event.first_reported_by) == (T0, None)


def test_coverage_reads_a_bounded_number_of_queries(claim, django_assert_max_num_queries):
    wire = outlet("Wire", kind=Outlet.Kind.WIRE)
    root = report(claim, wire)
    for i in range(30):
        report(claim, f"Outlet {i}", hours=i, credited_source="Wire" if i % 2 else "")
        report(claim, f"Copy {i}", hours=i, copy_of=root, copy_kind=Article.CopyKind.NEAR)
    # the claim's times, its reports, their outlets, the first reports, the copies' originals, the stored
    # outlets (credits), its update: whatever its reports (`claim_counts.coverages`)
    with django_assert_max_num_queries(7):
        coverage = corroboration.refresh_claim(claim)
    assert (coverage.independent, coverage.outlets) == (16, 61)


@pytest.mark.parametrize("size", [10, 200])
def test_an_event_without_claims_counts_the_articles_that_date_it_in_bounded_queries(
    size, django_assert_max_num_queries
):
    """Of a story's articles, only those with a date in the event's period report an event no public
    claim is on; the count reads as many queries for a story of 10 articles as for one of 200."""
    story = Story.objects.create(title="The lab opened", first_seen_at=T0, last_changed_at=T0)
    event = Event.objects.create(title="The lab opened", date=date(2023, 1, 1), precision="year")
    event.stories.add(story)
    dating = []
    for i in range(size):
        row = ArticleFactory(outlet=outlet(f"Outlet {i}"), first_seen_at=T0 + timedelta(hours=i))
        StoryArticle.objects.create(story=story, article=row)
        day = date(2023, 5, 2) if i in (3, 7) else date(2024, 5, 2)  # two date it, the others another year
        DateMention.objects.create(article=row, text="May 2", start=0, end=5, value=day, precision="day")
        if i in (3, 7):
            dating.append(row)
    with django_assert_max_num_queries(5):
        coverage = corroboration.refresh_events([event])[event.pk]
    assert (coverage.outlets, coverage.first_outlet) == (2, dating[0].outlet)
    event.refresh_from_db()
    assert (event.first_reported_at, event.first_reported_by) == (dating[0].first_seen_at, dating[0].outlet)
