"""The address guard of the one HTTP client, and the errors that client raises.

The guard refuses what a feed URL must never reach: other schemes, hosts that resolve to private,
loopback or otherwise non-public addresses (unless TRACKER_ALLOW_PRIVATE_URLS), and, always,
link-local addresses such as the cloud metadata service. The socket goes to the very address that
was checked, so a DNS answer that changes between check and connect (DNS rebinding) gains nothing.
Only `fetching` opens connections; this module vets each hop and hands it the pool to use.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
from collections import OrderedDict
from typing import NamedTuple
from urllib.parse import quote, urlsplit

import urllib3
from django.conf import settings
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.exceptions import ConnectTimeoutError, NewConnectionError
from urllib3.util import connection as urllib3_connection

_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"
# Never fetched, whatever the settings: metadata services that do not sit in a link-local range.
ALWAYS_REFUSED = frozenset({ipaddress.ip_address("fd00:ec2::254"), ipaddress.ip_address("100.100.100.200")})
_MAX_POOLS = 64


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


class Target(NamedTuple):
    """A vetted hop: where the request claims to go (scheme, host, port) and where the socket goes."""

    scheme: str
    host: str
    port: int
    ip: str
    connect_port: int
    path: str  # request target: path and query, never the fragment


def check_url(url: str) -> None:
    """Raise RefusedURL when `url` may not be fetched; FetchError("dns") when its host does not resolve.

    Resolves the host, so it costs a DNS lookup; a URL that passes can still be refused later
    if its DNS changes.
    """
    vet(url)


def vet(url: str) -> Target:
    """The hop to `url`, checked; raises like `check_url`. Connect only through `pool_for` the result."""
    scheme, host, port, path = _parse(url)
    ip, connect_port, addresses = _resolve(url, host, port)
    for address in addresses:
        _check_address(url, address)
    return Target(scheme, host, port, ip, connect_port, path)


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
    for wrapped in _wrapped_ipv4(ip):  # 6to4 and Teredo reach the IPv4 address they carry
        _check_address(url, str(wrapped))
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


def _wrapped_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries and leads to: 6to4 (2002::/16, which Python counts
    as global) and Teredo's client. (IPv4-mapped addresses are unwrapped above; NAT64 and
    IPv4-compatible ranges are reserved, so refused whatever they carry.)"""
    if not isinstance(ip, ipaddress.IPv6Address):
        return []
    return [ip.sixtofour] if ip.sixtofour else [ip.teredo[1]] if ip.teredo else []


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


_pools: OrderedDict[Target, urllib3.HTTPConnectionPool] = OrderedDict()
_pools_lock = threading.Lock()


def pool_for(target: Target) -> urllib3.HTTPConnectionPool:
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
