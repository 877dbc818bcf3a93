"""The record status of a claim: "in the record" once a matching minute entry or order exists."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.template import Context, Template

from tests.factories import DocketEntryFactory
from tracker.crossref.models import Claim
from tracker.dockets.models import DocketEntry
from tracker.dockets.record import record_status

pytestmark = pytest.mark.django_db

TAG = Template("{% load record %}{% record_status claim %}")


def render(claim) -> str:
    return TAG.render(Context({"claim": claim}))


# A minute entry of the trial's third day, entered 23:15 UTC on 30 April, no filing date.
MINUTES = {
    "description": "Minute Entry for Jury Trial (Day 3) held on 4/30/2026.",
    "entered_at": datetime(2026, 4, 30, 23, 15, tzinfo=UTC),
    "filed_on": None,
    "number": 512,
}


def test_testimony_claim_not_yet_then_in_the_record(sample_corpus):
    claim = Claim.objects.filter(kind="testimony").select_related("case", "event").first()
    assert claim is not None and claim.case is not None
    assert "Not yet in the record" in render(claim)
    DocketEntryFactory(case=claim.case, **MINUTES)
    html = render(claim)
    assert "In the record" in html and "entry 512" in html
    # entered 23:15 UTC on 30 April is 16:15 in California: the day shown is the court's
    assert "30 Apr 2026" in html and 'datetime="2026-04-30T23:15:00Z"' in html


def test_ruling_needs_an_order_not_minutes(sample_corpus):
    claim = Claim.objects.filter(kind="testimony").select_related("case").first()
    claim.kind = "ruling"
    DocketEntryFactory(case=claim.case, **MINUTES)  # minutes do not record a ruling
    assert not record_status(claim).in_record
    DocketEntryFactory(
        case=claim.case,
        **{**MINUTES, "number": 515, "filed_on": date(2026, 5, 1)},
        kind=DocketEntry.Kind.ORDER,
    )
    status = record_status(claim)
    assert status.in_record and status.entry.number == 515
    assert "filed" in render(claim) and "1 May 2026" in render(claim)


def test_far_entries_do_not_count_and_other_kinds_render_nothing(sample_corpus):
    claim = Claim.objects.filter(kind="testimony").select_related("case", "event").first()
    DocketEntryFactory(case=claim.case, **{**MINUTES, "entered_at": datetime(2026, 3, 1, 18, 0, tzinfo=UTC)})
    assert "Not yet in the record" in render(claim)
    claim.kind = "statement"
    assert render(claim).strip() == ""


def test_prefetch_for_a_list_of_claims_is_bounded(sample_corpus, django_assert_num_queries):
    from tracker.dockets.record import prefetch_record_status
    from tracker.dockets.sample import load_docket_sample

    load_docket_sample()
    claims = list(Claim.objects.public().select_related("case", "event").order_by("id"))
    with django_assert_num_queries(2):
        prefetch_record_status(claims)
    with django_assert_num_queries(0):
        html = "".join(render(claim) for claim in claims)
    testimony = [c for c in claims if c.kind == "testimony"]
    assert testimony and all(record_status(c).in_record for c in testimony)
    assert html.count("In the record") == sum(record_status(c).in_record for c in claims)
    # the linked minute entry of the trial day (entered 1 May UTC, 30 April in Oakland) is the one shown
    assert {record_status(c).entry.number for c in testimony} == {501}


def test_admin_changelist_is_bounded(sample_corpus, admin_client, django_assert_max_num_queries):
    from django.urls import reverse

    from tracker.dockets.sample import load_docket_sample

    load_docket_sample()
    url = reverse("admin:dockets_docketentry_changelist")
    with django_assert_max_num_queries(25):
        response = admin_client.get(url, {"kind__exact": "minutes"})
    assert response.status_code == 200 and b"Minute Entry - Jury Trial" in response.content
