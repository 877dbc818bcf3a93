"""What keeps the HTTP client polite and bounded: per-host slots and a decoder that honours the cap."""

from __future__ import annotations

import time
import uuid
import zlib

from django.conf import settings
from django.core.cache import cache

from tracker.sources.guard import FetchError

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
