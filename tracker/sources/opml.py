"""OPML subscription lists: read the feeds out of one, write one from ours. Pure: bytes in, bytes out.

OPML comes from other people's feed readers, so it is parsed defensively: a document with a DOCTYPE
is refused outright (OPML never needs one, and DTDs are where entity expansion and external-entity
attacks live), and the parser neither resolves entities nor touches the network.
Cases travel in the OPML 2.0 `category` attribute as "/cases/<slug>", so an export re-imports with
its feeds attached to the same cases; a feed's kind other than news travels as `feedKind="docket"`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime

from lxml import etree

CASE_CATEGORY_PREFIX = "/cases/"
MAX_OPML_BYTES = 10 * 1024 * 1024


class OPMLError(ValueError):
    """The bytes are not a usable OPML document; str() is a one-line reason."""


@dataclass(frozen=True)
class Subscription:
    """One feed of an OPML list."""

    xml_url: str
    title: str = ""
    html_url: str = ""
    case_slugs: tuple[str, ...] = field(default=())
    kind: str = ""  # "" is news; "docket" for a court record feed (the `feedKind` attribute)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )


def parse_opml(content: bytes) -> list[Subscription]:
    """Every outline with an xmlUrl, nested outlines included, in document order; a URL listed twice
    comes back once. Raises OPMLError for anything that is not a well-formed OPML document."""
    if len(content) > MAX_OPML_BYTES:
        raise OPMLError(f"the file is larger than {MAX_OPML_BYTES // (1024 * 1024)} MB")
    if b"<!DOCTYPE" in content.upper():
        raise OPMLError("OPML with a DOCTYPE is refused (entities are not allowed)")
    try:
        root = etree.fromstring(content, parser=_parser())
    except etree.XMLSyntaxError as exc:
        raise OPMLError(f"not well-formed XML: {exc}") from exc
    if root.getroottree().docinfo.doctype:  # a DOCTYPE the byte check missed (another encoding)
        raise OPMLError("OPML with a DOCTYPE is refused (entities are not allowed)")
    if _local(root) != "opml":
        raise OPMLError("not an OPML document (the root element is not <opml>)")
    body = next((child for child in root if _local(child) == "body"), None)
    if body is None:
        raise OPMLError("the OPML document has no <body>")
    found: dict[str, Subscription] = {}
    for outline in body.iter():
        if _local(outline) != "outline":
            continue
        attrs = {name.lower(): (value or "").strip() for name, value in outline.attrib.items()}
        url = attrs.get("xmlurl", "")
        if not url or url in found:
            continue
        found[url] = Subscription(
            xml_url=url,
            title=attrs.get("title") or attrs.get("text", ""),
            html_url=attrs.get("htmlurl", ""),
            case_slugs=_case_slugs(attrs.get("category", "")),
            kind=attrs.get("feedkind", "").lower(),
        )
    return list(found.values())


def _local(element) -> str:
    return etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""


def _case_slugs(category: str) -> tuple[str, ...]:
    slugs = []
    for part in category.split(","):
        part = part.strip()
        if part.startswith(CASE_CATEGORY_PREFIX) and part[len(CASE_CATEGORY_PREFIX) :].strip("/"):
            slugs.append(part[len(CASE_CATEGORY_PREFIX) :].strip("/"))
    return tuple(slugs)


def write_opml(subscriptions: Iterable[Subscription], *, title: str, created: datetime) -> bytes:
    """An OPML 2.0 document listing `subscriptions`, UTF-8 encoded with an XML declaration."""
    root = etree.Element("opml", version="2.0")
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "title").text = title
    etree.SubElement(head, "dateCreated").text = format_datetime(created, usegmt=True)
    body = etree.SubElement(root, "body")
    for sub in subscriptions:
        label = sub.title or sub.xml_url
        outline = etree.SubElement(body, "outline", type="rss", text=label, title=label, xmlUrl=sub.xml_url)
        if sub.html_url:
            outline.set("htmlUrl", sub.html_url)
        if sub.kind:
            outline.set("feedKind", sub.kind)
        if sub.case_slugs:
            outline.set("category", ",".join(CASE_CATEGORY_PREFIX + slug for slug in sub.case_slugs))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
