"""The entity page: what it said and what was said about it, filtered, with keyset "older" paging."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.grow import grow
from tracker.cases.models import Entity
from tracker.crossref.models import Claim

pytestmark = pytest.mark.django_db


def _url(slug="elon-musk", **params):
    return reverse("web:entity", args=[slug]), params


def test_entity_page_shows_what_it_said_and_what_was_said_about_it(client, sample_corpus, settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # all sample claims public: not a test of the tier
    url, _ = _url()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    said = Claim.objects.get(text__contains="general practice")
    assert f'href="{reverse("web:claim", args=[said.pk])}"' in html
    about = Claim.objects.filter(
        speaker__slug="openai", evidence__article__mentions__entity__slug="elon-musk"
    ).first()
    assert about is not None and f'href="{reverse("web:claim", args=[about.pk])}"' in html
    assert "machine-extracted" in html
    assert 'action="/digests/' in html or "subscribe" in html  # the digests' subscribe form in the aside


def test_role_and_kind_filters(client, sample_corpus, settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # all sample claims public: not a test of the tier
    url, _ = _url()
    said = client.get(url, {"role": "said", "kind": "testimony"}).content.decode()
    about = client.get(url, {"role": "about"}).content.decode()
    for claim in Claim.objects.filter(speaker__slug="elon-musk", kind="testimony"):
        assert f'href="{reverse("web:claim", args=[claim.pk])}"' in said
        assert f'href="{reverse("web:claim", args=[claim.pk])}"' not in about
    openai = Claim.objects.filter(speaker__slug="openai").first()
    assert f'href="{reverse("web:claim", args=[openai.pk])}"' not in said


def test_candidate_entity_is_404(client, sample_corpus):
    assert Entity.objects.filter(slug="google-org", status="candidate").exists()
    assert client.get(reverse("web:entity", args=["google-org"])).status_code == 404
    assert client.get(reverse("web:entity", args=["nobody"])).status_code == 404


def test_older_pages_and_htmx_partial(client, sample_corpus):
    grow(70)
    url, _ = _url()
    first = client.get(url, {"role": "said"}).content.decode()
    assert "generated statement g69" in first and "generated statement g0<" not in first
    older = first.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    second = client.get(url + older, headers={"HX-Request": "true"})
    html = second.content.decode()
    assert html.lstrip().startswith('<section id="entity-claims"') and "<html" not in html
    assert "generated statement g69" not in html and "generated statement g39" in html
    assert client.get(url, {"older": "forged"}).status_code == 404


def test_entity_page_queries_are_bounded(client, sample_corpus, django_assert_max_num_queries):
    url, _ = _url()
    with django_assert_max_num_queries(9):
        assert client.get(url).status_code == 200
    grow(40)
    with django_assert_max_num_queries(9):
        response = client.get(url)
        assert response.status_code == 200
    assert "generated statement g39" in response.content.decode()


def test_a_merged_entity_redirects_to_the_entity_it_joined(client, db):
    from tracker.cases.models import Entity

    kept = Entity.objects.get(name="Elon Musk")
    old = Entity.objects.create(name="E. Musk", slug="e-musk", kind="PERSON", merged_into=kept)

    response = client.get(reverse("web:entity", args=[old.slug]))

    assert response.status_code == 301
    assert response["Location"] == reverse("web:entity", args=[kept.slug])
