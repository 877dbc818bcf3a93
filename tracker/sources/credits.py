"""Credited sources: the outlet a page says it republishes, from the page's own words; no ORM, no network."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from urllib.parse import urlsplit

import lxml.html

from tracker.sources import markup

CREDIT_HEADING = re.compile(r"^(?:original\s+)?(?:sources?|via)\s*:?$", re.I)
CREDIT_LINE = re.compile(r"^(?:original\s+)?sources?\s*:\s*(?P<name>.+)$", re.I)
CREDIT_SENTENCE = re.compile(
    r"^(?:(?:a version of )?(?:this (?:article|story|post|piece|report|column) )?(?:(?:was|is|has been) )?"
    r"(?:first|originally) (?:published|appeared|posted|ran)(?: online)?|republished(?: with permission)?)"
    r" (?:by|on|at|in|from) (?P<name>.+)$",
    re.I,
)
# In the lede: "According to late-breaking reports from TechCrunch, ...", "... as first reported by X",
# "X first reported ...": the article retells another outlet's reporting. A bare "according to X" is a
# source of a claim, not a credit.
CREDIT_REPORTS = re.compile(
    r"\b(?:[Aa]ccording to (?:[\w-]+ ){0,3}reports? (?:from|by|in)|(?:first|originally) reported by)"
    r" (?P<name>[A-Z][^,.;:()]{1,60})"
    r"|(?:^|[.!?]\s+)(?P<first>[A-Z][\w&'’ .-]{1,60}?) (?:first|originally) reported\b"
)
LEDE_BLOCKS = 2  # where a retelling credits its source: the first paragraphs (not titles, bylines)
PARAGRAPH_WORDS = 12
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
_LOOKS_LIKE_HTML = re.compile(
    r"<(?:!doctype|html|head|body|div|p|article|section|h[1-6]|ul|ol|li|span|a)\b", re.I
)


def find_credited_source(html_or_text: str) -> str:
    """The outlet a page credits for its reporting ("Sources: TechCrunch AI"), or "".

    Only explicit credits count: a Source(s) heading or line, "originally published by/on X",
    "this article first appeared in X", "(via X)" closing the text, and in the lede "according to
    reports from X" or "X first reported". A bare in-text attribution ("According to TechCrunch,
    ...") is the source of a claim, not a credit, and is ignored.
    """
    if _LOOKS_LIKE_HTML.search(html_or_text):
        root = markup.parse_html(html_or_text)
        if root is None:
            return ""
        return page_credit(root, markup.article_blocks(root))
    lines = [line.strip() for line in html_or_text.splitlines() if line.strip()]
    return _credit(lines, lines)


def page_credit(root: lxml.html.HtmlElement, article_blocks: list[str]) -> str:
    """The credit of a parsed page, "(via X)" looked for at the end of `article_blocks`."""
    return _credit(_page_blocks(root), article_blocks)


def _page_blocks(root: lxml.html.HtmlElement) -> list[str]:
    tree = copy.deepcopy(root)
    for chrome in tree.xpath("//footer[not(ancestor::article)] | //header[not(ancestor::article)]"):
        chrome.drop_tree()
    return markup.text_blocks(markup.without_boilerplate(tree, CREDIT_SKIPPED_TAGS))


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
    for block in [b for b in article_blocks if len(b.split()) >= PARAGRAPH_WORDS][:LEDE_BLOCKS]:
        if match := CREDIT_REPORTS.search(block[:600]):
            raw = match.group("name") or match.group("first")
            if name := _credited_name(_NAME_END.split(raw, maxsplit=1)[0]):
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


Origin = tuple[str, object]  # ("outlet", outlet id) or ("credit", normalised credited name)
_CREDIT_PREFIX = re.compile(
    r"^(?:sources?|via|from|credit|courtesy of|reporting by|originally published (?:by|on|in|at))\s*:?\s*",
    re.IGNORECASE,
)
MIN_NAME = 3  # a contained name shorter than this ("ai") names nothing


def normalise_name(name: str) -> str:
    """An outlet's or a credit's name for comparison: lower case, words only, no "Sources:" or "The"."""
    words = re.findall(r"[a-z0-9]+", _CREDIT_PREFIX.sub("", name.strip()).lower())
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _contains(longer: str, shorter: str) -> bool:
    return bool(shorter) and f" {shorter} " in f" {longer} "


def names_one_outlet(credit: str, name: str) -> bool:
    """The one rule by which two normalised names are the same outlet, short of equality: one contains
    the other as whole words, the contained `name` at least MIN_NAME long ("techcrunch ai" names
    "techcrunch")."""
    return len(name) >= MIN_NAME and (_contains(credit, name) or _contains(name, credit))


def match_outlet(credited: str, outlets: Iterable[tuple[int, str, str]]) -> int | None:
    """The stored outlet a credit names, from (id, name, domain) rows: an exact name or domain first,
    else a name contained in the credit or the credit in a name (`names_one_outlet`); the longest
    such name wins. None when none does."""
    wanted = normalise_name(credited)
    if not wanted:
        return None
    best: tuple[int, int, int] | None = None  # (exact, length, -id)
    for pk, name, domain in outlets:
        name_n, domain_n = normalise_name(name), normalise_name(domain)
        label = domain_n.rsplit(" ", 1)[0] if " " in domain_n else domain_n
        if wanted in (name_n, domain_n, label):
            rank = (1, len(name_n), -pk)
        elif names_one_outlet(wanted, name_n):
            rank = (0, len(name_n), -pk)
        else:
            continue
        best = max(best or rank, rank)
    return -best[2] if best else None


def credit_origins(credits: Iterable[str], outlets: Iterable[tuple[int, str, str]]) -> dict[str, Origin]:
    """Where each credit's reporting comes from: ("outlet", id) of the stored outlet it names
    (`match_outlet`), else ("credit", name): credits naming no stored outlet are joined by the same
    rule (`names_one_outlet`, through any chain of them) and go by the shortest name of their group,
    so "TechCrunch AI" and "Sources: TechCrunch" are one origin, "techcrunch". Credits with no name
    are left out."""
    outlets = list(outlets)
    found: dict[str, Origin] = {}
    loose: dict[str, str] = {}  # credit -> its normalised name, for credits naming no stored outlet
    for credit in credits:
        if (pk := match_outlet(credit, outlets)) is not None:
            found[credit] = ("outlet", pk)
        elif name := normalise_name(credit):
            loose[credit] = name
    group = {name: name for name in loose.values()}  # a name -> its group's shortest name

    def head(name: str) -> str:
        while group[name] != name:
            name = group[name]
        return name

    names = sorted(group, key=lambda n: (len(n), n))
    for i, shorter in enumerate(names):
        for longer in names[i + 1 :]:
            if names_one_outlet(longer, shorter):
                a, b = sorted((head(shorter), head(longer)), key=lambda n: (len(n), n))
                group[b] = a
    found |= {credit: ("credit", head(name)) for credit, name in loose.items()}
    return found
