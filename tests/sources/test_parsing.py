"""Feed bytes -> entries (tracker.sources.parsing) and the HTML sanitising under it (XML attacks: test_parsing_xml_attacks.py)."""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tracker.sources.parsing import Entry, parse_date, parse_feed
from tracker.sources.sanitising import clean_html, html_to_text

SITE = Path(__file__).resolve().parents[2] / "tracker" / "sources" / "sample_data" / "site"

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example   News</title><link>https://news.example/</link>
<item>
  <title>First &amp; foremost</title>
  <link>/2026/first</link>
  <guid isPermaLink="false">item-1</guid>
  <description>&lt;p&gt;Short &lt;b&gt;summary&lt;/b&gt;&lt;/p&gt;
    &lt;script&gt;alert(1)&lt;/script&gt;</description>
  <pubDate>Thu, 30 Apr 2026 20:21:02 +0200</pubDate>
  <dc:creator>Ann Writer</dc:creator>
</item>
<item>
  <title>Permalink only</title>
  <guid>https://news.example/2026/permalink</guid>
</item>
<item>
  <title>Nothing but a title</title>
  <description>Some words</description>
</item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/">
<title type="html">Blog &lt;em&gt;of&lt;/em&gt; things</title>
<link rel="alternate" href="https://blog.example/"/>
<id>tag:blog.example,2026:feed</id><updated>2026-05-01T12:00:00Z</updated>
<entry>
  <title>Updated only</title>
  <link rel="enclosure" href="https://cdn.example/a.mp3"/>
  <link rel="alternate" type="text/html" href="posts/one"/>
  <id>tag:blog.example,2026:one</id>
  <updated>2026-05-01T12:00:00+02:00</updated>
  <author><name>Bo Author</name><email>bo@blog.example</email></author>
  <content type="xhtml">
    <div xmlns="http://www.w3.org/1999/xhtml"><p>Body <a href="other">here</a></p></div>
  </content>
</entry>
<entry>
  <title>Published too</title>
  <link href="https://blog.example/posts/two"/>
  <id>tag:blog.example,2026:two</id>
  <published>2026-04-30T18:21:02Z</published><updated>2026-05-02T08:00:00Z</updated>
</entry>
</feed>"""

RDF = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example/"><title>RDF site</title><link>https://rdf.example/</link>
<description>d</description></channel>
<item rdf:about="https://rdf.example/story">
  <title>RDF story</title><link>https://rdf.example/story</link>
  <description>About it</description><dc:date>2026-04-29T07:30:00-04:00</dc:date>
</item>
</rdf:RDF>"""


def rss_with_item(item: str, *, channel: str = "") -> bytes:
    return (
        f'<rss version="2.0"><channel><title>t</title>{channel}<item>{item}</item></channel></rss>'.encode()
    )


def only_entry(content: bytes, **kwargs) -> Entry:
    parsed = parse_feed(content, **kwargs)
    assert len(parsed.entries) == 1, parsed
    return parsed.entries[0]


# --- formats --------------------------------------------------------------------------------------


def test_rss20():
    parsed = parse_feed(RSS, base_url="https://news.example/feed.xml")
    assert (parsed.version, parsed.title, parsed.link) == ("rss20", "Example News", "https://news.example/")
    first, permalink, bare = parsed.entries
    assert (first.guid, first.link) == ("item-1", "https://news.example/2026/first")
    assert first.title == "First & foremost"
    assert first.summary_html == "<p>Short <b>summary</b></p>"
    assert (first.content_html, first.text) == ("", "Short summary")
    assert first.published_at == datetime(2026, 4, 30, 18, 21, 2, tzinfo=UTC)
    assert first.updated_at is None
    assert first.author == "Ann Writer"
    assert (first.source_name, first.source_url) == ("", "")
    assert permalink.link == permalink.guid == "https://news.example/2026/permalink"
    assert bare.link == "" and bare.guid.startswith("sha1:")
    assert parsed.problem == "1 entry without a link"


