"""Untrusted markup made safe: feed and page HTML to store and show, and XML prologs to parse.

Pure functions, no Django: `clean_html` is the one HTML sanitiser (nh3, an allow-list suited to news
articles); `html_to_text` gives the text the nlp pipeline reads, with paragraph breaks kept;
`defuse_doctype` removes entity declarations from XML before any parser sees it.
"""

from __future__ import annotations

import dataclasses
import html as htmllib
import re
from typing import TypeVar

import nh3
from lxml import etree
from lxml import html as lxml_html

T = TypeVar("T")

# Block containers (div, section, h1 ...) are allowed without attributes: unwrapped, the texts of
# neighbouring blocks would run together ("Title</h1><div>Byline" -> "TitleByline").
ALLOWED_TAGS = frozenset(
    {
        "h1", "div", "section", "article", "header", "footer", "aside", "details", "summary", "address",
        "p", "br", "hr", "a", "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small",
        "mark", "abbr", "cite", "time", "q", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
        "h2", "h3", "h4", "h5", "h6", "pre", "code", "kbd", "samp",
        "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
        "figure", "figcaption", "img",
    }
)  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "time": {"datetime"},
    "blockquote": {"cite"},
    "q": {"cite"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"
# Removed with everything inside them; other unknown tags are unwrapped and their text kept.
DROPPED_WITH_CONTENT = frozenset(
    {"script", "style", "template", "iframe", "object", "embed", "svg", "math", "noscript"}
)

# Elements whose text is not prose, and elements that end a paragraph in plain text.
_SKIPPED = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "math", "select"})
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "html", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul",
    }
)  # fmt: skip
_PARAGRAPH, _LINE = "\x01", "\x02"  # markers; control characters are removed from the input first
# C0 controls but tab and line breaks, DEL, C1 controls (U+009B is a terminal's CSI), lone surrogates
# (unencodable: a 500 from any page or database that meets one) and the two non-characters XML forbids.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")
_SKIPPED_OPEN = re.compile(r"<(script|style)\b", re.I)
_SKIPPED_CLOSE = {name: re.compile(rf"</{name}\b", re.I) for name in ("script", "style")}


def strip_controls(text: str) -> str:
    """`text` without control characters (tab and line breaks stay): what a feed or page says may
    reach XML (Atom feeds), terminals (command output), and every page; none of them wants these."""
    return _CONTROL.sub("", text) if text else text


def without_controls(record: T) -> T:
    """A copy of a dataclass with `strip_controls` applied to every string field."""
    changes = {
        f.name: strip_controls(value)
        for f in dataclasses.fields(record)
        if isinstance(value := getattr(record, f.name), str) and _CONTROL.search(value)
    }
    return dataclasses.replace(record, **changes) if changes else record


def clean_html(html: str) -> str:
    """Sanitise an HTML fragment for storage and display.

    Keeps an article's structure (paragraphs, links, lists, quotes, tables, figures); drops scripts,
    styles, event-handler attributes, and links or images whose scheme is not http(s)/mailto. Links get
    `rel="noopener noreferrer nofollow"`. Relative URLs are left as they are: resolve them first.
    """
    if not html:
        return ""
    return nh3.clean(
        _CONTROL.sub("", html),
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        strip_comments=True,
    ).strip()


def html_to_text(html: str) -> str:
    """Plain text of an HTML fragment: paragraphs separated by a blank line, whitespace collapsed.

    Entities are decoded; script and style contents are not text. Robust to fragments and garbage:
    when lxml cannot parse the input at all, tags are stripped with a regular expression instead.
    """
    html = _CONTROL.sub("", html or "")
    if not html.strip():
        return ""
    try:
        text = _layout("".join(_text_pieces(lxml_html.fragment_fromstring(html, create_parent="div"))))
    except (etree.LxmlError, ValueError):
        text = ""
    # libxml2 gives up on some garbage (nesting deeper than 255, for one) and returns nothing.
    return text or _layout("".join(_fallback_pieces(html)))


def _text_pieces(root: lxml_html.HtmlElement) -> list[str]:
    """Text and break markers in document order, without recursion (deeply nested garbage exists)."""
    pieces: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    for event, element in walker:
        if event in ("comment", "pi"):
            pieces.append(element.tail or "")
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _SKIPPED:
                walker.skip_subtree()
                continue
            if tag in _BLOCKS:
                pieces.append(_PARAGRAPH)
            elif tag == "br":
                pieces.append(_LINE)
            if element.text:
                pieces.append(element.text)
        else:
            if tag in _BLOCKS:
                pieces.append(_PARAGRAPH)
            if element.tail and element is not root:
                pieces.append(element.tail)
    return pieces


def _fallback_pieces(html: str) -> list[str]:
    """Text between tags, every tag taken as a paragraph break: crude, for what lxml cannot read.

    One pass, each character looked at a bounded number of times, however the markup is broken: an
    unclosed comment, script or style runs to the end (as in a browser), and once a `<` has no `>`
    after it, no later one has either, so the rest is text. (Regexes here were quadratic on thousands
    of unclosed `<!--` or `<a`.)"""
    pieces: list[str] = []
    position = 0
    while (start := html.find("<", position)) >= 0:
        pieces.append(htmllib.unescape(html[position:start]))
        if html.startswith("<!--", start):
            end = html.find("-->", start + 4)
            end = end + 3 if end >= 0 else len(html)
        elif (skipped := _SKIPPED_OPEN.match(html, start)) is not None:
            close = _SKIPPED_CLOSE[skipped.group(1).lower()].search(html, skipped.end())
            end = (html.find(">", close.end()) + 1 if close else 0) or len(html)
        else:
            end = html.find(">", start) + 1
            if not end:  # no tag closes from here on: the rest is text
                pieces.append(htmllib.unescape(html[start:]))
                return pieces
        pieces.append(_PARAGRAPH)
        position = end
    pieces.append(htmllib.unescape(html[position:]))
    return pieces


