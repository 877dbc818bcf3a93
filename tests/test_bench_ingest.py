"""bench/ingest.py's two-worker figures (issue 17 goal 2) and bench/worker_timeline.py, on made-up
timelines: goal 2's ratio times the nlp workers from the first enqueue, not from the first fetch."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench import ingest, worker_timeline


def timeline(var_dir: Path, name: str, tasks: list[tuple[float, float, float]]) -> None:
    """A worker's timeline file: one task and its extraction per (start, wall, cpu)."""
    rows = []
    for start, wall, cpu in tasks:
        rows.append({"step": "extract", "start": start, "wall": wall / 2, "cpu": cpu / 2})
        rows.append({"step": "task", "start": start, "wall": wall, "cpu": cpu})
    (var_dir / f"{name}.timeline").write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_overlap_counts_the_seconds_both_workers_are_inside_a_batch(tmp_path):
    timeline(tmp_path, "nlp0", [(100.0, 4.0, 3.0), (106.0, 4.0, 3.0)])  # 100-104, 106-110
    timeline(tmp_path, "nlp1", [(101.0, 4.0, 3.0), (105.0, 2.0, 1.0)])  # 101-105, 105-107
    both, span = worker_timeline.overlap(str(tmp_path))
    assert both == pytest.approx(3.0 + 1.0)
    assert span == pytest.approx(10.0)


def test_overlap_of_workers_one_after_the_other_is_none(tmp_path):
    timeline(tmp_path, "nlp0", [(100.0, 4.0, 3.0)])
    timeline(tmp_path, "nlp1", [(104.0, 4.0, 3.0)])
    assert worker_timeline.overlap(str(tmp_path)) == (0.0, pytest.approx(8.0))


def test_goal_two_times_the_workers_from_the_first_enqueue(tmp_path):
    # The fetch takes 6 s (100-106), the workers 10 s (106-116) on 12,000 words.
    timeline(tmp_path, "nlp0", [(106.0, 5.0, 4.5), (111.0, 5.0, 4.5)])
    timeline(tmp_path, "nlp1", [(106.1, 4.9, 4.4), (111.0, 5.0, 4.5)])
    two = ingest.Outcome(seconds=16.0, articles=48, words=12_000, summary="48 articles")
    windows = ingest.Windows(
        fetch=100.0, enqueue=106.0, end=116.0, cpu_fetch=1.0, cpu_enqueue=4.0, cpu_end=4.2
    )
    bare = (800.0, 13.5)  # words/s, CPU seconds
    lines = ingest.worker_lines(two, 5.9, windows, bare, str(tmp_path), as_stored=False)
    text = "\n".join(lines)

    alone = next(line for line in lines if line.startswith("2 nlp workers alone"))
    assert re.search(r"\b1,200 words/s\b.*10\.0 s from the first enqueue", alone)  # 12,000 / 10 s
    assert "all 48 articles fetched and stored before it" in alone
    assert "ratio workers alone / bare     1.50x" in text  # 1,200 / 800
    assert "goal >= 1.5: met" in text
    with_fetch = next(line for line in lines if line.startswith("2 nlp workers + the fetch"))
    assert re.search(r"\b750 words/s\b.*16\.0 s from the first fetch", with_fetch)  # 12,000 / 16 s
    assert "ratio with the fetch / bare    0.94x" in text
    # the timeline measured from the first enqueue: neither worker idles waiting for the fetch
    assert "nlp0: 2 batches; idle before the first 0.0 s" in text
    assert "nlp1: 2 batches; idle before the first 0.1 s" in text
    assert "both workers inside a batch 9.9 s of the 10.0 s" in text
    # the CPU ceilings: bare 13.5 s over half of (workers 9.0 + 8.9 + this process in the window)
    assert "this process 0.2 s (enqueueing, polling)" in text
    assert f"= {13.5 / ((9.0 + 8.9 + 0.2) / 2):.2f}x" in text
    assert f"ceiling is {13.5 / ((9.0 + 8.9 + 3.2) / 2):.2f}x" in text


def test_enqueued_as_stored_says_the_fetch_is_in_the_window(tmp_path):
    timeline(tmp_path, "nlp0", [(101.0, 5.0, 4.0)])
    timeline(tmp_path, "nlp1", [(101.0, 5.0, 4.0)])
    two = ingest.Outcome(seconds=6.0, articles=16, words=6_000, summary="16 articles")
    windows = ingest.Windows(fetch=100.0, enqueue=101.0, end=106.0)
    lines = ingest.worker_lines(two, 3.0, windows, (1000.0, 6.0), str(tmp_path), as_stored=True)
    text = "\n".join(lines)
    assert "the fetch still runs in it (--enqueue as-stored)" in text
    assert "s (the rest of the fetch, enqueueing, polling)" in text
