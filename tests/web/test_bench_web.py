"""bench/web.py's in-process timing (issue 17): pages and their yardsticks compared by medians."""

from __future__ import annotations

import importlib.util
import mmap
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parents[2] / "bench" / "web.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_web_under_test", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


def test_a_pause_on_a_few_calls_does_not_move_the_alternated_figures():
    """Two calls of the same cost, one of which pauses 40 ms one time in five (a full garbage collection,
    another process taking the core): timed in turn, they still come out alike. With sums (means), the
    pausing call looked five times slower, more than the gap the uncached timeline's ratio measures."""
    bench = _bench()
    made = [0]

    def steady():
        time.sleep(0.002)

    def pausing():
        made[0] += 1
        time.sleep(0.042 if made[0] % 5 == 0 else 0.002)

    measured = bench.alternated({"steady": steady, "pausing": pausing}, seconds=0.2, least=15)
    rate = {name: figures[0] for name, figures in measured.items()}
    assert 0.6 < rate["pausing"] / rate["steady"] < 1.7, rate
    walls = {name: figures[2] for name, figures in measured.items()}
    assert len(walls["steady"]) == len(walls["pausing"]) >= 15
    low, high = (float(q) for q in bench.spread(walls["steady"], walls["pausing"]).split("-"))
    assert low <= 1 <= high or 0.6 < low <= high < 1.7


def test_page_faults_are_counted_per_call():
    """A call that maps a fresh megabyte and writes each of its 256 pages, as a thrashed frame stack maps
    its chunks, is told from one that writes nothing new."""
    bench = _bench()

    def fresh_pages():
        with mmap.mmap(-1, 1 << 20) as memory:
            for page in range(0, 1 << 20, mmap.PAGESIZE):
                memory[page] = 1

    assert bench.faults_per_call(fresh_pages) >= 200
    assert bench.faults_per_call(lambda: None) < 5
