"""Section 3 of bench/ingest.py (bench/linking_scale.py) and bench/digests.py on made-up timings: the two
sides are measured in alternation, the order reversed every other round, and the ratio printed is the
median of the rounds' ratios with its quartiles (issue 17: one run of a two-batch median was noise, and
the digests' yardstick swung between runs)."""

from __future__ import annotations

import re

from bench import digests, linking_scale


def store(stored: int, cpu: list[float], order: list) -> linking_scale.Store:
    done = linking_scale.Store(stored, 1.0, [[object()]] * len(cpu), lambda: order.append(stored))
    done.rows = [
        {"ms": 2 * c, "cpu_ms": c, "queries": 10.0, "rest_ms": c, "rest_cpu_ms": c / 2, "articles": 16}
        for c in cpu
    ]
    return done


def test_linking_sizes_alternate_batch_by_batch_the_order_reversed_every_other_round(monkeypatch):
    order, linked = [], []
    small, large = store(1000, [], order), store(10000, [], order)
    monkeypatch.setattr(linking_scale, "link_batch", lambda s: linked.append(s.stored))
    linking_scale.alternate([small, large], 4)
    assert linked == [1000, 10000, 10000, 1000, 1000, 10000, 10000, 1000]
    assert order == linked  # each store's database is in use while its batch links


def test_linking_ratio_is_the_median_of_the_rounds_ratios_with_quartiles():
    # Per round 10k / 1k: 1.0, 2.0, 1.2, 1.1, 1.3; the ratio of the medians would be 30 / 20 = 1.5.
    small = store(1000, [10.0, 20.0, 25.0, 30.0, 40.0], [])
    large = store(10000, [10.0, 40.0, 30.0, 33.0, 52.0], [])
    lines = linking_scale.report_lines([small, large])
    goal = next(line for line in lines if "whole linking, CPU" in line)
    assert re.search(r"1\.20x \(1\.10-1\.30\)\s+goal <= 1\.5: met", goal), goal
    assert "the median of the 5 rounds' ratios" in goal
    assert re.search(r"CPU\s+25\.0 ms \(20\.0-30\.0\)", lines[1]), lines[1]


def test_digests_and_smtplib_alternate_by_batch_the_order_reversed_every_other_round(monkeypatch, settings):
    settings.TRACKER_DIGEST_BATCH_SIZE = 2
    calls = []

    def send_round(ids, period):
        calls.append(("digests", ids))
        return 1.0, 0.25

    def smtplib_round(port, first, count, sample):
        calls.append(("smtplib", first, count))
        return 0.5, 0.125

    monkeypatch.setattr(digests, "send_round", send_round)
    monkeypatch.setattr(digests, "smtplib_round", smtplib_round)
    monkeypatch.setattr(digests, "prepared_sample", lambda pk, period: b"x" * 2048)
    rounds, size = digests.alternate([11, 12, 13, 14, 15], period=None, port=0)
    assert calls == [
        ("digests", [11, 12]),
        ("smtplib", 0, 2),
        ("smtplib", 2, 2),
        ("digests", [13, 14]),
        ("digests", [15]),
        ("smtplib", 4, 1),
    ]
    assert rounds == [
        digests.Round(1.0, 0.25, 0.5, 0.125, 2),
        digests.Round(1.0, 0.25, 0.5, 0.125, 2),
        digests.Round(1.0, 0.25, 0.5, 0.125, 1),
    ]
    assert size == 2048
