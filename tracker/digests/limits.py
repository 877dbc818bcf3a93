"""Fixed-window rate limits in the shared Django cache (per address, per IP)."""

from __future__ import annotations

import hashlib

from django.core.cache import cache


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one request; True while the count within the window stays within `limit`."""
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    cache_key = f"digests:rl:{scope}:{digest}"
    if cache.add(cache_key, 1, timeout=window):
        return limit >= 1
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=window)
        count = 1
    return count <= limit


def client_ip(request) -> str:
    """REMOTE_ADDR: behind a proxy, the proxy must set it (X-Forwarded-For is spoofable)."""
    return request.META.get("REMOTE_ADDR", "") or "unknown"
