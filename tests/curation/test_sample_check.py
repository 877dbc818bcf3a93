"""'Check a sample': curators mark published machine claims right or wrong; the verdicts give the
measured precision over time. Also the review queue's filter and tier/rule columns."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, ClaimFactory, EvidenceFactory, OutletFactory
from tracker.cases.models import Entity
from tracker.crossref.models import Claim, ClaimCandidate, Status
from tracker.curation import sampling
from tracker.curation.models import ClaimCheck
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db

SAMPLE = "admin:crossref_claim_check_sample"
CHANGELIST = "admin:crossref_claim_changelist"
NOON = datetime(2026, 5, 6, 12, 0, tzinfo=UTC)  # a Wednesday


def make_claim(n: int, *, tier: int, status: str = Status.MACHINE, rule: str = "", speaker=None) -> Claim:
    """A claim with one outlet's evidence and the extraction row its rule is read from."""
    article = ArticleFactory(
        outlet=OutletFactory(name=f"Outlet {n}", domain=f"outlet-{n}.example"),
        title=f"Headline {n}",
        status=Article.Status.NEW,
        first_seen_at=timezone.now(),
    )
    sentence = f'Musk said "the words number {n}" on the stand.'
    claim = ClaimFactory(
        speaker=speaker,
        speaker_text="" if speaker else f"Speaker {n}",
        text=f"the words number {n}",
        status=status,
        confidence=tier,
        first_seen_at=NOON,
    )
    quote = {"text": f"the words number {n}", "start": 11, "end": 29}
    span = {"sentence": sentence, "start": 11, "end": 29, "verb": "said", "attribution": "direct"}
    EvidenceFactory(claim=claim, article=article, quotes=[quote], confidence=tier, first_seen_at=NOON, **span)
    ClaimCandidate.objects.create(
        article=article,
        speaker=f"Speaker {n}",
        kind="testimony",
        text=claim.text,
        sentence_start=0,
        sentence_end=len(sentence),
        confidence=tier,
        confidence_rule=rule,
        **span,
    )
    return claim


@pytest.fixture
def claims(settings):
    settings.TRACKER_PUBLISH_UNREVIEWED = True
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 2
    musk, _ = Entity.objects.get_or_create(slug="elon-musk", defaults={"name": "Elon Musk", "kind": "person"})
    kept = make_claim(6, tier=3)
    merged = make_claim(7, tier=3)
    merged.merged_into = kept
    merged.save()
    return {
        "quote": make_claim(1, tier=3, rule="quote-under-name", speaker=musk),
        "said": make_claim(2, tier=2, rule="said-under-name"),
        "low": make_claim(3, tier=1, rule="rarer-verb"),
        "rejected": make_claim(4, tier=3, status=Status.REJECTED),
        "approved": make_claim(5, tier=3, status=Status.APPROVED),
        "kept": kept,
        "merged": merged,
    }


def sampled_ids(response) -> set[int]:
    return {item.claim.pk for item, _ in response.context["sample"]}


def test_sample_holds_only_published_machine_claims(curator_client, claims):
    for _ in range(3):  # the population is smaller than the sample: every draw holds all of it
        response = curator_client.get(reverse(SAMPLE), {"size": 100})
        assert response.status_code == 200
        assert sampled_ids(response) == {claims["quote"].pk, claims["said"].pk, claims["kept"].pk}
    page = response.content.decode()
    assert "Musk said &quot;<mark>the words number 1</mark>&quot; on the stand." in page  # the sentence
    row = re.search(rf'data-claim="{claims["quote"].pk}">(.*?)</tr>', page, re.S).group(1)
    for shown in ("Elon Musk", "Outlet 1", "<td>3</td>", "quote-under-name", "[testimony]"):
        assert shown in row
    assert "rarer-verb" not in page and "the words number 4" not in page


