"""An article page's main text and metadata: bytes in, a frozen Page out; no ORM, no network.

The text comes from trafilatura; when it finds too little (a short piece drowned in boilerplate,
link-dense paragraphs it distrusts) our own lxml extractor (`markup.article_blocks`) reads the
article element instead. The credited source comes from `credits`.
Metadata is read by us, deterministically, from the page's own tags only: nothing is guessed, so a
page that states no date has none.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Extractor

from tracker.sources.credits import page_credit
from tracker.sources.markup import article_blocks, decode_html, parse_html
from tracker.sources.sanitising import without_controls

MIN_CHARS = 200  # below either bound an extractor "found too little"
MIN_WORDS = 40

BYLINE_MARKER = re.compile(
    r"(?:^|[\s_-])(?:byline|dateline|meta|published|posted|timestamp|date|pubdate)(?:$|[\s_-])", re.I
)
TITLE_SEPARATORS = r"\||-|–|—|·|::|«|»|:"


@dataclass(frozen=True)
class Page:
    text: str  # main text, plain, paragraphs separated by "\n\n"; the headline is not repeated in it
    title: str
    author: str
    published_at: datetime | None  # aware UTC, only from the page's own metadata
    canonical_url: str  # <link rel=canonical> resolved against the page URL, else og:url, else ""
    site_name: str
    description: str
    credited_source: str  # the outlet whose reporting the page says it republishes, else ""
    extractor: str  # "trafilatura", "article" (our fallback) or "" when neither found enough
    truncated: bool = False  # the text was cut to a bound before storing (`storing.bounded_page`)


def extract_page(html: bytes | str, *, url: str, content_type: str = "") -> Page:
    """Read one fetched page. Never raises on bad markup: an unreadable page gives an empty Page.
    No string of it holds a control character (`sanitising.strip_controls`)."""
    markup = decode_html(html, content_type=content_type)
    root = parse_html(markup)
    if root is None:
        return Page("", "", "", None, "", "", "", "", "")
    meta, linked_data = _meta_tags(root), _linked_data(root)
    site_name = meta.get("og:site_name") or meta.get("application-name", "")
    title = _title(root, meta, site_name)
    text, extractor = _main_text(markup, root, url=url, title=title)
    page = Page(
        text=text,
        title=title,
        author=_author(root, meta, linked_data),
        published_at=_published_at(root, meta, linked_data),
        canonical_url=_canonical_url(root, meta, url),
        site_name=site_name,
        description=meta.get("og:description") or meta.get("description", ""),
        credited_source=page_credit(root, text.split("\n\n")),
        extractor=extractor,
    )
    return without_controls(page)


# Main text


def _main_text(markup: str, root: lxml.html.HtmlElement, *, url: str, title: str) -> tuple[str, str]:
    blocks = _without_title(_trafilatura_blocks(markup, url), title)
    if _enough(blocks):
        return "\n\n".join(blocks), "trafilatura"
    blocks = _without_title(article_blocks(root), title)
    if _enough(blocks):
        return "\n\n".join(blocks), "article"
    return "", ""


def _enough(blocks: list[str]) -> bool:
    text = " ".join(blocks)
    return len(text) >= MIN_CHARS and len(text.split()) >= MIN_WORDS


def _trafilatura_blocks(markup: str, url: str) -> list[str]:
    """The blocks of trafilatura's tree. Its options as an Extractor of output format "txt": bare_extraction's
    own ("python") also makes a text of the tree that we never read (a quarter of its time on a news page)."""
    options = Extractor(output_format="txt", fast=True, precision=True, comments=False, url=url or None)
    try:
        document = trafilatura.bare_extraction(markup, options=options)
    except Exception:  # a third-party parser on hostile markup: our fallback takes over
        return []
    if document is None or document.body is None:
        return []
    blocks: list[str] = [_flat_text_of(document.body.text)]
    for child in document.body:
        if child.tag == "list":
            blocks += [_flat_text(item) for item in child.iter("item")]
        elif child.tag == "table":
            rows = (" | ".join(_flat_text(cell) for cell in row.iter("cell")) for row in child.iter("row"))
            blocks.append("\n".join(row for row in rows if row.strip(" |")))
        elif child.tag in ("code", "pre"):
            blocks.append("".join(child.itertext()).strip("\n").rstrip())
        elif child.tag == "quote" and child.find("p") is not None:
            blocks += [_flat_text(p) for p in child.iter("p")]
        else:
            blocks.append(_flat_text(child))
        blocks.append(_flat_text_of(child.tail))  # trafilatura leaves loose text as tails
    return [block for block in blocks if block]


def _flat_text(element: etree._Element) -> str:
    """Text of a trafilatura element, nested lists left out (they give blocks of their own)."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag != "list":
            parts.append(_flat_text(child))
        parts.append(child.tail or "")
    return _flat_text_of("".join(parts))


def _flat_text_of(text: str | None) -> str:
    """Spaces collapsed, line breaks kept, blank lines dropped."""
    return "\n".join(" ".join(line.split()) for line in (text or "").split("\n") if line.strip())


def _without_title(blocks: list[str], title: str) -> list[str]:
    """Drop the headline where an extractor repeats it at the top of the text."""
    key = " ".join(title.split()).casefold()
    for index, block in enumerate(blocks[:3]):
        if key and " ".join(block.split()).casefold() == key:
            return blocks[:index] + blocks[index + 1 :]
    return blocks


