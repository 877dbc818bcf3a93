"""The discrepancies page: open (and explained) discrepancies of a case, newest first, side by side."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.grow import grow
from tracker.crossref.models import Claim, Discrepancy
from tracker.sources.models import Article

pytestmark = pytest.mark.django_db


def _url():
    return reverse("web:discrepancies", args=["musk-v-openai"])


def test_case_discrepancies_show_variants_side_by_side(client, sample_corpus):
    response = client.get(_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "quote wording" in html
    for words in ("general practice", "standard practice", "standard industry procedure"):
        assert f"{words}</q>" in html
    article = Article.objects.get(outlet__name="FrontierNews.ai")
    assert f'href="{article.url}"' in html
    assert 'class="variants-side"' in html


def test_explained_shows_the_note_and_resolved_is_gone(client, sample_corpus):
    wording = Discrepancy.objects.get(kind="quote_wording")
    wording.status, wording.note = Discrepancy.State.EXPLAINED, "The transcript says general practice."
    wording.save()
    Discrepancy.objects.filter(kind="setting").update(status=Discrepancy.State.RESOLVED)
    html = client.get(_url()).content.decode()
    assert "Curator's note: The transcript says general practice." in html
    assert "deposition" not in html


def test_discrepancies_of_rejected_claims_are_hidden(client, sample_corpus):
    Claim.objects.filter(text__contains="general practice").update(status="rejected")
    html = client.get(_url()).content.decode()
    assert "standard industry procedure</q>" not in html


def test_newest_first_paged_and_bounded(client, sample_corpus, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        assert client.get(_url()).status_code == 200
    grow(45)
    with django_assert_max_num_queries(6):
        response = client.get(_url())
        assert response.status_code == 200
    html = response.content.decode()
    assert 'rel="next"' in html
    claim = Claim.objects.get(text="generated statement g44")
    assert html.index(f'href="{reverse("web:claim", args=[claim.pk])}"') < html.index("another wording")
    assert client.get(reverse("web:discrepancies")).status_code == 200
    assert client.get(reverse("web:discrepancies", args=["no-such-case"])).status_code == 404
