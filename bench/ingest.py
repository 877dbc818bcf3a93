"""Ingest benchmark: N feeds of M full-text entries served on 127.0.0.1, stored through the real worker path.

Prints articles stored per second by Celery workers running `fetch_feed` (guarded fetch, feedparser,
sanitising, canonical URLs, fingerprints, MinHash copy search, relevance, the database), and the ratio
to feedparser's bare parse of the same bytes in the same run (absolute figures drift between runs on
these machines; the ratio is what to compare).

    .venv/bin/python bench/ingest.py [--feeds 20] [--entries 25] [--quick]

It uses a throw-away SQLite database and an in-memory broker unless BENCH_DATABASE_URL or
BENCH_BROKER_URL say otherwise (for example PostgreSQL and Redis, as in production).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(var_dir: str) -> None:
    os.environ["TRACKER_VAR_DIR"] = var_dir
    os.environ["DEBUG"] = "0"  # DEBUG records every query: not what production runs
    os.environ.setdefault("SECRET_KEY", "bench-only-secret")
    os.environ["TRACKER_ALLOW_PRIVATE_URLS"] = "1"
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{var_dir}/bench.sqlite3")
    os.environ["CELERY_BROKER_URL"] = os.environ.get("BENCH_BROKER_URL", "memory://")
    os.environ["CACHE_URL"] = "locmemcache://"
    os.environ["LOG_LEVEL"] = "ERROR"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_feeds(server, feeds: int, entries: int) -> dict[str, bytes]:
    from tests.support.feeds import article_html, item, long_text, rss

    bodies = {}
    for f in range(feeds):
        host = f"outlet{f}.example"
        items = [
            item(
                f"Story {f}-{e}",
                f"http://{host}/story-{e}",
                content=article_html(long_text(f"bench {f} {e}", 600)),
                pub_date="Thu, 30 Apr 2026 18:21:02 +0000",
            )
            for e in range(entries)
        ]
        body = rss(*items, title=host, link=f"http://{host}/")
        server.route("/feed.xml", host=host, body=body, headers={"Content-Type": "application/rss+xml"})
        bodies[host] = body
    return bodies


def bare_parse_rate(bodies: dict[str, bytes], repeat: int = 3) -> float:
    import feedparser

    best = float("inf")
    total = 0
    for _ in range(repeat):
        started = time.perf_counter()
        total = sum(len(feedparser.parse(io.BytesIO(body)).entries) for body in bodies.values())
        best = min(best, time.perf_counter() - started)
    return total / best


def worker_rate(bodies: dict[str, bytes], concurrency: int) -> tuple[float, int]:
    from celery.contrib.testing.worker import start_worker
    from django.conf import settings

    from tracker import celery_app
    from tracker.sources import tasks

    if celery_app.conf.broker_url.startswith("memory://"):
        celery_app.conf.broker_transport_options = {"polling_interval": 0.005}  # not the 1 s default
    from tracker.sources.models import Article, Feed, FetchRun

    feeds = [Feed.objects.create(url=f"http://{host}/feed.xml") for host in bodies]
    with start_worker(
        celery_app, pool="threads", concurrency=concurrency, perform_ping_check=False, queues=["fetch"]
    ):
        started = time.perf_counter()
        for feed in feeds:
            tasks.fetch_feed.delay(feed.pk)
        while FetchRun.objects.count() < len(feeds):
            time.sleep(0.05)
        elapsed = time.perf_counter() - started
    stored = Article.objects.count()
    assert settings.TRACKER_ALLOW_PRIVATE_URLS
    return stored / elapsed, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=25)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--quick", action="store_true", help="a few seconds: 4 feeds of 5 entries")
    args = parser.parse_args()
    if args.quick:
        args.feeds, args.entries = 4, 5

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as var_dir:
        configure(var_dir)
        from django.conf import settings

        from tests.support.httpserver import TestServer

        server = TestServer()
        try:
            bodies = build_feeds(server, args.feeds, args.entries)
            settings.TRACKER_FETCH_RESOLVE = dict.fromkeys(bodies, f"127.0.0.1:{server.port}")
            parse_rate = bare_parse_rate(bodies)
            rate, stored = worker_rate(bodies, args.concurrency)
        finally:
            server.close()

    print(
        f"feeds x entries            {args.feeds} x {args.entries} (~600 words each, full text in the feed)"
    )
    print(f"articles stored            {stored}")
    print(f"worker path (threads={args.concurrency})   {rate:10.1f} articles/s")
    print(f"feedparser bare parse      {parse_rate:10.1f} entries/s")
    print(f"ratio worker / bare parse  {rate / parse_rate:10.3f}")


if __name__ == "__main__":
    main()
