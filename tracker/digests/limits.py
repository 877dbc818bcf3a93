"""Fixed-window rate limits per address and per IP, in their own table (sources.limits), where no
cache culling or eviction can reset them; the IP is the client's, behind TRACKER_TRUSTED_PROXIES too."""

from __future__ import annotations

from tracker.sources import limits


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one request; True while the count within the window stays within `limit`."""
    return limits.count_hit(limits.counter_key(f"digests:{scope}", key), window=window) <= limit


def client_ip(request) -> str:
    return limits.client_address(request)
