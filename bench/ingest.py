"""Ingest benchmark: feeds and article pages served on 127.0.0.1, stored and analysed by the real code.

Prints, from one run (absolute figures drift 20-30 % between runs on these machines; compare ratios):

1. Worker path, fetch only: articles stored per second by Celery workers running `fetch_feed` (guarded
   fetch, feedparser, sanitising, canonical URLs, fingerprints, MinHash copy search, relevance, the
   database) on N feeds of M full-text entries, and the ratio to feedparser's bare parse of the same
   bytes.
2. The whole chain (fetch, pages, extraction, cross-referencing) on a few hundred distinct articles,
   in words per second of the stored article texts, against a bare `nlp.pipe` of the stock full
   pipeline (`spacy.load(model)`, every component, default settings) over the same texts:
   - one process: `poll_feeds --sync` on a fresh database (`ingest_feed(feed)` for every feed under
     eager Celery: the articles_stored hand-off runs extraction and cross-referencing in this process);
     goal >= 0.9x the bare figure; it also shows the seconds spent in the extraction and in the
     cross-referencing (`linking.link_articles`);
   - two processes on the `nlp` queue: a fresh database, two real Celery workers (`-Q nlp -P solo
     -c 1`, OPENBLAS_NUM_THREADS=1, each loads the model once before the clock starts) in their own
     processes; this process fetches and stores every article of their feeds and pages
     (`ingest_feed` without the chain), then enqueues `analyze_batch` as the app does
     (`tasks.batches`: even batches of at most TRACKER_NLP_BATCH_SIZE; `--enqueue as-stored`: each
     batch as soon as it is stored, the fetch going on beside the workers). Goal 2's figure (>= 1.5x
     the bare single-process figure) is timed from the first enqueue until the last batch is linked:
     the workers on their own, as production runs them (the fetch in its own worker, queue `fetch`).
     A second line gives the rate from the first fetch (the fetch, then the workers). It prints how
     long both workers were inside a batch at once, where each worker's time
     went (bench/worker_timeline.py: idle before its first batch, between and after its last;
     extraction, storing, placing, story steps, lock waits, CPU beside wall) and the bound the CPU
     sets: bare `nlp.pipe`'s CPU over the busier worker's, the ratio with no wait and no idle core.
     `--quick` gives it its own 96 articles (`--worker-articles`), four batches of 24, and measures bare
     `nlp.pipe` again over them: with the chain's 32 (two batches, one each) both workers extract at
     once and then one links while the other waits, and the fetch here, before a batch is sent, is a
     large share of so short a window: the ratio measured the set's shortness more than the workers.
   - `--flat 60,600` (instead of the one size, --articles): the one-process chain at each size, each
     run on a fresh database with bare `nlp.pipe` right after it over the texts it stored, the sizes run
     up and back down (60, 600, 60: a load that changes through the run moves both sizes' figures);
     goal 1 wants the ratio at 600 >= 0.9x and within 10 % of the ratio at 60. It prints each run's
     wall and CPU ratios, and the chain's CPU per article by part at each size, largest growth first
     (bench/chain_sizes.py). About twenty minutes on a quiet machine at 60,600.
3. Linking against a stored corpus (bench/linking_scale.py; `--stored 1000,10000`, no spaCy): the cost
   per linked article with 1k and 10k articles stored, each size on a database of its own, the sizes
   linked batch by batch in alternation (12 rounds, `--quick` 6); the 10k/1k ratio is the median of the
   rounds' ratios, with its quartiles, in thread CPU time (the goal, <= 1.5x) and in wall time.

The articles are the five seed articles (tracker/sources/sample_data/articles/*.txt) cut into paragraphs and
recombined: each article takes a random choice of paragraphs (~600 words) in a random order, and gets
its own generated names for the people, companies, products and places the curated vocabulary does not
know, synonyms, numbers, a dateline, a closing paragraph and a byline. Half of the feeds carry the full
text; the other half only a summary, so the article page (HTML with an <article> amid navigation and
related links) is fetched and its text extracted.

    .venv/bin/python bench/ingest.py [--quick] [--feeds 20] [--entries 25] [--articles 300] [--no-workers]
        [--stored 1000,10000] [--linking-only] [--flat 60,600]

It uses throw-away SQLite databases (one per section, copied from one migrated template) and an
in-memory broker for the in-process worker of section 1, unless BENCH_DATABASE_URL or BENCH_BROKER_URL
say otherwise (a BENCH_DATABASE_URL database is emptied of feeds, articles and analyses between
sections; section 3 creates its own databases beside it, `<name>_linking_1000` and so on, and drops
them at the end, so its role needs CREATEDB). The `nlp` workers need a broker another process can reach: BENCH_BROKER_URL if it is not
memory://, else Redis at redis://127.0.0.1:6379/5 (flushed first) when it answers, else the kombu
filesystem broker in the temporary directory. In this process the articles_stored -> analyze_batch
hand-off is disconnected for the two-process section (the bench enqueues the batches itself). The workers are killed at the end, also when something failed.

The cross-referencing grows with the articles already stored, so the full run takes about a quarter of
an hour (300 articles; most of it is `linking.link_articles`). On SQLite the two nlp workers can then
fail with "database is locked": each cross-referencing transaction holds the write lock for seconds and
the other writer gives up after the 30 s busy timeout. Use BENCH_DATABASE_URL=postgres://... there.
`--quick` (4 feeds of 5 entries; 32 articles for the chain, 96 for the two workers; section 3 with six
rounds) takes about two minutes on a quiet machine. `--workers-only` runs only the two
workers (and bare `nlp.pipe` over their texts).
"""

from __future__ import annotations

import argparse
import functools
import io
import os
import random
import re
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

# Before numpy loads, here and in the nlp workers (which inherit the environment).
os.environ["OPENBLAS_NUM_THREADS"] = "1"

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED_ARTICLES = ROOT / "tracker" / "sources" / "sample_data" / "articles"
GOALS = {"one": 0.9, "two": 1.5}
NLP_REDIS_URL = "redis://127.0.0.1:6379/5"  # a dedicated database number: flushed before use
WORKER_READY_SECONDS = 180
QUICK_WORKER_ARTICLES = 96  # four batches of 24: two each, so one links while the other extracts


# --- set-up -----------------------------------------------------------------------------------


