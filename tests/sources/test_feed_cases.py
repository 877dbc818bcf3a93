"""A feed chosen for a case brings its articles to that case, whatever else happens to them: a page
fetched for a summary-only entry, or the same article carried later by another case's feed."""

import pytest

from tests.support.feeds import article_html, item, long_text, rss
from tracker.cases.models import Case
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(httpserver, allow_private, settings):
    hosts = ["ledger.example", "courier.example"]
    settings.TRACKER_FETCH_RESOLVE = dict.fromkeys(hosts, f"127.0.0.1:{httpserver.port}")
    return httpserver


def case_feed(server, host: str, case: Case, *items: str) -> Feed:
    server.route("/feed.xml", host=host, body=rss(*items, title=host, link=f"http://{host}/"))
    feed = Feed.objects.create(url=f"http://{host}/feed.xml")
    feed.cases.add(case)
    return feed


def page(paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>Harbour works</title></head><body><article>{body}</article></body></html>".encode()


def test_a_fetched_page_keeps_the_case_of_the_feed_that_carried_it(sites):
    harbour = Case.objects.create(name="Harbour Authority v. Dredgeco", slug="harbour", kind=Case.Kind.TOPIC)
    sites.route("/works", host="ledger.example", body=page(long_text("harbour works")))
    feed = case_feed(sites, "ledger.example", harbour, item("Harbour works", "http://ledger.example/works"))
    ingestion.ingest_feed(feed)
    article = Article.objects.get()
    assert article.status == Article.Status.FETCHED  # the page was fetched and its text stored
    assert list(article.cases.all()) == [harbour]
    assert article.relevant


def test_an_article_carried_by_a_second_case_feed_joins_that_case_too(sites):
    harbour = Case.objects.create(name="Harbour Authority v. Dredgeco", slug="harbour", kind=Case.Kind.TOPIC)
    canal = Case.objects.create(name="Canal Trust v. Lockmaster", slug="canal", kind=Case.Kind.TOPIC)
    entry = item("Both waters", "http://ledger.example/both", content=article_html(long_text("both waters")))
    ingestion.ingest_feed(case_feed(sites, "ledger.example", harbour, entry))
    ingestion.ingest_feed(case_feed(sites, "courier.example", canal, entry))
    article = Article.objects.get()
    assert set(article.cases.all()) == {harbour, canal}
