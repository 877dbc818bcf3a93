"""What a digest holds: periods, scope (what is followed, what is public), order, caps, the subject."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tests.factories import SubscriberFactory
from tracker.cases.models import Entity
from tracker.crossref.models import Claim, Event, Status
from tracker.digests import composing, emails, sending
from tracker.digests.models import Subscriber
from tracker.dockets.models import DocketEntry

LA = ZoneInfo("America/Los_Angeles")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=LA)


@pytest.fixture
def digest_clock(settings):
    settings.TRACKER_DIGEST_HOUR = 7
    settings.TRACKER_DIGEST_TIME_ZONE = "America/Los_Angeles"
    settings.TRACKER_DIGEST_WEEKDAY = 0


def test_periods_end_at_the_local_digest_hour(digest_clock):
    daily = composing.latest_period("daily", at(2026, 11, 22, 10, 0))
    assert (daily.start, daily.end, daily.key) == (
        at(2026, 11, 21, 7),
        at(2026, 11, 22, 7),
        "daily:2026-11-22",
    )
    assert composing.latest_period("daily", at(2026, 11, 22, 6, 59)).key == "daily:2026-11-21"
    weekly = composing.latest_period("weekly", at(2026, 11, 22, 10, 0))  # a Sunday: last Monday's
    assert (weekly.start, weekly.end, weekly.key) == (
        at(2026, 11, 9, 7),
        at(2026, 11, 16, 7),
        "weekly:2026-11-16",
    )
    # The night the clocks go back the local day is 25 hours long, and the digest still goes at 7.
    dst = composing.latest_period("daily", at(2026, 11, 1, 8))
    assert dst.end.astimezone(UTC) - dst.start.astimezone(UTC) == timedelta(hours=25) and dst.end.hour == 7


@pytest.mark.django_db
def test_weekly_subscribers_are_due_on_the_weekday_only(digest_clock):
    daily = Subscriber.objects.create(email="d@example.org", status="active", frequency="daily")
    weekly = Subscriber.objects.create(email="w@example.org", status="active", frequency="weekly")
    Subscriber.objects.create(email="p@example.org", status="pending", frequency="daily")
    Subscriber.objects.create(email="s@example.org", status="paused", frequency="daily")
    sunday = [(f, ids) for f, _, ids in sending.due_batches(at(2026, 11, 22, 7, 0))]
    monday = [(f, ids) for f, _, ids in sending.due_batches(at(2026, 11, 23, 7, 0))]
    assert sunday == [("daily", [daily.pk])]
    assert monday == [("daily", [daily.pk]), ("weekly", [weekly.pk])]


def test_the_subject_says_what_is_inside():
    digest = composing.Digest(period=None, title="Musk v. OpenAI")
    digest.counts = {"new_events": 3, "discrepancies": 1}
    assert digest.subject == "Musk v. OpenAI: 3 new events, 1 discrepancy"
    digest.counts = {"new_events": 1, "updated_events": 2, "discrepancies": 2, "claims": 5}
    assert digest.subject == "Musk v. OpenAI: 1 new event, 2 updated events, 2 discrepancies and more"


def case_topics(case) -> composing.Topics:
    return composing.Topics(frozenset([case.pk]), frozenset())


@pytest.mark.django_db
def test_only_public_items_and_curated_claims_first(musk_case, current_period, settings):
    hidden = Event.objects.get(title="The trial opened in Oakland")
    Event.objects.filter(pk=hidden.pk).update(status=Event.Visibility.HIDDEN)
    rejected = Claim.objects.get(text="OpenAI stole proprietary information")
    Claim.objects.filter(pk=rejected.pk).update(status=Status.REJECTED)
    approved = Claim.objects.get(text="OpenAI misappropriated")
    Claim.objects.filter(pk=approved.pk).update(status=Status.APPROVED)

    digest = composing.compose(topics=case_topics(musk_case), period=current_period)
    sections = {s.name: s for s in digest.sections}
    titles = [i.title for i in sections["events"].items]
    assert "The trial opened in Oakland" not in titles and len(titles) == 2
    claims = sections["claims"].items
    assert claims[0].title == "Elon Musk: OpenAI misappropriated" and claims[0].label == "approved"
    assert all(i.label == "machine-extracted" for i in claims[1:])
    assert not any("stole proprietary" in i.title for i in claims)

    settings.TRACKER_PUBLISH_UNREVIEWED = False
    reviewed = composing.compose(topics=case_topics(musk_case), period=current_period)
    # Discrepancies of unreviewed claims and events are unreviewed too.
    assert [s.name for s in reviewed.sections] == ["claims", "stories"]
    assert [i.title for i in reviewed.sections[0].items] == ["Elon Musk: OpenAI misappropriated"]


@pytest.mark.django_db
def test_an_entity_digest_holds_what_concerns_the_entity(musk_case, current_period, settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # all sample claims public: not a test of the tier
    openai = Entity.objects.get(name="OpenAI")
    digest = composing.compose(
        topics=composing.Topics(frozenset(), frozenset([openai.pk])), period=current_period
    )
    claims = next(s for s in digest.sections if s.name == "claims")
    assert claims.items and all(i.title.startswith("OpenAI: ") for i in claims.items)
    assert digest.title == "OpenAI" and digest.home_url.endswith("/entities/openai/")
    assert "docket" not in [s.name for s in digest.sections]


@pytest.mark.django_db
def test_docket_entries_are_listed_apart_and_links_are_safe(musk_case, current_period):
    common = {"case": musk_case, "docket_number": "4:24-cv-04722-YGR", "entered_at": timezone.now()}
    DocketEntry.objects.create(
        **common,
        number=512,
        description="ORDER granting motion",
        guid="a",
        kind="order",
        document_url="https://ecf.example/doc/512",
    )
    DocketEntry.objects.create(
        **common, number=513, description="Certificate of service", guid="b", hidden=True
    )
    DocketEntry.objects.create(  # procedural: off the digest as it is off the case's timeline
        **common, number=515, description="NOTICE of Appearance by Jane Roe", guid="d", kind="appearance"
    )
    DocketEntry.objects.create(
        **common, number=514, description="<b>NOTICE</b>", guid="c", document_url="javascript:alert(1)"
    )
    digest = composing.compose(topics=case_topics(musk_case), period=current_period)
    docket = digest.sections[-1]
    assert docket.name == "docket" and [i.title for i in docket.items] == [
        "#514 <b>NOTICE</b>",
        "#512 ORDER granting motion",
    ]
    assert docket.items[1].url == "https://ecf.example/doc/512" and docket.items[0].url == digest.home_url
    rendered = emails.render_digest(digest)
    assert "&lt;b&gt;NOTICE&lt;/b&gt;" in rendered.html and "<b>NOTICE" not in rendered.html
    assert "javascript:" not in rendered.html
    assert "2 docket entries" not in digest.subject or digest.counts["docket"] == 2


@pytest.mark.django_db
def test_sections_are_capped_with_a_link_to_the_rest(musk_case, current_period, settings):
    settings.TRACKER_DIGEST_MAX_ITEMS = 2
    digest = composing.compose(topics=case_topics(musk_case), period=current_period)
    claims = next(s for s in digest.sections if s.name == "claims")
    assert len(claims.items) == 2 and claims.more == claims.total - 2 > 0
    assert claims.more_url.endswith("/cases/musk-v-openai/")
    text = emails.render_digest(digest).text
    assert f"And {claims.more} more: {claims.more_url}" in text


@pytest.mark.django_db
def test_subscribers_following_the_same_things_share_one_composition(
    musk_case, current_period, django_assert_max_num_queries
):
    one = SubscriberFactory(email="a@example.org", case=musk_case)
    many = [SubscriberFactory(email=f"s{i}@example.org", case=musk_case).pk for i in range(20)]
    with django_assert_max_num_queries(200) as few:
        sending.send_batch(subscriber_ids=[one.pk], period=current_period)
    with django_assert_max_num_queries(len(few.captured_queries) + 4 * 20):
        sending.send_batch(subscriber_ids=many, period=current_period)
