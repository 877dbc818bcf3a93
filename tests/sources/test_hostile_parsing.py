"""Feeds written to make the parser work hard: read in linear time, and a per-feed budget past which
the poll is recorded as an error. The large inputs are generated here, never committed."""

from __future__ import annotations

import time
from html import escape

import pytest

from tracker.sources.parsing import parse_feed
from tracker.sources.sanitising import html_to_text

SECONDS = 3.0  # linear code reads these in well under a second; the quadratic fallback took minutes
DEEP = "<div>" * 300  # past libxml2's nesting limit: lxml gives up and the fallback reads the markup


def atom(title_html: str, entries: int = 1) -> bytes:
    items = "".join(
        f'<entry><id>urn:{n}</id><link href="https://a.example/{n}"/>'
        f'<title type="html">{escape(title_html)}</title></entry>'
        for n in range(entries)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Hostile</title>{items}</feed>"
    ).encode()


def test_a_crafted_html_title_is_read_in_linear_time():
    content = atom(DEEP + "<!--a" * 90_000)
    assert len(content) > 450_000
    started = time.monotonic()
    parsed = parse_feed(content)
    assert time.monotonic() - started < SECONDS
    assert parsed.is_feed and len(parsed.entries) == 1


@pytest.mark.parametrize(
    "garbage",
    ["<!--a" * 90_000, "<a" * 200_000, "<script>" * 50_000, "<style x" * 50_000],
    ids=["unclosed comments", "unclosed tags", "unclosed scripts", "unclosed styles"],
)
def test_the_text_of_broken_markup_is_read_in_linear_time(garbage):
    started = time.monotonic()
    html_to_text(DEEP + garbage)
    assert time.monotonic() - started < SECONDS


def test_the_fallback_still_reads_text_between_tags():
    markup = DEEP + "one<p>two &amp; three<script>no</SCRIPT >four<!-- no -->five<style>no"
    assert html_to_text(markup).split("\n\n") == ["one", "two & three", "four", "five"]
    assert html_to_text(DEEP + "a <b c") == "a <b c"


def test_a_feed_over_its_parse_budget_is_not_a_feed():
    parsed = parse_feed(atom("<b>Title</b>", entries=50), budget_seconds=0)
    assert not parsed.is_feed
    assert parsed.problem.startswith("parse budget exceeded: 0 of 50 entries")
    assert len(parse_feed(atom("<b>Title</b>", entries=50)).entries) == 50


@pytest.mark.django_db
def test_a_poll_over_the_parse_budget_is_recorded_as_an_error(httpserver, allow_private, settings):
    from tracker.sources import ingestion
    from tracker.sources.models import Feed, FetchRun

    settings.TRACKER_FEED_PARSE_SECONDS = 0
    httpserver.route("/feed.xml", body=atom("<b>Title</b>", entries=5))
    feed = Feed.objects.create(url=httpserver.url("/feed.xml"))
    run = ingestion.poll_feed(feed).run
    assert run.outcome == FetchRun.Outcome.PARSE_ERROR
    assert run.error.startswith("parse budget exceeded")
    feed.refresh_from_db()
    assert (feed.status, feed.error_count) == (Feed.Status.FAILING, 1)