def test_atom():
    parsed = parse_feed(ATOM)
    assert (parsed.version, parsed.title, parsed.link) == (
        "atom10",
        "Blog of things",
        "https://blog.example/",
    )
    one, two = parsed.entries
    assert one.link == "https://blog.example/posts/one"  # rel=alternate over the enclosure, xml:base applied
    assert one.published_at is None  # <updated> is not a publication date
    assert one.updated_at == datetime(2026, 5, 1, 10, 0, tzinfo=UTC)
    assert one.author == "Bo Author"
    assert '<a href="https://blog.example/other"' in one.content_html
    assert one.text == "Body here"
    assert two.published_at == datetime(2026, 4, 30, 18, 21, 2, tzinfo=UTC)
    assert two.updated_at == datetime(2026, 5, 2, 8, 0, tzinfo=UTC)
    assert parsed.problem == ""


def test_rdf_with_dc_date_as_publication_date():
    parsed = parse_feed(RDF)
    assert parsed.version == "rss10"
    (entry,) = parsed.entries
    assert (entry.title, entry.link, entry.guid) == ("RDF story", "https://rdf.example/story", entry.link)
    assert entry.published_at == datetime(2026, 4, 29, 11, 30, tzinfo=UTC)
    assert entry.updated_at is None


def test_rss_without_a_publication_date_does_not_borrow_atom_updated():
    item = "<title>x</title><link>http://a.example/1</link><atom:updated>2026-01-01T00:00:00Z</atom:updated>"
    doc = rss_with_item(item).replace(b"<rss ", b'<rss xmlns:atom="http://www.w3.org/2005/Atom" ')
    entry = only_entry(doc)
    assert entry.published_at is None
    assert entry.updated_at == datetime(2026, 1, 1, tzinfo=UTC)


def test_empty_channel_is_a_feed_without_problem():
    parsed = parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>')
    assert (parsed.is_feed, parsed.entries, parsed.problem, parsed.title) == (True, (), "", "Quiet")


# --- the seed web ---------------------------------------------------------------------------------


@pytest.mark.parametrize("path", sorted(SITE.glob("*/feed.xml")), ids=lambda path: path.parent.name)
def test_seed_feeds(path):
    parsed = parse_feed(path.read_bytes(), headers={"content-type": "application/xml"})
    assert parsed.is_feed and parsed.problem == ""
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.link.startswith("https://" + path.parent.name + "/")
        assert entry.title and entry.guid and entry.text


def test_seed_full_text_and_summary_only():
    ichiban = only_entry((SITE / "ichiban.example" / "feed.xml").read_bytes())
    newsapp = only_entry((SITE / "newsapp.example" / "feed.xml").read_bytes())
    assert ichiban.content_html and ichiban.has_full_text
    assert ichiban.published_at == datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    assert newsapp.content_html == "" and not newsapp.has_full_text


def test_seed_atom_published():
    entry = only_entry((SITE / "aivizor.example" / "feed.xml").read_bytes())
    assert entry.published_at == datetime(2026, 4, 30, 18, 21, 2, tzinfo=UTC)
    assert entry.author == "Orion Hartwell"
    assert entry.has_full_text


def test_seed_aggregator():
    path = SITE / "aggregator.example" / "search" / "musk-openai-trial.xml"
    parsed = parse_feed(path.read_bytes(), base_url="https://aggregator.example/search/musk-openai-trial.xml")
    assert parsed.problem == ""
    assert [entry.source_name for entry in parsed.entries] == [
        "News App",
        "Aivizor",
        "Related Tools",
        "Ichiban Tools",
        "FrontierNews.ai",
    ]
    newsapp, aivizor, *_, frontier = parsed.entries
    assert newsapp.title == "Musk Says xAI Used OpenAI Models to Train Grok AI"
    assert newsapp.source_url == "https://newsapp.example/feed.xml"
    assert newsapp.guid == "agg-000"
    assert frontier.title.endswith("Escalating Courtroom Battle")
    assert aivizor.link.endswith("?utm_source=aggregator&utm_medium=rss")  # canonicalising is dedupe's job
    assert aivizor.published_at == datetime(2026, 4, 30, 18, 21, 2, tzinfo=UTC)
    assert not any(entry.has_full_text for entry in parsed.entries)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Headline | Outlet", "Headline"),
        ("Headline - Outlet", "Headline"),
        ("Headline - Other", "Headline - Other"),
        (" - Outlet", "- Outlet"),
    ],
)
def test_source_suffix(title, expected):
    item = f'<title>{title}</title><link>http://a.example/</link><source url="http://o.example/rss">Outlet</source>'
    assert only_entry(rss_with_item(item)).title == expected


