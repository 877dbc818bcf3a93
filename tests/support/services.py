"""Skips for tests that need a running service, turned into failures where services are required.

On a developer's fresh clone a missing PostgreSQL or Redis skips those tests with the reason; CI sets
TRACKER_REQUIRE_SERVICES=1 so that a missing service fails the run instead of hiding tests.
"""

from __future__ import annotations

import os
import socket

import pytest

REQUIRE = os.environ.get("TRACKER_REQUIRE_SERVICES", "") not in ("", "0", "false", "no")


def missing(reason: str) -> None:
    if REQUIRE:
        pytest.fail(f"required service missing: {reason} (TRACKER_REQUIRE_SERVICES is set)")
    pytest.skip(reason)


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def redis_url() -> str:
    """The Redis to use for broker tests: CELERY_BROKER_URL when it is Redis, else the local default."""
    url = os.environ.get("CELERY_BROKER_URL", "")
    if url.startswith("redis://"):
        return url
    return "redis://127.0.0.1:6379/0"


def require_redis() -> str:
    url = redis_url()
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except Exception as exc:  # any failure to reach it means "absent" for the skip
        missing(f"Redis is not reachable at {url}: {exc}")
    return url


def require_postgres() -> None:
    from django.db import connection

    if connection.vendor != "postgresql":
        missing("this test needs PostgreSQL (set DATABASE_URL=postgres://...)")
