"""bench/ingest.py's two-worker figures (issue 17 goal 2), bench/worker_timeline.py and the chain at
several sizes (--flat, bench/chain_sizes.py), on made-up timelines and runs: goal 2's ratio times the nlp
workers from the first enqueue, not from the first fetch; goal 1's flatness compares the largest size's
ratio with the smallest's."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench import chain_sizes, ingest, worker_timeline


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


def run(size: int, *, seconds: float, cpu: float, linking: float, bare_rate: float = 1000.0):
    """A made-up run of `size` articles of 500 words: extraction 0.1 s CPU an article, bare nlp.pipe
    0.12 s CPU an article; the cross-referencing's `linking` seconds all in one stage."""
    return chain_sizes.Run(
        size=size,
        articles=size,
        words=500 * size,
        seconds=seconds,
        cpu=cpu,
        bare_rate=bare_rate,
        bare_cpu=0.12 * size,
        parts_cpu={"extraction": 0.1 * size, "cross-referencing": linking},
        stages_cpu={"clustering: settle": linking},
    )


def test_flat_sizes_are_parsed_and_run_up_then_back_down():
    assert chain_sizes.sizes_of("600, 60") == [60, 600]
    assert chain_sizes.order_of([60, 600]) == [60, 600, 60]
    assert chain_sizes.order_of([10, 100, 1000]) == [10, 100, 1000, 100, 10]
    for wrong in ("60", "60,60", "0,60", "sixty,600"):
        with pytest.raises(ValueError, match="--flat takes"):
            chain_sizes.sizes_of(wrong)
    assert ingest.chain_sizes_arg("60,600") == [60, 600]


def test_flat_ratio_compares_the_largest_size_with_the_mean_of_the_smallest_runs():
    # 60 articles: 30,000 words in 30 s and 40 s (1,000 and 750 words/s against bare 1,000: 1.00x, 0.75x,
    # mean 0.875x); 600 articles: 300,000 words in 350 s (857 words/s: 0.857x), 0.98 of the mean at 60.
    runs = [
        run(60, seconds=30.0, cpu=7.2, linking=0.6),
        run(600, seconds=350.0, cpu=90.0, linking=24.0),
        run(60, seconds=40.0, cpu=7.2, linking=0.6),
    ]
    lines = chain_sizes.flat_lines(runs, goal=0.9)
    text = "\n".join(lines)
    assert re.search(r"60: 0\.88x \(CPU 1\.00x\), 600: 0\.86x \(CPU 0\.80x\)", text), text
    assert re.search(r"ratio at 600 / bare\s+0\.86x\s+goal >= 0\.9: MISSED", text), text
    assert re.search(r"ratio at 600 / at 60\s+0\.98\s+goal within 10%: met \(CPU ratios: 0\.80\)", text)
    # per article at 600: extraction 100 ms, cross-referencing 40 ms (10 at 60), the rest 10 ms (10 at 60)
    assert re.search(r"^\s+600\s+857\s+1,000\s+0\.86x\s+0\.80x\s+100, 40, 10 \(600 articles", text, re.M)
    growth = lines[lines.index("  CPU ms an article at 60 -> 600, largest growth first:") + 1 :]
    assert re.match(r"\s+linking: clustering: settle\s+10\.0 ->\s+40\.0$", growth[0]), growth


def test_flat_ratio_falling_by_more_than_a_tenth_is_missed():
    runs = [run(60, seconds=30.0, cpu=7.2, linking=0.6), run(600, seconds=400.0, cpu=90.0, linking=24.0)]
    text = "\n".join(chain_sizes.flat_lines(runs, goal=0.9))
    assert re.search(r"ratio at 600 / at 60\s+0\.75\s+goal within 10%: MISSED", text), text
