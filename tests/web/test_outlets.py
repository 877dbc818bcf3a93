"""The outlets page and an outlet's page: articles, firsts, copies; headlines only, never full text."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.web.grow import grow
from tracker.crossref.models import Claim
from tracker.sources.models import Article, Outlet

pytestmark = pytest.mark.django_db


def _row(html: str, name: str) -> str:
    start = html.index(f">{name}</a>")
    return html[start : html.index("</tr>", start)]


def test_outlets_page_counts_articles_firsts_and_copies(client, sample_corpus, settings):
    settings.TRACKER_PUBLISH_MIN_CONFIDENCE = 0  # all sample claims public: not a test of the tier
    grow(3)
    html = client.get(reverse("web:outlets")).content.decode()
    news_app = Outlet.objects.get(name="News App")
    firsts = Claim.objects.public().filter(first_outlet=news_app).count()
    assert firsts > 0
    assert f"<td>1</td><td>{firsts}</td>" in _row(html, "News App")
    assert "<td>1</td><td>1</td><td>0</td><td>1</td>" in _row(html, "Outlet g2")  # g2 is a copy of g1


def test_outlet_page_lists_headlines_with_story_links(client, sample_corpus):
    outlet = Outlet.objects.get(name="FrontierNews.ai")
    html = client.get(reverse("web:outlet", args=[outlet.pk])).content.decode()
    article = Article.objects.get(outlet=outlet)
    assert article.title.replace("'", "&#x27;") in html
    assert f'href="{reverse("web:story", args=[article.story_membership.story_id])}"' in html
    assert article.text[:120] not in html
    assert client.get(reverse("web:outlet", args=[9999])).status_code == 404


def test_outlet_pages_are_bounded(client, sample_corpus, django_assert_max_num_queries):
    outlet = Outlet.objects.get(name="FrontierNews.ai")
    # The list, the firsts of every public event (one coverage pass, with the date mentions that date
    # claimless events), the court's zone.
    with django_assert_max_num_queries(10):
        assert client.get(reverse("web:outlets")).status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(reverse("web:outlet", args=[outlet.pk])).status_code == 200
    grow(40)
    Article.objects.filter(title__startswith="Musk testimony report").update(outlet=outlet)
    with django_assert_max_num_queries(9):
        response = client.get(reverse("web:outlets"))
        assert response.status_code == 200
    listing = response.content.decode()
    assert "<td>41</td>" in _row(listing, "FrontierNews.ai")
    with django_assert_max_num_queries(10):
        response = client.get(reverse("web:outlet", args=[outlet.pk]))
        assert response.status_code == 200
    html = response.content.decode()
    assert "Musk testimony report g39" in html and "Musk testimony report g9<" in html
