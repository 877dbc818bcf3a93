"""A page's HTML as a tree and as plain text: charset decoding, parsing, boilerplate removal, and our
own article extractor. Shared by `pages` (main text) and `credits` (credit lines); no ORM, no network.
"""

from __future__ import annotations

import codecs
import copy
import re

import lxml.html
from lxml import etree

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
BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "tfoot", "thead", "tr", "ul",
})  # fmt: skip
WINDOWS_1252_ALIASES = frozenset({"ascii", "latin_1", "iso8859-1"})  # as browsers decode them (WHATWG)

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


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


def parse_html(markup: str) -> lxml.html.HtmlElement | None:
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


def article_blocks(root: lxml.html.HtmlElement) -> list[str]:
    """Our fallback: the article-like element of a page stripped of boilerplate, as text blocks."""
    tree = without_boilerplate(copy.deepcopy(root), BOILERPLATE_TAGS)
    specific = [el for el in tree.iter() if _is_article_body(el)]
    for candidates in (specific, list(tree.iter("article"))):
        best = max(candidates, key=_text_length, default=None)
        if best is not None and _text_length(best):  # (an element's truth is whether it has children)
            return text_blocks(best)
    weights: dict[etree._Element, int] = {}
    for paragraph in tree.iter("p"):
        parent = paragraph.getparent()
        weights[parent] = weights.get(parent, 0) + _text_length(paragraph)
    return text_blocks(max(weights, key=weights.__getitem__)) if weights else []


def _is_article_body(element: etree._Element) -> bool:
    return isinstance(element.tag, str) and (
        element.get("itemprop") == "articleBody" or bool(BODY_MARKER.search(element.get("class", "")))
    )


def _text_length(element: etree._Element) -> int:
    return len(" ".join(element.text_content().split()))


def without_boilerplate(root: lxml.html.HtmlElement, tags: tuple[str, ...]) -> lxml.html.HtmlElement:
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


def text_blocks(root: etree._Element) -> list[str]:
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