def test_sample_size_default_and_bounds(curator_client, claims):
    for n in range(10, 35):
        make_claim(n, tier=2)
    assert len(curator_client.get(reverse(SAMPLE)).context["sample"]) == 20
    assert len(curator_client.get(reverse(SAMPLE), {"size": 5}).context["sample"]) == 5
    assert [sampling.sample_size(raw) for raw in (None, "", "x", "0", "-3", "100", "5000")] == [
        20, 20, 20, 1, 1, 100, 100,
    ]  # fmt: skip


def test_changelist_links_to_the_sample(curator_client, claims):
    page = curator_client.get(reverse(CHANGELIST)).content.decode()
    assert f'href="{reverse(SAMPLE)}"' in page


def test_marking_is_stored_once_per_claim_curator_and_day(curator_client, curator, claims):
    quote, said, low = claims["quote"], claims["said"], claims["low"]
    with time_machine.travel(NOON, tick=False):
        response = curator_client.post(
            reverse(SAMPLE) + "?size=7",
            {f"verdict-{quote.pk}": "right", f"verdict-{said.pk}": "wrong", f"verdict-{low.pk}": "right"},
        )
        assert response.status_code == 302
        assert response["Location"] == reverse(SAMPLE) + "?size=7"
        checks = {c.claim_id: c for c in ClaimCheck.objects.all()}
        assert set(checks) == {quote.pk, said.pk}  # the tier-1 claim is not published: skipped
        assert (checks[quote.pk].right, checks[quote.pk].tier, checks[quote.pk].rule) == (
            True, 3, "quote-under-name",
        )  # fmt: skip
        assert (checks[said.pk].right, checks[said.pk].tier) == (False, 2)
        assert checks[quote.pk].checked_by == curator and checks[quote.pk].checked_at == NOON
        # Marking again the same day replaces the verdict.
        curator_client.post(reverse(SAMPLE), {f"verdict-{quote.pk}": "wrong", "verdict-x": "right"})
        assert ClaimCheck.objects.count() == 2
        assert ClaimCheck.objects.get(claim=quote).right is False
    with time_machine.travel(NOON + timedelta(days=1), tick=False):
        curator_client.post(reverse(SAMPLE), {f"verdict-{quote.pk}": "right"})
    assert ClaimCheck.objects.filter(claim=quote).count() == 2  # a new day, a new verdict


def check(claim: Claim, user, *, right: bool, tier: int, at: datetime) -> ClaimCheck:
    return ClaimCheck.objects.create(
        claim=claim, checked_by=user, right=right, tier=tier, checked_at=at, checked_on=at.date()
    )


def test_precision_per_week_and_tier_from_stored_checks(curator_client, curator, claims):
    quote, said = claims["quote"], claims["said"]
    other = get_user_model().objects.create_user("second", is_staff=True)
    # Week of Monday 2026-04-20: 3 of 4 right (tier 3: 2 of 2, tier 2: 1 of 2).
    for day, claim, user, right, tier in [
        (20, quote, curator, True, 3),
        (21, quote, other, True, 3),
        (22, said, curator, True, 2),
        (26, said, other, False, 2),  # a Sunday: still that week
    ]:
        check(claim, user, right=right, tier=tier, at=datetime(2026, 4, day, 9, tzinfo=UTC))
    # Week of Monday 2026-05-04: 1 of 3 right, all tier 3.
    for day, user, right in [(4, curator, False), (5, curator, True), (6, other, False)]:
        check(quote, user, right=right, tier=3, at=datetime(2026, 5, day, 9, tzinfo=UTC))
    check(quote, curator, right=True, tier=3, at=datetime(2025, 10, 1, tzinfo=UTC))  # outside the window

    with time_machine.travel(NOON, tick=False):
        report = sampling.precision_over_time()
        page = curator_client.get(reverse(SAMPLE)).content.decode()
    assert report.unit == "week"
    assert [(p.start, p.overall.checked, p.overall.right) for p in report.periods] == [
        (date(2026, 5, 4), 3, 1),
        (date(2026, 4, 20), 4, 3),
    ]
    assert (report.overall.checked, report.overall.right) == (7, 4)
    assert {t: (v.checked, v.right) for t, v in report.tiers.items()} == {2: (2, 1), 3: (5, 3)}
    april = report.periods[1]
    assert {t: (v.checked, v.right) for t, v in april.tiers.items()} == {2: (2, 1), 3: (2, 2)}
    low, high = report.overall.interval
    assert low < 4 / 7 < high
    assert "0.57: 4 of 7 right" in page and "0.33: 1 of 3 right" in page and "0.75: 3 of 4 right" in page
    assert "0.60: 3 of 5 right" in page  # tier 3 overall


