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

The digests and the yardstick are measured in alternation, a batch at a time: each round sends one batch
of TRACKER_DIGEST_BATCH_SIZE through `send_batch` and as many prepared messages through plain smtplib over
a connection of its own (as each batch has its own), the order reversed every other round; the ratio is
the median of the rounds' ratios, with their quartiles, so a change of the machine's load (the
yardstick swung from 457 to 722 messages a second between runs) falls on both sides of each ratio. The
same ratio in this thread's CPU time follows (smtplib's CPU a message over the digests'): it leaves out
the sink, which starves on a loaded machine and then makes both sides wait alike (every ratio near 1).

`--quick`: 1,000 subscribers (10 rounds), a few seconds (CI); `--medium`: 2,000, about ten seconds.
"""

from __future__ import annotations

import argparse
import os
import smtplib
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
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


def send_round(ids: list[int], period) -> tuple[float, float]:
    """One batch through `sending.send_batch` (its own SMTP connection, as a worker's task): seconds, and
    this thread's CPU seconds."""
    from tracker.digests import sending

    started, cpu = time.perf_counter(), time.thread_time()
    result = sending.send_batch(subscriber_ids=ids, period=period)
    seconds, cpu = time.perf_counter() - started, time.thread_time() - cpu
    if result.deferred or result.bounced or result.failed or result.sent != len(ids):
        raise SystemExit(f"a batch of {len(ids)}: {result}")
    return seconds, cpu


def smtplib_round(port: int, first: int, count: int, sample: bytes) -> tuple[float, float]:
    """`count` prepared messages with plain smtplib over a connection of their own: seconds, and this
    thread's CPU seconds."""
    started, cpu = time.perf_counter(), time.thread_time()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for i in range(first, first + count):
            smtp.sendmail("tracker@localhost", [f"reader{i}@bench.example"], sample)
    return time.perf_counter() - started, time.thread_time() - cpu


def prepared_sample(subscriber_id: int, period) -> bytes:
    """The bytes of one real digest (its composition read from the cache the first batch filled)."""
    from tracker.digests import composing, emails
    from tracker.digests.models import Subscriber

    subscriber = Subscriber.objects.get(pk=subscriber_id)
    topics = composing.Topics.of(subscriber.subscriptions.all())
    sample = emails.digest_message(
        subscriber, emails.render_digest(composing.compose(topics=topics, period=period))
    )
    return sample.message().as_bytes(linesep="\r\n")


def alternate(ids: list[int], period, port: int) -> tuple[list[Round], int]:
    """Rounds of one batch of TRACKER_DIGEST_BATCH_SIZE subscribers each: the batch through send_batch and
    as many prepared messages through plain smtplib, the order reversed every other round (digests,
    smtplib, smtplib, digests, ...), so a change of the machine's load falls on both sides alike.
    Returns each round's figures (Round) and the sample's size in bytes; the first round's digests include
    composing and rendering the period's digests (once per period, shared through the cache)."""
    from django.conf import settings

    size = settings.TRACKER_DIGEST_BATCH_SIZE
    sample = None
    rounds = []
    for n, first in enumerate(range(0, len(ids), size)):
        batch = ids[first : first + size]
        if n % 2 == 0:
            digests = send_round(batch, period)
            sample = sample or prepared_sample(ids[0], period)
            plain = smtplib_round(port, first, len(batch), sample)
        else:
            plain = smtplib_round(port, first, len(batch), sample)
            digests = send_round(batch, period)
        rounds.append(Round(*digests, *plain, len(batch)))
    return rounds, len(sample)


@dataclass(frozen=True)
class Round:
    """One round: the batch through send_batch and smtplib's as many messages, wall and thread CPU."""

    digests: float
    digests_cpu: float
    plain: float
    plain_cpu: float
    messages: int


def quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return (values[0],) * 3
    low, middle, high = statistics.quantiles(values, n=4, method="inclusive")
    return low, middle, high


def run(count: int, port: int) -> int:
    from django.conf import settings
    from django.db import connection
    from django.db.models import Count
    from django.urls import reverse
    from django.utils import timezone

    from tracker.digests import composing
    from tracker.digests.models import Delivery

    now = timezone.now()
    case_id, entity_id = build_news(now)
    ids = make_subscribers(count, case_id, entity_id, now)
    period = composing.period_ending("daily", now + timedelta(minutes=1))
    print(f"database                    {connection.vendor}")
    print(f"subscribers                 {count:8d}")

    reverse("web:home")  # the URLconf loaded and indexed, as in a worker that has run before
    rounds, sample_size = alternate(ids, period, port)
    sent = sum(r.messages for r in rounds)
    digests = [r.messages / r.digests for r in rounds]
    plain = [r.messages / r.plain for r in rounds]
    low, ratio, high = quartiles([r.plain / r.digests for r in rounds])  # the digests' rate over smtplib's
    whole = sum(r.plain for r in rounds) / sum(r.digests for r in rounds)
    cpu = [1000 * r.digests_cpu / r.messages for r in rounds]
    plain_cpu = [1000 * r.plain_cpu / r.messages for r in rounds]
    cpu_low, cpu_ratio, cpu_high = quartiles([r.plain_cpu / r.digests_cpu for r in rounds])
    print(
        f"digests built and sent      {statistics.median(digests):8.1f} /s  (median of {len(rounds)} rounds,"
        f" quartiles {quartiles(digests)[0]:.0f}-{quartiles(digests)[2]:.0f}; {sent} delivered)"
    )
    print(
        f"plain smtplib, prepared     {statistics.median(plain):8.1f} /s  (quartiles"
        f" {quartiles(plain)[0]:.0f}-{quartiles(plain)[2]:.0f}; a connection per round,"
        f" {sample_size // 1024} KiB each)"
    )
    print(
        f"ratio                       {ratio:8.2f}x  (goal >= 0.5x; the median of the rounds' ratios,"
        f" quartiles {low:.2f}-{high:.2f}; rounds of {rounds[0].messages} alternated, the order reversed"
        " every other round)"
    )
    print(
        f"  whole run                 {whole:8.2f}x  (all rounds' seconds; the first round's digests"
        f" {rounds[0].digests * 1000:.0f} ms with composing and rendering, the median round's"
        f" {statistics.median(r.digests for r in rounds) * 1000:.0f} ms)"
    )
    print(
        f"  in this thread's CPU      {cpu_ratio:8.2f}x  (quartiles {cpu_low:.2f}-{cpu_high:.2f}: smtplib's"
        f" {statistics.median(plain_cpu):.2f} ms a message over the digests' {statistics.median(cpu):.2f} ms;"
        " the sink's time left out, steadier when the machine is loaded)"
    )
    started = time.perf_counter()
    size = settings.TRACKER_DIGEST_BATCH_SIZE
    resent = sum(  # a retried task: every delivery is claimed already
        sending_again(ids[i : i + size], period) for i in range(0, min(200, len(ids)), size)
    )
    rerun = time.perf_counter() - started
    counts = dict(Delivery.objects.values_list("status").annotate(n=Count("pk")).order_by())
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


def sending_again(ids: list[int], period) -> int:
    from tracker.digests import sending

    return sending.send_batch(subscriber_ids=ids, period=period).sent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--quick", action="store_true", help="1,000 subscribers (10 rounds)")
    parser.add_argument("--medium", action="store_true", help="2,000 subscribers")
    args = parser.parse_args()
    count = 1000 if args.quick else 2000 if args.medium else args.subscribers
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
