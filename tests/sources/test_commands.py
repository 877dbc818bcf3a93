"""The management commands, run with call_command against a real local HTTP server."""

from __future__ import annotations

import stat
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone

from tests.support.chain import eager_chain
from tracker.cases.models import Case
from tracker.sources.models import Article, Feed, FetchRun, Outlet
from tracker.sources.opml import parse_opml
from tracker.sources.sample import AGGREGATOR_FEED_URL, SampleFetcher, default_root

pytestmark = pytest.mark.django_db

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Test wire</title><link>{base}/</link><description>tests</description>
<item><title>Judge sets a trial date</title><link>{base}/news/trial-date</link>
<guid>{base}/news/trial-date</guid>
<pubDate>Thu, 30 Apr 2026 18:00:00 +0000</pubDate>
<description>The judge set a date.</description>
<content:encoded><![CDATA[<p>The judge set the trial for the spring, after a long hearing in which both
sides argued over the schedule and the number of witnesses each would call.</p>]]></content:encoded></item>
<item><title>Lawyers file motions</title><link>{base}/news/motions</link><guid>{base}/news/motions</guid>
<description>Both sides filed motions.</description></item>
</channel></rss>"""

PAGE = """<!doctype html><html><head><title>Lawyers file motions</title></head><body>
<nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Lawyers file motions</h1>
<p>Both sides filed motions on Friday, asking the court to narrow the questions the jury will hear.</p>
<p>The plaintiff wants two expert witnesses excluded; the defence says their testimony is central.</p>
<p>A hearing on the motions is expected next week, before the jury is chosen.</p></article>
<footer>Copyright Test wire</footer></body></html>"""


def run(*args, **options) -> str:
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def wire(httpserver, allow_private):
    """A small RSS feed (one full-text item, one summary-only item with its page) and a broken feed."""
    base = httpserver.url("")
    httpserver.route(
        "/feed.xml", body=RSS.format(base=base).encode(), headers={"Content-Type": "application/rss+xml"}
    )
    httpserver.route(
        "/news/motions", body=PAGE.encode(), headers={"Content-Type": "text/html; charset=utf-8"}
    )
    httpserver.route("/broken.xml", status=500, body=b"oops")
    return httpserver


# --- add_feed ------------------------------------------------------------------------------------


def test_add_feed_prints_the_id_and_attaches_cases_and_outlet(allow_private):
    out = run(
        "add_feed",
        "https://www.wire.example.com/feed.xml",
        "--case",
        "musk-v-openai",
        "--outlet",
        "The Wire",
        "--kind",
        "docket",
        "--inactive",
    )
    feed = Feed.objects.get()
    assert out.strip() == str(feed.pk)
    assert (feed.kind, feed.active) == (Feed.Kind.DOCKET, False)
    assert list(feed.cases.values_list("slug", flat=True)) == ["musk-v-openai"]
    assert feed.outlet.name == "The Wire"
    assert feed.outlet.domain == "wire.example.com"


def test_add_feed_refuses_duplicates_unknown_cases_and_bad_urls(allow_private):
    feed = Feed.objects.create(url="https://a.example/feed.xml")
    with pytest.raises(CommandError, match=rf"^feed already exists \(id {feed.pk}\)$"):
        run("add_feed", "https://a.example/feed.xml")
    with pytest.raises(CommandError, match="unknown case 'nope'"):
        run("add_feed", "https://b.example/feed.xml", "--case", "nope")
    with pytest.raises(CommandError, match="not an http"):
        run("add_feed", "ftp://b.example/feed.xml")
    assert Feed.objects.count() == 1


def test_add_feed_asks_the_guard_unless_private_urls_are_allowed(settings):
    settings.TRACKER_ALLOW_PRIVATE_URLS = False
    with pytest.raises(CommandError, match="cannot add .*: refused: .*loopback"):
        run("add_feed", "http://127.0.0.1:8000/feed.xml")
    assert not Feed.objects.exists()


# --- OPML -----------------------------------------------------------------------------------------

OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
<outline text="Known" xmlUrl="https://known.example/feed.xml"/>
<outline text="Folder"><outline text="New one" xmlUrl="https://new.example/rss"/>
  <outline text="Deeper"><outline text="Deepest" xmlUrl="https://deep.example/atom"/></outline></outline>
</body></opml>"""