def configure(var_dir: str) -> None:
    os.environ["TRACKER_VAR_DIR"] = var_dir
    os.environ["DEBUG"] = "0"  # DEBUG records every query: not what production runs
    os.environ.setdefault("SECRET_KEY", "bench-only-secret")
    os.environ["TRACKER_ALLOW_PRIVATE_URLS"] = "1"
    os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{var_dir}/template.sqlite3")
    os.environ["CELERY_BROKER_URL"] = os.environ.get("BENCH_BROKER_URL", "memory://")
    os.environ["CACHE_URL"] = "locmemcache://"
    os.environ["LOG_LEVEL"] = "ERROR"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    connection.close()


def fresh_database(var_dir: str, name: str) -> str:
    """Point this process at a fresh database and return its URL for other processes. SQLite: a copy
    of the migrated template; another database: the feeds, articles and analyses are deleted."""
    from django.core.cache import cache
    from django.db import connections

    cache.clear()  # robots.txt, fetch slots
    connection = connections["default"]
    if connection.vendor != "sqlite":
        reset_rows()
        # The emptied tables keep their dead rows and the planner statistics of the last run: plans
        # chosen for the wrong sizes (claim_events' per-article query took 150 ms instead of 2 ms on
        # the workers' 96 articles). A production table has autovacuum's statistics.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        return os.environ["DATABASE_URL"]
    connections.close_all()
    template = Path(var_dir) / "template.sqlite3"
    path = Path(var_dir) / f"{name}.sqlite3"
    source, target = sqlite3.connect(template), sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    connection.settings_dict["NAME"] = str(path)  # the dict every connection of this alias reads
    return f"sqlite:///{path}"


def reset_rows() -> None:
    from django.apps import apps

    from tracker.cases.models import Entity

    for label in ("crossref", "sources"):
        for model in reversed(list(apps.get_app_config(label).get_models())):
            model.objects.all().delete()
    Entity.objects.filter(status=Entity.Status.CANDIDATE).delete()


# --- 1. worker path, fetch only (feedparser as the yardstick) ----------------------------------


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


# --- 2. the articles of the whole chain -----------------------------------------------------------

# Names in the seed texts that the curated vocabulary does not know: every article gets its own.
REPLACED = {
    "Frontier Model Forum": "forum",
    "Ichiban Tools": "org",
    "TechCrunch": "org",
    "ChatGPT": "product",
    "Google": "org",
    "Amazon": "org",
    "Meta": "org",
    "Claude": "product",
    "LLaMA": "product",
    "California": "place",
    "Oakland": "place",
    "China": "place",
    "Thursday": "weekday",
}
SYNONYMS = {
    "startup": ("startup", "venture", "young company"),
    "technique": ("technique", "method", "approach"),
    "industry": ("industry", "sector", "field"),
    "competitors": ("competitors", "rivals", "challengers"),
    "significant": ("significant", "considerable", "substantial"),
    "companies": ("companies", "firms", "developers"),
    "revealed": ("revealed", "disclosed", "acknowledged"),
    "testimony": ("testimony", "evidence", "account"),
    "questions": ("questions", "doubts", "issues"),
    "broader": ("broader", "wider", "larger"),
}
NAME_RE = re.compile(r"\b(?:" + "|".join(sorted(REPLACED, key=len, reverse=True)) + r")\b")
WORD_RE = re.compile(r"\b(?:" + "|".join(SYNONYMS) + r")\b")
NUMBER_RE = re.compile(r"(?<![\d.])(?!(?:19|20)\d\d\b)\d{2,}")  # numbers of two digits or more, not years
FIRST = (
    "Amara Tobias Priya Mateo Ingrid Kwame Lucia Hiroshi Nadia Callum Yara Dmitri Selin Oren Farah Elliot "
    "Marisol Jonas Leila Rafael Annika Tariq Beatriz Soren Imani Viktor Noor Declan Mei Anselm"
).split()
LAST = (
    "Okafor Lindqvist Ramaswamy Castellanos Brennan Haddad Kowalczyk Nakamura Ferreira Abernathy Vasquez "
    "Holloway Szabo Adeyemi Marchetti Takahashi Whitcombe Delacroix Mbeki Rasmussen Quintero Petrov "
    "Galloway Iqbal Moreau Fairbanks Oyelaran Stroud Valdivia Eriksen"
).split()
SYLLABLES = "ka ro mi ten sul vor bel dra ni qua zen lo par tis mor ech fa gul hin jo ket lum sa wy".split()
ORG_SUFFIXES = ("Labs", "Systems", "Research", "Analytics", "Capital", "Media", "Dynamics", "Partners")
PLACES = ("Fremont", "Sacramento", "Seattle", "Austin", "Boston", "Denver", "Portland", "Reno", "Tucson")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
ROLES = (
    "a spokesperson for",
    "a lawyer for",
    "an analyst at",
    "a former engineer at",
    "the chief executive of",
)


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    paragraphs: list[str]
    author: str
    published: datetime

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def seed_paragraphs() -> tuple[list[str], list[str]]:
    """(body paragraphs of every seed article, their headlines), without navigation, code and tables."""
    paragraphs, titles = [], []
    for path in sorted(SEED_ARTICLES.glob("*.txt")):
        blocks = [b.strip() for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]
        titles += [b for b in blocks if "Musk" in b and "\n" not in b and 6 <= len(b.split()) <= 16][:1]
        paragraphs += [
            b
            for b in blocks
            if len(b.split()) >= 30 and "\n" not in b and not re.search(r"[{}=#]|def |import ", b)
        ]
    if not paragraphs or not titles:
        raise SystemExit(f"no usable seed articles in {SEED_ARTICLES}")
    return paragraphs, titles


