"""Digest benchmark: N confirmed subscribers of a case with news, digests sent to a local SMTP sink.

Prints, from one run (absolute figures drift 20-30 % between runs on these machines; compare ratios):

1. Digests built and delivered per second by `sending.send_batch` in batches of
   TRACKER_DIGEST_BATCH_SIZE (100) over one SMTP connection each, as one worker runs them: the
   subscribers' query, the composition (once per distinct set of followed topics), rendering with CSS
   inlined (once per composition), the batch's Deliveries claimed in one commit before its first message
   and completed in one after its last, each subscriber's signed links and headers filled into the
   digest's prepared message, and the SMTP conversation.
2. Plain smtplib sending the same number of prepared messages (the bytes of one real digest) over one
   connection to the same sink, and the ratio of (1) to it: how much of a worker's time is ours
   (issue 17's goal: >= 0.5x).

The case has 12 new events, 30 new claims (some approved), 3 discrepancies and 4 docket entries; one
subscriber in ten also follows an entity, so two digests are composed. The sink is aiosmtpd's Sink
handler in its own process (`python -m aiosmtpd -n -c aiosmtpd.handlers.Sink`), so it does not compete
with this process for the GIL. It uses a throw-away SQLite database unless BENCH_DATABASE_URL says
otherwise (for example PostgreSQL; its digest rows are deleted first). Exits non-zero when a digest is
missing or was sent twice.

    .venv/bin/python bench/digests.py [--subscribers 10000] [--quick | --medium]

`--quick`: 300 subscribers, a few seconds (CI); `--medium`: 2,000, about ten seconds.
"""

from __future__ import annotations