def test_import_opml_adds_nested_outlines_and_skips_known_feeds(tmp_path, allow_private):
    Feed.objects.create(url="https://known.example/feed.xml")
    path = tmp_path / "feeds.opml"
    path.write_bytes(OPML)
    assert run("import_opml", str(path), "--case", "ai-distillation").strip() == "added 2, skipped 1"
    deepest = Feed.objects.get(url="https://deep.example/atom")
    assert deepest.title == "Deepest"
    assert list(deepest.cases.values_list("slug", flat=True)) == ["ai-distillation"]
    assert run("import_opml", str(path)).strip() == "added 0, skipped 3"


def test_import_opml_reports_what_the_guard_refuses(tmp_path, settings):
    settings.TRACKER_ALLOW_PRIVATE_URLS = False
    path = tmp_path / "feeds.opml"
    path.write_bytes(
        b'<opml version="2.0"><body><outline text="local" xmlUrl="http://127.0.0.1/feed"/>'
        b'<outline text="file" xmlUrl="file:///etc/passwd"/></body></opml>'
    )
    assert run("import_opml", str(path)).strip() == "added 0, skipped 0, refused 2"
    assert not Feed.objects.exists()


@pytest.mark.parametrize("content", [b"<opml><body>", b"<html><body/></html>", None])
def test_import_opml_fails_with_one_line_on_a_bad_file(tmp_path, content):
    path = tmp_path / "feeds.opml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError) as error:
        run("import_opml", str(path))
    assert "\n" not in str(error.value)


def test_export_then_import_round_trips_feeds_titles_and_cases(tmp_path, allow_private):
    outlet = Outlet.objects.create(name="Wire", domain="wire.example", homepage="https://wire.example/")
    first = Feed.objects.create(url="https://wire.example/feed.xml", title="Wire & Co", outlet=outlet)
    first.cases.add(Case.objects.get(slug="musk-v-openai"))
    Feed.objects.create(url="https://other.example/rss?x=1&y=2", active=False)
    printed = parse_opml(run("export_opml").encode())
    assert [(s.xml_url, s.html_url) for s in printed] == [
        ("https://wire.example/feed.xml", "https://wire.example/"),
        ("https://other.example/rss?x=1&y=2", ""),
    ]
    path = tmp_path / "backup.opml"
    assert "wrote 2 feeds" in run("export_opml", "--output", str(path))
    Feed.objects.all().delete()
    assert run("import_opml", str(path)).strip() == "added 2, skipped 0"
    back = Feed.objects.get(url="https://wire.example/feed.xml")
    assert back.title == "Wire & Co"
    assert list(back.cases.values_list("slug", flat=True)) == ["musk-v-openai"]


# --- poll_feeds and feed_status ---------------------------------------------------------------------


def test_poll_feeds_sync_stores_articles_and_records_errors(wire):
    good = Feed.objects.create(url=wire.url("/feed.xml"))
    broken = Feed.objects.create(url=wire.url("/broken.xml"))
    Feed.objects.create(url=wire.url("/inactive.xml"), active=False)
    with eager_chain():  # the hand-off goes after commit, which a test's transaction needs run
        lines = run("poll_feeds", "--sync").splitlines()
    assert lines[0] == f"feed {good.pk} ok HTTP 200: 2 new, 0 updated - Test wire"
    assert (
        lines[1] == f"feed {broken.pk} http_error HTTP 500: 0 new, 0 updated - {broken.url} - error: HTTP 500"
    )
    assert lines[2] == "polled 2 feeds, 1 failed"
    motions = Article.objects.get(title="Lawyers file motions")
    assert motions.status == Article.Status.ANALYZED, "--sync runs the rest of the chain in-process"
    assert "narrow the questions" in motions.text and "Copyright" not in motions.text
    broken.refresh_from_db()
    assert (broken.status, broken.error_count, broken.last_status) == (Feed.Status.FAILING, 1, 500)
    assert FetchRun.objects.get(feed=broken).outcome == FetchRun.Outcome.HTTP_ERROR
    assert not wire.requests_to("/inactive.xml")


