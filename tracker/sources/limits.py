"""What keeps work bounded: per-host fetch slots, a decoder that honours the size cap, and the
fixed-window counters of rate limits and locks, with the client address they are counted by.

Fetch slots live in the cache (short-lived, and losing one costs politeness only); rate limits and
locks live in their own table (`RateCounter`), where no cache culling or eviction can reset them.
"""

from __future__ import annotations

import hashlib
import ipaddress
import time
import uuid
import zlib
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from tracker.sources.guard import FetchError
from tracker.sources.models import RateCounter

SLOT_WAIT_SECONDS = 30.0


class host_slot:  # lower case: used like a function, `with host_slot(...)`
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


class BodyDecoder:
    """Incremental gzip/deflate decoder that never produces more than it is asked for."""

    ENCODINGS = frozenset({"gzip", "x-gzip", "deflate"})

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


# --- rate limits and locks -------------------------------------------------------------------------


def counter_key(scope: str, *parts: str) -> str:
    """A counter's key: the scope, and a hash of what is counted (an address, an account name)."""
    digest = hashlib.sha256("\x00".join(p.strip().lower() for p in parts).encode()).hexdigest()[:40]
    return f"{scope[:70]}:{digest}"


def count_hit(key: str, *, window: int) -> int:
    """Count one event under `key` and return the count in the current window of `window` seconds,
    which opens at the first event and is never extended by later ones. One atomic upsert (SQLite
    3.35+ and PostgreSQL), so concurrent requests never lose a count."""
    now = timezone.now()
    table, ops = RateCounter._meta.db_table, connection.ops
    key_column, count, ends = (ops.quote_name(c) for c in ("key", "count", "window_ends_at"))
    open_window = f"{table}.{ends} > %s"
    sql = (
        f"INSERT INTO {table} ({key_column}, {count}, {ends}) VALUES (%s, 1, %s) "
        f"ON CONFLICT ({key_column}) DO UPDATE SET "
        f"{count} = CASE WHEN {open_window} THEN {table}.{count} + 1 ELSE 1 END, "
        f"{ends} = CASE WHEN {open_window} THEN {table}.{ends} ELSE excluded.{ends} END "
        f"RETURNING {count}"
    )
    stamp = ops.adapt_datetimefield_value
    with connection.cursor() as cursor:
        cursor.execute(sql, [key, stamp(now + timedelta(seconds=window)), stamp(now), stamp(now)])
        (counted,) = cursor.fetchone()
    return counted


def prune_counters() -> int:
    """Drop counters whose window closed a day ago or more (from beat, with the fetch-content prune)."""
    return RateCounter.objects.filter(window_ends_at__lt=timezone.now() - timedelta(days=1)).delete()[0]


def current_count(key: str) -> int:
    """The count in the current window under `key` (0 when none is open), without counting."""
    counts = RateCounter.objects.filter(key=key, window_ends_at__gt=timezone.now()).values_list(
        "count", flat=True
    )
    return next(iter(counts), 0)


def within_limit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one request of `key` (an address, an IP) under `scope`; True while the count within the
    window stays within `limit`."""
    return count_hit(counter_key(scope, key), window=window) <= limit


def reset(key: str) -> None:
    RateCounter.objects.filter(key=key).delete()


def client_address(request) -> str:
    """The address a request comes from: REMOTE_ADDR, or, when that is one of TRACKER_TRUSTED_PROXIES
    (addresses or networks), the last address in X-Forwarded-For that is not a trusted proxy. Without
    trusted proxies the header is ignored: anyone can write it."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    trusted = _trusted_networks(tuple(settings.TRACKER_TRUSTED_PROXIES))
    if not trusted or not _within(remote, trusted):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for address in reversed([part for part in forwarded if part]):
        if not _within(address, trusted):
            return address if _within(address, None) else remote
    return remote


def _trusted_networks(entries: tuple[str, ...]) -> list:
    return [ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip()]


def _within(address: str, networks: list | None) -> bool:
    """Whether `address` is an IP address in one of `networks` (with None: an IP address at all)."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return networks is None or any(ip in network for network in networks)