def test_precision_per_day_while_checks_are_few(curator, claims):
    for day, name, right in [(4, "quote", True), (4, "said", False), (6, "quote", True)]:
        at = datetime(2026, 5, day, 9, tzinfo=UTC)
        check(claims[name], curator, right=right, tier=claims[name].confidence, at=at)
    with time_machine.travel(NOON, tick=False):
        report = sampling.precision_over_time()
    assert report.unit == "day"
    assert [(p.start, p.overall.checked, p.overall.right) for p in report.periods] == [
        (date(2026, 5, 6), 1, 1),
        (date(2026, 5, 4), 2, 1),
    ]


def test_who_may_check(client, claims, django_user_model):
    url = reverse(SAMPLE)
    response = client.get(url)  # anonymous
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    reader = django_user_model.objects.create_user("reader", password="x")  # not staff
    client.force_login(reader)
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    assert client.post(url, {f"verdict-{claims['quote'].pk}": "right"}).status_code == 302
    staff = django_user_model.objects.create_user("staff", password="x", is_staff=True)  # no curator rights
    client.force_login(staff)
    assert client.get(url).status_code == 403
    assert client.post(url, {f"verdict-{claims['quote'].pk}": "right"}).status_code == 403
    assert "Check a sample" not in client.get(reverse(CHANGELIST)).content.decode()
    assert not ClaimCheck.objects.exists()


def test_csrf_is_enforced(curator, claims):
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    verdict = {f"verdict-{claims['quote'].pk}": "right"}
    assert client.post(reverse(SAMPLE), verdict).status_code == 403
    assert not ClaimCheck.objects.exists()
    client.get(reverse(SAMPLE))
    token = client.cookies["csrftoken"].value
    assert client.post(reverse(SAMPLE), {**verdict, "csrfmiddlewaretoken": token}).status_code == 302
    assert ClaimCheck.objects.count() == 1


@pytest.mark.parametrize("published", [3, 40])
def test_sample_page_queries_are_bounded(
    curator_client, claims, curator, published, django_assert_max_num_queries
):
    for n in range(10, 10 + published):
        make_claim(n, tier=2 + n % 2)
    for claim in Claim.objects.public()[:10]:
        check(claim, curator, right=True, tier=claim.confidence, at=NOON)
    with django_assert_max_num_queries(8):
        response = curator_client.get(reverse(SAMPLE), {"size": 100})
    assert response.status_code == 200
    assert len(response.context["sample"]) == published + 3


def test_waiting_filter_and_tier_and_rule_columns(curator_client, claims):
    response = curator_client.get(reverse(CHANGELIST), {"waiting": "yes"})
    assert response.status_code == 200
    assert {c.pk for c in response.context["cl"].result_list} == {claims["low"].pk}
    assert set(Claim.objects.awaiting_review()) == {claims["low"]}
    page = response.content.decode()
    assert "waiting for review (below the publishing tier)" in page.lower()
    assert "rarer-verb" in page and "1 (low)" in page
    change = curator_client.get(reverse("admin:crossref_claim_change", args=[claims["quote"].pk]))
    assert change.status_code == 200
    html = change.content.decode()
    assert "3 (high)" in html and "quote-under-name" in html