# --- links and guids ------------------------------------------------------------------------------


def test_links_only_http():
    item = "<title>x</title><link>javascript:alert(1)</link>"
    parsed = parse_feed(rss_with_item(item))
    assert parsed.entries[0].link == ""
    assert parsed.problem == "1 entry without a link"


def test_relative_link_against_the_feed_link_without_base_url():
    doc = rss_with_item(
        "<title>x</title><link>/a/b</link>", channel="<link>https://site.example/news/</link>"
    )
    assert only_entry(doc).link == "https://site.example/a/b"


def test_guid_not_permalink_is_not_a_link():
    entry = only_entry(rss_with_item('<title>x</title><guid isPermaLink="false">https://a.example/1</guid>'))
    assert (entry.guid, entry.link) == ("https://a.example/1", "")


def test_guid_falls_back_to_a_stable_hash():
    doc = rss_with_item("<title>Same</title><description>words</description>")
    first, again = only_entry(doc), only_entry(doc)
    other = only_entry(rss_with_item("<title>Same</title><description>other words</description>"))
    assert first.guid == again.guid != other.guid
    assert re.fullmatch(r"sha1:[0-9a-f]{40}", first.guid)


def test_overlong_guid_is_hashed():
    entry = only_entry(rss_with_item(f"<title>x</title><guid isPermaLink='false'>{'g' * 2000}</guid>"))
    assert entry.guid.startswith("sha1:")


# --- encodings and broken documents ---------------------------------------------------------------

LATIN1 = (
    "<rss version='2.0'><channel><title>Café</title><item><title>Zürich à la</title></item></channel></rss>"
)


def test_http_charset_is_honoured_without_a_declaration():
    parsed = parse_feed(LATIN1.encode("iso-8859-1"), headers={"Content-Type": "text/xml; charset=iso-8859-1"})
    assert (parsed.title, parsed.entries[0].title) == ("Café", "Zürich à la")
    assert "Encoding" not in parsed.problem


def test_undeclared_latin1_is_decoded_with_a_problem():
    parsed = parse_feed(LATIN1.encode("iso-8859-1"))
    assert parsed.entries[0].title == "Zürich à la"
    assert parsed.problem.startswith("CharacterEncodingOverride")


def test_malformed_xml_keeps_what_it_can():
    doc = (
        b'<rss version="2.0"><channel><title>T</title><item><title>One</title><link>http://a.example/1</link>'
        b"</item><item><title>Two<link>http://a.example/2</link></item>"
    )
    parsed = parse_feed(doc)
    assert parsed.is_feed
    assert parsed.entries[0].link == "http://a.example/1"
    assert parsed.problem.startswith("XML error at line")
    assert "\n" not in parsed.problem and len(parsed.problem) <= 300


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "not a feed: empty document"),
        (b" \n ", "not a feed: empty document"),
        (b"<!DOCTYPE html><html><head><title>Hi</title></head><body><p>x</p></body></html>", "HTML page"),
        (b'{"version": "https://jsonfeed.org/version/1", "items": []}', "JSON"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (bytes(range(256)), "not a feed"),
        (b"/etc/passwd", "not a feed"),
    ],
)
def test_not_a_feed(content, problem):
    parsed = parse_feed(content)
    assert not parsed.is_feed and parsed.entries == ()
    assert problem in parsed.problem


def test_never_raises_on_the_wrong_type():
    parsed = parse_feed("<rss/>")  # type: ignore[arg-type]
    assert not parsed.is_feed and parsed.problem.startswith("parser failed")


# --- sanitising -----------------------------------------------------------------------------------

