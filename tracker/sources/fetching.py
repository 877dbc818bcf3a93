"""The one guarded HTTP client: every outbound request of the app (feeds, pages, robots.txt) goes here.

Every hop goes through the guard (`guard.vet`): redirects are followed here, hop by hop, each hop
checked again, and the socket goes to the very address that was checked. Bodies are capped while
streaming, and again after gzip/deflate decoding, so neither a huge page nor a compression bomb can
fill memory; requests per host are bounded (`limits`). Any HTTP status is returned; only transport
failures and refusals raise FetchError (RefusedURL when the guard says no; both live in `guard`).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import urllib3
from django.conf import settings
from django.core.cache import cache
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ReadTimeoutError,
    SSLError,
)

from tracker.sources.guard import FetchError, Target, pool_for, vet
from tracker.sources.guard import check_url as check_url  # re-exported: callers ask `fetching.check_url`
from tracker.sources.limits import BodyDecoder, host_slot

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_CACHE_SECONDS = 24 * 60 * 60
ROBOTS_FAILURE_CACHE_SECONDS = 10 * 60


@dataclass(frozen=True)
class FetchResponse:
    url: str
    status: int
    headers: dict[str, str]
    content: bytes
    elapsed_ms: int
    permanent_url: str | None = None

    @property
    def retry_after_seconds(self) -> int | None:
        """Seconds the server asks us to wait (Retry-After as seconds or as an HTTP date), or None."""
        value = self.headers.get("retry-after", "").strip()
        if value.isdigit():
            return int(value)
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            return None
        return max(0, int(when.timestamp() - time.time()))


# --- fetching ----------------------------------------------------------------------------------------


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    accept: str = "*/*",
    max_bytes: int | None = None,
    robots: bool = False,
) -> FetchResponse:
    """GET `url` through the guard, following redirects; any HTTP status comes back as a FetchResponse.

    `etag` and `last_modified` make the request conditional (a 304 comes back with empty content).
    `robots=True` first asks robots.txt of the URL's origin (redirect targets are not asked again).
    Raises RefusedURL when the guard refuses a hop, FetchError for every other failure.
    """
    if robots and not robots_allowed(url):
        raise FetchError("robots", url, f"robots.txt disallows {url}")
    cap = max_bytes or settings.TRACKER_FETCH_MAX_BYTES
    headers = {
        "User-Agent": settings.TRACKER_USER_AGENT,
        "Accept": accept,
        "Accept-Encoding": "gzip, deflate",
    }
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    started = time.monotonic()
    permanent = True
    for hop in range(MAX_REDIRECTS + 1):
        status, response_headers, content = _fetch_one(url, vet(url), headers, cap)
        location = response_headers.get("location")
        if status not in REDIRECT_STATUSES or not location:
            elapsed_ms = int((time.monotonic() - started) * 1000)
            moved_to = url if hop and permanent else None
            return FetchResponse(url, status, response_headers, content, elapsed_ms, moved_to)
        permanent = permanent and status in PERMANENT_REDIRECTS
        url = urljoin(url, location.strip()).split("#")[0]
    raise FetchError("too_many_redirects", url, f"more than {MAX_REDIRECTS} redirects")


def _fetch_one(url: str, target: Target, headers: dict[str, str], cap: int) -> tuple[int, dict, bytes]:
    """One request to one vetted target, holding a per-host slot; redirect bodies are not kept."""
    connect_timeout = settings.TRACKER_FETCH_CONNECT_TIMEOUT
    read_timeout = settings.TRACKER_FETCH_READ_TIMEOUT
    # A server dripping a byte at a time stays under the read timeout forever: bound the whole hop too.
    budget = connect_timeout + 4 * read_timeout
    with host_slot(url, target.host, hold_seconds=budget + 5):
        deadline = time.monotonic() + budget
        try:
            response = pool_for(target).urlopen(
                "GET",
                target.path,
                headers=headers,
                timeout=urllib3.Timeout(connect=connect_timeout, read=read_timeout),
                retries=False,
                redirect=False,
                preload_content=False,
                decode_content=False,
            )
        except HTTPError as exc:
            raise _transport_error(url, exc) from exc
        complete = False
        try:
            response_headers = {name.lower(): response.headers[name] for name in response.headers}
            content = b""
            if response.status not in REDIRECT_STATUSES and response.status != 304:
                content = _read_body(url, response, response_headers, cap, deadline)
                complete = True
            return response.status, response_headers, content
        except HTTPError as exc:
            raise _transport_error(url, exc) from exc
        finally:
            if not complete:
                response.close()  # an unread or half-read body must not go back to the pool
            response.release_conn()


def _transport_error(url: str, exc: HTTPError) -> FetchError:
    if isinstance(exc, NewConnectionError):
        return FetchError("connection", url, f"cannot connect: {exc}")
    if isinstance(exc, ConnectTimeoutError | ReadTimeoutError):
        return FetchError("timeout", url, f"timed out: {exc}")
    if isinstance(exc, SSLError):
        return FetchError("tls", url, f"TLS failed: {exc}")
    return FetchError("connection", url, f"connection failed: {exc}")


def _read_body(url: str, response, headers: dict[str, str], cap: int, deadline: float) -> bytes:
    """Read the raw body in chunks, decoding gzip/deflate on the fly; stop as soon as `cap` is passed."""
    too_large = FetchError("too_large", url, f"body larger than {cap} bytes")
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > cap:
        raise too_large
    encoding = headers.get("content-encoding", "").strip().lower()
    decoder = BodyDecoder(encoding, url) if encoding in BodyDecoder.ENCODINGS else None
    parts: list[bytes] = []
    raw_size = size = 0
    # read1 returns what has arrived instead of waiting for a full chunk, so the deadline is seen.
    while chunk := response.read1(CHUNK_BYTES, decode_content=False):
        if time.monotonic() > deadline:
            raise FetchError("timeout", url, "body took too long to arrive")
        raw_size += len(chunk)
        if raw_size > cap:
            raise too_large
        data = decoder.feed(chunk, cap - size + 1) if decoder else chunk
        size += len(data)
        if size > cap:
            raise too_large
        parts.append(data)
    if decoder:
        headers.pop("content-encoding", None)
        headers.pop("content-length", None)
    return b"".join(parts)


# --- robots.txt --------------------------------------------------------------------------------------


def robots_allowed(url: str) -> bool:
    """Whether robots.txt of the URL's origin lets our User-Agent fetch `url`.

    A missing robots.txt (4xx) allows everything, and so, cached only briefly, does one that cannot
    be fetched (5xx, timeout, refused). The text is cached per origin for a day.
    """
    parts = urlsplit(url)
    origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
    key = f"robots:{origin}"
    text = cache.get(key)
    if text is None:
        text, seconds = _fetch_robots(origin)
        cache.set(key, text, timeout=seconds)
    if not text:
        return True
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    return parser.can_fetch(settings.TRACKER_USER_AGENT, url)


def _fetch_robots(origin: str) -> tuple[str, int]:
    """(robots.txt text, "" for allow-all; seconds to cache it)."""
    try:
        response = fetch(f"{origin}/robots.txt", accept="text/plain", max_bytes=ROBOTS_MAX_BYTES)
    except FetchError:
        return "", ROBOTS_FAILURE_CACHE_SECONDS
    if 200 <= response.status < 300:
        return response.content.decode("utf-8", errors="replace"), ROBOTS_CACHE_SECONDS
    if 400 <= response.status < 500:
        return "", ROBOTS_CACHE_SECONDS
    return "", ROBOTS_FAILURE_CACHE_SECONDS
