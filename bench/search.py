"""Search benchmark: the search page's latency over a large PostgreSQL database, in one process.

Builds the corpus of bench/web.py (articles, stories, events, claims with evidence, discrepancies; one
article and one claim in fifty carry the searched word) with bulk inserts into a fresh PostgreSQL
database, then requests /search?q=... through Django's test client (every middleware, no network)
for a few seconds per query and prints the median and 90th-percentile latency, the queries one page
makes, and whether PostgreSQL's plan for the articles reaches the GIN index (web/0005).

    .venv/bin/python bench/search.py [--quick] [--articles 100000] [--seconds 5]

Goal (issue 17): p50 <= 100 ms at 100,000 articles. `--quick` (2,000 articles, 1-second runs) takes
well under a minute. The database is BENCH_SEARCH_DATABASE_URL (default
postgres://root@127.0.0.1:5432/bench_search), dropped and created by the bench and dropped at the end;
without PostgreSQL it prints "skipped: ..." and exits 0, except in CI (CI=true).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
import web as webbench  # noqa: E402  (bench/web.py: the corpus, the database's life cycle)

DEFAULT_URL = "postgres://root@127.0.0.1:5432/bench_search"
QUERIES = [webbench.SEARCHED, f"{webbench.SEARCHED} court", '"the witness"', "court"]
GOAL_MS = 100.0


def measure(client, query: str, seconds: float) -> tuple[float, float, int]:
    """Median and 90th-percentile milliseconds of the search page for `query`, and the requests made."""
    from django.urls import reverse

    url = reverse("web:search")
    assert client.get(url, {"q": query}).status_code == 200  # warm-up, and a check
    times: list[float] = []
    stop = time.monotonic() + seconds
    while time.monotonic() < stop or len(times) < 5:
        started = time.perf_counter()
        response = client.get(url, {"q": query})
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200
    cuts = statistics.quantiles(times, n=10)
    return statistics.median(times), cuts[8], len(times)


def page_queries(client, query: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    with CaptureQueriesContext(connection) as captured:
        client.get(reverse("web:search"), {"q": query})
    return len(captured)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 articles, 1-second runs (CI)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    if args.quick:
        args.articles, args.seconds = 2_000, 1.0
    url = os.environ.get("BENCH_SEARCH_DATABASE_URL", DEFAULT_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("error: BENCH_SEARCH_DATABASE_URL must be a PostgreSQL URL")
    if why := webbench.postgres_answers(url):
        if webbench.in_ci():
            raise SystemExit(f"error: PostgreSQL at {urlsplit(url).netloc} does not answer ({why})")
        print(f"skipped: PostgreSQL at {urlsplit(url).netloc} does not answer ({why})")
        return
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so `finally` drops the database
    var_dir = tempfile.mkdtemp(prefix="bench-search-")
    try:
        webbench.recreate_database(url)
        webbench.configure(url, var_dir)
        started = time.perf_counter()
        events, claims = max(args.articles // 10, 1), max(args.articles // 2, 1)
        webbench.generate(args.articles, events, claims)
        print(
            f"data: {args.articles} articles, {events} events, {claims} claims in {time.perf_counter() - started:.1f} s"
        )
        from django.test import Client

        from tracker.web.search import article_plan

        client = Client(HTTP_HOST="127.0.0.1")
        plan = article_plan(webbench.SEARCHED)
        uses = "web_article_search_vector" in plan and "to_tsvector" not in plan
        print(f"articles' plan reads the stored vector through its GIN index: {uses}")
        print(f"queries a search page makes: {page_queries(client, webbench.SEARCHED)}\n")
        print(f"{'query':28} {'requests':>9} {'p50 ms':>8} {'p90 ms':>8}")
        medians = []
        for query in QUERIES:
            p50, p90, n = measure(client, query, args.seconds)
            medians.append(p50)
            print(f"{query:28} {n:9d} {p50:8.1f} {p90:8.1f}")
        worst = max(medians)
        verdict = "meets" if worst <= GOAL_MS else "misses"
        print(
            f"\nslowest p50 {worst:.1f} ms at {args.articles} articles: {verdict} the goal of {GOAL_MS:g} ms"
        )
    finally:
        from django.db import connections

        connections.close_all()
        webbench.drop_database(url)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