# Metadata


def _meta_tags(root: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            found.setdefault(key, content)
    return found


def _linked_data(root: lxml.html.HtmlElement) -> list[dict]:
    """Every JSON-LD object on the page, @graph members included, in document order."""
    objects: list[dict] = []

    def collect(item: object, depth: int) -> None:
        if isinstance(item, list) and depth < 4:
            for member in item:
                collect(member, depth + 1)
        elif isinstance(item, dict):
            objects.append(item)
            collect(item.get("@graph"), depth + 1)

    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json":
            try:
                collect(json.loads(script.text or "", strict=False), 0)
            except (ValueError, RecursionError):
                continue
    return objects


def _ld_article(objects: list[dict]) -> dict:
    def types(obj: dict) -> str:
        kind = obj.get("@type", "")
        return " ".join(kind) if isinstance(kind, list) else str(kind)

    articles = [obj for obj in objects if re.search(r"article|posting|report", types(obj), re.I)]
    dated = [obj for obj in objects if obj.get("datePublished")]
    return (articles or dated or [{}])[0]


def _title(root: lxml.html.HtmlElement, meta: dict[str, str], site_name: str) -> str:
    heading = root.xpath("(//article//h1 | //*[@itemprop='articleBody']//h1 | //main//h1)[1]")
    document_title = root.find(".//title")
    for candidate in (
        meta.get("og:title", ""),
        heading[0].text_content() if heading else "",
        document_title.text_content() if document_title is not None else "",
    ):
        if title := " ".join(candidate.split()):
            return _without_site_name(title, site_name)
    return ""


def _without_site_name(title: str, site_name: str) -> str:
    if not site_name:
        return title
    name = re.escape(site_name)
    stripped = re.sub(rf"\s+(?:{TITLE_SEPARATORS})\s+{name}\s*$", "", title, flags=re.I)
    stripped = re.sub(rf"^\s*{name}\s+(?:{TITLE_SEPARATORS})\s+", "", stripped, flags=re.I)
    return stripped or title


def _author(root: lxml.html.HtmlElement, meta: dict[str, str], linked_data: list[dict]) -> str:
    candidates = [meta.get("author", ""), meta.get("article:author", ""), _ld_author(linked_data)]
    scope = "(//article | //*[contains(@class, 'byline')])"
    for element in root.xpath(
        f"{scope}//*[@rel='author' or @itemprop='author' or contains(@class, 'author')]"
    ):
        candidates.append(element.text_content())
    for candidate in candidates:
        name = re.sub(r"^by\s+", "", " ".join(candidate.split()), flags=re.I)
        if name and len(name) <= 100 and not re.match(r"https?://", name):
            return name
    return ""


def _ld_author(linked_data: list[dict]) -> str:
    by_id = {obj["@id"]: obj for obj in linked_data if isinstance(obj.get("@id"), str)}
    authors = _ld_article(linked_data).get("author") or []
    names = []
    for author in authors if isinstance(authors, list) else [authors]:
        if isinstance(author, dict):
            author = author if "name" in author else by_id.get(author.get("@id"), {})
            author = author.get("name", "")
        if isinstance(author, str) and author.strip():
            names.append(author.strip())
    return ", ".join(names)


def _published_at(
    root: lxml.html.HtmlElement, meta: dict[str, str], linked_data: list[dict]
) -> datetime | None:
    """The publication date the page states; modification dates are not publication dates."""
    candidates = [
        meta.get("article:published_time", ""),
        meta.get("og:published_time", ""),
        str(_ld_article(linked_data).get("datePublished") or ""),
        meta.get("datepublished", ""),
    ]
    candidates += root.xpath("//*[@itemprop='datePublished']/@datetime") + _byline_times(root)
    candidates += [meta.get(key, "") for key in ("pubdate", "publishdate", "publish-date", "date", "dc.date")]
    for candidate in candidates:
        if moment := _parse_datetime(candidate):
            return moment
    return None


def _byline_times(root: lxml.html.HtmlElement) -> list[str]:
    """<time datetime> in an article's byline (not in its prose, where times are the story's own)."""
    found = []
    for time in root.xpath("//article//time[@datetime]"):
        markers = []
        for element in [time, *time.iterancestors()]:
            if element.tag == "article":
                break
            markers.append(f"{element.get('class', '')} {element.get('id', '')}")
        if time.get("pubdate") is not None or BYLINE_MARKER.search(" ".join(markers)):
            found.append(time.get("datetime"))
    return found


def _parse_datetime(value: str) -> datetime | None:
    """ISO 8601 or RFC 2822 to aware UTC. Caveat: a time without an offset is taken as UTC."""
    value = re.sub(r"(\.\d{6})\d+", r"\1", value.strip())
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    if not 1990 <= moment.year <= 2100:
        return None
    return moment.replace(tzinfo=moment.tzinfo or UTC).astimezone(UTC)


def _canonical_url(root: lxml.html.HtmlElement, meta: dict[str, str], url: str) -> str:
    links = [
        link.get("href", "")
        for link in root.iter("link")
        if "canonical" in link.get("rel", "").lower().split()
    ]
    for candidate in [*links, meta.get("og:url", "")]:
        if candidate.strip():
            absolute = urljoin(url, candidate.strip())
            if urlsplit(absolute).scheme in ("http", "https"):
                return absolute
    return ""
