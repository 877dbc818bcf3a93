"""A curator's work on an entity shows at once on the pages that name it as a speaker: the timeline's
kept rows (web/precomputed.py) and the readers' cached pages are retired through events_changed
(curation.vocabulary.announce_speakers), not left until their timeout."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tracker.cases.models import Entity
from tracker.curation import vocabulary

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings, sample_corpus):
    settings.TRACKER_PAGE_CACHE_SECONDS = 300
    return reverse("web:case", args=["musk-v-openai"])


def _rename_in_the_admin(curator_client, entity: Entity, name: str) -> None:
    url = reverse("admin:cases_entity_change", args=[entity.pk])
    form = curator_client.get(url).context["adminform"].form
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("cases",)}
    data |= {"name": name, "aliases-TOTAL_FORMS": "0", "aliases-INITIAL_FORMS": "0"}
    data |= {"aliases-MIN_NUM_FORMS": "0", "aliases-MAX_NUM_FORMS": "1000"}
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_an_entity_renamed_in_the_admin_shows_at_once(
    cached, curator_client, django_capture_on_commit_callbacks
):
    reader = Client()
    musk = Entity.objects.get(name="Elon Musk")
    assert "Elon Musk" in curator_client.get(cached).content.decode()
    assert "Elon Musk" in reader.get(cached).content.decode()  # now cached for readers
    with django_capture_on_commit_callbacks(execute=True):
        _rename_in_the_admin(curator_client, musk, "Elon R. Musk")
    assert "Elon R. Musk" in curator_client.get(cached).content.decode()
    assert "Elon R. Musk" in reader.get(cached).content.decode()


def test_an_entity_merged_away_shows_under_the_name_it_joined(
    cached, curator, django_capture_on_commit_callbacks
):
    reader = Client()
    musk = Entity.objects.get(name="Elon Musk")
    kept = Entity.objects.create(name="Elon Reeve Musk", slug="elon-reeve-musk", kind=musk.kind)
    assert "Elon Reeve Musk" not in reader.get(cached).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        vocabulary.merge_entities(kept=kept, merged=musk, user=curator)
    assert "Elon Reeve Musk" in reader.get(cached).content.decode()