import argparse
import os
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import configure  # noqa: E402


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_sink(port: int) -> subprocess.Popen:
    sink = subprocess.Popen(
        [sys.executable, "-m", "aiosmtpd", "-n", "-l", f"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Sink"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return sink
        except OSError:
            time.sleep(0.1)
    sink.kill()
    raise SystemExit("the SMTP sink did not start")


def build_news(now) -> tuple[int, int]:
    """The case's news of the last day, and the entity one subscriber in ten also follows."""
    from tracker.cases.models import Case, Entity
    from tracker.crossref.models import Claim, Discrepancy, Event, Status
    from tracker.digests.models import Bounce, Delivery, Subscriber
    from tracker.dockets.models import DocketEntry

    for model in (Bounce, Delivery, Subscriber):
        model.objects.all().delete()
    case = Case.objects.get(slug="musk-v-openai")
    entity, _ = Entity.objects.get_or_create(
        name="Elon Musk", kind="PERSON", defaults={"slug": "elon-musk-bench"}
    )
    events = [
        Event.objects.create(
            case=case,
            date=(now - timedelta(days=i)).date(),
            title=f"Day {i} of the trial: testimony & exhibits <{i}>",
            first_reported_at=now - timedelta(hours=i),
            last_changed_at=now - timedelta(minutes=i),
            key=f"bench-{now.timestamp()}-{i}",
        )
        for i in range(12)
    ]
    for i in range(30):
        Claim.objects.create(
            case=case,
            event=events[i % 12],
            speaker=entity if i % 2 else None,
            speaker_text="A witness",
            kind="testimony",
            text=f"Statement number {i} about what was said in court, with “quotes” and <angle brackets>",
            status=Status.APPROVED if i % 7 == 0 else Status.MACHINE,
            outlets_count=i % 5 + 1,
            independent_count=i % 3 + 1,
        )
    for i in range(3):
        Discrepancy.objects.create(
            event=events[i],
            kind=Discrepancy.Kind.QUOTE_WORDING,
            key=f"bench-{now.timestamp()}-{i}",
            variants=[
                {"words": "general practice", "outlet": "A"},
                {"words": "standard practice", "outlet": "B"},
            ],
        )
    for i in range(4):
        DocketEntry.objects.create(
            case=case,
            docket_number="4:24-cv-04722-YGR",
            number=600 + i,
            description=f"ORDER re motion {i}",
            entered_at=now - timedelta(hours=i),
            guid=f"bench-{now.timestamp()}-{i}",
            document_url=f"https://ecf.example/doc/{600 + i}",
        )
    return case.pk, entity.pk


def make_subscribers(count: int, case_id: int, entity_id: int, now) -> list[int]:
    from tracker.digests.models import Subscriber, Subscription

    Subscriber.objects.bulk_create(
        [
            Subscriber(email=f"reader{i}@bench.example", status="active", confirmed_at=now)
            for i in range(count)
        ],
        batch_size=1000,
    )
    ids = list(Subscriber.objects.order_by("pk").values_list("pk", flat=True))
    rows = [Subscription(subscriber_id=pk, case_id=case_id) for pk in ids]
    rows += [Subscription(subscriber_id=pk, entity_id=entity_id) for pk in ids[::10]]
    Subscription.objects.bulk_create(rows, batch_size=1000)
    return ids


def digest_rate(ids: list[int], period) -> tuple[float, int]:
    from django.conf import settings

    from tracker.digests import sending

    size = settings.TRACKER_DIGEST_BATCH_SIZE
    sent = 0
    started = time.perf_counter()
    for i in range(0, len(ids), size):
        result = sending.send_batch(subscriber_ids=ids[i : i + size], period=period)
        if result.deferred or result.bounced or result.failed:
            raise SystemExit(f"batch {i // size}: {result}")
        sent += result.sent
    return sent / (time.perf_counter() - started), sent


def smtplib_rate(port: int, count: int, sample: bytes) -> float:
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for i in range(count):
            smtp.sendmail("tracker@localhost", [f"reader{i}@bench.example"], sample)
    return count / (time.perf_counter() - started)


def run(count: int, port: int) -> int:
    from django.db import connection
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone

    from tracker.digests import composing, emails
    from tracker.digests.models import Delivery, Subscriber

    now = timezone.now()
    case_id, entity_id = build_news(now)
    ids = make_subscribers(count, case_id, entity_id, now)
    period = composing.period_ending("daily", now + timedelta(minutes=1))
    print(f"database                    {connection.vendor}")
    print(f"subscribers                 {count:8d}")

    reverse("web:home")  # the URLconf loaded and indexed, as in a worker that has run before
    rate, sent = digest_rate(ids, period)
    print(f"digests built and sent      {rate:8.1f} /s  ({sent} delivered)")
    started = time.perf_counter()
    _, resent = digest_rate(ids[:200], period)  # a retried task: every delivery is claimed already
    rerun = time.perf_counter() - started
    counts = dict(Delivery.objects.values_list("status").annotate(n=Count("pk")).order_by())

    subscriber = Subscriber.objects.get(pk=ids[0])
    topics = composing.Topics.of(subscriber.subscriptions.all())
    sample = emails.digest_message(
        subscriber, emails.render_digest(composing.compose(topics=topics, period=period))
    )
    baseline = smtplib_rate(port, count, sample.message().as_bytes(linesep="\r\n"))
    print(
        f"plain smtplib, prepared     {baseline:8.1f} /s  (one connection, {len(sample.message().as_bytes()) // 1024} KiB each)"
    )
    print(f"ratio                       {rate / baseline:8.2f}x  (goal >= 0.5x)")
    print(f"re-run of 200, all claimed  {rerun * 1000:8.1f} ms  ({resent} sent again)")
    failures = []
    if resent:
        failures.append(f"{resent} digests sent twice")
    if sent != count or counts.get("sent") != count or len(counts) != 1:
        failures.append(f"expected {count} sent deliveries, found {counts}")
    if failures:
        print("FAILED: " + "; ".join(failures))
        return 1
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="300 subscribers")
    parser.add_argument("--medium", action="store_true", help="2,000 subscribers")
    args = parser.parse_args()
    count = 300 if args.quick else 2000 if args.medium else args.subscribers
    port = free_port()
    os.environ["EMAIL_URL"] = f"smtp://127.0.0.1:{port}"
    sink = start_sink(port)
    try:
        with tempfile.TemporaryDirectory(prefix="bench-digests-") as var_dir:
            configure(var_dir)
            started = time.perf_counter()
            status = run(count, port)
            print(f"total                       {time.perf_counter() - started:8.1f} s")
    finally:
        sink.terminate()
        sink.wait(timeout=10)
    sys.exit(status)


if __name__ == "__main__":
    main()
