"""Cross-referencing CPU over bench/ingest.py's two-worker articles, replayed without spaCy.

`build DIR`: serves the workers' 96 articles (`--articles`, `--per-feed`: other sizes; bench/ingest.py's
recombination, `serve_chain(..., prefix="workers")`), fetches and stores them, extracts them once in batches
of TRACKER_NLP_BATCH_SIZE (first seen first, as `pending_article_ids` hands them out) and keeps in DIR the
stored rows (`dumpdata sources`) and each batch's extractions (pickled). `run DIR`: a fresh database with
those rows, then each batch through the real `analysis.analyze_articles` with the extraction read from DIR:
storing, `promote_candidates` and `linking.link_articles` run as a worker runs them, one batch after another
in one process. Prints the thread CPU and the queries of linking (and of promoting; `--per-batch`: linking's
CPU an article five batches at a time, what grows with the corpus); `--profile FILE` keeps a cProfile of the
linking; `--inline`: each batch runs its story-wide steps itself (the workers' path) instead of the bulk
run's one refresh at the end (`deferred_steps.deferred`, timed apart); `--state FILE` writes what linking
produced (stories, claims and their evidence, events, discrepancies, keyed by article ids and texts, no
row ids) for comparing two trees.

    BENCH_DATABASE_URL=postgres://... .venv/bin/python bench/linking_replay.py build /tmp/replay
    BENCH_DATABASE_URL=postgres://... .venv/bin/python bench/linking_replay.py run /tmp/replay [--state F]
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import cProfile
import functools
import importlib
import io
import json
import pickle
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ARTICLES = 96


def build(out: Path, articles: int = ARTICLES, per_feed: int = 8) -> None:
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from bench import ingest
    from tests.support.httpserver import TestServer
    from tracker.crossref import analysis
    from tracker.sources import ingestion
    from tracker.sources.signals import articles_stored

    out.mkdir(parents=True, exist_ok=True)
    server = TestServer()
    try:
        if connection.vendor != "sqlite":  # SQLite: the template ingest.configure migrated is empty
            ingest.fresh_database(str(out), "build")
        chain = ingest.serve_chain(server, articles, per_feed, prefix="workers")
        settings.TRACKER_FETCH_RESOLVE = dict.fromkeys(chain.hosts, f"127.0.0.1:{server.port}")
        articles_stored.disconnect(dispatch_uid="crossref-analyse-stored")
        for feed in ingest.create_feeds(chain.hosts):
            ingestion.ingest_feed(feed)
    finally:
        server.close()
    rows = io.StringIO()
    call_command("dumpdata", "sources", "cases", stdout=rows)
    (out / "rows.json").write_text(rows.getvalue())
    ingest.warm_extraction()
    size, batches = settings.TRACKER_NLP_BATCH_SIZE, []
    pending = analysis.pending_article_ids()
    from tracker.sources.models import Article

    for start in range(0, len(pending), size):
        ids = pending[start : start + size]
        articles = list(Article.objects.filter(pk__in=ids).order_by("pk"))
        batches.append((ids, {a.pk: e for a, e in analysis._extract_each(articles)}))
    (out / "batches.pickle").write_bytes(pickle.dumps(batches))
    print(f"{len(pending)} articles in {len(batches)} batches kept in {out}")


def state() -> dict:
    """What linking produced, without row ids (article ids are the dump's)."""
    from tracker.crossref.models import Claim, Discrepancy, Event, Story

    claim_key = {}
    claims = []
    for claim in Claim.objects.prefetch_related("evidence").order_by("pk"):
        spans = sorted((e.article_id, e.start) for e in claim.evidence.all())
        claim_key[claim.pk] = f"{claim.speaker_id}|{claim.speaker_text}|{claim.text}|{spans[:1]}"
    for claim in Claim.objects.prefetch_related("evidence").order_by("pk"):
        spans = sorted((e.article_id, e.start) for e in claim.evidence.all())
        claims.append(
            [
                claim_key[claim.pk],
                claim.kind,
                str(claim.date),
                spans,
                claim_key.get(claim.responds_to_id),
                [
                    claim.outlets_count,
                    claim.independent_count,
                    claim.first_outlet_id,
                    claim.confidence,
                    claim.status,
                    claim.merged_into_id is None,
                    claim.event.title if claim.event_id else None,
                ],
                claim.story.representative_id if claim.story_id else None,
            ]
        )
    stories = sorted(sorted(s.memberships.values_list("article_id", flat=True)) for s in Story.objects.all())
    events = sorted(
        (
            [
                sorted(claim_key[c] for c in e.claims.values_list("pk", flat=True)),
                {
                    f.attname: str(getattr(e, f.attname))
                    for f in Event._meta.concrete_fields
                    if f.attname != "id"
                },
            ]
            for e in Event.objects.all()
        ),
        key=str,
    )
    found = sorted(
        json.dumps(
            {
                k: v
                for k, v in d.__dict__.items()
                if not k.startswith("_")
                and not k.endswith("id")
                and k not in ("created_at", "updated_at", "detected_at")
            },
            default=str,
            sort_keys=True,
        )
        for d in Discrepancy.objects.all()
    )
    return {"stories": stories, "claims": sorted(claims, key=str), "events": events, "discrepancies": found}


def run(
    kept: Path,
    *,
    profile: str | None,
    state_file: str | None,
    queries: bool,
    where: bool = False,
    also: tuple = (),
    batch_lines: bool = False,
    profile_batches: str = "",
    inline: bool = False,
    first: int = 0,
    split: bool = False,
) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench import ingest
    from bench.gc_clock import GcClock
    from tracker.crossref import analysis, deferred_steps, linking
    from tracker.nlp import pipeline

    batches = pickle.loads((kept / "batches.pickle").read_bytes())
    if first:  # the corpus's first batches alone: the small size of a flatness comparison
        batches = batches[:first]
    with tempfile.TemporaryDirectory(prefix="replay-") as var_dir:
        if connection.vendor != "sqlite":  # the rows and the sequences (ids in the output) anew
            ingest.fresh_database(var_dir, "replay")
            from django.apps import apps

            tables = [m._meta.db_table for m in apps.get_app_config("crossref").get_models()]
            with connection.cursor() as cursor:
                cursor.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")
        call_command("loaddata", str(kept / "rows.json"), verbosity=0)
        extracted = {pk: e for _, found in batches for pk, e in found.items()}
        pipeline.keep_for_life()  # as a worker's first batch does once it has built its pipeline
        analysis._extract_each = lambda articles: [(a, extracted[a.pk]) for a in articles]
        cpu = {"link": 0.0, "promote": 0.0, "store": 0.0, "refresh": 0.0}
        counted = {"link": 0, "promote": 0, "store": 0, "refresh": 0}
        profiler = cProfile.Profile(time.thread_time) if profile else None  # CPU, not waits
        profiled_batches = _batch_ranges(profile_batches, len(batches))
        batch_no = [0]

        def timed(key, function, *, profiled=False):
            @functools.wraps(function)
            def wrapper(*args, **kwargs):
                began = time.thread_time()
                context = CaptureQueriesContext(connection) if queries else None
                if context is not None:
                    context.__enter__()
                profiling = profiled and profiler and batch_no[0] in profiled_batches
                if profiling:
                    profiler.enable()
                try:
                    return function(*args, **kwargs)
                finally:
                    if profiling:
                        profiler.disable()
                    cpu[key] += time.thread_time() - began
                    if context is not None:
                        context.__exit__(None, None, None)
                        counted[key] += len(context)

            return wrapper

        linking.link_articles = timed("link", linking.link_articles, profiled=True)
        linking.step_stories = timed("refresh", linking.step_stories, profiled=True)
        analysis.promote_candidates = timed("promote", analysis.promote_candidates)
        analysis.store_extractions = timed("store", analysis.store_extractions)
        for spec in also:  # module:function, timed as looked up at each call
            module_name, name = spec.split(":")
            owner = importlib.import_module(module_name)
            *path, attribute = name.split(".")  # a class's method too: module:Class.method
            for part in path:
                owner = getattr(owner, part)
            cpu[spec], counted[spec] = 0.0, 0  # keyed by the whole spec: two modules' `prepare` apart
            setattr(owner, attribute, timed(spec, getattr(owner, attribute)))
        sites: collections.Counter = collections.Counter()

        def by_site(execute, sql, params, many, context):
            for frame in reversed(traceback.extract_stack(limit=40)):
                if "/tracker/" in frame.filename:
                    sites[f"{frame.filename.split('/tracker/')[1]}:{frame.lineno} {frame.name}"] += 1
                    break
            return execute(sql, params, many, context)

        clock = None
        if split:  # `--flat`'s stages (bench/ingest.py one_process), each exclusive of those it calls
            from bench import chain_sizes, linking_scale

            clock = linking_scale.StageClock()
            clock.install(chain_sizes.MORE_STAGES)
        began = time.thread_time()
        per_batch = []  # linking's CPU and articles at each batch: what grows with the corpus
        gc_clock = GcClock().install()  # the garbage collector's, in each batch (not only linking's)
        run_in = contextlib.nullcontext() if inline else deferred_steps.deferred()
        with connection.execute_wrapper(by_site) if where else contextlib.nullcontext(), run_in:
            for number, (ids, _) in enumerate(batches, 1):
                batch_no[0] = number
                was, staged, was_gc = dict(cpu), dict(clock.cpu if clock else {}), gc_clock.snapshot()
                analysis.analyze_articles(ids)
                now_gc = gc_clock.snapshot()
                spent = {k: v - was[k] for k, v in cpu.items()}
                if clock:
                    spent |= {k: v - staged.get(k, 0.0) for k, v in clock.cpu.items()}
                spent["gc"] = [b - a for a, b in zip(was_gc[1], now_gc[1], strict=True)]
                spent["gc count"] = [b - a for a, b in zip(was_gc[0], now_gc[0], strict=True)]
                per_batch.append((spent, len(ids)))
            staged = dict(clock.cpu if clock else {})
        gc_clock.remove()
        total = time.thread_time() - began
        if clock:
            clock.remove()
        print(
            f"{connection.vendor}: {len(batches)} batches; CPU (this thread): linking {cpu['link']:.2f} s"
            f" (+ the refresh at the end {cpu['refresh']:.2f} s),"
            f" promoting {cpu['promote']:.2f} s, storing {cpu['store']:.2f} s, all {total:.2f} s"
            + (f"; queries: linking {counted['link']}, promoting {counted['promote']}" if queries else "")
        )
        if batch_lines:
            for start in range(0, len(per_batch), 5):  # five batches a line
                five = per_batch[start : start + 5]
                keys = {k for c, _ in five for k in c if k not in ("gc", "gc count")}
                each = {k: 1000 * sum(c.get(k, 0.0) for c, _ in five) / sum(n for _, n in five) for k in keys}
                count = [sum(c["gc count"][g] for c, _ in five) for g in range(3)]
                gc_cpu = [sum(c["gc"][g] for c, _ in five) for g in range(3)]
                print(
                    f"  batches {start + 1}-{start + len(five)}: linking {each['link']:.1f} ms CPU an article"
                    + "".join(f", {spec} {each[spec]:.1f}" for spec in also)
                    + (_split(each, set(clock.cpu)) if clock else "")
                    + f"; garbage collection {GcClock.describe(count, gc_cpu, sum(n for _, n in five))}"
                )
        if clock:  # the refresh's own split, by article of the run
            articles = sum(len(ids) for ids, _ in batches)
            after = {k: 1000 * (v - staged.get(k, 0.0)) / articles for k, v in clock.cpu.items()}
            refresh = after | {"link": 1000 * cpu["refresh"] / articles}
            print(f"  the refresh: {refresh['link']:.1f} ms CPU an article" + _split(refresh, set(after)))
        for spec in also:
            print(f"  {spec}: {cpu[spec]:.3f} s CPU" + (f", {counted[spec]} queries" if queries else ""))
        for site, count in sites.most_common(30):
            print(f"{count:6} {site}")
        if profiler:
            profiler.dump_stats(profile)
        if state_file:
            Path(state_file).write_text(json.dumps(state(), indent=0, default=str))
        if connection.vendor == "sqlite":
            connection.close()


def _split(each: dict[str, float], stages: set[str]) -> str:
    """`--stages`: each stage's figure and linking's outside them, as `--flat` names them."""
    outside = each["link"] - sum(each.get(k, 0.0) for k in stages)
    shown = ", ".join(f"{k} {each[k]:.1f}" for k in sorted(stages) if each.get(k, 0.0) >= 0.05)
    return f"; {shown}; outside its stages {outside:.1f}"


def _batch_ranges(text: str, count: int) -> set[int]:
    """`--profile-batches 1-5,56-60` -> the batch numbers (from 1) profiled; all when empty."""
    if not text:
        return set(range(1, count + 1))
    chosen = set()
    for part in text.split(","):
        first, _, last = part.partition("-")
        chosen.update(range(int(first), int(last or first) + 1))
    return chosen


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("what", choices=("build", "run"))
    parser.add_argument("dir")
    parser.add_argument("--profile")
    parser.add_argument("--state")
    parser.add_argument("--queries", action="store_true")
    parser.add_argument("--time", action="append", default=[], help="module:function, timed too")
    parser.add_argument("--sites", action="store_true", help="queries by the innermost tracker line")
    parser.add_argument("--articles", type=int, default=ARTICLES, help="build: this many articles")
    parser.add_argument("--per-feed", type=int, default=8, help="build: articles per feed")
    parser.add_argument(
        "--per-batch", action="store_true", help="linking's (and --time's) CPU an article, by batches"
    )
    parser.add_argument("--inline", action="store_true", help="run: each batch steps its stories itself")
    parser.add_argument("--profile-batches", default="", help="--profile only these batches: 1-5,56-60")
    parser.add_argument("--stages", action="store_true", help="--per-batch: linking's split, as --flat's")
    parser.add_argument("--batches", type=int, default=0, help="run: only the first this many batches")
    args = parser.parse_args()
    from bench import ingest

    with tempfile.TemporaryDirectory(prefix="replay-db-") as var_dir:
        ingest.configure(var_dir)
        if args.what == "build":
            build(Path(args.dir), args.articles, args.per_feed)
        else:
            run(
                Path(args.dir),
                profile=args.profile,
                state_file=args.state,
                queries=args.queries,
                where=args.sites,
                also=args.time,
                batch_lines=args.per_batch,
                profile_batches=args.profile_batches,
                inline=args.inline,
                first=args.batches,
                split=args.stages,
            )


if __name__ == "__main__":
    main()
