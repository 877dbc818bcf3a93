"""`manage.py check_feeds`: each feed fetched once through the guarded client, its status, HTTP code,
format and entries reported. Only a local HTTP server on 127.0.0.1 is reached (allowed by the guard's
TRACKER_ALLOW_PRIVATE_URLS for these tests); nothing goes to the internet."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tracker.sources.management.commands.check_feeds import check_feed, default_files, urls_from_files
from tracker.sources.models import Feed

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Court news</title>
<link>https://court.test/</link>
<item><title>One</title><link>https://court.test/1</link></item>
<item><title>Two</title><link>https://court.test/2</link></item></channel></rss>"""
ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Docket</title><id>urn:d</id><updated>2026-04-30T00:00:00Z</updated>
<entry><title>Entry #1</title><id>urn:d:1</id><updated>2026-04-30T00:00:00Z</updated>
<link href="https://court.test/d/1"/></entry></feed>"""
EMPTY_RSS = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet</title></channel></rss>'
HTML = b"<!doctype html><html><head><title>Home</title></head><body><p>Hello</p></body></html>"


@pytest.fixture
def site(httpserver, allow_private):
    httpserver.route("/rss", body=RSS, headers={"Content-Type": "application/rss+xml"})
    httpserver.route("/atom", body=ATOM, headers={"Content-Type": "application/atom+xml"})
    httpserver.route("/empty", body=EMPTY_RSS, headers={"Content-Type": "application/rss+xml"})
    httpserver.route("/page", body=HTML, headers={"Content-Type": "text/html"})
    return httpserver


@pytest.mark.parametrize(
    ("path", "status", "code", "fmt", "entries"),
    [
        ("/rss", "ok", 200, "RSS", 2),
        ("/atom", "ok", 200, "Atom", 1),
        ("/empty", "empty", 200, "RSS", 0),
        ("/page", "not a feed", 200, "other", 0),
        ("/missing", "http error", 404, "-", 0),
    ],
)
def test_check_feed_reports_status_code_format_and_entries(site, path, status, code, fmt, entries):
    check = check_feed(site.url(path))
    assert (check.status, check.http_status, check.format, check.entries) == (status, code, fmt, entries)
    assert len(site.requests_to(path)) == 1  # fetched once, unconditionally
    assert "xml" in site.requests_to(path)[0].headers["accept"]


def test_the_guard_still_refuses_a_private_address_unless_allowed(httpserver, settings):
    settings.TRACKER_ALLOW_PRIVATE_URLS = False
    httpserver.route("/rss", body=RSS)
    check = check_feed(httpserver.url("/rss"))
    assert check.status == "refused" and "loopback" in check.detail and check.http_status is None
    assert httpserver.requests == []


def test_command_checks_every_feed_of_the_files_and_fails_when_one_is_not_ok(site, tmp_path):
    opml = tmp_path / "local.opml"
    opml.write_text(
        f"""<opml version="2.0"><body>
        <outline text="rss" xmlUrl="{site.url("/rss")}"/>
        <outline text="atom" xmlUrl="{site.url("/atom")}"/>
        <outline text="gone" xmlUrl="{site.url("/missing")}"/>
        <outline text="rss again" xmlUrl="{site.url("/rss")}"/></body></opml>"""
    )
    out = StringIO()
    with pytest.raises(CommandError, match="1 of 3 feeds"):
        call_command("check_feeds", str(opml), stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["status", "http", "fmt", "items", "url"]
    assert lines[1].split() == ["ok", "200", "RSS", "2", site.url("/rss")]
    assert lines[2].split() == ["ok", "200", "Atom", "1", site.url("/atom")]
    assert lines[3].split() == ["http", "error", "404", "-", "0", site.url("/missing")]
    assert lines[-1] == "2 of 3 feeds ok"
    assert len(site.requests_to("/rss")) == 1


@pytest.mark.django_db
def test_command_checks_the_registered_feeds(site):
    Feed.objects.create(url=site.url("/atom"), kind=Feed.Kind.DOCKET)
    out = StringIO()
    call_command("check_feeds", "--registered", stdout=out)
    assert out.getvalue().splitlines()[1].split() == ["ok", "200", "Atom", "1", site.url("/atom")]
    assert out.getvalue().splitlines()[-1] == "1 of 1 feeds ok"


def test_by_default_the_shipped_lists_are_read():
    urls = urls_from_files(default_files())
    assert "https://www.courtlistener.com/docket/69013420/feed/" in urls
    assert len(urls) == len(set(urls))
