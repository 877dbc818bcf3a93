"""Entities: promote a candidate, merge two (mentions, claims and aliases move), re-extract articles."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from tracker.cases.models import Alias, Case, Entity
from tracker.crossref.analysis import curated_vocabulary
from tracker.crossref.models import Claim, Mention
from tracker.curation import vocabulary

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:cases_entity_changelist"


def test_promote_candidate_joins_the_vocabulary(curator_client, sample_corpus):
    google = Entity.objects.get(name="Google")
    assert google.status == Entity.Status.CANDIDATE
    curator_client.post(reverse(CHANGELIST), {"action": "promote", ACTION_CHECKBOX_NAME: [google.pk]})
    google.refresh_from_db()
    assert google.status == Entity.Status.CURATED
    assert google.pk in {entry.entity_id for entry in curated_vocabulary()}


def test_merge_moves_mentions_claims_aliases_and_cases(sample_corpus):
    musk = Entity.objects.get(name="Elon Musk")
    duplicate = Entity.objects.create(name="E. Musk", slug="e-musk", kind="PERSON")
    Alias.objects.create(entity=duplicate, text="Musk, Elon")
    Alias.objects.create(entity=duplicate, text="Musk")  # musk may already have it: not duplicated
    case = Case.objects.get(slug="musk-v-openai")
    case.entities.add(duplicate)
    mention = Mention.objects.filter(entity=musk).first()
    Mention.objects.filter(pk=mention.pk).update(entity=duplicate)
    claim = Claim.objects.filter(speaker=musk).first()
    Claim.objects.filter(pk=claim.pk).update(speaker=duplicate)
    mentions = Mention.objects.filter(entity__in=[musk, duplicate]).count()

    result = vocabulary.merge_entities(kept=musk, merged=duplicate)

    assert Mention.objects.filter(entity=musk).count() == mentions
    assert not Mention.objects.filter(entity=duplicate).exists()
    assert Claim.objects.get(pk=claim.pk).speaker == musk and result.claims == 1
    aliases = set(musk.aliases.values_list("text", flat=True))
    assert {"Musk, Elon", "E. Musk", "Musk"} <= aliases
    assert musk.aliases.filter(text="Musk").count() == 1
    assert not duplicate.aliases.exists()
    assert duplicate in Entity.objects.filter(merged_into=musk)
    duplicate.refresh_from_db()
    assert duplicate.current() == musk and duplicate.status == Entity.Status.CANDIDATE
    assert list(case.entities.filter(pk__in=[musk.pk, duplicate.pk])) == [musk]
    assert duplicate.pk not in {entry.entity_id for entry in curated_vocabulary()}


def test_merge_refuses_the_same_entity(sample_corpus):
    musk = Entity.objects.get(name="Elon Musk")
    with pytest.raises(vocabulary.EntityCurationError):
        vocabulary.merge_entities(kept=musk, merged=musk)


def test_admin_merge_confirms_then_merges(curator_client, sample_corpus):
    musk = Entity.objects.get(name="Elon Musk")
    duplicate = Entity.objects.create(name="E. Musk", slug="e-musk", kind="PERSON")
    data = {"action": "merge", ACTION_CHECKBOX_NAME: [musk.pk, duplicate.pk]}
    page = curator_client.post(reverse(CHANGELIST), data)
    assert page.status_code == 200 and b"Merge into the chosen entity" in page.content
    response = curator_client.post(reverse(CHANGELIST), data | {"confirm": "yes", "kept": musk.pk})
    assert response["Location"] == reverse("admin:cases_entity_change", args=[musk.pk])
    assert Entity.objects.get(pk=duplicate.pk).merged_into == musk


def test_reextract_after_an_alias_change(
    curator_client, settings, sample_corpus, django_capture_on_commit_callbacks
):
    """A new alias of a curated entity is recognised once the articles naming it are re-extracted: the
    action enqueues the batches after commit, and eager Celery runs them then."""
    settings.CELERY_TASK_ALWAYS_EAGER = True
    grok = Entity.objects.get(name="Grok")
    Alias.objects.create(
        entity=grok, text="flagship conversational artificial intelligence", case_sensitive=False
    )
    assert not Mention.objects.filter(entity=grok, text__icontains="flagship").exists()
    articles = vocabulary.articles_mentioning(grok)
    assert articles

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(
            reverse(CHANGELIST), {"action": "reextract", ACTION_CHECKBOX_NAME: [grok.pk]}, follow=True
        )

    assert f"Queued for re-extraction: {len(articles)} article(s)" in response.content.decode()
    assert Mention.objects.filter(entity=grok, text__icontains="flagship").exists()


def test_entity_pages_are_bounded(curator_client, sample_corpus, django_assert_max_num_queries):
    grok = Entity.objects.get(name="Grok")
    with django_assert_max_num_queries(12):
        assert curator_client.get(reverse(CHANGELIST)).status_code == 200
    with django_assert_max_num_queries(20):
        assert curator_client.get(reverse("admin:cases_entity_change", args=[grok.pk])).status_code == 200
    case = Case.objects.get(slug="musk-v-openai")
    with django_assert_max_num_queries(20):
        page = curator_client.get(reverse("admin:cases_case_change", args=[case.pk]))
        assert page.status_code == 200
    assert b"hidden_docket_kinds" in page.content and b"docket_number" in page.content