def story(k: int, paragraphs: list[str], titles: list[str]) -> Story:
    """Article k: distinct from every other one in its paragraphs, their order, names and numbers."""
    rng = random.Random(f"bench-ingest-{k}")

    def person() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    def coined() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    org = f"{coined()} {rng.choice(ORG_SUFFIXES)}"
    shared = {
        "forum": f"{coined()} Model Council",
        "place": rng.choice(PLACES),
        "weekday": rng.choice(WEEKDAYS),
    }
    chosen = {  # each uncurated company and product a name of its own
        name: f"{coined()} {rng.choice(ORG_SUFFIXES)}"
        if kind == "org"
        else f"{coined()}Chat"
        if kind == "product"
        else shared[kind]
        for name, kind in REPLACED.items()
    }
    synonyms = {word: rng.choice(options) for word, options in SYNONYMS.items()}

    def vary(text: str) -> str:
        text = NAME_RE.sub(lambda m: chosen[m.group()], text)
        text = WORD_RE.sub(lambda m: synonyms[m.group()], text)
        return NUMBER_RE.sub(
            lambda m: str(rng.randrange(10 ** (len(m.group()) - 1), 10 ** len(m.group()))), text
        )

    order = list(range(len(paragraphs)))
    rng.shuffle(order)
    target, body = rng.randint(470, 560), []
    for i in order:
        if sum(len(p.split()) for p in body) >= target:
            break
        body.append(vary(paragraphs[i]))
    published = datetime(2026, 4, 27, 8, tzinfo=UTC) + timedelta(minutes=37 * k)
    place = shared["place"]
    body[0] = f"{place.upper()}, {published:%B} {published.day} - {body[0]}"
    speaker, author, editor = person(), person(), person()
    amount = rng.randrange(2, 950)
    body.append(
        f"{speaker}, {rng.choice(ROLES)} {org}, said on {shared['weekday']} that the dispute could cost the"
        f" industry ${amount} million a year if courts treat distillation as a breach of contract. Another"
        f" hearing is scheduled for {published + timedelta(days=rng.randrange(7, 90)):%B} {rng.randrange(1, 28)}."
    )
    body.append(f"Reporting by {author} in {place}; editing by {editor}.")
    title = vary(rng.choice(titles))
    return Story(f"{slug(title)}-{k}", title, body, author, published)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def page_html(s: Story, url: str, site: str, related: list[Story]) -> bytes:
    """A realistic article page (~35 KB): head metadata, inline style and script, navigation, the
    <article>, related links, a footer."""
    nav = "".join(f'<li><a href="/section/{w}">{w.title()}</a></li>' for w in SECTIONS)
    more = "".join(f'<li><a href="/news/{r.slug}">{escape(r.title)}</a></li>' for r in related)
    body = "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{escape(s.title)} | {site}</title>"
        f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="{site}">'
        f'<meta property="og:title" content="{escape(s.title)}"><meta name="author" content="{s.author}">'
        f'<meta property="article:published_time" content="{s.published.isoformat()}">'
        f"<style>{STYLE}</style><script>{SCRIPT}</script></head>"
        f'<body><header class="masthead"><a class="logo" href="/">{site}</a><nav><ul>{nav}</ul></nav>'
        '<form action="/search"><input name="q" placeholder="Search"></form></header>'
        f'<main><article><h1>{escape(s.title)}</h1><p class="byline">By {s.author}</p>'
        f'<time datetime="{s.published.isoformat()}">{s.published:%d %B %Y}</time>{body}</article>'
        f'<aside class="related"><h2>More on this story</h2><ul>{more}</ul></aside>'
        '<aside class="newsletter"><h2>Newsletter</h2><p>Get the day\'s court and technology news in'
        " your inbox every morning.</p><a href=/subscribe>Subscribe</a></aside></main>"
        f"<footer><ul>{nav}</ul><p>&copy; 2026 {site}. All rights reserved.</p><p><a href=/privacy>"
        "Privacy</a> <a href=/terms>Terms</a> <a href=/cookies>Cookies</a></p></footer></body></html>"
    ).encode()


SECTIONS = "news world business technology science courts politics opinion video podcasts about".split()
STYLE = "".join(
    f".c{i}{{margin:{i % 7}px;padding:{i % 5}px;color:#{i * 40503 % 0xFFFFFF:06x}}}" for i in range(500)
)
SCRIPT = (
    "window.__ADS=["
    + ",".join(f'{{"slot":"ad-{i}","sizes":[[300,250],[728,90]]}}' for i in range(200))
    + "];"
)


@dataclass
class Chain:
    hosts: list[str]
    stories: list[Story]
    full_text: int  # articles whose feed carries the text
    summary_only: int  # articles whose page is fetched


def serve_chain(server, articles: int, per_feed: int, prefix: str = "chain") -> Chain:
    """Feeds of `per_feed` articles, alternately full text and summary-only with pages to fetch."""
    from tests.support.feeds import item, rss

    paragraphs, titles = seed_paragraphs()
    stories = [story(k, paragraphs, titles) for k in range(articles)]
    hosts, full, summary = [], 0, 0
    for f, start in enumerate(range(0, articles, per_feed)):
        host, site = f"{prefix}{f}.example", f"The Chain {f} Courier"
        batch, full_feed = stories[start : start + per_feed], f % 2 == 0
        items = []
        for s in batch:
            url = f"http://{host}/news/{s.slug}"
            lede = " ".join(s.paragraphs[0].split()[:45]) + " ..."
            pub_date = s.published.strftime("%a, %d %b %Y %H:%M:%S +0000")
            if full_feed:
                content = "".join(f"<p>{escape(p)}</p>" for p in s.paragraphs)
                items.append(item(s.title, url, description=lede, content=content, pub_date=pub_date))
            else:
                items.append(item(s.title, url, description=lede, pub_date=pub_date))
                related = [stories[(start + j * 7) % articles] for j in range(1, 9)]
                server.route(
                    f"/news/{s.slug}",
                    host=host,
                    body=page_html(s, url, site, related),
                    headers={"Content-Type": "text/html; charset=utf-8"},
                )
        full, summary = full + len(batch) * full_feed, summary + len(batch) * (not full_feed)
        body = rss(*items, title=site, link=f"http://{host}/")
        server.route("/feed.xml", host=host, body=body, headers={"Content-Type": "application/rss+xml"})
        hosts.append(host)
    return Chain(hosts, stories, full, summary)


def create_feeds(hosts: list[str]) -> list:
    from tracker.sources.models import Feed

    return [Feed.objects.create(url=f"http://{host}/feed.xml") for host in hosts]


@dataclass
class Outcome:
    seconds: float
    articles: int
    words: int
    summary: str

    @property
    def rate(self) -> float:
        return self.words / self.seconds


