"""parse_feed over the robustness corpus (../shared/feeds): ~2,150 real, test and hostile feeds.

Every file must end without an exception as entries, as a recognised feed with no items, or as a
readable problem. Where a feedparser test states plainly what the first entry's title or link is, the
entry we make must say the same.
"""

from __future__ import annotations

import re
import time

import pytest

from tests.support.corpus import CORPUS, corpus_files, headers_for, opening_comment
from tracker.sources.parsing import parse_feed

# Only the plain forms: "Expect: [not bozo and] entries[0]['title'] == u'...'" with no markup or escape.
EXPECT = re.compile(
    r"""^Expect:\s*(?:not bozo and\s+)?entries\[0\]\['(title|link)'\] == u?'([^'<&\\]*)'\s*$""", re.M
)
SLOW_FILE_SECONDS = 5


@pytest.mark.slow
def test_every_corpus_file_parses_to_entries_or_a_problem():
    files = corpus_files()
    offenders: list[str] = []
    counts = {"entries": 0, "empty feed": 0, "not a feed": 0, "problem": 0, "expectations": 0}
    started = time.perf_counter()
    for path in files:
        name = str(path.relative_to(CORPUS))
        data = path.read_bytes()  # .gz files too: decompressing is the fetcher's job
        comment = opening_comment(data)
        headers = headers_for(data)
        file_started = time.perf_counter()
        try:
            parsed = parse_feed(data, headers=headers, base_url=f"http://127.0.0.1:8097/{name}")
        except Exception as exc:  # noqa: BLE001 - collected, so that one assertion lists every offender
            offenders.append(f"{name}: raised {exc!r}")
            continue
        if (seconds := time.perf_counter() - file_started) > SLOW_FILE_SECONDS:
            offenders.append(f"{name}: took {seconds:.1f} s")
        counts["problem"] += bool(parsed.problem)
        if parsed.entries:
            counts["entries"] += 1
        elif parsed.is_feed and parsed.version:
            counts["empty feed"] += 1
        elif not parsed.is_feed and parsed.problem:
            counts["not a feed"] += 1
        else:
            offenders.append(f"{name}: no entries, no problem ({parsed})")
        if "\n" in parsed.problem or len(parsed.problem) > 300:
            offenders.append(f"{name}: problem is not one short line: {parsed.problem!r}")
        for key, expected in EXPECT.findall(comment):
            counts["expectations"] += 1
            got = getattr(parsed.entries[0], key) if parsed.entries else None
            if got != expected:
                offenders.append(f"{name}: entries[0].{key} is {got!r}, expected {expected!r}")
    elapsed = time.perf_counter() - started
    print(f"\n{len(files)} files in {elapsed:.1f} s: {counts}")
    assert len(files) > 2000
    assert counts["expectations"] > 40
    assert not offenders, "\n".join(offenders)
