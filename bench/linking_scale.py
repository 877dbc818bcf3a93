"""Linking against a stored corpus: the per-article cost of `linking.link_articles` with 1k and 10k
articles already stored, and where its time goes (used by bench/ingest.py, section 3).

The stored corpus is built without spaCy, with bulk inserts: articles and their mentions as
bench/crossref.py makes them (two stories a day, 4 to 36 articles each, copies, follow-ups), each
article in its true story (Story, StoryArticle), three claims per story by the story's people, each
article's three claim candidates and their Evidence on those claims (a shared verbatim quote, a day).
Then the next articles of the same timeline, with their mentions and candidates, are linked by the real
code in batches of TRACKER_NLP_BATCH_SIZE, first seen first; the first batch warms up (it builds the
events of the stories it touches) and is not counted.

Each size has a database of its own, on a connection of its own kept open beside the other's
(bench/ingest.py's `store_database`), so the sizes are linked in alternation, batch by batch (`alternate`:
1k, 10k, 10k, 1k, ...): a change of the machine's load falls on both, and each round's 10k/1k ratio
compares two batches linked seconds apart. A batch's figures are its wall time and this thread's CPU
time per article, its queries per article and the stages after clustering; each size prints their medians
with quartiles, the time by stage (exclusive seconds: a stage called inside another counts only in the
inner one), and the ratios are the medians of the rounds' ratios, with their quartiles: the goal is a
cost <= 1.5x apart at 1k and 10k (CPU, the steadier figure on a shared machine; wall beside it)."""

from __future__ import annotations

import functools
import random
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from bench.crossref import CAST, compose, insert_chunk, plan_stories, pseudo_words

CLAIMS_PER_STORY = 3
ROUNDS = 12  # measured batches per size, after the warm-up batch
QUICK_ROUNDS = 6

# (module, function) pairs timed, as linking.py looks them up at each call
STAGES = (
    ("tracker.crossref.clustering", "assign_story", "clustering: assign"),
    ("tracker.crossref.clustering", "settle", "clustering: settle"),
    ("tracker.crossref.claim_linking", "link_claims", "claims"),
    ("tracker.crossref.claim_answers", "link_responses", "answers"),
    ("tracker.crossref.corroboration", "refresh_claims", "counts"),
    ("tracker.crossref.story_reads", "story_articles", "story read"),
    ("tracker.crossref.story_reads", "batch_reads", "story read"),
    ("tracker.crossref.story_reads", "story_claims", "story claims read"),
    ("tracker.crossref.story_reads", "mention_reports", "story read"),
    ("tracker.crossref.discrepancies", "detect", "discrepancies"),
    ("tracker.crossref.events", "update_events", "events"),
    ("tracker.crossref.corroboration", "refresh_events", "event counts"),
    ("tracker.crossref.linking", "send_events_changed", "events_changed"),
)


