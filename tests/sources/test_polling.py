"""How a poll behaves on the answers real servers give: redirects, errors, limits, broken XML."""

import gzip
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone

from tests.support.feeds import article_html, item, long_text, rss
from tracker.sources import ingestion
from tracker.sources.models import Article, Feed, FetchRun

pytestmark = pytest.mark.django_db

SHARED_FEEDS = Path(__file__).resolve().parents[3] / "shared" / "feeds"


@pytest.fixture
def feed_at(httpserver, allow_private):
    def make(path: str, **answer) -> Feed:
        if answer:
            httpserver.route(path, **answer)
        return Feed.objects.create(url=httpserver.url(path))

    return make


def full_item(n: int, server, **kwargs) -> str:
    link = server.url(f"/articles/{n}")
    return item(f"Article {n}", link, content=article_html(long_text(f"article {n}")), **kwargs)


def test_a_full_text_feed_stores_its_entries(feed_at, httpserver):
    feed = feed_at("/feed.xml", body=rss(full_item(1, httpserver), full_item(2, httpserver)))
    result = ingestion.poll_feed(feed)
    assert result.run.outcome == FetchRun.Outcome.OK
    assert (result.run.entries_seen, result.run.entries_new) == (2, 2)
    assert result.pages_needed == []
    assert gzip.decompress(bytes(result.run.content_gz)).startswith(b"<?xml")
    assert Article.objects.filter(status=Article.Status.FETCHED, extractor="feed").count() == 2


def test_permanent_redirect_updates_the_stored_url(feed_at, httpserver):
    httpserver.route("/new.xml", body=rss(full_item(1, httpserver)))
    feed = feed_at("/old.xml", status=301, headers={"Location": httpserver.url("/new.xml")})
    ingestion.poll_feed(feed)
    feed.refresh_from_db()
    assert feed.url == httpserver.url("/new.xml")
    assert Article.objects.count() == 1


def test_temporary_redirect_keeps_the_url(feed_at, httpserver):
    httpserver.route("/elsewhere.xml", body=rss(full_item(1, httpserver)))
    feed = feed_at("/feed.xml", status=302, headers={"Location": httpserver.url("/elsewhere.xml")})
    ingestion.poll_feed(feed)
    feed.refresh_from_db()
    assert feed.url == httpserver.url("/feed.xml")


def test_410_marks_the_feed_gone(feed_at):
    feed = feed_at("/feed.xml", status=410, body=b"gone")
    ingestion.poll_feed(feed)
    feed.refresh_from_db()
    assert feed.status == Feed.Status.GONE
    assert not Feed.objects.due(timezone.now() + timedelta(days=30)).filter(pk=feed.pk).exists()


def test_404_is_an_error_with_backoff(feed_at):
    feed = feed_at("/feed.xml", status=404, body=b"no")
    before = timezone.now()
    result = ingestion.poll_feed(feed)
    feed.refresh_from_db()
    assert result.run.outcome == FetchRun.Outcome.HTTP_ERROR
    assert (feed.error_count, feed.status, feed.last_status) == (1, Feed.Status.FAILING, 404)
    assert "404" in feed.last_error
    assert feed.next_poll_at > before + timedelta(seconds=feed.poll_interval * 0.7)


@pytest.mark.parametrize("status", [429, 503])
def test_retry_after_is_honoured(feed_at, status):
    feed = feed_at("/feed.xml", status=status, headers={"Retry-After": "7200"}, body=b"busy")
    before = timezone.now()
    ingestion.poll_feed(feed)
    feed.refresh_from_db()
    assert feed.next_poll_at >= before + timedelta(seconds=7200)