def analysed(seconds: float, expected: int) -> Outcome:
    """What the chain stored and found, checked: every stored article has its text and was analysed."""
    from tracker.crossref.models import ClaimCandidate, DateMention, Mention
    from tracker.sources.models import Article

    statuses = {}
    for status in Article.objects.values_list("status", flat=True):
        statuses[status] = statuses.get(status, 0) + 1
    done = Article.objects.filter(status=Article.Status.ANALYZED)
    if statuses.get(Article.Status.ANALYZED, 0) != expected:
        raise SystemExit(f"expected {expected} analysed articles, the database has {statuses}")
    texts = list(done.order_by("pk").values_list("text", flat=True))
    pages = done.exclude(extractor__in=("feed", "summary")).count()
    summary = (
        f"{len(texts)} articles ({pages} from their pages), {Mention.objects.count()} mentions,"
        f" {DateMention.objects.count()} dates, {ClaimCandidate.objects.count()} claims"
    )
    return Outcome(seconds, len(texts), sum(len(t.split()) for t in texts), summary)


def stored_texts() -> list[str]:
    from tracker.sources.models import Article

    return list(Article.objects.exclude(text="").order_by("pk").values_list("text", flat=True))


def warm_extraction() -> str:
    """Build this process's pipeline (curated vocabulary from the database) before a clock starts;
    which thinc ops its model runs on (TRACKER_SPACY_NUMPY_OPS, tracker/nlp/ops_choice.py)."""
    from django.conf import settings
    from django.db import connections

    from tracker.crossref.analysis import curated_vocabulary
    from tracker.nlp import extraction, ops_choice, pipeline

    vocabulary = curated_vocabulary()
    extraction.extract(
        [extraction.Document("Elon Musk told the court in Oakland on Tuesday that he had read the charter.")],
        vocabulary=vocabulary,
        model=settings.SPACY_MODEL,
        numpy_ops=settings.TRACKER_SPACY_NUMPY_OPS,
    )
    connections.close_all()
    nlp = pipeline.get_pipeline(settings.SPACY_MODEL, vocabulary, numpy_ops=settings.TRACKER_SPACY_NUMPY_OPS)
    choice = ops_choice.choice_of(nlp)
    return choice.describe() if choice else "not recorded"


def one_process(hosts: list[str], expected: int, stages: tuple = ()) -> tuple[Outcome, dict[str, float]]:
    """`poll_feeds --sync`: fetch, pages, extraction and cross-referencing in this process. Also
    the seconds spent in the extraction and in the cross-referencing (linking) of the articles."""
    from django.core.management import call_command

    from bench import linking_scale
    from bench.gc_clock import GcClock
    from tracker.crossref import linking
    from tracker.nlp import extraction

    create_feeds(hosts)
    ops = warm_extraction()
    spent = {"extraction": 0.0, "cross-referencing": 0.0}
    cpu = {"extraction": 0.0, "cross-referencing": 0.0}  # this thread's CPU seconds
    originals = {
        "extraction": (extraction, "extract"),
        "cross-referencing": (linking, "link_articles"),
        "story refresh": (
            linking,
            "step_stories",
        ),  # a bulk run's story steps at its end: cross-referencing's
    }

    def timed(key, function):
        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            started, began = time.perf_counter(), time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                part = "cross-referencing" if key == "story refresh" else key
                spent[part] += time.perf_counter() - started
                cpu[part] += time.thread_time() - began

        return wrapper

    for key, (module, name) in originals.items():  # looked up at each call by tracker.crossref.analysis
        setattr(module, name, timed(key, getattr(module, name)))
    extra, stages = stages, linking_scale.StageClock()  # the cross-referencing's own split, by stage
    stages.install(extra)
    gc_clock = GcClock().install()  # the garbage collector's share, inside the parts above
    try:
        started, began = time.perf_counter(), time.thread_time()
        call_command("poll_feeds", "--sync", stdout=io.StringIO())
        elapsed, chain_cpu = time.perf_counter() - started, time.thread_time() - began
    finally:
        gc_clock.remove()
        stages.remove()
        for module, name in originals.values():
            setattr(module, name, getattr(module, name).__wrapped__)
    return analysed(elapsed, expected), spent | {
        "ops": ops,
        "stages": dict(stages.spent),
        "cpu": cpu,
        "stages cpu": dict(stages.cpu),
        "chain cpu": chain_cpu,
        "gc": gc_clock.snapshot(),
    }


def bare_nlp_rate(texts: list[str]) -> tuple[float, list[str], float]:
    """Words per second of the stock full pipeline, every component, default settings; its names; the
    CPU seconds it took (this thread's)."""
    import spacy
    from django.conf import settings

    nlp = spacy.load(settings.SPACY_MODEL)
    list(nlp.pipe(texts[:1]))  # warm up
    started, began = time.perf_counter(), time.thread_time()
    docs = list(nlp.pipe(texts))
    elapsed, cpu = time.perf_counter() - started, time.thread_time() - began
    assert len(docs) == len(texts)
    return sum(len(t.split()) for t in texts) / elapsed, nlp.pipe_names, cpu


# --- 3. two nlp worker processes ----------------------------------------------------------------


def nlp_broker(var_dir: str) -> tuple[str, dict, str]:
    """(URL, transport options, description) of a broker the nlp workers and this process share."""
    given = os.environ.get("BENCH_BROKER_URL", "")
    if given and not given.startswith("memory://"):
        url, description = given, f"{given.split('@')[-1]} (BENCH_BROKER_URL)"
    else:
        try:
            import redis

            client = redis.Redis.from_url(NLP_REDIS_URL, socket_connect_timeout=1, socket_timeout=2)
            client.ping()
            client.flushdb()
            client.close()
            url, description = NLP_REDIS_URL, f"{NLP_REDIS_URL} (flushed first)"
        except Exception as exc:  # no Redis here: the filesystem broker works across processes too
            url = "filesystem://"
            description = f"kombu filesystem broker in the temp dir (no Redis: {type(exc).__name__})"
    if not url.startswith("filesystem://"):
        return url, {}, description
    broker = Path(var_dir) / "broker"  # where settings.py puts it for the workers (TRACKER_VAR_DIR)
    for sub in ("out", "processed", "control"):
        (broker / sub).mkdir(parents=True, exist_ok=True)
    options = {
        "data_folder_in": str(broker / "out"),
        "data_folder_out": str(broker / "out"),
        "processed_folder": str(broker / "processed"),
        "control_folder": str(broker / "control"),
        "store_processed": False,
    }
    return url, options, description


