"""One article however many copies: shared URLs, exact and near copies, canonical links, edits, pages."""

import pytest

from tests.support.feeds import article_html, item, long_text, rss
from tracker.sources import ingestion
from tracker.sources.models import Article, ArticleVersion, Feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(httpserver, allow_private, settings):
    """Three outlets served by one local server under their own host names."""
    hosts = ["first.example", "second.example", "wire.example"]
    settings.TRACKER_FETCH_RESOLVE = dict.fromkeys(hosts, f"127.0.0.1:{httpserver.port}")
    return httpserver


def serve_feed(server, host: str, *items: str) -> Feed:
    server.route("/feed.xml", host=host, body=rss(*items, title=host, link=f"http://{host}/"))
    feed, _ = Feed.objects.get_or_create(url=f"http://{host}/feed.xml")
    return feed


def full(host: str, slug: str, paragraphs: list[str], title: str = "A story") -> str:
    return item(title, f"http://{host}/{slug}", content=article_html(paragraphs))


def page(paragraphs: list[str], *, title: str, canonical: str = "") -> bytes:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head><title>{title}</title>{link}</head><body><nav>Home</nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>All rights reserved</footer></body></html>"
    ).encode()


def test_the_same_url_from_two_feeds_is_one_article(sites):
    text = long_text("shared")
    a = serve_feed(sites, "first.example", full("first.example", "story?utm_source=x", text))
    b = serve_feed(sites, "second.example", full("first.example", "story", text))
    ingestion.ingest_feed(a)
    ingestion.ingest_feed(b)
    article = Article.objects.get()
    assert article.canonical_url == "http://first.example/story"
    assert set(article.feeds.all()) == {a, b}
    assert article.outlet.domain == "first.example"


def test_an_exact_copy_elsewhere_is_stored_and_marked(sites):
    text = long_text("wire story")
    ingestion.ingest_feed(serve_feed(sites, "wire.example", full("wire.example", "original", text)))
    ingestion.ingest_feed(serve_feed(sites, "second.example", full("second.example", "copy", text)))
    original = Article.objects.get(outlet__domain="wire.example")
    copy = Article.objects.get(outlet__domain="second.example")
    assert (copy.copy_of, copy.copy_kind) == (original, Article.CopyKind.EXACT)
    assert original.copy_of is None


def test_a_lightly_rewritten_copy_is_a_near_copy(sites):
    text = long_text("syndicated", words=400)
    rewritten = [p.replace(" court ", " tribunal ", 1) for p in text]
    rewritten[0] = "Updated: " + rewritten[0]
    ingestion.ingest_feed(serve_feed(sites, "wire.example", full("wire.example", "original", text)))
    ingestion.ingest_feed(serve_feed(sites, "second.example", full("second.example", "rewrite", rewritten)))
    copy = Article.objects.get(outlet__domain="second.example")
    assert copy.copy_kind == Article.CopyKind.NEAR
    assert copy.copy_of.outlet.domain == "wire.example"
    assert copy.copy_similarity > 0.5


def test_different_articles_are_not_copies(sites):
    ingestion.ingest_feed(serve_feed(sites, "first.example", full("first.example", "a", long_text("one"))))
    ingestion.ingest_feed(serve_feed(sites, "second.example", full("second.example", "b", long_text("two"))))
    assert not Article.objects.filter(copy_of__isnull=False).exists()


def test_an_edit_becomes_a_version_not_a_second_article(sites):
    feed = serve_feed(
        sites, "first.example", full("first.example", "s", long_text("v1"), title="First title")
    )
    ingestion.ingest_feed(feed)
    serve_feed(sites, "first.example", full("first.example", "s", long_text("v2"), title="Second title"))
    result = ingestion.ingest_feed(feed)
    article = Article.objects.get()
    assert result.updated == [article.pk]
    assert article.title == "Second title"
    version = ArticleVersion.objects.get()
    assert version.title == "First title"
    assert version.text.startswith(long_text("v1")[0][:40])
    assert article.edited_at is not None