HOSTILE = (
    '<p onclick="steal()">Text <a href="javascript:alert(1)">js</a> <a href="https://ok.example/">ok</a></p>'
    '<img src="https://img.example/a.png" onerror="alert(1)" alt="a"><script>alert("x")</script>'
    "<style>p{display:none}</style><iframe src='https://evil.example/'>frame text</iframe>"
)


def test_hostile_entry_html_is_sanitised():
    item = f"<title>x</title><link>http://a.example/</link><description><![CDATA[{HOSTILE}]]></description>"
    doc = rss_with_item(item + f"<content:encoded><![CDATA[{HOSTILE}]]></content:encoded>")
    doc = doc.replace(b"<rss ", b'<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" ')
    entry = only_entry(doc)
    for html in (entry.summary_html, entry.content_html):
        assert "<script" not in html and "alert" not in html and "steal" not in html
        assert "onerror" not in html and "onclick" not in html and "javascript:" not in html
        assert "display:none" not in html and "frame text" not in html
        assert '<a href="https://ok.example/" rel="noopener noreferrer nofollow">ok</a>' in html
        assert re.search(r'<img [^>]*src="https://img.example/a.png"', html)


def test_html_title_becomes_plain_text():
    """feedparser decides what is HTML in RSS; markup it does not recognise stays literal (and escaped)."""
    assert only_entry(rss_with_item("<title>a &lt;b&gt;bold&lt;/b&gt;  move</title>")).title == "a bold move"
    literal = only_entry(rss_with_item("<title>Why &lt;blink&gt; died</title>")).title
    assert literal == "Why <blink> died"


def test_clean_html_keeps_article_structure():
    html = (
        "<h2>Sub</h2><blockquote><p>Q</p></blockquote><ul><li>1</li></ul><table><tr><td>c</td></tr></table>"
    )
    assert clean_html(html) == (
        "<h2>Sub</h2><blockquote><p>Q</p></blockquote><ul><li>1</li></ul>"
        "<table><tbody><tr><td>c</td></tr></tbody></table>"
    )
    assert clean_html('<a href="mailto:x@y.example">m</a>').startswith('<a href="mailto:x@y.example"')
    assert clean_html('<img src="data:image/png;base64,AAAA">') == "<img>"
    assert clean_html("") == ""


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One &amp; <b>two</b></p><p>Three<br>four</p>", "One & two\n\nThree\nfour"),
        ("<div>a<!-- hidden -->b<script>x()</script>c</div>   tail  ", "abc\n\ntail"),
        ("plain   text\n with &eacute; &#x27;quotes&#x27;", "plain text with é 'quotes'"),
        ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
        ("<div>" * 400 + "deep &amp; nested", "deep & nested"),
        ("</p></div><<>>", "<<>>"),
        ("\x00\x01<p>control</p>", "control"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_full_text_thresholds():
    words = " ".join(["word"] * 200)
    base = {"guid": "g", "link": "", "title": "", "published_at": None, "updated_at": None, "author": ""}
    base |= {"source_name": "", "source_url": ""}
    assert Entry(**base, summary_html="<p>short</p>", content_html=f"<p>{words}</p>").has_full_text
    assert not Entry(**base, summary_html="<p>a b c</p>", content_html="<p>a b c d</p>").has_full_text
    assert Entry(
        **base, summary_html="<p>a b</p>", content_html=f"<p>{' '.join(['w'] * 60)}</p>"
    ).has_full_text
    assert not Entry(**base, summary_html=f"<p>{words}</p>", content_html="").has_full_text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (time.struct_time((2026, 4, 30, 18, 21, 2, 3, 120, 0)), datetime(2026, 4, 30, 18, 21, 2, tzinfo=UTC)),
        ((2026, 1, 1, 0, 0, 0, 0, 1, 0), datetime(2026, 1, 1, tzinfo=UTC)),
        (None, None),
        ((1, 1, 1, 0, 0, 0, 0, 1, 0), None),
        ((99999, 1, 1, 0, 0, 0, 0, 1, 0), None),
        ((2026, 13, 1, 0, 0, 0, 0, 1, 0), None),
        (("x", 1), None),
        ("garbage", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected
