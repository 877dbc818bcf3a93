"""An article page's main text and metadata: bytes in, a frozen Page out; no ORM, no network.

The text comes from trafilatura; when it finds too little (a short piece drowned in boilerplate,
link-dense paragraphs it distrusts) our own lxml extractor reads the article element instead.
Metadata is read by us, deterministically, from the page's own tags only: nothing is guessed, so a
page that states no date has none.
"""

from __future__ import annotations

import codecs
import copy
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import lxml.html
import trafilatura
from lxml import etree

MIN_CHARS = 200  # below either bound an extractor "found too little"
MIN_WORDS = 40

# Dropped before our own extractor reads a page (figcaptions too: captions are not the story).
BOILERPLATE_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "nav", "aside",
    "footer", "header", "form", "button", "select", "textarea", "dialog", "figcaption",
)  # fmt: skip
BOILERPLATE_MARKER = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|banner|related|trending|newsletters?|share|sharing|social"
    r"|comments?|promo|subscribe|paywall|popup|modal|breadcrumbs?|sidebar|byline|kicker|tags|advert|ads?)(?:$|[\s_-])",
    re.IGNORECASE,
)
NEVER_DROPPED = frozenset({"html", "body", "main", "article"})
BODY_MARKER = re.compile(
    r"article[-_]*body|articlebody|article[-_]content|post[-_]content|entry[-_]content|story[-_]body",
    re.IGNORECASE,
)
BYLINE_MARKER = re.compile(
    r"(?:^|[\s_-])(?:byline|dateline|meta|published|posted|timestamp|date|pubdate)(?:$|[\s_-])", re.I
)
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul",
})  # fmt: skip
TITLE_SEPARATORS = r"\||-|–|—|·|::|«|»|:"
WINDOWS_1252_ALIASES = frozenset({"ascii", "latin_1", "iso8859-1"})  # as browsers decode them (WHATWG)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:!doctype|html|head|body|div|p|article|section|h[1-6]|ul|ol|li|span|a)\b", re.I
)


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


def extract_page(html: bytes | str, *, url: str, content_type: str = "") -> Page:
    """Read one fetched page. Never raises on bad markup: an unreadable page gives an empty Page."""
    markup = decode_html(html, content_type=content_type)
    root = _parse(markup)
    if root is None:
        return Page("", "", "", None, "", "", "", "", "")
    meta, linked_data = _meta_tags(root), _linked_data(root)
    site_name = meta.get("og:site_name") or meta.get("application-name", "")
    title = _title(root, meta, site_name)
    text, extractor = _main_text(markup, root, url=url, title=title)
    return Page(
        text=text,
        title=title,
        author=_author(root, meta, linked_data),
        published_at=_published_at(root, meta, linked_data),
        canonical_url=_canonical_url(root, meta, url),
        site_name=site_name,
        description=meta.get("og:description") or meta.get("description", ""),
        credited_source=_credit(_page_blocks(root), text.split("\n\n")),
        extractor=extractor,
    )


def find_credited_source(html_or_text: str) -> str:
    """The outlet a page credits for its reporting ("Sources: TechCrunch AI"), or "".

    Only explicit credits count: a Source(s) heading or line, "originally published by/on X",
    "this article first appeared in X", or "(via X)" closing the text. In-text attribution
    ("According to TechCrunch, ...") is reporting, not a credit, and is ignored.
    """
    if _LOOKS_LIKE_HTML.search(html_or_text):
        root = _parse(html_or_text)
        if root is None:
            return ""
        return _credit(_page_blocks(root), _article_blocks(root))
    lines = [line.strip() for line in html_or_text.splitlines() if line.strip()]
    return _credit(lines, lines)


def decode_html(html: bytes | str, *, content_type: str = "") -> str:
    """Bytes to text: the HTTP charset, else the page's <meta> charset, else UTF-8 (bad bytes replaced)."""
    if isinstance(html, str):
        return html
    if html.startswith(codecs.BOM_UTF8):
        return html[len(codecs.BOM_UTF8) :].decode("utf-8", "replace")
    header = _HEADER_CHARSET.search(content_type or "")
    in_page = _META_CHARSET.search(html[:4096])
    for label in (header and header.group(1), in_page and in_page.group(1).decode("ascii")):
        if encoding := _codec(label):
            return html.decode(encoding, "replace")
    return html.decode("utf-8", "replace")


def _codec(label: str | None) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name in WINDOWS_1252_ALIASES else name


def _parse(markup: str) -> lxml.html.HtmlElement | None:
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return None
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None
    for node in root.xpath("//comment() | //processing-instruction()"):
        node.drop_tree()  # keeps the node's tail text
    return root


# Main text


def _main_text(markup: str, root: lxml.html.HtmlElement, *, url: str, title: str) -> tuple[str, str]:
    blocks = _without_title(_trafilatura_blocks(markup, url), title)
    if _enough(blocks):
        return "\n\n".join(blocks), "trafilatura"
    blocks = _without_title(_article_blocks(root), title)
    if _enough(blocks):
        return "\n\n".join(blocks), "article"
    return "", ""


def _enough(blocks: list[str]) -> bool:
    text = " ".join(blocks)
    return len(text) >= MIN_CHARS and len(text.split()) >= MIN_WORDS


def _trafilatura_blocks(markup: str, url: str) -> list[str]:
    try:
        document = trafilatura.bare_extraction(
            markup, url=url or None, fast=True, favor_precision=True, include_comments=False,
            include_tables=True, with_metadata=False,
        )  # fmt: skip
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


def _article_blocks(root: lxml.html.HtmlElement) -> list[str]:
    """Our fallback: the article-like element of a page stripped of boilerplate, as text blocks."""
    tree = _without_boilerplate(copy.deepcopy(root), BOILERPLATE_TAGS)
    specific = [el for el in tree.iter() if _is_article_body(el)]
    for candidates in (specific, list(tree.iter("article"))):
        best = max(candidates, key=_text_length, default=None)
        if best is not None and _text_length(best):  # (an element's truth is whether it has children)
            return _text_blocks(best)
    weights: dict[etree._Element, int] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        weights[parent] = weights.get(parent, 0) + _text_length(paragraph)
    return _text_blocks(max(weights, key=weights.__getitem__)) if weights else []


def _is_article_body(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and (
        element.get("itemprop") == "articleBody" or bool(BODY_MARKER.search(element.get("class", "")))
    )


def _text_length(element: etree._Element) -> int:
    return len(" ".join(element.text_content().split()))


def _without_boilerplate(root: lxml.html.HtmlElement, tags: tuple[str, ...]) -> lxml.html.HtmlElement:
    for element in list(root.iter(*tags)):
        wrapper = element.tag in ("header", "footer") and _holds_article(element)  # a page built oddly
        if element.getparent() is not None and not wrapper:
            element.drop_tree()
    for element in list(root.iter()):
        if not isinstance(element.tag, str) or element.tag in NEVER_DROPPED or element.getparent() is None:
            continue
        marker = f"{element.get('class', '')} {element.get('id', '')}"
        hidden = element.get("hidden") is not None or element.get("aria-hidden") == "true"
        hidden = hidden or "display:none" in element.get("style", "").replace(" ", "")
        if (hidden or BOILERPLATE_MARKER.search(marker)) and not _holds_article(element):
            element.drop_tree()
    return root


def _holds_article(element: etree._Element) -> bool:
    return element.get("itemprop") == "articleBody" or next(element.iter("article"), None) is not None


def _text_blocks(root: etree._Element) -> list[str]:
    """Plain text blocks in reading order: a break at every block element, <pre> kept verbatim."""
    blocks: list[str] = []
    inline: list[str] = []

    def flush() -> None:
        if text := " ".join("".join(inline).split()):
            blocks.append(text)
        inline.clear()

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        if event == "start":
            if element.tag in BLOCK_TAGS:
                flush()
            if element.tag == "pre":
                blocks.append(element.text_content().strip("\n").rstrip())
                walker.skip_subtree()
            else:
                inline.append(" " if element.tag in ("td", "th") else "")
                inline.append(element.text or "")
        else:
            if element.tag in BLOCK_TAGS:
                flush()
            if element is not root:
                inline.append(element.tail or "")
    flush()
    return [block for block in blocks if block]


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


# Credit


CREDIT_HEADING = re.compile(r"^(?:original\s+)?(?:sources?|via)\s*:?$", re.I)
CREDIT_LINE = re.compile(r"^(?:original\s+)?sources?\s*:\s*(?P<name>.+)$", re.I)
CREDIT_SENTENCE = re.compile(
    r"^(?:(?:a version of )?(?:this (?:article|story|post|piece|report|column) )?(?:(?:was|is|has been) )?"
    r"(?:first|originally) (?:published|appeared|posted|ran)(?: online)?|republished(?: with permission)?)"
    r" (?:by|on|at|in|from) (?P<name>.+)$",
    re.I,
)
CREDIT_VIA = re.compile(r"[(\[]\s*via:?\s+(?P<name>[^()\[\]]{2,80})[)\]]\s*\.?\s*$", re.I)
_NAME_END = re.compile(r"[.;!?](?:\s|$)|,\s|\s[(\[]|\s(?:on|and|under|as|with|where|for)\s")
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[-–—•*·▪◦])\s+")
# Separators between a credited name and its date, with their usual mojibake ("ยท" is a mis-decoded "·").
_NAME_SEPARATOR = re.compile(r"\s+(?:[·•|/–—-]|Â·|ยท|â€¢|â€”|â€“)(?:\s+|$)|,\s+")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_TRAILING_DATE = re.compile(
    rf"\s*(?:\d{{4}}-\d{{2}}-\d{{2}}(?:[T ][\d:.+Z-]*)?|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}})"
    rf"(?:,?\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s*(?:[ap]\.?m\.?)?)?\s*$",
    re.I,
)
# Where credits are looked for: the page without scripts, navigation, captions, tables and site chrome.
CREDIT_SKIPPED_TAGS = (
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "aside", "form", "button",
    "figure", "figcaption", "table", "select", "textarea",
)  # fmt: skip


def _page_blocks(root: lxml.html.HtmlElement) -> list[str]:
    tree = copy.deepcopy(root)
    for chrome in tree.xpath("//footer[not(ancestor::article)] | //header[not(ancestor::article)]"):
        chrome.drop_tree()
    return _text_blocks(_without_boilerplate(tree, CREDIT_SKIPPED_TAGS))


def _credit(blocks: list[str], article_blocks: list[str]) -> str:
    """Explicit credits in priority order; "(via X)" only where it closes the article text."""
    for index, block in enumerate(blocks[:-1]):
        if CREDIT_HEADING.match(block) and (name := _credited_name(blocks[index + 1])):
            return name
    for pattern in (CREDIT_LINE, CREDIT_SENTENCE):
        for block in blocks:
            match = pattern.match(block) if len(block) <= 300 else None
            if match and (name := _credited_name(_NAME_END.split(match.group("name"), maxsplit=1)[0])):
                return name
    last = next((block for block in reversed(article_blocks) if block.strip()), "")
    if match := CREDIT_VIA.search(last):
        return _credited_name(match.group("name"))
    return ""


def _credited_name(raw: str) -> str:
    """An outlet's name from a credit line: list markers, dates and separators removed; "" if implausible."""
    name = _NAME_SEPARATOR.split(_LIST_MARKER.sub("", raw.strip()), maxsplit=1)[0]
    while (shorter := _TRAILING_DATE.sub("", name)) != name:
        name = shorter
    name = name.strip(" \t\"'“”‘’.,;:|·-–—")
    if re.match(r"https?://", name):
        name = re.sub(r"^www\.", "", urlsplit(name).hostname or "")
    if not name or len(name) > 80 or len(name.split()) > 8 or not re.search(r"[^\W\d_]", name):
        return ""
    if name[0].islower() and not re.fullmatch(r"[\w-]+(?:\.[\w-]+)+", name):
        return ""
    return name