def start_nlp_workers(count: int, var_dir: str, db_url: str, broker_url: str) -> list[subprocess.Popen]:
    env = {
        **os.environ,
        "DATABASE_URL": db_url,
        "CELERY_BROKER_URL": broker_url,
        "TRACKER_VAR_DIR": var_dir,
        "CACHE_URL": "locmemcache://",
        "OPENBLAS_NUM_THREADS": "1",
        "LOG_LEVEL": "WARNING",
    }
    workers = []
    for i in range(count):
        log = open(Path(var_dir) / f"nlp{i}.log", "wb")  # noqa: SIM115 (closed with the process)
        ready = Path(var_dir) / f"nlp{i}.ready"
        command = [sys.executable, __file__, "--nlp-worker", f"nlp{i}", "--ready", str(ready)]
        workers.append(subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT))
        log.close()
    return workers


def wait_ready(workers: list[subprocess.Popen], var_dir: str) -> None:
    deadline = time.monotonic() + WORKER_READY_SECONDS
    while not all((Path(var_dir) / f"nlp{i}.ready").exists() for i in range(len(workers))):
        check_workers(workers, var_dir)
        if time.monotonic() > deadline:
            raise SystemExit(f"the nlp workers were not ready after {WORKER_READY_SECONDS} s" + logs(var_dir))
        time.sleep(0.1)


def finished_articles(var_dir: str) -> int:
    """Articles in the analyze_batch tasks the workers have finished (their task_postrun lines)."""
    total = 0
    for path in Path(var_dir).glob("nlp*.done"):
        for line in path.read_text().splitlines():
            state, _, count = line.partition(" ")
            if state != "SUCCESS":
                raise SystemExit(f"an analyze_batch task ended in {state}{hint(var_dir)}" + logs(var_dir))
            total += int(count)
    return total


def check_workers(workers: list[subprocess.Popen], var_dir: str) -> None:
    if any(w.poll() is not None for w in workers):
        raise SystemExit("an nlp worker exited" + logs(var_dir))
    for path in Path(var_dir).glob("nlp*.log"):
        if b"Traceback" in path.read_bytes():
            raise SystemExit(f"an nlp worker failed{hint(var_dir)}" + logs(var_dir))


def hint(var_dir: str) -> str:
    if any(b"database is locked" in path.read_bytes() for path in Path(var_dir).glob("nlp*.log")):
        return " (SQLite kept a writer waiting past its busy timeout: set BENCH_DATABASE_URL=postgres://...)"
    return ""


def logs(var_dir: str) -> str:
    tails = [
        f"\n--- {path.name} ---\n" + path.read_text(errors="replace")[-3000:]
        for path in sorted(Path(var_dir).glob("nlp*.log"))
    ]
    return "".join(tails)


def stop_workers(workers: list[subprocess.Popen]) -> None:
    for worker in workers:
        if worker.poll() is None:
            worker.send_signal(signal.SIGTERM)
    for worker in workers:
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


@dataclass
class Windows:
    """The two clocks of the two-worker section (epoch seconds, and this process's CPU seconds at
    each mark): `fetch` starts at the first fetch, `enqueue` at the first batch sent; both end when
    the workers have finished (extracted and linked) every batch."""

    fetch: float = 0.0
    enqueue: float = 0.0
    end: float = 0.0
    cpu_fetch: float = 0.0
    cpu_enqueue: float = 0.0
    cpu_end: float = 0.0

    def mark(self, name: str) -> None:
        setattr(self, name, time.time())
        setattr(self, f"cpu_{name}", own_cpu())


def two_processes(
    hosts: list[str], expected: int, var_dir: str, db_url: str, broker, *, as_stored: bool = False
) -> tuple[Outcome, float, Windows]:
    """Fetch here and analyse in two nlp worker processes, timed from the first fetch and from the
    first enqueue until every batch is done. By default (after-fetch) every article is fetched and
    stored before the first batch is sent, so the second clock times the nlp workers on their own, as
    production runs them (the fetch in its own worker, queue `fetch`, maybe on another machine).
    `as_stored`: a batch is enqueued as soon as the feeds fetched so far have stored its articles, so
    the workers extract while this process fetches the rest (the app's own hand-off, articles_stored,
    once a feed) and both clocks include fetching. (After-fetch was first kept for SQLite: this process
    writing while two workers cross-referenced was starved of its write lock past the busy timeout.)"""
    from celery import Celery
    from django.conf import settings

    from tracker.crossref import analysis, tasks
    from tracker.sources import ingestion

    url, options, _ = broker
    sender = Celery("bench-nlp", set_as_current=False)
    # CELERY_BROKER_URL in the environment (this process's own broker) outranks broker_url.
    sender.conf.update(broker_read_url=url, broker_write_url=url, broker_transport_options=options)
    with sender.connection_for_write() as connection:
        connection.default_channel.queue_purge("nlp")
    feeds = create_feeds(hosts)
    workers = start_nlp_workers(2, var_dir, db_url, url)
    try:
        wait_ready(workers, var_dir)
        size = settings.TRACKER_NLP_BATCH_SIZE
        timeout = 600 + expected * expected / 20  # the cross-referencing grows with the articles
        with sender.producer_or_acquire() as producer:

            def send(ids: list[int]) -> None:
                if not sent:
                    windows.mark("enqueue")
                sender.send_task(
                    "tracker.crossref.tasks.analyze_batch", args=[ids], queue="nlp", producer=producer
                )

            sent: list[int] = []

            def flush(*, last: bool) -> None:
                pending = [pk for pk in analysis.pending_article_ids() if pk not in set(sent)]
                # as the app hands articles on (`tasks.enqueue_analysis`): the rest in even batches
                for ids in tasks.batches(pending, size) if last and pending else []:
                    send(ids)
                    sent.extend(ids)
                while len(pending) >= size and not last:
                    send(pending[:size])
                    sent.extend(pending[:size])
                    pending = pending[size:]

            windows = Windows()
            windows.mark("fetch")
            started = time.perf_counter()
            for feed in feeds:
                ingestion.ingest_feed(feed)
                if as_stored:
                    flush(last=False)
            fetched = time.perf_counter() - started
            flush(last=True)
            # An article is ANALYZED once its extraction is stored, before the batch cross-references
            # it: the clock stops when the workers have finished every batch.
            last_check = 0.0
            while finished_articles(var_dir) < len(sent):
                now = time.perf_counter()
                if now - started > timeout:
                    raise SystemExit(f"the batches were not done after {timeout:.0f} s" + logs(var_dir))
                if now - last_check > 1:
                    check_workers(workers, var_dir)
                    last_check = now
                time.sleep(0.05)
            windows.mark("end")
    finally:
        stop_workers(workers)
    return analysed(windows.end - windows.fetch, expected), fetched, windows


