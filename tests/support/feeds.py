"""Small RSS documents written for tests."""

from __future__ import annotations

import random
from html import escape

LOREM = (
    "The judge heard arguments on Tuesday about the schedule of the trial. Lawyers for both sides "
    "described the evidence they expect to present, and the court set deadlines for the exhibits. "
)


def item(
    title: str,
    link: str,
    *,
    guid: str | None = None,
    description: str = "",
    content: str | None = None,
    pub_date: str | None = None,
    source: tuple[str, str] | None = None,
) -> str:
    parts = [f"<title>{escape(title)}</title>", f"<link>{escape(link)}</link>"]
    parts.append(f"<guid>{escape(guid or link)}</guid>")
    if description:
        parts.append(f"<description>{escape(description)}</description>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    if pub_date:
        parts.append(f"<pubDate>{pub_date}</pubDate>")
    if source:
        parts.append(f'<source url="{escape(source[1])}">{escape(source[0])}</source>')
    return "<item>" + "".join(parts) + "</item>"


def rss(*items: str, title: str = "Test feed", link: str = "http://127.0.0.1/", doctype: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        + doctype
        + '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        + f"<title>{escape(title)}</title><link>{escape(link)}</link><description>test</description>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def article_html(paragraphs: list[str], *, title: str = "A test article") -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def long_text(seed: str, words: int = 220) -> list[str]:
    """Paragraphs of about `words` words, distinct per seed (random words from a fixed vocabulary)."""
    rng = random.Random(seed)
    vocabulary = sorted(set(LOREM.lower().replace(".", "").replace(",", "").split())) + WORDS
    tokens = [rng.choice(vocabulary) for _ in range(words)]
    return [" ".join(tokens[i : i + 60]).capitalize() + "." for i in range(0, len(tokens), 60)]


WORDS = (
    "company model court testimony witness jury verdict filing motion lawyer appeal ruling chatbot "
    "startup investor board founder contract damages evidence exhibit transcript hearing schedule "
    "injunction settlement statement press release report analyst market shares revenue product "
    "launch training data weights cluster server engineer researcher policy regulator agency "
    "senator committee letter email message meeting office city state country week month year"
).split()
