"""Where each nlp worker of bench/ingest.py spends the measured window (its section with two workers).

In each worker process, `install` wraps the analysis and linking steps (as analysis.py and linking.py
look them up at each call) and appends one JSON line per call to `nlp<i>.timeline`: the step, its start
(epoch seconds), its wall time and the worker thread's CPU time in it. SQLite's `BEGIN IMMEDIATE` (the
wait for the one write lock) and PostgreSQL's advisory locks are recorded as waits of the step that
took them. `summary` turns the files into one line per worker: what it waited for before its first
batch (the fetch), between batches and after its last (the queue ran dry), and how its batches' time
split into extraction, storing, placing, story steps and lock waits, CPU beside wall (on a shared
machine, wall minus CPU is also the time the process waited for a core).
"""

from __future__ import annotations

import functools
import json
import time
from collections import defaultdict
from pathlib import Path

# (module, function, label): the steps of one analyze_batch task, outermost first
STEPS = (
    ("tracker.crossref.analysis", "_extract_each", "extract"),
    ("tracker.crossref.analysis", "store_extractions", "store"),
    ("tracker.crossref.analysis", "promote_candidates", "promote"),
    ("tracker.crossref.linking", "link_articles", "link"),
    ("tracker.crossref.linking", "_place", "place"),
    ("tracker.crossref.linking", "_story_steps", "story steps"),
    ("tracker.crossref.clustering", "assign_story", "assign"),
    ("tracker.crossref.clustering", "settle", "settle"),
    ("tracker.crossref.claim_linking", "link_claims", "claims"),
    ("tracker.crossref.locks", "serialise_linking", "wait: linking lock"),
    ("tracker.crossref.locks", "serialise_cases", "wait: case locks"),
)


def install(path: Path) -> None:
    """In a worker: record its steps and its tasks into `path`."""
    import importlib

    from celery import signals
    from django.db import connection
    from django.db.backends.signals import connection_created

    out = path.open("a", buffering=1)
    stack: list[str] = []

    def record(label: str, started: float, wall: float, cpu: float) -> None:
        out.write(json.dumps({"step": label, "start": started, "wall": wall, "cpu": cpu}) + "\n")

    def wrap(label, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            started, wall, cpu = time.time(), time.perf_counter(), time.thread_time()
            stack.append(label)
            try:
                return function(*args, **kwargs)
            finally:
                stack.pop()
                record(label, started, time.perf_counter() - wall, time.thread_time() - cpu)

        return timed

    for module_name, name, label in STEPS:
        module = importlib.import_module(module_name)
        setattr(module, name, wrap(label, getattr(module, name)))

    def begin(execute, sql, params, many, context):
        if not sql.startswith("BEGIN"):
            return execute(sql, params, many, context)
        started, wall = time.time(), time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            record(f"wait: BEGIN in {stack[-1] if stack else '-'}", started, time.perf_counter() - wall, 0.0)

    def watch(sender=None, connection=None, **kwargs) -> None:
        if begin not in connection.execute_wrappers:
            connection.execute_wrappers.append(begin)

    connection_created.connect(watch, weak=False)
    if connection.connection is not None:
        watch(connection=connection)
    task_started: dict[str, tuple[float, float, float]] = {}

    def prerun(task_id=None, **kwargs) -> None:
        task_started[task_id] = (time.time(), time.perf_counter(), time.thread_time())

    def postrun(task_id=None, **kwargs) -> None:
        started, wall, cpu = task_started.pop(task_id)
        record("task", started, time.perf_counter() - wall, time.thread_time() - cpu)

    signals.task_prerun.connect(prerun, weak=False)
    signals.task_postrun.connect(postrun, weak=False)


def summary(var_dir: str, started: float, ended: float) -> list[str]:
    """One line per worker for the window [started, ended] (epoch seconds)."""
    lines = []
    for path in sorted(Path(var_dir).glob("nlp*.timeline")):
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        tasks = sorted((r for r in rows if r["step"] == "task"), key=lambda r: r["start"])
        wall, cpu = defaultdict(float), defaultdict(float)
        for row in rows:
            wall[row["step"]] += row["wall"]
            cpu[row["step"]] += row["cpu"]
        if not tasks:
            lines.append(f"  {path.stem}: no batch")
            continue
        first = tasks[0]["start"] - started
        last = ended - (tasks[-1]["start"] + tasks[-1]["wall"])
        between = sum(b["start"] - (a["start"] + a["wall"]) for a, b in zip(tasks, tasks[1:], strict=False))
        waits = ", ".join(
            f"{k[6:]} {v:.2f}" for k, v in sorted(wall.items()) if k.startswith("wait: ") and v >= 0.01
        )
        steps = ", ".join(
            f"{label} {wall[label]:.1f} (CPU {cpu[label]:.1f})"
            for label in (
                "task",
                "extract",
                "store",
                "link",
                "place",
                "assign",
                "claims",
                "settle",
                "story steps",
            )
        )
        each = "/".join(
            f"{r['cpu']:.1f}" for r in sorted(rows, key=lambda r: r["start"]) if r["step"] == "extract"
        )
        lines.append(
            f"  {path.stem}: {len(tasks)} batches; idle before the first {first:.1f} s, between {between:.1f} s,"
            f" after the last {last:.1f} s; s: {steps}; waits (s): {waits or 'none'}; extraction CPU by"
            f" batch {each} s (a model loaded in the window would show in the first)"
        )
    return lines


def overlap(var_dir: str) -> tuple[float, float]:
    """(Seconds both workers were inside a batch at once, seconds from the first batch's start to the
    last one's end): the two run in parallel only as far as the first comes near the second."""
    spans = [
        [
            (r["start"], r["start"] + r["wall"])
            for r in map(json.loads, path.read_text().splitlines())
            if r["step"] == "task"
        ]
        for path in sorted(Path(var_dir).glob("nlp*.timeline"))
    ]
    every = [span for worker in spans for span in worker]
    if len(spans) < 2 or not every:
        return 0.0, 0.0
    both = sum(
        max(0.0, min(a_end, b_end) - max(a_start, b_start))
        for a_start, a_end in spans[0]
        for b_start, b_end in spans[1]
    )  # a worker's batches never overlap each other (-P solo -c 1)
    return both, max(end for _, end in every) - min(start for start, _ in every)


def spent(var_dir: str) -> list[float]:
    """Each worker's CPU seconds in its batches, in the order of their names."""
    return [
        sum(row["cpu"] for row in map(json.loads, path.read_text().splitlines()) if row["step"] == "task")
        for path in sorted(Path(var_dir).glob("nlp*.timeline"))
    ]


def busiest(var_dir: str) -> float:
    """The CPU seconds of the worker that spent most in its batches."""
    return max(spent(var_dir), default=0.0) or float("nan")
