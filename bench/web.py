"""Web benchmark: the public pages and the API served by gunicorn over a large PostgreSQL database.

Generates 100,000 articles from 60 outlets (one in ten a copy of another), 10,000 stories of ten
articles, 10,000 events (one story each), 50,000 claims spread over the events with two evidence rows
each (verbatim quotes included) and a discrepancy for one claim in ten, with bulk inserts into a fresh
PostgreSQL database; serves the app with gunicorn on 127.0.0.1 (2 sync workers, DEBUG off, static files
collected as in production); then drives, for a few seconds each, with wrk (2 threads, 4 connections):

    health              the trivial view, the yardstick of the same server in the same run
    timeline            web:home, as anonymous readers get it: from the page cache (pagecache.py)
    timeline, uncached  web:home with a session cookie, as staff get it: rendered every time
    filtered timeline   web:case with ?entity=&kind= (a case, a speaker, a claim kind)
    event expansion     web:event with `HX-Request: true` (the partial the timeline expands in place)
    search              web:search?q=distillation (a word in one article and one claim in fifty)
    api events          api:list_events (its default page: 20 events with claims, evidence, sources)

Before the server starts, it measures in its own process (Django's test client, every middleware) the
cached timeline against a bare response of the same stack (goal >= 0.5x the throughput) and the
uncached timeline (a request with a session cookie, as staff send: rendered every time, its
precomputed parts read from the cache, tracker/web/precomputed.py) against rendering its template from
a context already in memory (goal >= 0.7x; both in one chunk of CPython's frame stack, as every request
is: tracker/web/stackroom.py), each page timed alternately with its yardstick (one call of
each in turn, so a change of load falls on both) and compared by the medians of the calls' times (a pause
on a few calls moves neither), and prints both ratios (issue 17) with the quartiles of the pairs' ratios,
the uncached one in CPU time too, and the uncached one
again with the page cache turned off (TRACKER_PAGE_CACHE_SECONDS=0: nothing kept between requests). After that it prints, for each page under load, the requests served, the median and 99th-percentile latency, and the ratio of
each to the health view's (so figures can be compared across machines; absolute figures drift 20-30 %
between runs on these shared machines). Without wrk it drives the same URLs with a loop of 4 Python
threads and says so (the thread loop itself costs about a millisecond a request). Every URL is reversed
by name when the bench runs: a page whose URL name does not exist yet is reported as not run; a page
that answers with a server error fails the bench.

    .venv/bin/python bench/web.py [--quick] [--articles 100000] [--events 10000] [--claims 50000] [--seconds 5]

The database is BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/bench_web), dropped and
created by the bench and dropped again at the end. When PostgreSQL does not answer the bench prints
"skipped: ..." and exits 0, except in CI (CI=true), where that is a failure. `--quick` (2,000 articles,
200 events, 1,000 claims, 1-second runs) takes well under a minute. Exit status: non-zero when the
data cannot be made, the server does not start, or a page fails.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://root@127.0.0.1:5432/bench_web"
START = datetime(2025, 6, 1, tzinfo=UTC)
KINDS = ["testimony", "allegation", "defense", "ruling", "statement", "report", "policy"]
WORDS = "court trial judge testimony model training lawsuit nonprofit contract evidence".split()
SEARCHED = "distillation"  # in one article and one claim in fifty, as a searched word is in real coverage
BATCH = 5000
WARM_UP_TIMEOUT = 60  # seconds: a page slower than this fails the bench
MIN_REQUESTS = 2  # per thread of the fallback loop, so a slow page still gets a p50 and a p99


@dataclass
class Target:
    label: str
    name: str
    args: tuple = ()
    query: str = ""
    headers: tuple = ()


@dataclass
class Result:
    label: str
    requests: int
    rate: float
    p50: float  # milliseconds
    p99: float
    errors: int


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def admin_url(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/postgres"))


def recreate_database(url: str) -> None:
    """Drop and create the bench database (through the server's `postgres` database)."""
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise SystemExit(f"error: unusable database name {name!r}")
    with psycopg.connect(admin_url(url), autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    with psycopg.connect(admin_url(url), autocommit=True, connect_timeout=5) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def postgres_answers(url: str) -> str | None:
    """None when PostgreSQL answers at `url`'s server, else why not."""
    try:
        import psycopg

        with psycopg.connect(admin_url(url), connect_timeout=3):
            return None
    except Exception as exc:  # noqa: BLE001 - any failure means "not available", said in the message
        return f"{type(exc).__name__}: {str(exc).strip().splitlines()[0] if str(exc).strip() else ''}"


def server_env(url: str, var_dir: str) -> dict[str, str]:
    return os.environ | {
        "DATABASE_URL": url,
        "TRACKER_VAR_DIR": var_dir,
        "DEBUG": "0",
        "SECRET_KEY": os.environ.get("SECRET_KEY", "bench-only-secret-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "CACHE_URL": "locmemcache://",
        "CELERY_BROKER_URL": "memory://",
        "LOG_LEVEL": "ERROR",
        "DJANGO_SETTINGS_MODULE": "tracker.settings",
    }


def configure(url: str, var_dir: str) -> None:
    os.environ.update(server_env(url, var_dir))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)


def bulk(model, rows: list) -> list:
    out = []
    for i in range(0, len(rows), BATCH):
        out += model.objects.bulk_create(rows[i : i + BATCH])
    return out


def generate(articles: int, events: int, claims: int, seed: int = 7) -> dict:
    """The synthetic corpus, bulk-inserted; returns what the targets need (a case, a speaker, an event)."""
    from tracker.cases.models import Case, Entity
    from tracker.crossref.models import Claim, Discrepancy, Event, Evidence, Story, StoryArticle
    from tracker.sources.models import Article, Outlet

    rng = random.Random(seed)
    case, _ = Case.objects.get_or_create(slug="musk-v-openai", defaults={"name": "Musk v. OpenAI"})
    speakers = [
        Entity.objects.get_or_create(slug="elon-musk", defaults={"name": "Elon Musk", "kind": "PERSON"})[0]
    ]
    speakers += bulk(
        Entity, [Entity(name=f"Bench Person {i}", slug=f"bench-person-{i}", kind="PERSON") for i in range(19)]
    )
    case.entities.add(*speakers)
    outlets = bulk(
        Outlet, [Outlet(name=f"Bench Outlet {i}", domain=f"outlet-{i}.example") for i in range(60)]
    )

    vocabulary = pseudo_words(rng, 3000)

    def words(n: int, topical: bool = False) -> str:
        """Made-up words, with a few of the case's own among them; `topical` adds the searched one."""
        chosen = [rng.choice(vocabulary) if rng.random() < 0.9 else rng.choice(WORDS) for _ in range(n)]
        if topical:
            chosen[rng.randrange(n)] = SEARCHED
        return " ".join(chosen)

    rows = []
    for i in range(articles):
        outlet = outlets[i % len(outlets)]
        seen = START + timedelta(minutes=5 * i)
        rows.append(
            Article(
                outlet=outlet,
                url=f"https://{outlet.domain}/a/{i}",
                canonical_url=f"https://{outlet.domain}/a/{i}",
                title=f"Headline {i}: {words(6)}",
                summary=f"<p>{words(30)}</p>",
                text=f"{words(120, topical=i % 50 == 0)}.",
                first_seen_at=seen,
                published_at=seen - timedelta(minutes=30),
                relevant=True,
                status="analyzed",
            )
        )
    made = bulk(Article, rows)
    copies = made[9::10]  # one in ten a near copy of the article before it (another outlet's)
    for i in range(9, len(made), 10):
        made[i].copy_of_id, made[i].copy_kind = made[i - 1].pk, "near"
    Article.objects.bulk_update(copies, ["copy_of", "copy_kind"], batch_size=BATCH)
    bulk(Article.cases.through, [Article.cases.through(article_id=a.pk, case_id=case.pk) for a in made])

    per_story = 10
    stories = bulk(
        Story,
        [
            Story(
                title=made[i].title,
                first_seen_at=made[i].first_seen_at,
                last_changed_at=made[i].first_seen_at,
            )
            for i in range(0, articles, per_story)
        ],
    )
    bulk(Story.cases.through, [Story.cases.through(story_id=s.pk, case_id=case.pk) for s in stories])
    bulk(StoryArticle, [StoryArticle(story=stories[i // per_story], article=a) for i, a in enumerate(made)])

    event_rows = []
    for i in range(events):
        story_index = i * len(stories) // events
        first = made[story_index * per_story]
        event_rows.append(
            Event(
                case=case,
                date=(START + timedelta(days=i * 365 // max(events, 1))).date(),
                precision="day",
                title=f"Event {i}: {words(8)}",
                summary=words(25),
                first_reported_at=first.first_seen_at,
                first_reported_by=first.outlet,
                last_changed_at=first.first_seen_at + timedelta(hours=2),
                key=f"bench:{i}",
            )
        )
    made_events = bulk(Event, event_rows)
    story_index = {e.pk: i * len(stories) // events for i, e in enumerate(made_events)}
    story_of = {pk: stories[i] for pk, i in story_index.items()}
    bulk(
        Event.stories.through, [Event.stories.through(event_id=e, story_id=s.pk) for e, s in story_of.items()]
    )

    claim_rows = []
    for j in range(claims):
        event = made_events[j % events]
        story = story_of[event.pk]
        claim_rows.append(
            Claim(
                case=case,
                story=story,
                event=event,
                speaker=speakers[j % len(speakers)],
                kind=KINDS[j % len(KINDS)],
                text=words(12, topical=j % 50 == 0),
                date=event.date,
                precision="day",
                first_seen_at=event.first_reported_at,
                outlets_count=2,
                independent_count=2,
                first_outlet=event.first_reported_by,
            )
        )
    made_claims = bulk(Claim, claim_rows)
    index = {a.pk: a for a in made}
    evidence, discrepancies = [], []
    for j, claim in enumerate(made_claims):
        base = story_index[claim.event_id] * per_story
        pair = [made[base + (j % per_story)], made[base + ((j + 3) % per_story)]]
        for k, article in enumerate(pair):
            quote = f"{rng.choice(WORDS)} {'practice' if k else 'procedure'}"
            evidence.append(
                Evidence(
                    claim=claim,
                    article=article,
                    text=claim.text,
                    sentence=f'The witness said it was "{quote}" in court.',
                    start=0,
                    end=40,
                    verb="said",
                    attribution="direct",
                    quotes=[{"text": quote, "start": 26, "end": 26 + len(quote)}],
                    first_seen_at=index[article.pk].first_seen_at,
                )
            )
        if j % 10 == 0:
            variants = [
                {"words": e.quotes[0]["text"], "article": e.article.pk, "outlet": e.article.outlet.name}
                for e in evidence[-2:]
            ]
            discrepancies.append(
                Discrepancy(
                    claim=claim, event=claim.event, kind="quote_wording", key=f"bench:{j}", variants=variants
                )
            )
    bulk(Evidence, evidence)
    bulk(Discrepancy, discrepancies)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    middle = made_events[len(made_events) // 2]
    return {"case": case.slug, "entity": "elon-musk", "event": middle.pk}


def pseudo_words(rng: random.Random, count: int) -> list[str]:
    """Pronounceable made-up words, so full-text search sees a realistic spread of terms."""
    onsets, vowels = "bdfgklmnprstvz", "aeiou"
    found: set[str] = set()
    while len(found) < count:
        found.add("".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 4))))
    return sorted(found)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(url: str, var_dir: str, port: int) -> subprocess.Popen:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "tracker.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
    command += ["--log-level", "warning", "--timeout", "120", "--graceful-timeout", "5"]
    server = subprocess.Popen(command, cwd=ROOT, env=server_env(url, var_dir))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"error: gunicorn exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                if response.status == 200:
                    return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("error: gunicorn did not answer /health within 60 s")


def stop(server: subprocess.Popen) -> None:
    """Stop gunicorn: gracefully, then for good when a worker is stuck in a slow request."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def resolve(targets: list[Target]) -> tuple[list[tuple[Target, str]], list[str]]:
    """Each target's path by URL name; the names that do not exist are returned apart."""
    from django.urls import NoReverseMatch, reverse

    found, missing = [], []
    for target in targets:
        try:
            found.append((target, reverse(target.name, args=target.args) + target.query))
        except NoReverseMatch:
            missing.append(f"{target.label} ({target.name})")
    return found, missing


def fetch(base: str, path: str, headers: tuple, timeout: float = 30) -> int:
    """The status of one GET; 504 when no answer came within `timeout` seconds."""
    request = urllib.request.Request(base + path, headers=dict(headers))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code
    except TimeoutError:
        return 504


def _ms(value: str, unit: str) -> float:
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def drive_wrk(url: str, headers: tuple, seconds: float) -> Result:
    command = ["wrk", "-t2", "-c4", f"-d{max(1, round(seconds))}s", "--latency", "--timeout", "30s"]
    for name, value in headers:
        command += ["-H", f"{name}: {value}"]
    out = subprocess.run(command + [url], capture_output=True, text=True, check=True).stdout
    percent = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+\w+)", out, re.M))
    p50, p99 = (_ms(*re.fullmatch(r"([\d.]+)(\w+)", percent[k]).groups()) for k in ("50", "99"))
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = int(bad.group(1)) if bad else 0
    return Result("", requests, rate, p50, p99, errors)


def drive_threads(url: str, headers: tuple, seconds: float, threads: int = 4) -> Result:
    """The fallback load loop: each thread requests until the time is up and it has made MIN_REQUESTS."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def loop():
        mine, bad = [], 0
        while time.monotonic() < stop or len(mine) < MIN_REQUESTS:
            started = time.perf_counter()
            status = fetch(url, "", headers)
            mine.append((time.perf_counter() - started) * 1000)
            bad += status >= 400
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    workers = [threading.Thread(target=loop) for _ in range(threads)]
    started = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return Result(
        "", len(latencies), len(latencies) / elapsed, statistics.median(latencies), cuts[98], errors[0]
    )


def targets_for(found: dict) -> list[Target]:
    hx = (("HX-Request", "true"),)
    return [
        Target("health", "web:health"),
        Target("timeline", "web:home"),  # anonymous: from the page cache after the warm-up
        Target("timeline, uncached", "web:home", (), "", (("Cookie", "sessionid=bench-uncached"),)),
        Target(
            "filtered timeline", "web:case", (found["case"],), f"?entity={found['entity']}&kind=testimony"
        ),
        Target("event expansion", "web:event", (found["event"],), "", hx),
        Target("search", "web:search", (), f"?q={SEARCHED}"),
        Target("api events", "api:list_events"),
    ]


def report(results: list[Result], missing: list[str], skipped: list[str], tool: str) -> None:
    base = results[0]
    print(f"\nload: {tool}; ratios are to the health view of the same server and run\n")
    print(f"{'page':20} {'requests':>9} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'x p50':>7} {'x p99':>7}")
    for r in results:
        print(
            f"{r.label:20} {r.requests:9d} {r.rate:8.1f} {r.p50:8.2f} {r.p99:8.2f} "
            f"{r.p50 / base.p50:7.1f} {r.p99 / base.p99:7.1f}"
        )
    for name in missing:
        print(f"not run: {name}: no such URL name yet")
    for line in skipped:
        print(f"not run: {line}")


def timed(call, seconds: float, least: int = 20) -> float:
    """Calls per second of `call`, run for `seconds` (and at least `least` times)."""
    call()  # a warm-up
    count, started = 0, time.perf_counter()
    while count < least or time.perf_counter() - started < seconds:
        call()
        count += 1
    return count / (time.perf_counter() - started)


def alternated(calls: dict, seconds: float, least: int = 20) -> dict[str, tuple[float, float, list[float]]]:
    """Each call's calls per second and CPU milliseconds per call, from the median of its timings, and
    its wall times in order (seconds). The calls are made in turn (one of each, again and again) for
    `seconds` in all, so a change of the machine's load between two windows of their own cannot make one
    look faster than the other; and medians, so a pause that falls on a few calls (a full garbage
    collection, another process taking the core: on a shared machine, tens of milliseconds) moves
    neither figure, where a sum took in the whole pause."""
    for call in calls.values():
        call()  # a warm-up
    walls: dict[str, list[float]] = {name: [] for name in calls}
    cpus: dict[str, list[float]] = {name: [] for name in calls}
    count, started = 0, time.perf_counter()
    while count < least or time.perf_counter() - started < seconds:
        for name, call in calls.items():
            began, cpu = time.perf_counter(), time.process_time()
            call()
            walls[name].append(time.perf_counter() - began)
            cpus[name].append(time.process_time() - cpu)
        count += 1
    return {
        name: (1 / statistics.median(walls[name]), 1000 * statistics.median(cpus[name]), walls[name])
        for name in calls
    }


def faults_per_call(call, times: int = 10) -> float:
    """The minor page faults a call of `call` makes, on average over `times` calls: deterministic where
    time is not. A render that maps and unmaps frame-stack chunks over and over (tracker/web/stackroom.py)
    makes hundreds; one that does not, a few."""
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(times):
        call()
    return (resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before) / times


def spread(yardstick: list[float], page: list[float]) -> str:
    """The quartiles of the pairs' ratios (the yardstick's time over the page's, call by call)."""
    ratios = [y / p for y, p in zip(yardstick, page, strict=True)]
    low, _, high = statistics.quantiles(ratios, n=4) if len(ratios) > 1 else ratios * 3
    return f"{low:.2f}-{high:.2f}"


def in_process_ratios(seconds: float) -> dict[str, float]:
    """The timeline through Django's whole stack in this process (test client, no network): cached
    against a bare response of the same stack, uncached against rendering its template from a context
    already in memory. Returns the throughputs and the two ratios, and prints them."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.shortcuts import render
    from django.test import Client, RequestFactory, override_settings
    from django.urls import clear_url_caches, path

    import tracker.urls
    from tracker.web import views
    from tracker.web.stackroom import in_one_chunk

    tracker.urls.urlpatterns.append(path("bench-bare", lambda request: HttpResponse("ok"), name="bench-bare"))
    clear_url_caches()
    client = Client(HTTP_HOST="127.0.0.1")
    captured = {}
    real_render = views.render

    def capture(request, template, context):
        captured.update(template=template, context=dict(context))
        return real_render(request, template, context)

    views.render = capture
    try:
        with override_settings(TRACKER_PAGE_CACHE_SECONDS=0):
            assert client.get("/").status_code == 200
    finally:
        views.render = real_render
    request = RequestFactory(HTTP_HOST="127.0.0.1").get("/")
    request.user = AnonymousUser()

    def ok(response):
        assert response.status_code == 200, response.status_code

    staff = Client(HTTP_HOST="127.0.0.1")
    staff.cookies["sessionid"] = "bench-uncached"  # as the wrk target: never served from the page cache
    pairs = {
        "bare response": lambda: ok(client.get("/bench-bare")),
        "timeline, cached": lambda: ok(client.get("/")),
        # In one chunk of the frame stack, as the page's own render is (tracker/web/stackroom.py): from
        # this function's depth a render could map and unmap a chunk hundreds of times, or not at all.
        "in-memory render": lambda: in_one_chunk(render, request, captured["template"], captured["context"]),
        "timeline, uncached": lambda: ok(staff.get("/")),
    }
    rates, cpu, spreads = {}, {}, {}
    for yardstick, page in (
        ("bare response", "timeline, cached"),
        ("in-memory render", "timeline, uncached"),
    ):
        measured = alternated({name: pairs[name] for name in (yardstick, page)}, 2 * seconds)
        rates |= {name: rate for name, (rate, _, _) in measured.items()}
        cpu |= {name: ms for name, (_, ms, _) in measured.items()}
        spreads[page] = spread(measured[yardstick][2], measured[page][2])
    with override_settings(TRACKER_PAGE_CACHE_SECONDS=0):  # nothing kept between requests at all
        rates["timeline, nothing kept"] = timed(lambda: ok(client.get("/")), seconds)
    cached = rates["timeline, cached"] / rates["bare response"]
    uncached = rates["timeline, uncached"] / rates["in-memory render"]
    cold = rates["timeline, nothing kept"] / rates["in-memory render"]
    print("\nin one process (Django's test client, every middleware, no network; each page timed")
    print("alternately with its yardstick, one call each in turn, so both see the same machine load;")
    print("medians of the calls' times, so a pause that falls on a few calls moves neither):\n")
    for label, rate in rates.items():
        used = f"{cpu[label]:8.2f} ms CPU" if label in cpu else ""
        print(f"{label:22} {rate:9.1f} req/s {1000 / rate:8.2f} ms {used}")
    print(
        f"\ncached timeline / bare response:    {cached:.2f}x (goal >= 0.5; "
        f"pairs' quartiles {spreads['timeline, cached']})"
    )
    print(
        f"uncached timeline / in-memory render: {uncached:.2f}x (goal >= 0.7; "
        f"pairs' quartiles {spreads['timeline, uncached']})"
    )
    print(
        f"  in CPU time: {cpu['in-memory render'] / cpu['timeline, uncached']:.2f}x; "
        f"with the page cache off (TRACKER_PAGE_CACHE_SECONDS=0, nothing precomputed kept): {cold:.2f}x"
    )
    faults = {name: faults_per_call(pairs[name]) for name in ("in-memory render", "timeline, uncached")}
    print(
        f"  minor page faults a call: uncached timeline {faults['timeline, uncached']:.1f}, in-memory render "
        f"{faults['in-memory render']:.1f} (hundreds: frame-stack chunks thrashed, tracker/web/stackroom.py)"
    )
    return rates | {"cached ratio": cached, "uncached ratio": uncached, "nothing kept ratio": cold}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 articles, 1-second runs (CI)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--claims", type=int, default=50_000)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    if args.quick:
        args.articles, args.events, args.claims, args.seconds = 2_000, 200, 1_000, 1.0
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("error: BENCH_DATABASE_URL must be a PostgreSQL URL")
    if why := postgres_answers(url):
        if in_ci():
            raise SystemExit(f"error: PostgreSQL at {urlsplit(url).netloc} does not answer ({why})")
        print(f"skipped: PostgreSQL at {urlsplit(url).netloc} does not answer ({why})")
        return
    signal.signal(
        signal.SIGTERM, lambda *_: sys.exit(143)
    )  # so `finally` stops gunicorn and drops the database
    var_dir = tempfile.mkdtemp(prefix="bench-web-")
    server = None
    failed = False
    try:
        recreate_database(url)
        started = time.perf_counter()
        configure(url, var_dir)
        migrated = time.perf_counter()
        found = generate(args.articles, args.events, args.claims)
        from django.db import connections

        print(
            f"data: {args.articles} articles, {args.events} events, {args.claims} claims "
            f"in {time.perf_counter() - migrated:.1f} s (after {migrated - started:.1f} s of migrations)"
        )
        # A server freezes what its start-up made (tracker/wsgi.py); this process freezes its set-up (the
        # app, the migrations, the corpus' generation) the same way before it times anything, so a full
        # garbage collection, which falls on whichever call is running, walks only what requests made.
        gc.collect()
        gc.freeze()
        in_process_ratios(args.seconds)
        connections.close_all()
        port = free_port()
        server = start_server(url, var_dir, port)
        base = f"http://127.0.0.1:{port}"
        resolved, missing = resolve(targets_for(found))
        tool = "wrk" if shutil.which("wrk") else "a loop of 4 Python threads (wrk is not installed)"
        results, skipped = [], []
        for target, path in resolved:
            began = time.perf_counter()
            status = fetch(base, path, target.headers, timeout=WARM_UP_TIMEOUT)  # a warm-up, and a check
            print(
                f"{target.label}: {path} answered {status} in {time.perf_counter() - began:.2f} s", flush=True
            )
            if status >= 500:
                print(f"FAILED: {target.label} {path} answered {status}")
                failed = True
                continue
            if status != 200:
                skipped.append(f"{target.label} {path}: answered {status}")
                continue
            drive = drive_wrk if shutil.which("wrk") else drive_threads
            result = drive(base + path, target.headers, args.seconds)
            if result.requests < 4 * MIN_REQUESTS:  # wrk drops requests still running when time is up
                print(
                    f"note: {target.label}: {result.requests} requests in {args.seconds:g} s; measured with threads"
                )
                result = drive_threads(base + path, target.headers, args.seconds)
            result.label = target.label
            if result.errors:
                print(f"FAILED: {target.label} {path}: {result.errors} error responses under load")
                failed = True
            results.append(result)
        if not results or results[0].label != "health":
            raise SystemExit("error: the health view did not answer, nothing to compare with")
        report(results, missing, skipped, tool)
    finally:
        if server is not None:
            stop(server)
        try:
            from django.db import connections

            connections.close_all()
        except Exception:  # noqa: BLE001 - Django may not be set up when recreating failed
            pass
        drop_database(url)
        shutil.rmtree(var_dir, ignore_errors=True)
    if failed:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