def _layout(marked: str) -> str:
    """Collapse whitespace and turn break markers into newlines."""
    paragraphs = []
    for block in marked.split(_PARAGRAPH):
        lines = [_SPACES.sub(" ", line).strip() for line in block.split(_LINE)]
        text = "\n".join(line for line in lines if line)
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


_WIDE_ENCODINGS = (  # (leading bytes, codec, BOM length): UTF-32 before UTF-16, whose BOMs overlap
    (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\x00\x00\xfe\xff", "utf-32-be", 4),
    (b"\xff\xfe", "utf-16-le", 2),
    (b"\xfe\xff", "utf-16-be", 2),
    (b"<\x00\x00\x00", "utf-32-le", 0),
    (b"\x00\x00\x00<", "utf-32-be", 0),
    (b"<\x00", "utf-16-le", 0),
    (b"\x00<", "utf-16-be", 0),
)
_PROLOG_TOKEN = re.compile(rb"<(!--|\?|!doctype\b|!entity\b|[A-Za-z_:\x80-\xff])", re.I)
_DOCTYPE_HEAD = re.compile(rb"""<!doctype(?:[^\["'>]++|"[^"]*+"|'[^']*+')*+([\[>])""", re.I)
_SUBSET_TAIL = re.compile(rb"""(?:[^\]"'<]++|"[^"]*+"|'[^']*+'|<!--.*?-->|<(?!!--))*+\]\s*>""", re.S)
_DECLARATION_TAIL = re.compile(rb"""(?:[^"'>]++|"[^"]*+"|'[^']*+')*+>""")
_LOOSE_TAIL = re.compile(rb"\]\s*>")
_ENTITY = re.compile(rb"<!entity\b", re.I)
_LOOSE_DECLARATION = re.compile(rb"<!entity\b[^>]*>?", re.I)
_FIRST_ELEMENT = re.compile(rb"<\w")


def wide_encoding(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 variant an XML document starts in (by BOM or by its first "<"), if any."""
    return next((codec for start, codec, _ in _WIDE_ENCODINGS if data.startswith(start)), None)


def defuse_doctype(data: bytes) -> tuple[bytes, bool]:
    """Remove entity declarations from a document's prolog; returns (bytes, whether anything was removed).

    A DOCTYPE whose internal subset declares an ENTITY loses the whole subset (its name and external id
    stay, so feedparser still recognises e.g. Netscape RSS 0.91); a stray <!ENTITY> before the root
    element goes too, as does any that feedparser's own prolog regex would pick up (it ignores comments).
    Works on the bytes of any ASCII-compatible encoding; UTF-16 and UTF-32 are decoded first and encoded
    back the same way. A document without entity declarations is returned as it came.
    """
    for start, codec, bom_length in _WIDE_ENCODINGS:
        if data.startswith(start):
            defused, changed = _defuse_ascii(data[bom_length:].decode(codec, "replace").encode("utf-8"))
            if not changed:
                return data, False
            return data[:bom_length] + defused.decode("utf-8").encode(codec), True
    return _defuse_ascii(data)


def _defuse_ascii(data: bytes) -> tuple[bytes, bool]:
    pieces: list[bytes] = []  # built once: stray declarations by the thousand must not copy the document each
    kept_from = position = 0
    while match := _PROLOG_TOKEN.search(data, position):
        kind = match.group(1).lower()
        if kind in (b"!--", b"?"):
            end = data.find(b"-->" if kind == b"!--" else b"?>", match.end())
            if end < 0:
                break
            position = end + (3 if kind == b"!--" else 2)
        elif kind == b"!entity":
            tail = _DECLARATION_TAIL.match(data, match.end())
            position = tail.end() if tail else len(data)
            pieces.append(data[kept_from : match.start()])
            kept_from = position
        elif kind == b"!doctype":
            head = _DOCTYPE_HEAD.match(data, match.start())
            if not head:  # unterminated: nothing after it can be parsed
                break
            position = head.end()
            if head.group(1) == b"[":
                tail = _SUBSET_TAIL.match(data, position) or _LOOSE_TAIL.search(data, position)
                position = tail.end() if tail else len(data)
                if _ENTITY.search(data, head.end(), position):
                    pieces += [data[kept_from : head.start(1)].rstrip(), b">"]
                    kept_from = position
        else:  # the root element: the prolog is over
            break
    if pieces:
        data = b"".join([*pieces, data[kept_from:]])
    # feedparser collects declarations from everything before the first "<" + letter, comments included.
    first = _FIRST_ELEMENT.search(data)
    head_end = first.start() if first else len(data)
    if not _ENTITY.search(data, 0, head_end):
        return data, bool(pieces)
    return _LOOSE_DECLARATION.sub(b"", data[:head_end]) + data[head_end:], True