class StageClock:
    """Exclusive time per stage: the time of a stage minus the stages it called; wall (`spent`) and the
    calling thread's CPU (`cpu`, steadier on a shared machine)."""

    def __init__(self) -> None:
        self.spent: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []  # [started, CPU at start, wall and CPU spent in children]
        self._originals: list[tuple] = []

    def wrap(self, label: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            self._stack.append([time.perf_counter(), time.thread_time(), 0.0, 0.0])
            try:
                return function(*args, **kwargs)
            finally:
                started, began, children, children_cpu = self._stack.pop()
                total, cpu = time.perf_counter() - started, time.thread_time() - began
                self.spent[label] += total - children
                self.cpu[label] += cpu - children_cpu
                if self._stack:
                    self._stack[-1][2] += total
                    self._stack[-1][3] += cpu

        return timed

    def install(self, extra: tuple = ()) -> None:
        """Wrap the STAGES (and `extra` ones, same form) until `remove`."""
        import importlib

        for module_name, name, label in (*STAGES, *extra):
            module = importlib.import_module(module_name)
            original = getattr(module, name)
            self._originals.append((module, name, original))
            setattr(module, name, self.wrap(label, original))

    def remove(self) -> None:
        for module, name, original in reversed(self._originals):
            setattr(module, name, original)
        self._originals.clear()


def _stored_story_rows(plans, timeline, ids, entity_ids):
    """Stories, memberships, claims, candidates and evidence for the articles stored so far."""
    from tracker.crossref.models import Claim, ClaimCandidate, Evidence, Story, StoryArticle
    from tracker.sources.models import Article

    articles = Article.objects.in_bulk(ids)
    members: dict[int, list] = defaultdict(list)
    for pk, (_, label) in zip(ids, timeline, strict=False):
        members[label].append(articles[pk])
    stories = Story.objects.bulk_create(
        [
            Story(
                title=found[0].title,
                representative=found[0],
                first_seen_at=found[0].first_seen_at,
                last_changed_at=found[-1].first_seen_at,
                features={"version": 2, "articles": len(found)},
            )
            for found in members.values()
        ],
        batch_size=1000,
    )
    story_of = dict(zip(members, stories, strict=True))
    StoryArticle.objects.bulk_create(
        [StoryArticle(story=story_of[label], article=a) for label, found in members.items() for a in found],
        batch_size=1000,
    )
    claims = Claim.objects.bulk_create(
        [
            Claim(
                story=story_of[label],
                speaker_id=entity_ids[plans[label].entities[n]],
                kind="statement",
                text=claim_text(plans[label], n),
                date=plans[label].start.date(),
                precision="day",
                first_seen_at=members[label][0].first_seen_at,
            )
            for label in members
            for n in range(CLAIMS_PER_STORY)
        ],
        batch_size=1000,
    )
    by_story = defaultdict(list)
    for claim in claims:
        by_story[claim.story_id].append(claim)
    candidates, evidence = [], []
    for label, found in members.items():
        for article in found:
            for n, claim in enumerate(by_story[story_of[label].pk]):
                candidate = make_candidate(article, plans[label], n, entity_ids)
                candidates.append(candidate)
                evidence.append(
                    Evidence(
                        claim=claim,
                        article=article,
                        first_seen_at=article.first_seen_at,
                        **{f: getattr(candidate, f) for f in EVIDENCE_COPY},
                    )
                )
    ClaimCandidate.objects.bulk_create(candidates, batch_size=1000)
    Evidence.objects.bulk_create(evidence, batch_size=1000)


EVIDENCE_COPY = (
    "text",
    "sentence",
    "start",
    "end",
    "verb",
    "attribution",
    "quotes",
    "date",
    "date_precision",
)


def claim_text(plan, n: int) -> str:
    return " ".join(plan.words[n * 2 : n * 2 + 5]) + f" {plan.names[0]}"


def make_candidate(article, plan, n: int, entity_ids: list[int]):
    from tracker.crossref.models import ClaimCandidate

    text = claim_text(plan, n)
    quote = " ".join(plan.words[n * 2 : n * 2 + 3])
    sentence = f"Speaker said that {text}, calling it “{quote}”."
    return ClaimCandidate(
        article=article,
        speaker=f"speaker {n}",
        speaker_entity_id=entity_ids[plan.entities[n]],
        verb="say",
        attribution="direct",
        kind="statement",
        text=text,
        sentence=sentence,
        start=n * 200,
        end=n * 200 + len(sentence),
        sentence_start=n * 200,
        sentence_end=n * 200 + len(sentence),
        quotes=[{"text": quote, "start": 0, "end": len(quote)}],
        date=plan.start.date(),
        date_precision="day",
        confidence=2,
    )


def build(stored: int, *, batch: int, batches: int, seed: int = 11) -> tuple[float, list[list]]:
    """Store `stored` articles (and their stories, claims, evidence) on the default connection's database
    and the next `batches` batches of the timeline after a warm-up batch, which is linked here (it builds
    the events of the stories it touches). Returns the seconds the store took and the batches to link."""
    from tracker.cases.models import Entity
    from tracker.crossref import linking
    from tracker.crossref.models import ClaimCandidate
    from tracker.sources.models import Article, Outlet

    rng = random.Random(seed)
    made_up = pseudo_words(rng, 6000)
    generic, vocabulary = made_up[:300], made_up[300:]
    extra = batch * (batches + 1)
    stories = max(4, (stored + extra) // 20)
    pool = max(60, stories)
    entity_names = [w.title() for w in pseudo_words(random.Random(seed + 1), pool)]
    Entity.objects.filter(slug__startswith="bench-").delete()  # a previous size's (a kept database)
    entities = Entity.objects.bulk_create(
        Entity(name=n, slug=f"bench-{n.lower()}", kind=Entity.Kind.ORG) for n in entity_names
    )
    entity_ids = [e.pk for e in entities]
    outlets = [Outlet.objects.create(name=f"Outlet {i}", domain=f"outlet{i}.bench") for i in range(20)]
    plans = plan_stories(rng, stories, stored + extra, vocabulary, pool)
    for plan in plans:  # the claims' speakers: the story's own people first
        plan.entities = plan.entities[CAST // 5 :] + plan.entities[: CAST // 5]
    timeline = sorted(
        (plan.start + timedelta(hours=min(72.0, rng.expovariate(1 / 14)) if n else 0), label)
        for label, plan in enumerate(plans)
        for n in range(plan.size)
    )
    rows = []
    for i, (seen, label) in enumerate(timeline):
        title, text, spans = compose(rng, plans[label], generic, entity_names)
        published = seen - timedelta(minutes=rng.randint(0, 120))
        rows.append((i, title, text, published, seen, None, spans))
    ids: list[int] = []
    started = time.perf_counter()
    for offset in range(0, stored, 2000):
        insert_chunk(rows[offset : min(offset + 2000, stored)], outlets, entity_ids, ids)
    _stored_story_rows(plans, timeline[:stored], ids, entity_ids)
    new = insert_chunk(rows[stored:], outlets, entity_ids, ids)
    ClaimCandidate.objects.bulk_create(
        [
            make_candidate(article, plans[label], n, entity_ids)
            for article, (_, label) in zip(new, timeline[stored:], strict=True)
            for n in range(CLAIMS_PER_STORY)
        ]
    )
    built = time.perf_counter() - started
    new = list(Article.objects.filter(pk__in=[a.pk for a in new]).order_by("first_seen_at", "pk"))
    split = [new[i : i + batch] for i in range(0, len(new), batch)]
    linking.link_articles(split[0])  # warm-up: the touched stories' events are built
    return built, split[1:]


@dataclass
class Store:
    """One stored corpus on a database of its own (`use` points Django's default connection at it), the
    batches still to link onto it, and one row of figures per batch linked."""

    stored: int
    built: float
    batches: list[list]
    use: Callable[[], None]
    clock: StageClock = field(default_factory=StageClock)
    rows: list[dict] = field(default_factory=list)


def _after_clustering(spent: dict[str, float]) -> float:
    return sum(s for k, s in spent.items() if not k.startswith("clustering"))


def link_batch(store: Store) -> None:
    """Link the store's next batch with the real code; its figures per article: wall and this thread's
    CPU (ms), queries, and the stages after clustering (wall and CPU, ms)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracker.crossref import linking

    articles = store.batches[len(store.rows)]
    rest, rest_cpu = _after_clustering(store.clock.spent), _after_clustering(store.clock.cpu)
    store.clock.install()
    try:
        began, began_cpu = time.perf_counter(), time.thread_time()
        with CaptureQueriesContext(connection) as captured:
            linking.link_articles(articles)
        wall, cpu = time.perf_counter() - began, time.thread_time() - began_cpu
    finally:
        store.clock.remove()
    per = 1000 / len(articles)
    store.rows.append(
        {
            "ms": wall * per,
            "cpu_ms": cpu * per,
            "queries": len(captured) * per / 1000,
            "rest_ms": (_after_clustering(store.clock.spent) - rest) * per,
            "rest_cpu_ms": (_after_clustering(store.clock.cpu) - rest_cpu) * per,
            "articles": len(articles),
        }
    )


def alternate(stores: list[Store], rounds: int) -> None:
    """Round after round, one batch linked onto each store in turn, the order reversed every other round
    (1k, 10k, 10k, 1k, 1k, ...): a change of the machine's load falls on both sizes alike, and each
    round's ratio compares two batches linked within a second or two of each other."""
    for n in range(rounds):
        for store in stores if n % 2 == 0 else stores[::-1]:
            store.use()
            link_batch(store)


def quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return (values[0],) * 3 if values else (0.0,) * 3
    low, middle, high = statistics.quantiles(values, n=4, method="inclusive")
    return low, middle, high


def _figure(values: list[float], unit: str = "ms") -> str:
    low, middle, high = quartiles(values)
    return f"{middle:7.1f} {unit} ({low:.1f}-{high:.1f})"


RATIOS = (
    ("cpu_ms", "whole linking, CPU", True),
    ("ms", "whole linking, wall", False),
    ("rest_cpu_ms", "after clustering, CPU", True),
    ("rest_ms", "after clustering, wall", False),
)


def report_lines(stores: list[Store]) -> list[str]:
    if not stores:
        return []
    rounds = min(len(s.rows) for s in stores)
    batch = stores[0].rows[0]["articles"] if rounds else 0
    lines = [
        "3. linking against a stored corpus (no spaCy: stored rows bulk-inserted), each size on a database"
        f" of its own, the sizes alternated batch by batch: {rounds} rounds of one batch of {batch} per"
        " size, the order reversed every other round; medians with their quartiles in brackets"
    ]
    for store in stores:
        rows = store.rows
        total = sum(store.clock.spent.values()) or 1.0
        split = ", ".join(
            f"{label} {100 * seconds / total:.0f}%"
            for label, seconds in sorted(store.clock.spent.items(), key=lambda kv: -kv[1])
            if seconds / total >= 0.01
        )
        linked = sum(r["articles"] for r in rows)
        lines += [
            f"with {store.stored:>6,} stored     wall {_figure([r['ms'] for r in rows])}, thread CPU"
            f" {_figure([r['cpu_ms'] for r in rows])} per article,"
            f" {statistics.median(r['queries'] for r in rows):.1f} queries per article"
            f" ({len(rows)} batches, {linked} articles, {store.stored + batch + linked:,} stored by the"
            f" end; built in {store.built:.0f} s)",
            f"  time by stage            {split}",
            f"  after clustering         wall {_figure([r['rest_ms'] for r in rows])}, CPU"
            f" {_figure([r['rest_cpu_ms'] for r in rows])} per article (claims, answers, counts,"
            " discrepancies, events)",
        ]
    if len(stores) >= 2 and rounds:
        first, last = stores[0], stores[-1]
        for key, what, goal in RATIOS:
            ratios = [b[key] / a[key] for a, b in zip(first.rows, last.rows, strict=False) if a[key] > 0]
            if not ratios:
                continue
            low, middle, high = quartiles(ratios)
            verdict = f"goal <= 1.5: {'met' if middle <= 1.5 else 'MISSED'}" if goal else "(not the goal)"
            lines.append(
                f"ratio {last.stored:,} / {first.stored:,} stored  {middle:6.2f}x ({low:.2f}-{high:.2f})"
                f"  {verdict} ({what}: the median of the {len(ratios)} rounds' ratios)"
            )
    return lines