def test_poll_feeds_sync_polls_named_feeds_even_inactive_and_rejects_unknown_ids(wire):
    feed = Feed.objects.create(url=wire.url("/feed.xml"), active=False)
    assert (
        run("poll_feeds", "--sync", "--feed", str(feed.pk)).splitlines()[0].startswith(f"feed {feed.pk} ok")
    )
    with pytest.raises(CommandError, match="unknown feed id: 999"):
        run("poll_feeds", "--sync", "--feed", str(feed.pk), "--feed", "999")


def test_poll_feeds_enqueues_the_due_feeds_only(wire, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the task runs here, so the test can see it ran
    due = Feed.objects.create(url=wire.url("/feed.xml"))
    later = Feed.objects.create(url=wire.url("/later.xml"), next_poll_at=timezone.now() + timedelta(hours=1))
    assert run("poll_feeds").strip() == "queued 1 feeds"
    assert FetchRun.objects.filter(feed=due, outcome=FetchRun.Outcome.OK).exists()
    assert not FetchRun.objects.filter(feed=later).exists()
    assert run("poll_feeds", "--feed", str(later.pk)).strip() == "queued 1 feeds"
    assert FetchRun.objects.filter(feed=later).exists()


@time_machine.travel(datetime(2026, 5, 1, 12, 0, tzinfo=UTC), tick=False)
def test_feed_status_is_a_table_from_one_query(django_assert_num_queries):
    outlet = Outlet.objects.create(name="Wire", domain="wire.example")
    now = timezone.now()
    soon = Feed.objects.create(url="https://wire.example/feed.xml", title="Wire", outlet=outlet)
    Feed.objects.filter(pk=soon.pk).update(
        next_poll_at=now + timedelta(minutes=12, seconds=30), last_outcome="ok", last_status=200
    )
    Feed.objects.create(url="https://b.example/" + "x" * 80, status=Feed.Status.PAUSED, error_count=10)
    Feed.objects.create(url="https://c.example/feed", next_poll_at=now - timedelta(minutes=5))
    article = Article.objects.create(
        outlet=outlet, url="https://wire.example/a", canonical_url="https://wire.example/a"
    )
    soon.items.create(article=article, guid="a")
    with django_assert_num_queries(1):
        lines = run("feed_status").splitlines()
    assert lines[0].split() == [
        "id",
        "feed",
        "outlet",
        "status",
        "last",
        "outcome",
        "HTTP",
        "errors",
        "next",
    ] + [
        "poll",
        "articles",
    ]
    assert set(lines[1]) <= {"-", " "}
    assert lines[2].split() == [str(soon.pk), "Wire", "Wire", "ok", "ok", "200", "0", "in", "12", "min", "1"]
    assert "…" in lines[3] and lines[3].split()[-2:] == ["paused", "0"]
    assert lines[4].split()[-4:] == ["5", "min", "overdue", "0"]


# --- loadsample ---------------------------------------------------------------------------------------


def test_sample_fetcher_serves_the_seed_site_like_a_web_server():
    fetch = SampleFetcher(default_root())
    feed = fetch("https://newsapp.example/feed.xml")
    assert (feed.status, feed.headers["content-type"]) == (200, "application/rss+xml; charset=utf-8")
    page = fetch("https://newsapp.example/musk-says-xai-used-openai-models-to-train-grok-ai?utm_source=x")
    assert page.status == 200 and page.headers["content-type"].startswith("text/html")
    assert fetch("https://newsapp.example/feed.xml", etag=feed.headers["etag"]).status == 304
    assert fetch("https://newsapp.example/../../manifest.json").status == 404
    assert fetch("https://nowhere.example/feed.xml").status == 404


def test_loadsample_ingests_five_articles_through_the_pipeline_once():
    out = run("loadsample")
    assert "feeds: 6 (6 new)" in out and "articles: 5 (5 new)" in out
    feeds = Feed.objects.all()
    assert len(feeds) == 6 and not any(feed.active for feed in feeds)
    assert all(feed.cases.filter(slug="musk-v-openai").exists() for feed in feeds)
    assert Feed.objects.get(url=AGGREGATOR_FEED_URL).outlet.kind == Outlet.Kind.AGGREGATOR

    articles = {a.outlet.name: a for a in Article.objects.select_related("outlet")}
    assert sorted(articles) == sorted(
        ["News App", "Aivizor", "Related Tools", "Ichiban Tools", "FrontierNews.ai"]
    )
    dates = {name: a.published_at for name, a in articles.items() if a.published_at}
    assert dates == {
        "Aivizor": datetime(2026, 4, 30, 18, 21, 2, tzinfo=UTC),
        "Ichiban Tools": datetime(2026, 5, 1, 9, 0, tzinfo=UTC),
    }
    assert articles["Aivizor"].credited_source == "TechCrunch AI"
    feed_outlets = {
        f.outlet.name for f in Feed.objects.select_related("outlet") if f.url != AGGREGATOR_FEED_URL
    }
    assert feed_outlets == set(articles)  # each outlet feed points at the outlet the pipeline named
    for article in articles.values():
        assert article.status in (Article.Status.FETCHED, Article.Status.ANALYZED)
        assert len(article.text.split()) > 150, article.outlet.name
        for furniture in ("We use cookies", "Trending now", "All rights reserved", "Subscribe to our daily"):
            assert furniture not in article.text, (article.outlet.name, furniture)
    assert articles["News App"].text.startswith("Elon Musk")

    again = run("loadsample")
    assert "feeds: 6 (0 new)" in again and "articles: 5 (0 new)" in again
    assert Article.objects.count() == 5 and Feed.objects.count() == 6


def test_loadsample_fails_with_one_line_without_the_corpus(tmp_path):
    with pytest.raises(CommandError, match="no readable sample manifest"):
        run("loadsample", "--root", str(tmp_path))


# --- ensure_admin ---------------------------------------------------------------------------------------


@pytest.fixture
def admin_env(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path / "var"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.delenv("TRACKER_ADMIN_PASSWORD", raising=False)
    return settings.VAR_DIR / "admin-password.txt"


def test_ensure_admin_creates_admin_once_and_keeps_the_generated_password(admin_env):
    first = run("ensure_admin").splitlines()
    password = first[-1].removeprefix("Admin login: admin / ")
    assert len(password) >= 12
    assert admin_env.read_text().strip() == password
    assert stat.S_IMODE(admin_env.stat().st_mode) == 0o600
    assert get_user_model().objects.get(username="admin").check_password(password)
    assert run("ensure_admin").splitlines() == [f"Admin login: admin / {password}"]
    assert get_user_model().objects.count() == 1


def test_ensure_admin_takes_the_password_from_the_environment(admin_env, monkeypatch):
    monkeypatch.setenv("TRACKER_ADMIN_PASSWORD", "correct horse battery")
    assert run("ensure_admin").strip() == "Admin login: admin / correct horse battery"
    assert not admin_env.exists()


def test_ensure_admin_leaves_existing_superusers_alone(admin_env):
    get_user_model().objects.create_superuser("boss", password="x")
    assert run("ensure_admin").strip() == "Admin login: existing superuser(s): boss"
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_refresh_signatures_refuses_a_bad_date():
    with pytest.raises(CommandError, match="^--since must be YYYY-MM-DD"):
        call_command("refresh_signatures", "--since", "2026-13-45' OR 1=1", stdout=StringIO())
