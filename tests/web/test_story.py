"""The story page: articles by outlet with copies under their originals, claims, discrepancies, and the
server-rendered coverage chart."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.urls import reverse

from tests.web.grow import grow
from tracker.crossref.models import Claim, Story
from tracker.sources.models import Article
from tracker.web.charts import MAX_DAYS, coverage_chart


def test_chart_stacks_articles_per_day_per_outlet():
    svg = coverage_chart(
        [(date(2026, 4, 30), "Aivizor"), (date(2026, 4, 30), "News App"), (date(2026, 5, 2), "Aivizor")]
    )
    assert svg.startswith("<svg") and svg.endswith("</svg>")
    assert len(re.findall(r'<rect class="chart__bar', svg)) == 3
    assert "4 articles" not in svg and "3 articles by 2 outlets from 30 Apr to 2 May" in svg
    assert "Aivizor, 30 Apr: 1 article" in svg and "1 May" in svg  # empty days keep their slot
    assert "style=" not in svg


def test_chart_escapes_outlet_names_and_is_empty_without_articles():
    assert coverage_chart([]) == ""
    svg = coverage_chart([(date(2026, 4, 30), "<script>x</script>")])
    assert "<script>" not in svg and "&lt;script&gt;" in svg


def test_chart_keeps_the_last_days_of_a_long_story():
    svg = coverage_chart([(date(2025, 1, 1), "Old"), (date(2026, 4, 30), "New")])
    assert f"the last {MAX_DAYS} days are shown" in svg
    assert "Old, 1 Jan" not in svg


@pytest.mark.django_db
def test_story_page_lists_articles_claims_discrepancies_and_chart(client, sample_corpus):
    story = Story.objects.get()
    response = client.get(reverse("web:story", args=[story.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    for article in Article.objects.all():
        assert article.title.replace("'", "&#x27;") in html
        assert article.text[:200] not in html  # never the stored full text
    assert "<svg" in html and "Coverage over time" in html
    assert "general practice" in html  # the claim with three wordings
    assert "quote wording" in html
    assert "machine-extracted" in html
    assert 'datetime="2026-04-30T18:21:02Z"' in html and "30 Apr 2026, 11:21 PDT" in html
    assert "style=" not in html


@pytest.mark.django_db
def test_copies_and_credited_articles_sit_under_their_originals(client, sample_corpus):
    story = Story.objects.get()
    grow(6)
    original = Article.objects.get(title="Musk testimony report g1")
    copy = Article.objects.get(title="Musk testimony report g2")
    crediting = Article.objects.get(title="Musk testimony report g4")  # credits Outlet g0
    html = client.get(reverse("web:story", args=[story.pk])).content.decode()
    assert copy.copy_of_id == original.pk
    block = html[html.index(original.title) :]
    copies = block[: block.index("</ul>")]
    assert 'class="copies"' in copies and copy.title in copies
    g0 = html.index("Musk testimony report g0<")
    assert 'class="copies"' in html[g0 : html.index(crediting.title)]
    assert "credits Outlet g0" in html


@pytest.mark.django_db
def test_rejected_claims_are_not_shown(client, sample_corpus):
    claim = Claim.objects.get(text__contains="general practice")
    Claim.objects.filter(pk=claim.pk).update(status="rejected")
    html = client.get(reverse("web:story", args=[Story.objects.get().pk])).content.decode()
    assert f'href="{reverse("web:claim", args=[claim.pk])}"' not in html


@pytest.mark.django_db
def test_story_page_queries_are_bounded(client, sample_corpus, django_assert_max_num_queries):
    url = reverse("web:story", args=[Story.objects.get().pk])
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200
    grow(40)
    with django_assert_max_num_queries(14):
        response = client.get(url)
        assert response.status_code == 200
    assert "Musk testimony report g39" in response.content.decode()


@pytest.mark.django_db
def test_unknown_story_is_404(client, db):
    assert client.get(reverse("web:story", args=[999])).status_code == 404