def test_errors_back_off_exponentially_then_pause_and_success_restores(feed_at, httpserver, settings):
    settings.TRACKER_PAUSE_AFTER_ERRORS = 4
    feed = feed_at("/feed.xml", status=500, body=b"oops")
    delays = []
    for _ in range(4):
        now = timezone.now()
        ingestion.poll_feed(feed)
        delays.append((feed.next_poll_at - now).total_seconds())
    assert delays[2] > delays[0] * 2, delays
    assert feed.status == Feed.Status.PAUSED
    assert not Feed.objects.due(timezone.now() + timedelta(days=2)).filter(pk=feed.pk).exists()
    httpserver.route("/feed.xml", body=rss(full_item(1, httpserver)))
    ingestion.poll_feed(feed)
    assert (feed.status, feed.error_count) == (Feed.Status.OK, 0)


def test_a_timeout_is_recorded(feed_at, settings):
    settings.TRACKER_FETCH_READ_TIMEOUT = 0.3
    feed = feed_at("/slow.xml", body=rss(), delay=1.5)
    result = ingestion.poll_feed(feed)
    assert result.run.outcome == FetchRun.Outcome.FETCH_ERROR
    assert "timeout" in result.run.error.lower() or "timed out" in result.run.error.lower()


def test_an_oversized_body_is_refused(feed_at, settings, httpserver):
    settings.TRACKER_FETCH_MAX_BYTES = 2000
    feed = feed_at("/huge.xml", body=rss(*[full_item(n, httpserver) for n in range(5)]))
    result = ingestion.poll_feed(feed)
    assert result.run.outcome == FetchRun.Outcome.FETCH_ERROR
    assert Article.objects.count() == 0


def test_gzip_bodies_are_decoded(feed_at, httpserver):
    body = gzip.compress(rss(full_item(1, httpserver)))
    feed = feed_at(
        "/feed.xml", body=body, headers={"Content-Encoding": "gzip", "Content-Type": "application/rss+xml"}
    )
    result = ingestion.poll_feed(feed)
    assert result.run.entries_new == 1


def test_a_wrong_charset_still_stores_the_entries(feed_at, httpserver):
    body = rss(full_item(1, httpserver)).replace(b"Article 1", "Café société".encode("latin-1"))
    feed = feed_at("/feed.xml", body=body, headers={"Content-Type": "application/rss+xml; charset=utf-8"})
    result = ingestion.poll_feed(feed)
    assert result.run.entries_new == 1
    assert Article.objects.get().title.startswith("Caf")


def test_malformed_xml_is_parsed_as_far_as_it_goes(feed_at, httpserver):
    body = rss(full_item(1, httpserver), full_item(2, httpserver)).replace(
        b"</channel></rss>", b"<item><title>"
    )
    feed = feed_at("/broken.xml", body=body)
    result = ingestion.poll_feed(feed)
    assert result.run.outcome == FetchRun.Outcome.PARSE_WARNING
    assert result.run.error
    assert Article.objects.count() == 2
    feed.refresh_from_db()
    assert feed.status == Feed.Status.OK


def test_an_html_page_is_not_a_feed(feed_at):
    feed = feed_at(
        "/page", body=b"<html><body><p>Hello</p></body></html>", headers={"Content-Type": "text/html"}
    )
    result = ingestion.poll_feed(feed)
    assert result.run.outcome == FetchRun.Outcome.PARSE_ERROR
    feed.refresh_from_db()
    assert feed.error_count == 1 and feed.last_error


def attack_files() -> list[Path]:
    folder = SHARED_FEEDS / "edge" / "xml-attacks"
    return sorted(p for p in folder.glob("*.xml") if "<!ENTITY" in p.read_text()) if folder.is_dir() else []


def wrapped_in_rss(attack: Path, server) -> tuple[bytes, str]:
    """The attack's DTD and entity reference, moved into an RSS document (the files are not feeds).
    External http entities are pointed at the test server, so a connection would be seen."""
    source = attack.read_text()
    subset = source[source.index("[", source.index("<!DOCTYPE")) : source.index("]>") + 1]
    subset = re.sub(r'SYSTEM "https?://[^"]*"', f'SYSTEM "{server.url("/entity.xml")}"', subset)
    body = source[source.index("]>") + 2 :]
    reference = re.search(r"&\w+;", body).group(0)
    entry = item(f"Title {reference}", server.url("/a"), description=f"Text {reference}")
    entry = entry.replace("&amp;" + reference[1:], reference)  # the reference itself, not escaped text
    return rss(entry, doctype=f"<!DOCTYPE rss {subset}>"), reference


