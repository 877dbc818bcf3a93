"""Canonical URLs and text fingerprints (near copies: test_minhash.py)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from lxml import etree

from tracker.sources.dedupe import canonical_url, normalise_text, registrable_domain, text_fingerprint

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "tracker" / "sources" / "sample_data"
MANIFEST = json.loads((SEEDS / "manifest.json").read_text())


def seed_body(record: dict) -> str:
    """A seed article's prose: the long lines of its captured text (navigation lines are short)."""
    lines = (SEEDS / "articles" / record["seed"]).read_text().splitlines()
    return "\n\n".join(line.strip() for line in lines if len(line.split()) >= 20)


BODIES = [seed_body(record) for record in MANIFEST]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/a?utm_source=rss&utm_medium=feed", "https://example.com/a"),
        ("https://example.com/a?UTM_Campaign=x&id=3", "https://example.com/a?id=3"),
        ("https://example.com/a?fbclid=IwAR0abc", "https://example.com/a"),
        ("https://example.com/a?gclid=1&msclkid=2&mc_cid=3&mc_eid=4&igshid=5", "https://example.com/a"),
        ("https://example.com/a?ref=homepage&smid=tw-share&ocid=x&cmpid=y", "https://example.com/a"),
        ("https://example.com/a?id=3&page=2", "https://example.com/a?id=3&page=2"),
        ("https://example.com/a?page=2&utm_source=x&id=3", "https://example.com/a?page=2&id=3"),
        ("https://example.com/a?q=a+b&empty=&flag", "https://example.com/a?q=a+b&empty=&flag"),
        ("HTTPS://WWW.Example.COM/Path/Case", "https://www.example.com/Path/Case"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("http://example.com:80/a", "http://example.com/a"),
        ("http://example.com:8080/a", "http://example.com:8080/a"),
        ("https://example.com:80/a", "https://example.com:80/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a?#top", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com.", "https://example.com/"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("https://bücher.example/ä b", "https://xn--bcher-kva.example/%C3%A4%20b"),
        ("https://example.com/%7euser/%e2%82%ac", "https://example.com/~user/%E2%82%AC"),
        ("https://example.com/a%2Fb", "https://example.com/a%2Fb"),
        ("https://example.com/100%", "https://example.com/100%25"),
        ("https://example.com/s?q=%c3%a4&r=a%26b", "https://example.com/s?q=%C3%A4&r=a%26b"),
        ("http://[::1]:80/x", "http://[::1]/x"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected
    assert canonical_url(expected) == expected


GARBAGE = [
    "",
    "   ",
    "not a url",
    "http://",
    "http://[::1",
    "http://example.com:99999/",
    "://nothing",
    "javascript:alert(1)",
    "mailto:someone@example.com",
    "\x00\x01",
    "http://exa mple.com/%zz%",
    "https://example.com/" + "%" * 50,
]


@pytest.mark.parametrize("url", GARBAGE)
def test_canonical_url_never_raises_and_is_idempotent(url):
    once = canonical_url(url)

    assert isinstance(once, str)
    assert canonical_url(once) == once


def test_canonical_url_returns_unparseable_input_stripped():
    assert canonical_url("  http://[::1  ") == "http://[::1"
    assert canonical_url(" not a url ") == "not a url"


def test_aggregator_links_with_tracking_give_the_outlets_urls():
    channel = etree.parse(str(SEEDS / "site" / "aggregator.example" / "search" / "musk-openai-trial.xml"))
    links = [link.text for link in channel.iter("link")][1:]  # the first is the channel's own
    assert any("utm_" in link for link in links)

    assert [canonical_url(link) for link in links] == [record["url"] for record in MANIFEST]
    assert all(canonical_url(record["url"]) == record["url"] for record in MANIFEST)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://www.Example.com/a", "example.com"),
        ("https://m.example.com/a", "example.com"),
        ("https://amp.example.com/a", "example.com"),
        ("http://www.m.example.com:8080/", "example.com"),
        ("news.example.co.uk", "news.example.co.uk"),
        ("WWW.example.org", "example.org"),
        ("example.org/path?q=1", "example.org"),
        ("www.com", "www.com"),
        ("bücher.example", "xn--bcher-kva.example"),
        ("", ""),
    ],
)
def test_registrable_domain(value, expected):
    assert registrable_domain(value) == expected


def test_normalise_text():
    assert normalise_text("  Don’t STOP—now!\n\n“Really?”  ") == "dont stop now really"
    assert normalise_text("ﬁle ＡＢＣ Straße") == "file abc strasse"
    assert normalise_text("$850 billion, 4:24-cv-04722") == "850 billion 4 24 cv 04722"


def test_normalise_text_splits_at_every_punctuation_mark_and_symbol_of_the_plane():
    """The definition, character by character: after NFKC and case folding, every punctuation mark or
    symbol of the Basic Multilingual Plane separates words, apostrophes vanish, the rest is kept."""

    def judged(char: str) -> str:
        if char in "'’ʼ‘`´":
            return ""
        return " " if ord(char) < 0x10000 and unicodedata.category(char)[0] in "PS" else char

    for code in [*range(0xD800), *range(0xE000, 0x10000), 0x1F600, 0x1D15E]:
        folded = unicodedata.normalize("NFKC", f"a{chr(code)}b").casefold()
        expected = " ".join("".join(map(judged, folded)).split())
        assert normalise_text(f"a{chr(code)}b") == expected, hex(code)


def test_fingerprint_ignores_case_spacing_and_punctuation():
    text = BODIES[0]
    variant = text.upper().replace(" ", "  \n").replace(",", "").replace("'", "’")

    assert text_fingerprint(variant) == text_fingerprint(text)
    assert len(text_fingerprint(text)) == 64
    assert text_fingerprint(text.replace("Grok", "Gemini", 1)) != text_fingerprint(text)
    assert text_fingerprint("") == "" and text_fingerprint(" ... ") == ""
