"""Docket feeds written to make the parser work hard: linear in their size, and still read right.
The large inputs are generated here (a few hundred KB each), never committed."""

from __future__ import annotations

import time
from html import escape

from tracker.dockets.parsing import parse_docket_feed

SECONDS = 3.0  # linear code reads these in well under a second; the quadratic regexes took 35 s and more


def docket_feed(description: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Court</title>'
        "<item><title>4:24-cv-04722-YGR Musk v. Altman et al</title>"
        "<link>https://cand-ecf.example/cgi-bin/DktRpt.pl?1</link>"
        f"<description>{escape(description)}</description>"
        "<guid>https://cand-ecf.example/1</guid><pubDate>Fri, 01 May 2026 01:10:44 GMT</pubDate>"
        "</item></channel></rss>"
    ).encode()


def timed_parse(description: str):
    content = docket_feed(description)
    started = time.monotonic()
    parsed = parse_docket_feed(content)
    return parsed, time.monotonic() - started, len(content)


def test_unclosed_links_are_read_in_linear_time():
    parsed, seconds, size = timed_parse("[Order] " + "<a href='https://cand-ecf.example/doc1/1'>5" * 11_000)
    assert size > 440_000
    assert seconds < SECONDS
    (entry,) = parsed.entries
    assert (entry.entry_type, entry.document_url, entry.number) == ("Order", "", None)


def test_an_unclosed_bracket_is_read_in_linear_time():
    parsed, seconds, size = timed_parse("[" * 450_000)
    assert size > 440_000
    assert seconds < SECONDS
    assert parsed.entries[0].entry_type == ""


def test_the_first_complete_link_with_an_href_is_still_found():
    parsed, _, _ = timed_parse(
        "[Transcript Order] (<a name='top'>x</a> <A HREF=\"https://cand-ecf.example/doc1/035?x=1\">502</a >)"
    )
    (entry,) = parsed.entries
    assert entry.entry_type == "Transcript Order"
    assert (entry.document_url, entry.document_number, entry.number) == (
        "https://cand-ecf.example/doc1/035?x=1",
        "502",
        502,
    )


def test_a_docket_feed_over_its_parse_budget_is_not_a_feed():
    parsed = parse_docket_feed(docket_feed("[Order]"), budget_seconds=0)
    assert not parsed.is_feed
    assert parsed.problem == "parse budget exceeded: 0 of 1 items read in time"
    assert parse_docket_feed(docket_feed("[Order]")).is_feed
