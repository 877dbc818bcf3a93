"""The one guarded HTTP client: every outbound request of the app (feeds, pages, robots.txt) goes here.

The guard refuses what a feed URL must never reach: other schemes, hosts that resolve to private,
loopback or otherwise non-public addresses (unless TRACKER_ALLOW_PRIVATE_URLS), and, always,
link-local addresses such as the cloud metadata service. The socket goes to the very address that
was checked, so a DNS answer that changes between check and connect (DNS rebinding) gains nothing.
Redirects are followed here, hop by hop, each hop checked again. Bodies are capped while streaming,
and again after gzip/deflate decoding, so neither a huge page nor a compression bomb can fill memory.
Any HTTP status is returned; only transport failures and refusals raise FetchError.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import time
import uuid
import zlib
from collections import OrderedDict
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import NamedTuple
from urllib.parse import quote, urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import urllib3
from django.conf import settings
from django.core.cache import cache
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import (
    ConnectTimeoutError,
    HTTPError,
    NewConnectionError,
    ReadTimeoutError,
    SSLError,
)
from urllib3.util import connection as urllib3_connection

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_REDIRECTS = frozenset({301, 308})
MAX_REDIRECTS = 5
CHUNK_BYTES = 64 * 1024
SLOT_WAIT_SECONDS = 30.0
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_CACHE_SECONDS = 24 * 60 * 60
ROBOTS_FAILURE_CACHE_SECONDS = 10 * 60
# Never fetched, whatever the settings: metadata services that do not sit in a link-local range.
ALWAYS_REFUSED = frozenset({ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")})


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


class FetchError(Exception):
    """A fetch that produced no HTTP response; `kind` says why, str() is a one-line message."""

    def __init__(self, kind: str, url: str, message: str):
        super().__init__(kind, url, message)
        self.kind = kind
        self.url = url
        self.message = message

    def __str__(self) -> str:
        return f"{self.kind}: {self.message}"


class RefusedURL(FetchError):
    """The guard said no (kind "bad_url" for the URL itself, "refused" for where it leads)."""


class _Target(NamedTuple):
    """A vetted hop: where the request claims to go (scheme, host, port) and where the socket goes."""

    scheme: str
    host: str
    port: int
    ip: str
    connect_port: int
    path: str  # request target: path and query, never the fragment


# --- the guard -------------------------------------------------------------------------------------


def check_url(url: str) -> None:
    """Raise RefusedURL when `url` may not be fetched; FetchError("dns") when its host does not resolve.

    Resolves the host, so it costs a DNS lookup; a URL that passes can still be refused later
    if its DNS changes.
    """
    _vet(url)


def _vet(url: str) -> _Target:
    scheme, host, port, path = _parse(url)
    ip, connect_port, addresses = _resolve(url, host, port)
    for address in addresses:
        _check_address(url, address)
    return _Target(scheme, host, port, ip, connect_port, path)


def _parse(url: str) -> tuple[str, str, int, str]:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise RefusedURL("bad_url", url, f"{url!r} is not a valid URL ({exc})") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise RefusedURL("bad_url", url, f"only http and https URLs are fetched, not {url[:60]!r}")
    if not parts.hostname:
        raise RefusedURL("bad_url", url, f"{url[:60]!r} has no host")
    if parts.username is not None or parts.password is not None:
        raise RefusedURL("bad_url", url, "URLs with credentials are not fetched")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError as exc:
        raise RefusedURL("bad_url", url, f"{parts.hostname!r} is not a valid host name") from exc
    # Sloppy feeds link paths with spaces or non-ASCII text: send them percent-encoded.
    path = quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe=_URL_SAFE)
    return scheme, host, port or (443 if scheme == "https" else 80), path


def _resolve(url: str, host: str, port: int) -> tuple[str, int, list[str]]:
    """(address to connect to, port to connect to, every address the host resolves to)."""
    override = settings.TRACKER_FETCH_RESOLVE.get(host)
    if override:
        ip, _, connect_port = override.rpartition(":")
        ip = ip.strip("[]")
        return ip, int(connect_port), [ip]
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError("dns", url, f"cannot resolve {host}: {exc}") from exc
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise FetchError("dns", url, f"{host} has no address")
    return addresses[0], port, addresses


def _check_address(url: str, address: str) -> None:
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError as exc:
        raise RefusedURL("refused", url, f"{address} is not an IP address") from exc
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    never = {
        "link-local": ip.is_link_local,
        "multicast": ip.is_multicast,
        "reserved": ip.is_reserved,
        "unspecified": ip.is_unspecified,
        "metadata": ip in ALWAYS_REFUSED,
    }
    unless_allowed = {"loopback": ip.is_loopback, "private": ip.is_private, "non-public": not ip.is_global}
    for label, hit in never.items():
        if hit:
            raise RefusedURL("refused", url, f"{ip} is a {label} address")
    if settings.TRACKER_ALLOW_PRIVATE_URLS:
        return
    for label, hit in unless_allowed.items():
        if hit:
            raise RefusedURL("refused", url, f"{ip} is a {label} address")


# --- connections to the vetted address --------------------------------------------------------------


class _ConnectToVetted:
    """Open the socket to the address the guard checked, not to whatever the host name resolves to now.

    The connection keeps the host name for the Host header and, over TLS, for SNI and the certificate.
    """

    def __init__(self, *args, connect_to: tuple[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self._connect_to = connect_to

    def _new_conn(self) -> socket.socket:
        try:
            sock = urllib3_connection.create_connection(
                self._connect_to,
                self.timeout,
                source_address=self.source_address,
                socket_options=self.socket_options,
            )
        except TimeoutError as exc:
            raise ConnectTimeoutError(self, f"connection to {self.host} timed out") from exc
        except OSError as exc:
            raise NewConnectionError(self, f"cannot connect to {self.host}: {exc}") from exc
        sys.audit("http.client.connect", self, self.host, self.port)
        return sock


class _VettedHTTPConnection(_ConnectToVetted, HTTPConnection):
    pass


class _VettedHTTPSConnection(_ConnectToVetted, HTTPSConnection):
    pass


_pools: OrderedDict[_Target, urllib3.HTTPConnectionPool] = OrderedDict()
_pools_lock = threading.Lock()
_MAX_POOLS = 64


def _pool(target: _Target) -> urllib3.HTTPConnectionPool:
    """A kept-alive connection pool per (host, vetted address), reused across fetches."""
    key = target._replace(path="")
    with _pools_lock:
        pool = _pools.get(key)
        if pool is None:
            cls = urllib3.HTTPSConnectionPool if target.scheme == "https" else urllib3.HTTPConnectionPool
            pool = cls(target.host, target.port, maxsize=4, retries=False, connect_to=key[3:5])
            pool.ConnectionCls = _VettedHTTPSConnection if target.scheme == "https" else _VettedHTTPConnection
            _pools[key] = pool
            if len(_pools) > _MAX_POOLS:
                _pools.popitem(last=False)[1].close()
        _pools.move_to_end(key)
        return pool


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
        status, response_headers, content = _fetch_one(url, _vet(url), headers, cap)
        location = response_headers.get("location")
        if status not in REDIRECT_STATUSES or not location:
            elapsed_ms = int((time.monotonic() - started) * 1000)
            moved_to = url if hop and permanent else None
            return FetchResponse(url, status, response_headers, content, elapsed_ms, moved_to)
        permanent = permanent and status in PERMANENT_REDIRECTS
        url = urljoin(url, location.strip()).split("#")[0]
    raise FetchError("too_many_redirects", url, f"more than {MAX_REDIRECTS} redirects")


def _fetch_one(url: str, target: _Target, headers: dict[str, str], cap: int) -> tuple[int, dict, bytes]:
    """One request to one vetted target, holding a per-host slot; redirect bodies are not kept."""
    connect_timeout = settings.TRACKER_FETCH_CONNECT_TIMEOUT
    read_timeout = settings.TRACKER_FETCH_READ_TIMEOUT
    # A server dripping a byte at a time stays under the read timeout forever: bound the whole hop too.
    budget = connect_timeout + 4 * read_timeout
    with _host_slot(url, target.host, hold_seconds=budget + 5):
        deadline = time.monotonic() + budget
        try:
            response = _pool(target).urlopen(
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
    decoder = _Decoder(encoding, url) if encoding in ("gzip", "x-gzip", "deflate") else None
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


class _Decoder:
    """Incremental gzip/deflate decoder that never produces more than it is asked for."""

    def __init__(self, encoding: str, url: str):
        self.url = url
        # gzip: gzip header; deflate: zlib header as the RFC says, raw deflate as many servers send.
        self.wbits = 16 + zlib.MAX_WBITS if encoding in ("gzip", "x-gzip") else zlib.MAX_WBITS
        self.inner = zlib.decompressobj(self.wbits)
        self.started = False

    def feed(self, data: bytes, limit: int) -> bytes:
        """Decode `data`, returning at most `limit` bytes (more than that means the cap is passed)."""
        try:
            out = self.inner.decompress(data, limit)
        except zlib.error as exc:
            if self.started or self.wbits != zlib.MAX_WBITS:
                raise FetchError("connection", self.url, f"cannot decode the body: {exc}") from exc
            self.wbits = -zlib.MAX_WBITS
            self.inner = zlib.decompressobj(self.wbits)
            return self.feed(data, limit)
        self.started = True
        return out


class _host_slot:
    """At most TRACKER_FETCH_PER_HOST requests in flight per host, across processes, through the cache.

    A slot is a cache key that expires on its own, so a killed worker frees it after `hold_seconds`.
    Waiting longer than SLOT_WAIT_SECONDS for a slot is a FetchError("timeout").
    """

    def __init__(self, url: str, host: str, hold_seconds: float):
        self.url, self.host, self.hold = url, host, int(hold_seconds) + 1
        self.token = uuid.uuid4().hex
        self.key: str | None = None

    def __enter__(self) -> None:
        give_up = time.monotonic() + SLOT_WAIT_SECONDS
        slots = max(1, settings.TRACKER_FETCH_PER_HOST)
        while True:
            for i in range(slots):
                key = f"fetch-slot:{self.host}:{i}"
                if cache.add(key, self.token, timeout=self.hold):
                    self.key = key
                    return
            if time.monotonic() > give_up:
                raise FetchError("timeout", self.url, f"no free fetch slot for {self.host}")
            time.sleep(0.05)

    def __exit__(self, *exc_info) -> None:
        if self.key and cache.get(self.key) == self.token:
            cache.delete(self.key)


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