def test_summary_only_entries_get_their_page_fetched(sites):
    paragraphs = long_text("page text", words=300)
    sites.route("/story", host="first.example", body=page(paragraphs, title="Page title"))
    entry = item("Feed title", "http://first.example/story", description="Only a summary.")
    ingestion.ingest_feed(serve_feed(sites, "first.example", entry))
    article = Article.objects.get()
    assert article.status == Article.Status.FETCHED
    assert article.extractor in {"trafilatura", "article"}
    assert paragraphs[1][:60] in article.text
    assert "All rights reserved" not in article.text
    assert sites.requests_to("/story")[-1].headers["user-agent"].startswith("CaseTracker")


def test_a_same_site_canonical_link_replaces_the_url(sites):
    sites.route(
        "/amp/story",
        host="first.example",
        body=page(long_text("canon", 300), title="T", canonical="http://first.example/story"),
    )
    entry = item("T", "http://first.example/amp/story", description="Summary.")
    ingestion.ingest_feed(serve_feed(sites, "first.example", entry))
    assert Article.objects.get().canonical_url == "http://first.example/story"


def test_a_cross_site_canonical_link_marks_a_copy(sites):
    text = long_text("origin", 300)
    ingestion.ingest_feed(serve_feed(sites, "wire.example", full("wire.example", "origin", text)))
    sites.route(
        "/republished",
        host="second.example",
        body=page(long_text("republished", 300), title="T", canonical="http://wire.example/origin"),
    )
    entry = item("T", "http://second.example/republished", description="Summary.")
    ingestion.ingest_feed(serve_feed(sites, "second.example", entry))
    copy = Article.objects.get(outlet__domain="second.example")
    assert copy.copy_kind == Article.CopyKind.CANONICAL
    assert copy.copy_of.canonical_url == "http://wire.example/origin"


def test_a_missing_page_keeps_the_summary(sites):
    entry = item("T", "http://first.example/gone", description="The summary says Musk testified.")
    ingestion.ingest_feed(serve_feed(sites, "first.example", entry))
    article = Article.objects.get()
    assert article.status == Article.Status.FETCHED
    assert article.extractor == "summary"
    assert "Musk testified" in article.text
    assert "404" in article.error


def test_an_article_about_nothing_tracked_is_kept_as_irrelevant(sites):
    entry = full("first.example", "recipes", long_text("a recipe for soup"), title="Soup")
    ingestion.ingest_feed(serve_feed(sites, "first.example", entry))
    article = Article.objects.get()
    assert article.relevant is False
    assert article.cases.count() == 0


def test_an_article_naming_two_parties_is_attached_to_the_case(sites):
    paragraphs = ["Elon Musk and OpenAI met in court again on Monday.", *long_text("trial")]
    ingestion.ingest_feed(serve_feed(sites, "first.example", full("first.example", "trial", paragraphs)))
    article = Article.objects.get()
    assert article.relevant
    assert set(article.cases.values_list("slug", flat=True)) == {"musk-v-openai"}


@pytest.mark.parametrize("status", [Article.Status.FETCHED, Article.Status.ANALYZED])
def test_a_changed_page_of_a_summary_only_entry_keeps_the_text_it_replaces(sites, status):
    """The feed carries a summary; when it changes, the page is fetched again and its new text replaces
    the stored one. The stored text becomes a version whether or not it was analysed meanwhile."""
    sites.route("/story", host="first.example", body=page(long_text("first page", 300), title="Title"))
    feed = serve_feed(sites, "first.example", item("Title", "http://first.example/story", description="One."))
    ingestion.ingest_feed(feed)
    Article.objects.update(status=status)
    sites.route("/story", host="first.example", body=page(long_text("second page", 300), title="Title"))
    serve_feed(sites, "first.example", item("Title", "http://first.example/story", description="Two."))
    ingestion.ingest_feed(feed)
    article = Article.objects.get()
    assert long_text("second page", 300)[0][:40] in article.text
    assert any(long_text("first page", 300)[0][:40] in v.text for v in ArticleVersion.objects.all())
