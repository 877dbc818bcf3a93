"""Merging claims the machine split and splitting evidence out of a claim it merged wrongly: every
piece of evidence is kept, and a merged-away claim points (and redirects) to the kept one."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from tracker.crossref.models import Claim, Discrepancy, Evidence, Status
from tracker.curation import reviewing

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:crossref_claim_changelist"


def _reports() -> set[tuple]:
    rows = Evidence.objects.values_list("article_id", "start", "text", "sentence", "quotes")
    return {(*row[:4], repr(row[4])) for row in rows}


def _musk_claims():
    general = Claim.objects.get(text__icontains="general practice")
    everyone = Claim.objects.get(text__icontains="everyone does it")
    return general, everyone


def test_merge_moves_every_piece_of_evidence(sample_corpus):
    general, everyone = _musk_claims()
    before = _reports()
    wordings = set(Evidence.objects.filter(claim__in=[general, everyone]).values_list("pk", flat=True))

    result = reviewing.merge_claims(kept=general, others=[everyone, general])

    assert _reports() == before
    assert set(general.evidence.values_list("pk", flat=True)) == wordings
    assert result.evidence_moved == 1 and result.merged == [everyone.pk]
    everyone.refresh_from_db()
    general.refresh_from_db()
    assert everyone.merged_into == general and everyone.current() == general
    assert general.locked and general.outlets_count >= 2
    assert not Claim.objects.public().filter(pk=everyone.pk).exists()
    assert set(Discrepancy.objects.filter(claim=everyone)) == set()


def test_merge_redirect_target(sample_corpus):
    general, everyone = _musk_claims()
    reviewing.merge_claims(kept=general, others=[everyone])
    everyone.refresh_from_db()
    expected = reverse("web:claim", args=[general.pk])
    assert everyone.get_absolute_url() == expected == general.get_absolute_url()


def test_merge_refuses_a_single_claim(sample_corpus):
    general, _ = _musk_claims()
    with pytest.raises(reviewing.CurationError):
        reviewing.merge_claims(kept=general, others=[general])


def test_admin_merge_confirms_then_merges(curator_client, sample_corpus):
    general, everyone = _musk_claims()
    before = _reports()
    data = {"action": "merge", ACTION_CHECKBOX_NAME: [general.pk, everyone.pk]}
    page = curator_client.post(reverse(CHANGELIST), data)
    assert page.status_code == 200
    assert b'name="kept"' in page.content and b"Merge into the chosen claim" in page.content
    assert not Claim.objects.filter(merged_into__isnull=False).exists()

    response = curator_client.post(reverse(CHANGELIST), data | {"confirm": "yes", "kept": everyone.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:crossref_claim_change", args=[everyone.pk])
    general.refresh_from_db()
    assert general.merged_into_id == everyone.pk
    assert _reports() == before
    assert everyone.evidence.count() == 5


def test_split_moves_chosen_evidence_to_a_new_claim(sample_corpus):
    claim = Claim.objects.get(text__icontains="trained its Grok chatbot")
    before = _reports()
    total = claim.evidence.count()
    chosen = list(claim.evidence.order_by("pk").values_list("pk", flat=True)[:3])

    result = reviewing.split_claim(claim=claim, evidence_ids=chosen, text="A different statement")

    assert _reports() == before
    assert set(result.new.evidence.values_list("pk", flat=True)) == set(chosen)
    assert claim.evidence.count() == total - 3
    assert result.new.text == "A different statement" and result.new.speaker_id == claim.speaker_id
    assert result.new.locked and result.source.locked and result.new.status == Status.APPROVED


def test_split_keeps_at_least_one_report(sample_corpus):
    claim = Claim.objects.get(text__icontains="trained its Grok chatbot")
    with pytest.raises(reviewing.CurationError):
        reviewing.split_claim(claim=claim, evidence_ids=claim.evidence.values_list("pk", flat=True))
    with pytest.raises(reviewing.CurationError):
        reviewing.split_claim(claim=claim, evidence_ids=[])


def test_admin_split_page(curator_client, sample_corpus, django_assert_max_num_queries):
    claim = Claim.objects.get(text__icontains="trained its Grok chatbot")
    url = reverse("admin:crossref_claim_split", args=[claim.pk])
    with django_assert_max_num_queries(12):
        page = curator_client.get(url)
    assert page.status_code == 200 and page.content.count(b'name="evidence"') == claim.evidence.count()
    moved = list(claim.evidence.values_list("pk", flat=True)[:1])
    response = curator_client.post(url, {"evidence": moved, "text": ""})
    assert response.status_code == 302
    new = Evidence.objects.get(pk=moved[0]).claim
    assert new.pk != claim.pk and new.text == Evidence.objects.get(pk=moved[0]).text
