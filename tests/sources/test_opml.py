"""OPML reading and writing: nested outlines, odd attribute spellings, hostile documents refused."""

from datetime import UTC, datetime

import pytest

from tracker.sources.opml import OPMLError, Subscription, parse_opml, write_opml

NESTED = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Top level" title="Top level" type="rss" xmlUrl="https://a.example/feed.xml"
             htmlUrl="https://a.example/"/>
    <outline text="Law">
      <outline text="Courts">
        <outline text="Docket only text" type="rss" xmlurl="https://b.example/docket.rss"/>
      </outline>
      <outline text="Listed twice" xmlUrl="https://a.example/feed.xml"/>
    </outline>
    <outline text="A folder without feeds"/>
    <outline text="Empty url" xmlUrl="  "/>
  </body>
</opml>"""


def test_reads_nested_outlines_once_each_in_document_order():
    subs = parse_opml(NESTED)
    assert subs == [
        Subscription("https://a.example/feed.xml", title="Top level", html_url="https://a.example/"),
        Subscription("https://b.example/docket.rss", title="Docket only text"),
    ]


def test_case_categories_are_read_back():
    doc = b"""<opml version="2.0"><body><outline text="x" xmlUrl="https://c.example/f"
        category="/cases/musk-v-openai,/Tech/AI,/cases/ai-distillation"/></body></opml>"""
    assert parse_opml(doc)[0].case_slugs == ("musk-v-openai", "ai-distillation")


def test_written_opml_reads_back_the_same():
    subs = [
        Subscription(
            "https://a.example/feed.xml?x=1&y=2", title="A & B <news>", html_url="https://a.example/"
        ),
        Subscription("https://b.example/rss", case_slugs=("musk-v-openai",)),
    ]
    content = write_opml(subs, title="Case tracker feeds", created=datetime(2026, 5, 1, tzinfo=UTC))
    assert content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert b'version="2.0"' in content
    assert b"<dateCreated>Fri, 01 May 2026 00:00:00 GMT</dateCreated>" in content
    back = parse_opml(content)
    assert back[0] == subs[0]
    assert back[1].xml_url == "https://b.example/rss"
    assert back[1].title == "https://b.example/rss"  # an untitled feed is labelled by its URL
    assert back[1].case_slugs == ("musk-v-openai",)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "not well-formed"),
        (b"<opml><body><outline></body></opml>", "not well-formed"),
        (b"<rss version='2.0'><channel/></rss>", "not an OPML document"),
        (b"<opml version='2.0'><head/></opml>", "no <body>"),
    ],
)
def test_broken_documents_are_refused_with_a_reason(content, reason):
    with pytest.raises(OPMLError, match=reason):
        parse_opml(content)


def test_entity_expansion_is_refused():
    bomb = b"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<opml version="2.0"><body><outline text="&b;" xmlUrl="https://a.example/f"/></body></opml>"""
    with pytest.raises(OPMLError, match="DOCTYPE"):
        parse_opml(bomb)


def test_external_entities_are_refused_even_when_the_doctype_hides_in_another_encoding():
    doc = """<?xml version="1.0" encoding="UTF-16"?>
<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<opml version="2.0"><head><title>&x;</title></head><body/></opml>""".encode("utf-16")
    with pytest.raises(OPMLError, match="DOCTYPE"):
        parse_opml(doc)
