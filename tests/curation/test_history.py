"""Guarantee 2: every curation change is recorded with who, when and the values before and after, and
the history is visible from the object's admin page."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from tracker.cases.models import Entity
from tracker.crossref.models import Claim, Discrepancy, Event, Status
from tracker.curation import publishing, reviewing

pytestmark = pytest.mark.django_db


def test_admin_action_records_who_and_before_after(curator, curator_client, sample_corpus):
    claim = Claim.objects.get(text__icontains="general practice")
    curator_client.post(
        reverse("admin:crossref_claim_changelist"), {"action": "approve", ACTION_CHECKBOX_NAME: [claim.pk]}
    )
    latest = claim.history.first()
    assert latest.history_user == curator and latest.history_type == "~"
    delta = latest.diff_against(latest.prev_record)
    changes = {c.field: (c.old, c.new) for c in delta.changes}
    # (The machine's own bulk updates, such as counts, are not curation and not recorded one by one.)
    assert changes["status"] == (Status.MACHINE, Status.APPROVED) and changes["locked"] == (False, True)
    assert "text" not in changes


def test_history_page_shows_changes(curator, curator_client, sample_corpus, django_assert_max_num_queries):
    claim = Claim.objects.get(text__icontains="general practice")
    reviewing.review_claims(claims=[claim], status=Status.DISPUTED, user=curator)
    with django_assert_max_num_queries(20):
        page = curator_client.get(reverse("admin:crossref_claim_history", args=[claim.pk]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "curator" in text and "disputed" in text.lower()
    record = claim.history.first()
    detail = curator_client.get(
        reverse("admin:crossref_claim_simple_history", args=[claim.pk, record.history_id])
    )
    assert detail.status_code == 200


def test_each_curation_is_recorded(curator, sample_corpus):
    general = Claim.objects.get(text__icontains="general practice")
    everyone = Claim.objects.get(text__icontains="everyone does it")
    reviewing.merge_claims(kept=general, others=[everyone], user=curator)
    assert everyone.history.first().merged_into_id == general.pk
    assert everyone.history.first().history_user == curator

    event = Event.objects.get(date="2026-04-30")
    publishing.set_event_visibility(events=[event], status=Event.Visibility.PUBLISHED, user=curator)
    record = event.history.first()
    assert (record.status, record.history_user) == ("published", curator)
    assert record.prev_record.status == "machine"

    discrepancy = Discrepancy.objects.get(kind="setting")
    publishing.annotate_discrepancy(
        discrepancy=discrepancy, note="Trial testimony, not a deposition.", status="explained", user=curator
    )
    record = discrepancy.history.first()
    assert (record.note, record.status, record.history_user) == (
        "Trial testimony, not a deposition.",
        "explained",
        curator,
    )

    entity = Entity.objects.get(name="Grok")
    entity.description = "xAI's chatbot"
    entity._history_user = curator
    entity.save()
    entity.name = "Grok (chatbot)"
    entity.save()
    latest = entity.history.first()
    delta = latest.diff_against(latest.prev_record)
    assert [(c.field, c.old, c.new) for c in delta.changes] == [("name", "Grok", "Grok (chatbot)")]
    assert latest.prev_record.description == "xAI's chatbot"


def test_admin_edit_of_an_entity_is_recorded_with_the_user(curator, curator_client, sample_corpus):
    entity = Entity.objects.get(name="Grok")
    url = reverse("admin:cases_entity_change", args=[entity.pk])
    form = curator_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("cases",)}
    data |= {"description": "The chatbot", "aliases-TOTAL_FORMS": "1", "aliases-INITIAL_FORMS": "0"}
    data |= {"aliases-MIN_NUM_FORMS": "0", "aliases-MAX_NUM_FORMS": "1000", "aliases-0-text": "Grok 3"}
    data |= {"aliases-0-case_sensitive": "on", "aliases-0-entity": entity.pk}
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert entity.history.first().history_user == curator
    alias = entity.aliases.get(text="Grok 3")
    assert alias.history.first().history_user == curator
