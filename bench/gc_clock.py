"""The garbage collector's share of a run: CPU in collections and their count, by generation.

`GcClock` hooks `gc.callbacks` between `install` and `remove` and adds up, for each generation, how many
collections ran and this thread's CPU inside them (a collection runs in the thread whose allocation
triggered it). A full collection (generation 2) walks every tracked object the process holds that is not
frozen (`gc.freeze`); the young ones walk only what was allocated since. Used by bench/ingest.py --flat
(the chain at each size) and bench/linking_replay.py --per-batch.
"""

from __future__ import annotations

import gc
import time


class GcClock:
    def __init__(self) -> None:
        self.count = [0, 0, 0]  # collections by generation
        self.cpu = [0.0, 0.0, 0.0]  # their CPU seconds, this thread
        self._began = 0.0

    def _callback(self, phase: str, info: dict) -> None:
        if phase == "start":
            self._began = time.thread_time()
            return
        generation = info["generation"]
        self.count[generation] += 1
        self.cpu[generation] += time.thread_time() - self._began

    def install(self) -> GcClock:
        gc.callbacks.append(self._callback)
        return self

    def remove(self) -> None:
        if self._callback in gc.callbacks:
            gc.callbacks.remove(self._callback)

    def snapshot(self) -> tuple[tuple[int, ...], tuple[float, ...]]:
        return tuple(self.count), tuple(self.cpu)

    @staticmethod
    def describe(count, cpu, articles: int) -> str:
        """'4.1 ms an article (full 2.9: 12 collections; young 1.2: 2,610, 238)' for these counts and CPU."""
        young = 1000 * (cpu[0] + cpu[1]) / articles
        return (
            f"{1000 * sum(cpu) / articles:.1f} ms an article (full {1000 * cpu[2] / articles:.1f}:"
            f" {count[2]} collections; young {young:.1f}: {count[0]:,}, {count[1]:,})"
        )
