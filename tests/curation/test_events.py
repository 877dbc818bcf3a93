"""Events (create from claims or a story, publish, hide), discrepancy notes, and what the public
querysets show with TRACKER_PUBLISH_UNREVIEWED on and off."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from tracker.crossref.models import Claim, Discrepancy, Event, Status, Story
from tracker.curation import publishing, reviewing

pytestmark = pytest.mark.django_db


def test_create_event_from_claims_in_the_admin(curator_client, sample_corpus):
    claims = list(Claim.objects.filter(text__icontains="nonprofit"))
    response = curator_client.post(
        reverse("admin:crossref_claim_changelist"),
        {"action": "create_event", ACTION_CHECKBOX_NAME: [c.pk for c in claims]},
    )
    event = Event.objects.get(claims__in=claims[:1])
    assert response["Location"] == reverse("admin:crossref_event_change", args=[event.pk])
    assert set(event.claims.all()) == set(claims)
    assert event.locked and event.status == Event.Visibility.MACHINE
    assert event.first_reported_at is not None and event.first_reported_by is not None
    assert all(c.locked for c in event.claims.all())


def test_create_event_from_a_story(curator_client, sample_corpus):
    story = Story.objects.get()
    curator_client.post(
        reverse("admin:crossref_story_changelist"),
        {"action": "create_event", ACTION_CHECKBOX_NAME: [story.pk]},
    )
    event = Event.objects.get(title=story.title, locked=True)
    assert event.claims.count() == story.claims.count() and list(event.stories.all()) == [story]
    assert event.case is not None


def test_publish_and_hide(curator_client, sample_corpus, settings):
    event = Event.objects.get(date="2026-04-30")
    changelist = reverse("admin:crossref_event_changelist")
    settings.TRACKER_PUBLISH_UNREVIEWED = False
    assert not Event.objects.public().filter(pk=event.pk).exists()
    curator_client.post(changelist, {"action": "publish", ACTION_CHECKBOX_NAME: [event.pk]})
    event.refresh_from_db()
    assert (event.status, event.locked) == (Event.Visibility.PUBLISHED, True) and event.published_at
    assert Event.objects.public().filter(pk=event.pk).exists()
    curator_client.post(changelist, {"action": "hide", ACTION_CHECKBOX_NAME: [event.pk]})
    settings.TRACKER_PUBLISH_UNREVIEWED = True
    assert not Event.objects.public().filter(pk=event.pk).exists()


def test_edit_event_page(curator_client, sample_corpus, django_assert_max_num_queries):
    event = Event.objects.get(date="2026-04-30")
    url = reverse("admin:crossref_event_change", args=[event.pk])
    with django_assert_max_num_queries(20):
        page = curator_client.get(url)
    assert page.status_code == 200 and page.content.count(b"/admin/crossref/claim/") >= event.claims.count()
    data = {
        "case": event.case_id,
        "title": "Musk testifies",
        "summary": "What happened.",
        "date": "2026-04-30",
        "precision": "day",
        "status": "published",
        "claims-TOTAL_FORMS": "0",
        "claims-INITIAL_FORMS": "0",
        "claims-MIN_NUM_FORMS": "0",
        "claims-MAX_NUM_FORMS": "0",
    }
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event.refresh_from_db()
    assert (event.title, event.locked, event.status) == ("Musk testifies", True, "published")
    assert event.published_at is not None


def test_explaining_a_discrepancy_needs_a_note(curator_client, sample_corpus):
    discrepancy = Discrepancy.objects.get(kind="setting")
    url = reverse("admin:crossref_discrepancy_change", args=[discrepancy.pk])
    page = curator_client.get(url)
    assert b"deposition" in page.content
    refused = curator_client.post(url, {"status": "explained", "note": " "})
    assert refused.status_code == 200 and b"needs a public note" in refused.content
    note = "The statement was trial testimony, not a deposition."
    assert curator_client.post(url, {"status": "explained", "note": note}).status_code == 302
    discrepancy.refresh_from_db()
    assert (discrepancy.status, discrepancy.note) == ("explained", note)


def test_annotate_discrepancy_function(sample_corpus):
    discrepancy = Discrepancy.objects.get(kind="quote_wording")
    with pytest.raises(reviewing.CurationError):
        publishing.annotate_discrepancy(discrepancy=discrepancy, note="", status="resolved")
    publishing.annotate_discrepancy(
        discrepancy=discrepancy, note="Three outlets, three words.", status="resolved"
    )
    assert Discrepancy.objects.get(pk=discrepancy.pk).status == "resolved"


def test_public_claims_follow_the_setting(sample_corpus, settings):
    approved, rejected, machine, merged = Claim.objects.order_by("pk")[:4]
    reviewing.review_claims(claims=[approved], status=Status.APPROVED)
    reviewing.review_claims(claims=[rejected], status=Status.REJECTED)
    reviewing.merge_claims(kept=approved, others=[merged])
    settings.TRACKER_PUBLISH_UNREVIEWED = True
    public = set(Claim.objects.public())
    assert approved in public and machine in public and rejected not in public and merged not in public
    settings.TRACKER_PUBLISH_UNREVIEWED = False
    assert set(Claim.objects.public()) == {approved}


def test_discrepancy_and_event_lists_are_bounded(
    curator_client, sample_corpus, django_assert_max_num_queries
):
    for name in ("admin:crossref_discrepancy_changelist", "admin:crossref_event_changelist"):
        with django_assert_max_num_queries(12):
            assert curator_client.get(reverse(name)).status_code == 200
