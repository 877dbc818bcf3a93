"""Procedural filings (certificates of service, pro hac vice, notices of appearance) are off a case's
timeline by default; a visible toggle (a checkbox in the filter form and a link, plain GET) shows them,
and a filing-type filter for one of them shows it too."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from django.urls import reverse

from tests.factories import DocketEntryFactory
from tracker.cases.models import Case
from tracker.dockets.kinds import classify

pytestmark = pytest.mark.django_db


def _entry(case, number, entry_type):
    return DocketEntryFactory(
        case=case,
        docket_number=case.docket_number,
        number=number,
        kind=classify(entry_type),
        entry_type=entry_type,
        description=entry_type,
        entered_at=datetime(2026, 4, 29, 20, number % 60, tzinfo=UTC),
        filed_on=None,
    )


@pytest.fixture
def entries():
    case = Case.objects.get(slug="musk-v-openai")
    return case, {
        "service": _entry(case, 1, "Certificate of Service"),
        "pro_hac_vice": _entry(case, 2, "Application for Admission of Attorney Pro Hac Vice"),
        "appearance": _entry(case, 3, "NOTICE of Appearance by Jane Roe"),
        "order": _entry(case, 4, "Order on Motion in Limine"),
        "notice": _entry(case, 5, "Notice of Hearing"),
    }


def _records(html: str) -> set[int]:
    return {int(pk) for pk in re.findall(r'<li class="item item--record" id="record-(\d+)"', html)}


def test_procedural_filings_are_hidden_by_default_and_the_toggle_shows_them(client, entries):
    case, made = entries
    assert made["appearance"].kind == "appearance"
    url = reverse("web:case", args=[case.slug])
    html = client.get(url).content.decode()
    assert _records(html) == {made["order"].pk, made["notice"].pk}
    assert 'name="procedural"' in html and "Show procedural filings" in html
    assert 'href="?procedural=on"' in html  # a plain link: no JavaScript needed

    shown = client.get(url, {"procedural": "on"}).content.decode()
    assert _records(shown) == {entry.pk for entry in made.values()}
    assert "Hide procedural filings" in shown
    assert re.search(r'<input type="checkbox" name="procedural"[^>]* checked', shown)

    partial = client.get(url, {"procedural": "on"}, headers={"HX-Request": "true", "HX-Target": "timeline"})
    body = partial.content.decode()
    assert "<html" not in body and _records(body) == {entry.pk for entry in made.values()}


def test_a_topic_has_no_docket_to_toggle(client, entries):
    html = client.get(reverse("web:case", args=["ai-distillation"])).content.decode()
    assert "Show procedural filings</a>" not in html


def test_a_filing_type_filter_shows_its_kind(client, entries):
    case, made = entries
    html = client.get(reverse("web:case", args=[case.slug]), {"docket_kind": "service"}).content.decode()
    assert _records(html) == {made["service"].pk}
    assert "Show procedural filings</a>" not in html


def test_the_feeds_carry_substantive_filings_only(client, entries):
    """A follower is told of the order and the notice of hearing, not of certificates of service."""
    case, made = entries
    for url in (reverse("web:case_feed", args=[case.slug]), reverse("web:feed")):
        atom = client.get(url).content.decode()
        shown = {pk for pk in made.values() if f"#record-{pk.pk}" in atom}
        assert shown == {made["order"], made["notice"]}, url
