"""The whole robustness corpus served over HTTP and polled through the real ingestion path.

Every file must end as stored entries, as a recognised feed with no items, or as a readable error on
its feed's FetchRun, with no unhandled exception; memory must stay bounded.
"""

from __future__ import annotations

import resource
import time

import pytest

from tests.support.corpus import CORPUS, corpus_files, headers_for
from tracker.sources import ingestion
from tracker.sources.models import Feed, FetchRun

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

MEMORY_GROWTH_LIMIT_MB = 600


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_every_corpus_file_ends_as_entries_or_a_recorded_error(httpserver, allow_private):
    files = corpus_files()
    for n, path in enumerate(files):
        data = path.read_bytes()
        headers = {"Content-Type": "application/xml", **{k.title(): v for k, v in headers_for(data).items()}}
        httpserver.route(f"/corpus/{n}", body=data, headers=headers)

    offenders, counts = [], {"entries": 0, "empty feed": 0, "error": 0}
    real_without_entries = []
    rss_before, started = peak_rss_mb(), time.perf_counter()
    for n, path in enumerate(files):
        name = str(path.relative_to(CORPUS))
        feed = Feed.objects.create(url=httpserver.url(f"/corpus/{n}"))
        try:
            run = ingestion.poll_feed(feed).run
        except Exception as exc:  # noqa: BLE001 - collected, so one assertion lists every offender
            offenders.append(f"{name}: raised {exc!r}")
            continue
        stored = run.entries_new + feed.items.count()
        if run.outcome not in (FetchRun.Outcome.OK, FetchRun.Outcome.PARSE_WARNING):
            counts["error"] += 1
            if not run.error or not feed.last_error:
                offenders.append(f"{name}: {run.outcome} without a readable error")
        elif stored:
            counts["entries"] += 1
            continue
        elif run.entries_seen == 0 and run.outcome == FetchRun.Outcome.OK:
            counts["empty feed"] += 1
        elif not run.error:
            offenders.append(f"{name}: {run.entries_seen} entries seen, none stored, no error recorded")
        else:
            counts["error"] += 1
        if name.startswith("real/"):
            real_without_entries.append(f"{name}: {run.outcome} {run.error[:120]}")
    growth = peak_rss_mb() - rss_before
    print(
        f"\n{len(files)} files over HTTP in {time.perf_counter() - started:.0f} s: {counts}; peak RSS +{growth:.0f} MB"
    )
    assert len(files) > 2000
    assert counts["entries"] > 100
    print("real feeds without stored entries:", *real_without_entries, sep="\n  ")
    assert len(real_without_entries) <= 2, "the real news feeds (all but the JSON ones) must give articles"
    assert growth < MEMORY_GROWTH_LIMIT_MB
    assert not offenders, "\n".join(offenders)