@pytest.mark.parametrize("attack", attack_files(), ids=lambda p: p.name)
def test_entity_attacks_never_expand_read_files_or_connect(feed_at, httpserver, attack):
    body, reference = wrapped_in_rss(attack, httpserver)
    httpserver.route("/entity.xml", body=b"<note>EXTERNAL</note>")
    feed = feed_at("/attack.xml", body=body)
    result = ingestion.poll_feed(feed)
    assert result.run.outcome in {
        FetchRun.Outcome.OK,
        FetchRun.Outcome.PARSE_WARNING,
        FetchRun.Outcome.PARSE_ERROR,
    }
    assert httpserver.requests_to("/entity.xml") == [], "an external entity opened a connection"
    for article in Article.objects.all():
        stored = article.title + article.text + article.content_html
        assert "root:" not in stored and "EXTERNAL" not in stored
        assert "1234567890" * 3 not in stored and "BBBBBBBBBB" * 20 not in stored


def test_attack_corpus_is_present_or_skipped():
    if not attack_files():
        pytest.skip("the robustness corpus ../shared/feeds is absent (it lives beside the repository in CI)")
    assert len(attack_files()) >= 5


def test_scripts_handlers_and_javascript_links_are_removed(feed_at, httpserver):
    nasty = (
        '<p>Hello <script>alert(1)</script><img src="x.png" onerror="alert(2)">'
        '<a href="javascript:alert(3)">click</a> <a href="https://example.org/">ok</a></p>'
        + article_html(long_text("x"))
    )
    entry = item("Nasty", httpserver.url("/nasty"), content=nasty, description='<b onclick="x()">hi</b>')
    feed = feed_at("/feed.xml", body=rss(entry))
    ingestion.poll_feed(feed)
    article = Article.objects.get()
    for stored in (article.content_html, article.summary):
        assert "<script" not in stored and "onerror" not in stored and "onclick" not in stored
        assert "javascript:" not in stored
    assert "https://example.org/" in article.content_html
    assert "alert" not in article.text


def test_the_interval_adapts_to_how_often_new_items_come(feed_at, httpserver):
    feed = feed_at("/feed.xml", body=rss(full_item(1, httpserver)))
    start = feed.poll_interval
    ingestion.poll_feed(feed)
    busy = feed.poll_interval
    assert busy < start
    httpserver.route("/feed.xml", body=rss(full_item(1, httpserver)))  # same item: nothing new
    ingestion.poll_feed(feed)
    assert feed.poll_interval > busy


def test_due_feeds_are_claimed_once(feed_at):
    feed = feed_at("/feed.xml", body=rss())
    assert ingestion.claim_due_feeds() == [feed.pk]
    assert ingestion.claim_due_feeds() == []


def test_old_raw_content_is_pruned(feed_at, httpserver, settings):
    feed = feed_at("/feed.xml", body=rss(full_item(1, httpserver)))
    run = ingestion.poll_feed(feed).run
    FetchRun.objects.filter(pk=run.pk).update(started_at=timezone.now() - timedelta(days=400))
    assert ingestion.prune_fetch_content() == 1
    run.refresh_from_db()
    assert run.content_gz is None


def test_stored_raw_bytes_can_be_reparsed(feed_at, httpserver):
    feed = feed_at("/feed.xml", body=rss(full_item(1, httpserver)))
    run = ingestion.poll_feed(feed).run
    Article.objects.all().delete()
    result = ingestion.reparse_run(FetchRun.objects.get(pk=run.pk))
    assert result.run.entries_new == 1
