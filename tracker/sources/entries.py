"""One feed item read from feedparser's dict into an `Entry`: plain-text title, sanitised HTML (nh3),
absolute http(s) link, aware UTC dates, no control characters. Pure: no ORM, no network."""

from __future__ import annotations

import calendar
import hashlib
import html
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import Any
from urllib.parse import urljoin, urlsplit

from tracker.sources.sanitising import clean_html, html_to_text, without_controls

GUID_MAX_CHARS = 1000  # ArticleFeed.guid; longer ids are replaced by a hash of themselves
FULL_TEXT_WORDS = 150  # content at least this long is taken as the article's full text
MIN_YEAR, MAX_YEAR = 1900, 2100  # dates outside are garbage (epoch zero is not a publication date)

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TITLE_SEPARATORS = (" - ", " | ", " – ", " — ")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Entry:
    """One feed item, normalised: plain-text title, sanitised HTML, absolute link, aware UTC dates."""

    guid: str
    link: str
    title: str
    summary_html: str
    content_html: str
    published_at: datetime | None
    updated_at: datetime | None
    author: str
    source_name: str
    source_url: str
    truncated: bool = False  # the HTML was cut to a bound before storing (`storing.bounded_entry`)

    @cached_property
    def text(self) -> str:
        """Plain text of the fullest HTML the feed gave: content when present, else the summary."""
        return html_to_text(self.content_html or self.summary_html)

    @cached_property
    def has_full_text(self) -> bool:
        """Whether the feed carries the article itself, so that fetching the page can be skipped.

        True when the content is long (FULL_TEXT_WORDS) or clearly longer than the summary; a
        summary-only feed is never full text, however long its summaries.
        """
        if not self.content_html:
            return False
        words = len(self.text.split())  # the content's text (`text` reads the content when there is one)
        summary_words = len(html_to_text(self.summary_html).split())
        return words >= FULL_TEXT_WORDS or (words >= 2 * summary_words and words - summary_words >= 50)


def parse_date(value: Any) -> datetime | None:
    """A feedparser `*_parsed` struct_time (taken as UTC) -> aware UTC datetime; None for garbage."""
    if value is None:
        return None
    try:
        fields = tuple(value)[:6]
        if len(fields) < 6 or not MIN_YEAR <= int(fields[0]) <= MAX_YEAR:
            return None
        return datetime.fromtimestamp(calendar.timegm(fields), tz=UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def read_entry(raw: Mapping, base: str, dc_date_is_published: bool) -> Entry:
    """An Entry from one of feedparser's entries; `base` resolves relative links."""
    source = raw.get("source") or {}
    source_name = plain_text(source.get("title", ""))
    title = _strip_source_suffix(plain_text(raw.get("title", ""), raw.get("title_detail")), source_name)
    summary_html = clean_html(_as_html(raw.get("summary", ""), raw.get("summary_detail")))
    content_html = clean_html(_content(raw.get("content") or []))
    link = _entry_link(raw, base)
    published, updated = dict.get(raw, "published_parsed"), dict.get(raw, "updated_parsed")
    if published is None and dc_date_is_published:
        published, updated = updated, None  # feedparser files dc:date under "updated"
    author = (raw.get("author_detail") or {}).get("name") or raw.get("author", "")
    entry = Entry(
        guid=_guid(str(raw.get("id") or "").strip(), link, title, summary_html),
        link=link,
        title=title,
        summary_html=summary_html,
        content_html=content_html,
        published_at=parse_date(published),
        updated_at=parse_date(updated),
        author=_SPACES.sub(" ", str(author)).strip(),
        source_name=source_name,
        source_url=http_url(source.get("href") or source.get("link") or "", base),
    )
    return without_controls(entry)


def _entry_link(raw: Mapping, base: str) -> str:
    """The rel=alternate link (HTML first), else `link`, else a permalink guid; absolute http(s) or ""."""
    links = raw.get("links") or []
    alternates = [link for link in links if link.get("rel", "alternate") == "alternate" and link.get("href")]
    alternates.sort(key=lambda link: link.get("type", "") not in ("", *_HTML_TYPES))
    candidates = [link["href"] for link in alternates] + [raw.get("link", "")]
    if raw.get("guidislink"):
        candidates.append(raw.get("id", ""))
    return next((url for url in (http_url(c, base) for c in candidates) if url), "")


def _guid(guid: str, link: str, title: str, summary_html: str) -> str:
    """The entry's id, else its link, else a hash of what it says (stable across polls)."""
    guid = guid or link
    if guid and len(guid) <= GUID_MAX_CHARS:
        return guid
    basis = guid or f"{title}\x00{summary_html}"
    return "sha1:" + hashlib.sha1(basis.encode("utf-8", "surrogatepass")).hexdigest()


def _content(details: Iterable[Mapping]) -> str:
    """The longest HTML content block (content:encoded, atom:content), else the first of any type."""
    details = [detail for detail in details if detail.get("value")]
    html_details = [detail for detail in details if detail.get("type") in _HTML_TYPES]
    if html_details:
        return max((detail["value"] for detail in html_details), key=len)
    return _as_html(details[0]["value"], details[0]) if details else ""


def _as_html(value: str, detail: Mapping | None) -> str:
    """Text declared plain is escaped, so that it reads the same after sanitising."""
    if not value:
        return ""
    if detail and detail.get("type") not in (*_HTML_TYPES, None):
        return html.escape(value, quote=False)
    return value


def plain_text(value: str, detail: Mapping | None = None) -> str:
    """One line of plain text; HTML (by feedparser's reckoning of the element's type) is rendered."""
    if detail and detail.get("type") in _HTML_TYPES:
        value = html_to_text(value)
    return _SPACES.sub(" ", str(value or "")).strip()


def _strip_source_suffix(title: str, source_name: str) -> str:
    """Aggregators append the outlet to the headline ("Headline - Outlet"); keep the headline."""
    if source_name:
        for separator in _TITLE_SEPARATORS:
            suffix = separator + source_name
            if title.endswith(suffix) and len(title) > len(suffix):
                return title[: -len(suffix)].rstrip()
    return title


def http_url(url: str, base: str = "") -> str:
    """`url` made absolute against `base`, when the result is http(s) with a host; else ""."""
    url = str(url or "").strip()
    if not url:
        return ""
    try:
        absolute = urljoin(base, url) if base else url
        parts = urlsplit(absolute)
        return absolute if parts.scheme.lower() in ("http", "https") and parts.hostname else ""
    except ValueError:  # e.g. a malformed IPv6 host
        return ""