def own_cpu() -> float:
    """This process's CPU seconds, all its threads (the fetch, and the test server's pages)."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def run_nlp_worker(name: str, ready: str) -> None:
    """`celery -A tracker worker -Q nlp -P solo -c 1`, with the pipeline built before it consumes
    (as it is after a worker's first batch), a file written once it is ready and a line written to
    another after each analyze_batch task (its state and how many articles it had)."""
    import django

    django.setup()
    from celery import signals

    from bench import worker_timeline
    from tracker import celery_app

    Path(ready).with_suffix(".ops").write_text(warm_extraction())
    done = Path(ready).with_suffix(".done")
    worker_timeline.install(Path(ready).with_suffix(".timeline"))

    def finished(sender=None, args=None, state=None, **kwargs) -> None:
        if sender.name == "tracker.crossref.tasks.analyze_batch":
            with done.open("a") as out:
                out.write(f"{state} {len(args[0]) if args else 0}\n")

    signals.task_postrun.connect(finished, weak=False)
    if celery_app.conf.broker_url.startswith("filesystem://"):
        options = dict(celery_app.conf.broker_transport_options or {})
        celery_app.conf.broker_transport_options = {**options, "polling_interval": 0.05}
    signals.worker_ready.connect(lambda **kwargs: Path(ready).touch(), weak=False)
    celery_app.worker_main(
        ["worker", "-Q", "nlp", "-P", "solo", "-c", "1", "-n", f"{name}@%h", "-l", "WARNING"]
        + ["--without-gossip", "--without-mingle", "--without-heartbeat"]
    )


# --- main ---------------------------------------------------------------------------------------


def verdict(value: float, goal: float) -> str:
    return f"goal >= {goal:.1f}: {'met' if value >= goal else 'MISSED'}"


def chain_sizes_arg(text: str) -> list[int]:
    from bench import chain_sizes

    try:
        return chain_sizes.sizes_of(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--entries", type=int, default=25)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--articles", type=int, default=300, help="distinct articles for the chain")
    parser.add_argument("--per-feed", type=int, default=10, help="articles per feed for the chain")
    parser.add_argument("--quick", action="store_true", help="4 feeds of 5 entries; 32 articles")
    parser.add_argument(
        "--stored", default="1000,10000", help="section 3: articles already stored, comma-separated"
    )
    parser.add_argument("--linking-only", action="store_true", help="only section 3 (no spaCy)")
    parser.add_argument("--no-workers", action="store_true", help="skip the two nlp worker processes")
    parser.add_argument(
        "--worker-articles",
        type=int,
        help="articles for the two nlp workers (default: --articles; --quick: 96, four batches)",
    )
    parser.add_argument(
        "--enqueue",
        choices=("as-stored", "after-fetch"),
        default="after-fetch",
        help="two nlp workers: all batches after the whole fetch (goal 2: the workers timed on their"
        " own), or each batch once stored (the fetch in the workers' window)",
    )
    parser.add_argument(
        "--workers-only", action="store_true", help="only the two nlp workers (and bare nlp.pipe)"
    )
    parser.add_argument(
        "--flat",
        type=chain_sizes_arg,
        default=[],
        metavar="SIZES",
        help="the whole chain at each of these sizes (e.g. 60,600) instead of --articles, run up and back"
        " down, each on a fresh database with bare nlp.pipe after it; the ratios' flatness",
    )
    parser.add_argument("--nlp-worker", help=argparse.SUPPRESS)
    parser.add_argument("--ready", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.nlp_worker:
        run_nlp_worker(args.nlp_worker, args.ready)
        return
    if args.quick:
        args.feeds, args.entries, args.articles, args.per_feed = 4, 5, 32, 8
        args.worker_articles = args.worker_articles or QUICK_WORKER_ARTICLES
    args.worker_articles = args.worker_articles or args.articles

    began = time.perf_counter()
    if args.linking_only:
        with tempfile.TemporaryDirectory(prefix="bench-ingest-") as var_dir:
            configure(var_dir)
            linking_section(var_dir, args.stored, quick=args.quick)
        report(f"(the whole run took {time.perf_counter() - began:.0f} s)")
        return
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as var_dir:
        configure(var_dir)
        from django.conf import settings

        from tests.support.httpserver import TestServer

        server = TestServer()
        try:
            fresh_database(var_dir, "fetch")
            bodies = build_feeds(server, args.feeds, args.entries)
            chains = {s: serve_chain(server, s, args.per_feed, prefix=f"flat{s}-") for s in args.flat}
            chain = workers_chain = None
            if not args.flat:
                chain = workers_chain = serve_chain(server, args.articles, args.per_feed)
            if args.flat or args.worker_articles != args.articles:
                workers_chain = serve_chain(server, args.worker_articles, args.per_feed, prefix="workers")
            hosts = [*bodies, *(h for c in (chain, workers_chain, *chains.values()) if c for h in c.hosts)]
            settings.TRACKER_FETCH_RESOLVE = dict.fromkeys(hosts, f"127.0.0.1:{server.port}")
            bare = None
            if args.flat and not args.workers_only:
                flat_section(args, var_dir, bodies, chains)
            elif not args.workers_only:
                bare = chain_sections(args, var_dir, bodies, chain)
            if not args.no_workers:
                two_workers(args, var_dir, workers_chain, bare)
        finally:
            server.close()
        if not args.workers_only:
            report("")
            linking_section(var_dir, args.stored, quick=args.quick)

    report(f"(the whole run took {time.perf_counter() - began:.0f} s)")


def fetch_section(args, bodies: dict[str, bytes]) -> list[str]:
    """Section 1: the fetch-only worker path against feedparser's bare parse; its lines."""
    parse_rate = bare_parse_rate(bodies)
    rate, stored = worker_rate(bodies, args.concurrency)
    return [
        "1. worker path, fetch only",
        f"feeds x entries            {args.feeds} x {args.entries} (~600 words each, full text in the feed)",
        f"articles stored            {stored}",
        f"worker path (threads={args.concurrency})   {rate:10.1f} articles/s",
        f"feedparser bare parse      {parse_rate:10.1f} entries/s",
        f"ratio worker / bare parse  {rate / parse_rate:10.3f}",
        "",
    ]


def chain_lines(articles: int, chain: Chain, per_feed: int) -> list[str]:
    return [
        f"articles: {articles} distinct, recombined from the paragraphs of the"
        f" {len(list(SEED_ARTICLES.glob('*.txt')))} seed articles"
        f" ({SEED_ARTICLES.relative_to(ROOT)}/*.txt) with generated names, synonyms, numbers,"
        f" datelines and bylines; {sum(len(s.text.split()) for s in chain.stories):,} words",
        f"served on 127.0.0.1: {len(chain.hosts)} feeds of up to {per_feed}; {chain.full_text}"
        f" articles with the full text in the feed, {chain.summary_only} summary-only with an HTML"
        " page fetched and extracted",
    ]


def flat_section(args, var_dir: str, bodies: dict[str, bytes], chains: dict[int, Chain]) -> None:
    """Sections 1 and 2 with --flat: the whole chain at each size, each run on a fresh database, the
    sizes up and back down (bench/chain_sizes.py), and the ratios' flatness."""
    from django.conf import settings
    from django.db import connection

    from bench import chain_sizes

    sizes = sorted(chains)
    report(
        *fetch_section(args, bodies),
        f"2. whole chain at {', '.join(map(str, sizes))} articles (--flat), one process, in the order"
        f" {', '.join(map(str, chain_sizes.order_of(sizes)))}; each run on a fresh"
        f" {connection.vendor} database, bare nlp.pipe ({settings.SPACY_MODEL}, every component) right"
        " after it over the texts it stored",
        *chain_lines(sizes[-1], chains[sizes[-1]], args.per_feed),
        "  (each smaller size: the first articles of these, on feeds and pages of its own)",
    )
    runs = []
    for size in chain_sizes.order_of(sizes):
        fresh_database(var_dir, f"flat-{size}")
        one, spent = one_process(chains[size].hosts, size, stages=chain_sizes.MORE_STAGES)
        texts = stored_texts()
        bare_rate, _, bare_cpu = bare_nlp_rate(texts)
        runs.append(
            chain_sizes.Run(
                size=size,
                articles=one.articles,
                words=one.words,
                seconds=one.seconds,
                cpu=spent["chain cpu"],
                bare_rate=bare_rate,
                bare_cpu=bare_cpu,
                parts_cpu=spent["cpu"],
                stages_cpu=spent["stages cpu"],
                gc=spent["gc"],
            )
        )
        ops = "" if len(runs) > 1 else f" (spaCy's ops: {spent['ops']})"
        report(f"  {size} articles done in {one.seconds:.1f} s{ops}: {one.summary}")
    report(*chain_sizes.flat_lines(runs, goal=GOALS["one"]))


def chain_sections(args, var_dir: str, bodies: dict[str, bytes], chain: Chain) -> tuple[float, float]:
    """Sections 1 and 2 in one process: the fetch-only worker path and the whole chain; the bare
    `nlp.pipe` rate over the chain's stored texts, and its CPU seconds."""
    from django.conf import settings
    from django.db import connection

    report(
        *fetch_section(args, bodies),
        "2. whole chain: fetch, pages, extraction, cross-referencing",
        *chain_lines(args.articles, chain, args.per_feed),
    )

    url = fresh_database(var_dir, "one")
    one, spent = one_process(chain.hosts, args.articles)
    stages, stages_cpu, cpu = spent.pop("stages"), spent.pop("stages cpu"), spent.pop("cpu")
    ops, _, _ = spent.pop("ops"), spent.pop("chain cpu"), spent.pop("gc")  # gc: --flat prints it
    texts = stored_texts()
    bare_rate, pipe_names, bare_cpu = bare_nlp_rate(texts)
    other = one.seconds - sum(spent.values())
    database = (
        "SQLite (WAL), a fresh file per section"
        if url.startswith("sqlite")
        else f"{connection.vendor} (BENCH_DATABASE_URL), emptied per section"
    )
    report(
        f"database: {database}; stored texts {len(texts)} articles,"
        f" {sum(len(t.split()) for t in texts):,} words",
        f"bare nlp.pipe, 1 process   {bare_rate:8,.0f} words/s  ({settings.SPACY_MODEL}, all"
        f" components: {', '.join(pipe_names)})",
        f"poll_feeds --sync, 1 proc. {one.rate:8,.0f} words/s  ({one.seconds:.1f} s: {one.summary})",
        f"  spaCy's ops              {ops}",
        "  of which                  "
        + ", ".join(f"{key} {seconds:.1f} s" for key, seconds in spent.items())
        + f", the rest (fetch, pages, storing) {other:.1f} s",
        "  CPU (this thread)         " + ", ".join(f"{key} {seconds:.1f} s" for key, seconds in cpu.items()),
        "  cross-referencing by stage "
        + ", ".join(f"{k} {v:.1f} s" for k, v in sorted(stages.items(), key=lambda kv: -kv[1]) if v >= 0.05),
        "  the same, CPU             "
        + ", ".join(
            f"{k} {v:.1f} s" for k, v in sorted(stages_cpu.items(), key=lambda kv: -kv[1]) if v >= 0.05
        ),
        f"ratio 1 process / bare     {one.rate / bare_rate:8.2f}x        "
        + verdict(one.rate / bare_rate, GOALS["one"]),
    )

    return bare_rate, bare_cpu


def two_workers(args, var_dir: str, chain: Chain, bare: tuple[float, float] | None) -> None:
    """Section 2, two nlp worker processes: a fresh database, the chain's feeds fetched here. When
    its articles are not the one-process chain's, the bare `nlp.pipe` rate is measured again over the
    texts it stored."""
    from django.conf import settings

    from tracker.sources.signals import articles_stored

    broker = nlp_broker(var_dir)
    url = fresh_database(var_dir, "two")
    articles_stored.disconnect(dispatch_uid="crossref-analyse-stored")
    two, fetched, windows = two_processes(
        chain.hosts, args.worker_articles, var_dir, url, broker, as_stored=args.enqueue == "as-stored"
    )
    own = []
    if bare is None or args.worker_articles != args.articles:
        texts = stored_texts()
        bare = bare_nlp_rate(texts)[::2]
        own = [
            f"2 nlp workers' own set: {len(texts)} articles, {sum(len(t.split()) for t in texts):,} words"
            f" (the same recombination); bare nlp.pipe over them {bare[0]:8,.0f} words/s"
        ]
    report(
        *own,
        f"  broker {broker[2]}; workers: -Q nlp -P solo -c 1, OPENBLAS_NUM_THREADS=1, batches of"
        f" {settings.TRACKER_NLP_BATCH_SIZE} enqueued {args.enqueue}",
        *(
            f"  {path.stem}'s spaCy ops: {path.read_text()}"
            for path in sorted(Path(var_dir).glob("nlp*.ops"))
        ),
        *worker_lines(two, fetched, windows, bare, var_dir, as_stored=args.enqueue == "as-stored"),
    )


def worker_lines(
    two: Outcome,
    fetched: float,
    windows: Windows,
    bare: tuple[float, float],
    var_dir: str,
    *,
    as_stored: bool,
) -> list[str]:
    """The two-worker section's figures. Goal 2's ratio times the workers from the first enqueue (the
    fetch done before it, unless `as_stored`); the with-fetch ratio, from the first fetch, follows."""
    from bench import worker_timeline

    bare_rate, bare_cpu = bare
    alone = windows.end - windows.enqueue
    alone_rate = two.words / alone
    busiest = worker_timeline.busiest(var_dir)
    spent = worker_timeline.spent(var_dir)
    here_alone = windows.cpu_end - windows.cpu_enqueue
    here_all = windows.cpu_end - windows.cpu_fetch
    both, span = worker_timeline.overlap(var_dir)
    which = (
        "the fetch still runs in it (--enqueue as-stored)"
        if as_stored
        else f"all {two.articles} articles fetched and stored before it"
    )
    return [
        f"2 nlp workers alone        {alone_rate:8,.0f} words/s  ({alone:.1f} s from the first enqueue to the"
        f" last batch linked; {which}: {two.summary})",
        f"ratio workers alone / bare {alone_rate / bare_rate:8.2f}x        "
        + verdict(alone_rate / bare_rate, GOALS["two"]),
        f"2 nlp workers + the fetch  {two.rate:8,.0f} words/s  ({two.seconds:.1f} s from the first fetch, of"
        f" which the fetch here {fetched:.1f} s)",
        f"ratio with the fetch / bare {two.rate / bare_rate:7.2f}x        (not the goal: the fetch is a"
        " worker of its own in production)",
        "  where each worker's time went from the first enqueue (bench/worker_timeline.py):",
        *worker_timeline.summary(var_dir, windows.enqueue, windows.end),
        f"  overlap: both workers inside a batch {both:.1f} s of the {span:.1f} s from the first batch's"
        f" start to the last one's end ({both / span if span else 0:.0%})",
        f"  bound: bare nlp.pipe's CPU {bare_cpu:.1f} s / the busier worker's CPU {busiest:.1f} s ="
        f" {bare_cpu / busiest:.2f}x, the ratio with no wait and no idle core (steadier than the"
        " ratio on a shared machine)",
        f"  CPU from the first enqueue: workers {' + '.join(f'{s:.1f}' for s in spent)} s, this process"
        f" {here_alone:.1f} s ({'the rest of the fetch, ' if as_stored else ''}enqueueing, polling); on two cores the ratio is at most bare nlp.pipe's CPU"
        f" / half their sum = {bare_cpu / ((sum(spent) + here_alone) / 2):.2f}x",
        f"  CPU from the first fetch: this process {here_all:.1f} s (the fetch, the test server's pages,"
        f" enqueueing); with it the ceiling is {bare_cpu / ((sum(spent) + here_all) / 2):.2f}x",
    ]


def linking_section(var_dir: str, stored: str, *, quick: bool = False) -> None:
    """Section 3: the per-article cost of linking with these many articles stored (bench/linking_scale.py),
    each size on a database and a connection of its own, kept open side by side, so the sizes can be
    linked batch by batch in alternation."""
    from django.conf import settings
    from django.db import connections

    from bench import linking_scale

    sizes = [int(s) for s in stored.split(",") if s.strip()]
    if not sizes:  # --stored ""
        return
    rounds = linking_scale.QUICK_ROUNDS if quick else linking_scale.ROUNDS
    batch = settings.TRACKER_NLP_BATCH_SIZE
    original = connections["default"]
    stores, made = [], []
    try:
        for size in sizes:
            use = store_database(var_dir, f"linking-{size}", original, made)
            use()
            built, batches = linking_scale.build(size, batch=batch, batches=rounds)
            stores.append(linking_scale.Store(size, built, batches, use))
        linking_scale.alternate(stores, rounds)
    finally:
        connections["default"] = original
        drop_store_databases(made)
    report(*linking_scale.report_lines(stores))


def store_database(var_dir: str, name: str, default, made: list) -> Callable[[], None]:
    """A fresh, migrated database on a connection of its own, made from the `default` connection's
    settings; returns what points Django's default connection at it. SQLite: a copy of the migrated
    template; PostgreSQL (BENCH_DATABASE_URL): a new database beside it, `<its name>_<name>`, dropped at
    the end (`drop_store_databases`)."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connections
    from django.db.utils import load_backend

    settings_dict = dict(default.settings_dict)
    if default.vendor == "sqlite":
        path = Path(var_dir) / f"{name}.sqlite3"
        source, target = sqlite3.connect(Path(var_dir) / "template.sqlite3"), sqlite3.connect(path)
        try:
            source.backup(target)
        finally:
            source.close()
            target.close()
        settings_dict["NAME"] = str(path)
    else:
        settings_dict["NAME"] = f"{settings_dict['NAME']}_{name}".replace("-", "_")
        with default.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{settings_dict["NAME"]}"')
            cursor.execute(f'CREATE DATABASE "{settings_dict["NAME"]}"')
    wrapper = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, "default")
    made.append((default, wrapper))

    def use() -> None:
        connections["default"] = wrapper
        cache.clear()  # the locmem cache is the process's, not the database's

    if default.vendor != "sqlite":
        use()
        call_command("migrate", verbosity=0)
        connections["default"] = default
    return use


def drop_store_databases(made: list) -> None:
    for default, wrapper in made:
        wrapper.close()
        if wrapper.vendor != "sqlite":
            with default.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{wrapper.settings_dict["NAME"]}"')


def report(*lines: str) -> None:
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
