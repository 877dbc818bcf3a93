"""The article cap (issue 15, item 3): an over-long article is stored cut at TRACKER_MAX_ARTICLE_CHARS,
marked truncated, shown as such to curators, and analysed like any other. The long text is generated."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.support.feeds import item, rss
from tracker.crossref import analysis
from tracker.crossref.models import ClaimCandidate
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed, Outlet

pytestmark = pytest.mark.django_db

HOST = "long.example"
LIMIT = 20_000
PARAGRAPH = (
    "Elon Musk said on Monday that the trial would be long. "
    "Sam Altman told reporters that OpenAI had done nothing wrong. "
    "The court heard from several witnesses before the lunch break."
)


@pytest.fixture
def site(httpserver, allow_private, settings):
    settings.TRACKER_FETCH_RESOLVE = {HOST: f"127.0.0.1:{httpserver.port}"}
    settings.TRACKER_MAX_ARTICLE_CHARS = LIMIT
    return httpserver


def test_an_over_long_article_is_stored_truncated_flagged_and_analysed(site):
    content = "".join(f"<p>{PARAGRAPH} Paragraph {n}.</p>" for n in range(LIMIT * 3 // len(PARAGRAPH)))
    assert len(content) > 3 * LIMIT
    short = "".join(f"<p>{PARAGRAPH} Part {n}.</p>" for n in range(8))
    site.route(
        "/feed.xml",
        host=HOST,
        body=rss(
            item("Long", f"http://{HOST}/long", content=content),
            item("Short", f"http://{HOST}/short", content=short),
            link=f"http://{HOST}/",
        ),
    )
    ingestion.poll_feed(Feed.objects.create(url=f"http://{HOST}/feed.xml"))
    long, short_one = Article.objects.get(title="Long"), Article.objects.get(title="Short")
    assert long.truncated and not short_one.truncated
    assert LIMIT // 2 < len(long.text) <= LIMIT and len(long.content_html) <= LIMIT + 100
    assert long.text.startswith("Elon Musk said on Monday")

    result = analysis.analyze_articles([long.pk, short_one.pk])
    assert set(result.analyzed) == {long.pk, short_one.pk}
    long.refresh_from_db()
    assert long.status == Article.Status.ANALYZED
    assert ClaimCandidate.objects.filter(article=long).count() > 10  # the kept text was read through


def test_curators_see_which_articles_were_truncated(admin_client):
    outlet = Outlet.objects.create(name="X", domain="x.example")
    cut = Article.objects.create(
        outlet=outlet,
        url="http://x.example/cut",
        canonical_url="http://x.example/cut",
        title="Cut one",
        truncated=True,
    )
    whole = Article.objects.create(
        outlet=outlet, url="http://x.example/whole", canonical_url="http://x.example/whole", title="Whole one"
    )
    listing = admin_client.get(reverse("admin:sources_article_changelist")).content.decode()
    assert "column-truncated" in listing
    rows = {title: listing.split(title, 1)[1].split("</tr>", 1)[0] for title in ("Cut one", "Whole one")}
    assert 'alt="True"' in rows["Cut one"] and 'alt="False"' in rows["Whole one"]
    page = admin_client.get(reverse("admin:sources_article_change", args=[cut.pk])).content.decode()
    assert "Truncated" in page and "field-truncated" in page
    assert admin_client.get(reverse("admin:sources_article_change", args=[whole.pk])).status_code == 200
