"""A docket entry and a news event of the same case that concern the same thing, within a day or two,
are linked; the sample docket feed loads through the real path beside the news sample."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from tracker.crossref import linking as crossref_linking
from tracker.crossref.models import Claim, Event
from tracker.crossref.signals import events_changed, send_events_changed
from tracker.curation import publishing
from tracker.dockets import event_linking
from tracker.dockets.models import DocketEntry
from tracker.dockets.sample import load_docket_sample
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db


def test_sample_docket_links_the_trial_day_minutes_to_the_event(sample_corpus):
    event = Event.objects.get(date=date(2026, 4, 30))
    feed, result = load_docket_sample()
    assert result.run.outcome == "ok" and len(result.created) == 10  # 9 entries and a text-only hearing
    day3 = DocketEntry.objects.get(number=501)
    # entered 00:52 UTC on 1 May: 30 April in the court's time zone, the event's day
    assert event_linking.entry_day(day3) == date(2026, 4, 30)
    assert event in day3.events.all()
    links = {
        entry.number: sorted(str(e.date) for e in entry.events.all())
        for entry in DocketEntry.objects.prefetch_related("events")
        if entry.events.all()
    }
    # each trial day's minutes go to that day's event only (mutual nearest), not to one two days off:
    # Day 3 (501) to the testimony of 30 April; jury selection (487) to the opening on 27 April
    assert links.get(501) == ["2026-04-30"] and set(links) <= {487, 501}
    assert links.get(487, ["2026-04-27"]) == ["2026-04-27"]
    # procedural noise and a transcript order are not "the same thing" as testimony
    assert not DocketEntry.objects.filter(
        kind__in=["service", "pro_hac_vice", "other"], events=event
    ).exists()
    again_feed, again = load_docket_sample()
    assert again_feed == feed and again.created == [] and DocketEntry.objects.count() == 10


def test_links_need_the_date_window_and_a_topic(sample_corpus):
    event = Event.objects.get(date=date(2026, 4, 30))
    common = {"case": event.case, "docket_number": "4:24-cv-04722-YGR", "description": "x"}
    far = DocketEntry.objects.create(
        guid="far", kind="minutes", entered_at=datetime(2026, 4, 20, 20, tzinfo=UTC), **common
    )
    notice = DocketEntry.objects.create(
        guid="notice", kind="notice", entered_at=datetime(2026, 4, 30, 20, tzinfo=UTC), **common
    )
    near = DocketEntry.objects.create(
        guid="near", kind="transcript", entered_at=datetime(2026, 5, 2, 18, tzinfo=UTC), **common
    )
    event_linking.link_entries([far.pk, notice.pk, near.pk])
    assert list(event.docket_entries.all()) == [near]


def test_an_event_is_relinked_when_events_changed_is_sent_not_when_it_is_saved(
    sample_corpus, django_capture_on_commit_callbacks
):
    event = Event.objects.get(date=date(2026, 4, 30))
    load_docket_sample()
    day3 = DocketEntry.objects.get(number=501)
    assert event in day3.events.all()
    event.date = date(2026, 4, 20)
    event.save()
    assert event in day3.events.all()  # no post_save hook: a save alone relinks nothing
    with django_capture_on_commit_callbacks(execute=True) as sent:
        send_events_changed([event.pk])
    assert event not in day3.events.all()  # sent after commit, relinked then
    assert len(sent) == 2  # events_changed, then the relink's record_changed: the event's links moved
    event.date = date(2026, 4, 30)
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        send_events_changed([event.pk])
    assert event in day3.events.all()


def test_hiding_an_event_unlinks_it_through_the_hand_off(sample_corpus, django_capture_on_commit_callbacks):
    event = Event.objects.get(date=date(2026, 4, 30))
    load_docket_sample()
    day3 = DocketEntry.objects.get(number=501)
    with django_capture_on_commit_callbacks(execute=True):
        publishing.set_event_visibility(events=[event], status=Event.Visibility.HIDDEN)
    assert event not in day3.events.all()
    with django_capture_on_commit_callbacks(execute=True):
        publishing.set_event_visibility(events=[event], status=Event.Visibility.PUBLISHED)
    assert event in day3.events.all()


def test_a_linking_batch_sends_its_events_once_after_the_claims_are_attached(
    sample_corpus, django_capture_on_commit_callbacks
):
    heard: list[list[int]] = []

    def listen(sender, event_ids, **kwargs):
        heard.append(event_ids)
        # what the receivers read: the claims are on their events by now
        assert Claim.objects.filter(event_id__in=event_ids).exists()

    events_changed.connect(listen, dispatch_uid="test-listen")
    try:
        articles = list(
            Article.objects.filter(status=Article.Status.ANALYZED).order_by("first_seen_at", "pk")
        )
        with django_capture_on_commit_callbacks(execute=True):
            crossref_linking.link_articles(articles)
    finally:
        events_changed.disconnect(dispatch_uid="test-listen")
    story_events = set(
        Event.objects.filter(stories__memberships__article__in=articles).values_list("pk", flat=True)
    )
    assert len(heard) == 1 and set(heard[0]) == story_events and story_events


def test_loaddocketsample_command(sample_corpus):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("loaddocketsample", stdout=out)
    assert "ok: 10 new, 0 updated, 10 entries" in out.getvalue()
    call_command("loaddocketsample", stdout=out)
    assert "not_modified: 0 new, 0 updated, 10 entries" in out.getvalue()  # conditional GET
