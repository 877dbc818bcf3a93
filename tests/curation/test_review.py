"""The claim review queue in the admin: list, filters, search, actions, edit page."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from tracker.cases.models import Entity
from tracker.crossref.models import Claim, Discrepancy, Status

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:crossref_claim_changelist"


def test_anonymous_users_are_sent_to_the_login(client):
    for url in (reverse("admin:index"), reverse(CHANGELIST)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_queue_lists_claims_newest_first_with_coverage_and_flag(
    curator_client, sample_corpus, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):
        response = curator_client.get(reverse(CHANGELIST))
    assert response.status_code == 200
    rows = list(response.context["cl"].result_list)
    assert len(rows) == Claim.objects.count()
    seen = [c.first_seen_at for c in rows]
    assert seen == sorted(seen, reverse=True)
    page = response.content.decode()
    assert "outlets (independent of total)" in page.lower()
    flagged = Claim.objects.get(text__icontains="general practice")
    assert f"{flagged.independent_count} of {flagged.outlets_count}" in page
    assert {c.pk for c in rows if c.discrepancy_flag} == set(
        Discrepancy.objects.filter(claim__isnull=False).values_list("claim_id", flat=True)
    )


def test_filters_and_search(curator_client, sample_corpus):
    musk = Entity.objects.get(name="Elon Musk")
    response = curator_client.get(
        reverse(CHANGELIST), {"speaker__id__exact": musk.pk, "status__exact": "machine"}
    )
    assert {c.speaker_id for c in response.context["cl"].result_list} == {musk.pk}
    response = curator_client.get(reverse(CHANGELIST), {"q": "standard industry procedure"})
    found = list(response.context["cl"].result_list)
    assert [c.pk for c in found] == [Claim.objects.get(text__icontains="general practice").pk]
    response = curator_client.get(reverse(CHANGELIST), {"discrepancy": "open"})
    assert len(response.context["cl"].result_list) == Discrepancy.objects.values("claim").distinct().count()


@pytest.mark.parametrize(
    ("action", "status", "locked"),
    [
        ("approve", Status.APPROVED, True),
        ("reject", Status.REJECTED, True),
        ("mark_disputed", Status.DISPUTED, True),
    ],
)
def test_review_actions_set_status_and_lock(curator_client, sample_corpus, action, status, locked):
    claims = list(Claim.objects.order_by("pk")[:3])
    response = curator_client.post(
        reverse(CHANGELIST), {"action": action, ACTION_CHECKBOX_NAME: [c.pk for c in claims]}, follow=True
    )
    assert response.status_code == 200
    for claim in claims:
        claim.refresh_from_db()
        assert (claim.status, claim.locked) == (status, locked)


def test_send_back_unlocks(curator_client, sample_corpus):
    claim = Claim.objects.first()
    curator_client.post(reverse(CHANGELIST), {"action": "approve", ACTION_CHECKBOX_NAME: [claim.pk]})
    curator_client.post(reverse(CHANGELIST), {"action": "send_back", ACTION_CHECKBOX_NAME: [claim.pk]})
    claim.refresh_from_db()
    assert (claim.status, claim.locked) == (Status.MACHINE, False)


def test_edit_page_shows_evidence_with_highlighted_quotes(
    curator_client, sample_corpus, django_assert_max_num_queries
):
    claim = Claim.objects.get(text__icontains="general practice")
    with django_assert_max_num_queries(30):
        response = curator_client.get(reverse("admin:crossref_claim_change", args=[claim.pk]))
        assert response.status_code == 200
    page = response.content.decode()
    assert "<mark>general practice</mark>" in page or "<mark>&#x27;general practice&#x27;</mark>" in page
    for evidence in claim.evidence.select_related("article"):
        assert evidence.article.url in page
    assert reverse("admin:crossref_claim_split", args=[claim.pk]) in page
    speakers = response.context["adminform"].form.fields["speaker"].queryset
    assert not speakers.filter(status=Entity.Status.CANDIDATE).exists()


def test_quote_highlighting_escapes_everything(sample_corpus):
    from tracker.curation.claim_admin import highlighted_sentence

    evidence = Claim.objects.get(text__icontains="general practice").evidence.first()
    evidence.sentence = '<script>x</script> said "a <b>quote</b>" here'
    evidence.quotes = [{"text": "a <b>quote</b>"}]
    html = str(highlighted_sentence(evidence))
    assert (
        html == "&lt;script&gt;x&lt;/script&gt; said &quot;<mark>a &lt;b&gt;quote&lt;/b&gt;</mark>&quot; here"
    )


def test_editing_a_claim_locks_it(curator_client, sample_corpus):
    claim = Claim.objects.get(text__icontains="general practice")
    musk = Entity.objects.get(name="Elon Musk")
    data = {
        "text": "Distillation is general practice",
        "speaker": musk.pk,
        "speaker_text": claim.speaker_text,
        "kind": "testimony",
        "date": "2026-04-30",
        "precision": "day",
        "event": claim.event_id or "",
        "status": "machine",
        "evidence-TOTAL_FORMS": "0",
        "evidence-INITIAL_FORMS": "0",
        "evidence-MIN_NUM_FORMS": "0",
        "evidence-MAX_NUM_FORMS": "0",
    }
    response = curator_client.post(reverse("admin:crossref_claim_change", args=[claim.pk]), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    claim.refresh_from_db()
    assert (claim.text, claim.kind, claim.locked) == ("Distillation is general practice", "testimony", True)
