"""Main text, metadata and credits of article pages: the five seed pages and pages written for the test."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import trafilatura

from tracker.sources.credits import find_credited_source
from tracker.sources.pages import Page, extract_page

SEEDS = Path(__file__).resolve().parents[2] / "tracker" / "sources" / "sample_data"
MANIFEST = json.loads((SEEDS / "manifest.json").read_text())
# The manifest names credit lines; a lede's "according to late-breaking reports from X" credits too.
IN_TEXT_CREDITS = {"ichiban.example": "TechCrunch"}
BOILERPLATE = ["We use cookies", "Trending now", "All rights reserved", "Accept all", "Open in app"]


def seed_page(record: dict) -> Page:
    return extract_page((SEEDS / record["page"]).read_bytes(), url=record["url"], content_type="text/html")


def squashed(text: str) -> str:
    """Letters and digits only: compares texts whatever their spacing, punctuation or table separators."""
    return re.sub(r"\W+", "", text).casefold()


def body_lines(seed_text: str) -> list[str]:
    """The lines of a captured seed text long enough to be article prose (navigation lines are short)."""
    lines = (re.sub(r"^\s*(?:\d+\.|•)\s+", "", line) for line in seed_text.splitlines())  # list markers
    return [line for line in lines if len(line.split()) >= 20]


@pytest.mark.parametrize("record", MANIFEST, ids=lambda record: record["domain"])
def test_seed_page_metadata(record):
    page = seed_page(record)

    assert page.title == record["title"]
    assert page.author == (record["author"] or "")
    expected = datetime.fromisoformat(record["published"]) if record["published"] else None
    assert page.published_at == expected
    assert page.published_at is None or page.published_at.tzinfo == UTC
    assert page.canonical_url == record["url"]
    assert page.site_name == record["outlet"]
    assert page.credited_source == (record["credits_source"] or IN_TEXT_CREDITS.get(record["domain"], ""))


@pytest.mark.parametrize("record", MANIFEST, ids=lambda record: record["domain"])
def test_seed_page_text_is_the_article_without_boilerplate(record):
    page = seed_page(record)
    seed_text = (SEEDS / "articles" / record["seed"]).read_text()

    assert page.extractor == "trafilatura"
    lines = body_lines(seed_text)
    assert len(lines) >= 4
    missing = [line for line in lines if squashed(line) not in squashed(page.text)]
    assert missing == []
    for phrase in BOILERPLATE + ["Ten prompts that will change how you work", "Manage preferences"]:
        assert phrase not in page.text
    assert "\n\n" in page.text
    assert not page.text.startswith(record["title"])  # the headline is Page.title, not repeated


def test_seed_page_keeps_code_blocks_and_tables_readable():
    record = next(r for r in MANIFEST if r["domain"] == "ichiban.example")
    text = seed_page(record).text

    assert (
        'def generate_synthetic_data(prompt_list, model="gpt-4-turbo"):\n    synthetic_dataset = []' in text
    )
    assert "Mode Collapse | The student mimics the exact style, tone, and guardrails of the teacher." in text


def page(body: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    )


NAV = "<nav><ul>" + "".join(f'<li><a href="/s/{i}">Section {i}</a></li>' for i in range(30)) + "</ul></nav>"
BRIEF = (
    "<p>The judge in Musk v. OpenAI moved the pretrial hearing to May 12, citing a conflict in the court's"
    " calendar, a one-line order shows.</p>"
    "<p>Lawyers for OpenAI and for Elon Musk did not object, the docket shows. The jury trial itself keeps"
    " its start date in Oakland, where the judge sits.</p>"
)
CHROME = (
    '<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>'
    f'<header class="site-header"><a href="/">Court Wire</a>{NAV}</header>'
)
RELATED = (
    '<aside class="related"><h3>Trending now</h3><ul><li><a href="/t/1">Ten prompts</a></li></ul></aside>'
)
FOOTER = "<footer><p>© 2026 Court Wire. All rights reserved.</p></footer>"
FALLBACK_PAGES = {
    # Paragraphs open to inline comments: trafilatura prunes anything whose class starts with "comment".
    "commentable-body": page(
        CHROME
        + '<main><article><h1>Judge moves hearing</h1><div class="commentable">'
        + BRIEF
        + '</div></article><section id="comments"><h3>2 comments</h3><p>Great article! Thanks for sharing'
        + " this, I had no idea the hearing was moved again.</p></section>"
        + RELATED
        + "</main>"
        + FOOTER,
        "<title>Judge moves hearing | Court Wire</title>",
    ),
    # Prose set in inline elements straight inside <article>, which trafilatura does not take as text.
    "inline-prose": page(
        CHROME
        + "<article><h1>Judge moves hearing</h1>"
        + BRIEF.replace("<p>", "<span>").replace("</p>", "</span> ")
        + "</article>"
        + RELATED
        + FOOTER,
        "<title>Judge moves hearing | Court Wire</title>",
    ),
}


@pytest.mark.parametrize("html", FALLBACK_PAGES.values(), ids=FALLBACK_PAGES.keys())
def test_fallback_extractor_reads_the_article_when_trafilatura_finds_too_little(html):
    found = trafilatura.extract(html, favor_precision=True, include_comments=False, fast=True) or ""
    assert len(found) < 200  # the premise: the first extractor really fails on this page

    result = extract_page(html, url="https://courtwire.example/judge-moves-hearing")

    assert result.extractor == "article"
    assert result.title == "Judge moves hearing"
    assert result.text.startswith("The judge in Musk v. OpenAI moved the pretrial hearing to May 12")
    assert result.text.endswith(
        "The jury trial itself keeps its start date in Oakland, where the judge sits."
    )
    for phrase in BOILERPLATE + ["Section 3", "Great article", "Court Wire"]:
        assert phrase not in result.text


def test_page_without_text_has_no_extractor():
    html = page(
        CHROME + '<main><div class="video-player" data-id="123"></div></main>' + RELATED + FOOTER,
        '<title>Video: the verdict | Court Wire</title><meta property="og:site_name" content="Court Wire">',
    )

    result = extract_page(html, url="https://courtwire.example/video")

    assert (result.text, result.extractor) == ("", "")
    assert result.title == "Video: the verdict"
    assert result.published_at is None


@pytest.mark.parametrize("html", ["", "   ", "<?xml version='1.0' encoding='utf-8'?>", b"\x00\xff\xfe"])
def test_empty_or_broken_input_gives_an_empty_page(html):
    result = extract_page(html, url="https://courtwire.example/")

    assert result.text == "" and result.extractor == "" and result.published_at is None


LATIN_PROSE = (
    "<p>In Zürich, the café owners' association said the ruling changes nothing for São Paulo suppliers."
    " Its président told reporters the group would keep buying from the same cooperatives as before.</p>"
    "<p>The association's lawyers, who filed a brief in the case last year, said they expect the appeal to"
    " take at least eighteen months and that members should plan on the current rules until then.</p>"
)


def latin1_page(meta: str = "") -> bytes:
    html = page(f"<article><h1>Café owners react</h1>{LATIN_PROSE}</article>", meta)
    return html.replace('<meta charset="utf-8">', "").encode("latin-1")


def test_latin1_page_decoded_with_the_charset_of_the_content_type():
    result = extract_page(
        latin1_page(), url="https://zeitung.example/a", content_type="text/html; charset=ISO-8859-1"
    )

    assert "In Zürich, the café owners' association" in result.text
    assert "São Paulo" in result.text and "\ufffd" not in result.text
    assert result.title == "Café owners react"


def test_charset_header_wins_over_meta_and_meta_over_the_utf8_default():
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    url = "https://zeitung.example/a"

    assert "Zürich" in extract_page(latin1_page(meta), url=url, content_type="text/html").text
    mislabelled = page(f"<article>{LATIN_PROSE}</article>", meta).replace('<meta charset="utf-8">', "")
    utf8 = extract_page(mislabelled.encode("utf-8"), url=url, content_type="text/html; charset=utf-8")
    assert "Zürich" in utf8.text
    undeclared = extract_page(latin1_page(), url=url).text
    assert "\ufffd" in undeclared  # no charset anywhere: UTF-8 with replacement, never an exception


def test_latin1_label_decodes_as_windows_1252_like_browsers():
    html = latin1_page().replace(b"Its pr", b"\x93Its\x94 pr")

    text = extract_page(
        html, url="https://zeitung.example/a", content_type="text/html; charset=iso-8859-1"
    ).text

    assert "“Its” président" in text


def json_ld(data: dict | list) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_json_ld_gives_the_date_and_authors():
    head = json_ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Café owners react",
            "datePublished": "2026-05-02T07:30:00-07:00",
            "dateModified": "2026-05-03T10:00:00Z",
            "author": [{"@type": "Person", "name": "Ana Lima"}, {"@type": "Person", "name": "Jon Berg"}],
        }
    )

    result = extract_page(page(f"<article>{LATIN_PROSE}</article>", head), url="https://zeitung.example/a")

    assert result.published_at == datetime(2026, 5, 2, 14, 30, tzinfo=UTC)
    assert result.author == "Ana Lima, Jon Berg"


def test_json_ld_graph_with_author_reference():
    head = json_ld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebPage", "@id": "https://zeitung.example/a#page"},
                {"@type": "Person", "@id": "https://zeitung.example/#ana", "name": "Ana Lima"},
                {
                    "@type": ["Article", "NewsArticle"],
                    "datePublished": "2026-05-02",
                    "author": {"@id": "https://zeitung.example/#ana"},
                },
            ],
        }
    )

    result = extract_page(page(f"<article>{LATIN_PROSE}</article>", head), url="https://zeitung.example/a")

    assert result.published_at == datetime(2026, 5, 2, tzinfo=UTC)
    assert result.author == "Ana Lima"


def test_modification_dates_and_dates_in_the_prose_are_not_publication_dates():
    head = json_ld({"@type": "NewsArticle", "dateModified": "2026-05-03T10:00:00Z"})
    head += '<meta property="article:modified_time" content="2026-05-03T10:00:00Z">'
    body = (
        f'<article><p>The hearing is on <time datetime="2026-05-12">May 12</time>.</p>{LATIN_PROSE}</article>'
    )

    assert extract_page(page(body, head), url="https://zeitung.example/a").published_at is None


def test_byline_time_and_meta_date():
    byline = (
        '<div class="article-meta">By <a rel="author" href="/ana">Ana Lima</a>'
        ' <time datetime="2026-05-02T09:15:00Z">May 2</time></div>'
    )
    result = extract_page(page(f"<article>{byline}{LATIN_PROSE}</article>"), url="https://zeitung.example/a")

    assert result.published_at == datetime(2026, 5, 2, 9, 15, tzinfo=UTC)
    assert result.author == "Ana Lima"
    assert "Ana Lima" not in result.text
    meta = '<meta name="date" content="Sat, 02 May 2026 09:15:00 +0200">'
    result = extract_page(page(f"<article>{LATIN_PROSE}</article>", meta), url="https://zeitung.example/a")
    assert result.published_at == datetime(2026, 5, 2, 7, 15, tzinfo=UTC)


def test_titles_urls_and_descriptions_from_the_head():
    head = (
        "<title>Court Wire - Café owners react</title>"
        '<meta name="application-name" content="Court Wire">'
        '<meta name="description" content="What the ruling means for cafés.">'
        '<link rel="canonical" href="/2026/05/cafe-owners-react">'
    )

    result = extract_page(
        page(f"<article>{LATIN_PROSE}</article>", head), url="https://courtwire.example/x?utm_source=rss"
    )

    assert result.title == "Café owners react"
    assert result.site_name == "Court Wire"
    assert result.description == "What the ruling means for cafés."
    assert result.canonical_url == "https://courtwire.example/2026/05/cafe-owners-react"
    og_only = extract_page(page("", '<meta property="og:url" content="https://courtwire.example/b">'), url="")
    assert og_only.canonical_url == "https://courtwire.example/b"
    assert extract_page(page(""), url="https://courtwire.example/c").canonical_url == ""


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Musk testified on Thursday.\n\nSource: Reuters", "Reuters"),
        ("Musk testified on Thursday.\n\nSources: TechCrunch AI · 2026-04-30", "TechCrunch AI"),
        ("Musk testified.\n\nSources\n\n1. TechCrunch AI - April 30, 2026\n2. The Verge", "TechCrunch AI"),
        (
            "This article originally appeared in The Conversation. Read the original article.",
            "The Conversation",
        ),
        ("Musk testified.\n\nOriginally published by ProPublica on May 1, 2026.", "ProPublica"),
        ("This story was first published on techcrunch.com.", "techcrunch.com"),
        ("Source: https://www.theverge.com/2026/4/30/musk-grok", "theverge.com"),
        ("Musk testified.\n\nThe company declined to comment. (via The Verge)", "The Verge"),
        ("According to TechCrunch, Musk testified that xAI used OpenAI models.", ""),
        (
            "Back to Blog\n\nAccording to late-breaking reports from TechCrunch, Musk testified that xAI"
            " used OpenAI models to train Grok.",
            "TechCrunch",
        ),
        (
            "Musk testified that xAI used OpenAI models, as first reported by The Verge on Thursday.",
            "The Verge",
        ),
        ("Reuters first reported the deal on Monday, and Musk confirmed it in court on Tuesday.", "Reuters"),
        (
            "The trial began in Oakland on Monday with the jury sworn in before noon.\n\nMusk testified for"
            " three hours on the trial's opening day in Oakland.\n\nAccording to reports from Reuters,"
            " the jury left the courthouse early on Wednesday afternoon.",
            "",
        ),
        ("Musk said so (via Reuters).\n\nThe trial continues next week in Oakland.", ""),
        ("The report, originally published by Reuters, said the trial would resume.", ""),
        ("Sources say the company is preparing a filing.\n\nThe trial continues.", ""),
        ("Source: according to several people familiar with the matter who asked not to be named", ""),
        ("", ""),
    ],
)
def test_find_credited_source_in_text(text, credit):
    assert find_credited_source(text) == credit


def test_find_credited_source_in_html():
    credited = page(
        f'<article>{LATIN_PROSE}<p><strong>Source:</strong> <a href="/r">Reuters</a></p></article>'
    )
    caption = page(
        "<article><figure><img src=x><figcaption>Source: Getty Images</figcaption></figure>"
        f"{LATIN_PROSE}</article>"
    )
    related = page(
        f'<article>{LATIN_PROSE}</article><aside class="related"><h3>Sources</h3><p>Axios</p></aside>'
    )

    assert find_credited_source(credited) == "Reuters"
    assert find_credited_source(caption) == ""
    assert find_credited_source(related) == ""


@pytest.mark.parametrize("record", MANIFEST, ids=lambda record: record["domain"])
def test_find_credited_source_in_seed_pages_and_captured_texts(record):
    expected = record["credits_source"] or IN_TEXT_CREDITS.get(record["domain"], "")

    assert find_credited_source((SEEDS / record["page"]).read_text()) == expected
    assert find_credited_source((SEEDS / "articles" / record["seed"]).read_text()) == expected
