"""Story clustering benchmark: synthetic articles in stories with known labels, linked one at a time.

Prints the time to link one new article (`clustering.assign_story`, the median of the 100 links before
each mark) as the database grows, which must stay roughly flat, and the clustering's agreement with the
true stories (adjusted Rand index).

    .venv/bin/python bench/crossref.py [--articles 10000] [--stories 500] [--quick]

The corpus is made to be hard the way real coverage is: every story names two of the same few "case"
entities and the case's topic word, two new stories start every day so a window always holds several
of them, one story in six is a follow-up that reuses words and people of a recent one, and one article
in twenty is a syndicated copy. Articles and their Mention rows are bulk-inserted in time order, a
chunk at a time, so the articles table grows along with the stories (no spaCy involved). It uses a
throw-away SQLite database unless BENCH_DATABASE_URL says otherwise (for example PostgreSQL).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import configure  # noqa: E402

START = datetime(2026, 1, 1, tzinfo=UTC)
CAST = 10  # entities shared by every story, like Musk and OpenAI in the Musk v. OpenAI coverage
TOPIC = "distillation"  # the case's own keyword, in every article
CHUNK = 500


@dataclass
class StoryPlan:
    start: datetime
    words: list[str]  # what happened
    entities: list[int]  # who: indexes into the entity pool, the first CAST shared by all stories
    names: list[str]  # names no curated entity matches
    size: int = 0


def pseudo_words(rng: random.Random, count: int) -> list[str]:
    """Pronounceable made-up words, distinct in their first five letters (the stemmer's length)."""
    onsets, vowels = "bdfgklmnprstvz", "aeiou"
    seen, found = set(), []
    while len(found) < count:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(3, 4)))
        if word[:5] not in seen:
            seen.add(word[:5])
            found.append(word)
    return found


def plan_stories(rng: random.Random, stories: int, articles: int, vocabulary: list[str], pool: int):
    """Two stories a day, 4 to 36 articles each; one in six a follow-up of one of the six before."""
    plans: list[StoryPlan] = []
    for s in range(stories):
        start = START + timedelta(days=s / 2, hours=rng.uniform(0, 12))
        entities = rng.sample(range(CAST), 2) + rng.sample(range(CAST, pool), 3)
        words, names = rng.sample(vocabulary, 8), [f"{w.title()} Labs" for w in rng.sample(vocabulary, 2)]
        if s >= 6 and rng.random() < 1 / 6:  # same people, half the words of a recent story
            earlier = plans[s - rng.randint(1, 6)]
            words = earlier.words[:4] + words[:4]
            entities = earlier.entities[:4] + entities[4:]
        plans.append(StoryPlan(start, words, entities, names, size=rng.randint(4, 36)))
    scale = articles / sum(p.size for p in plans)
    for plan in plans:
        plan.size = max(2, round(plan.size * scale))
    plans[-1].size += articles - sum(p.size for p in plans)
    return plans


def compose(rng: random.Random, plan: StoryPlan, generic: list[str], entity_names: list[str]):
    """A title, a text, and the (start, end, entity index or None, surface) of the names in it."""
    title = rng.sample(plan.words, 3) + rng.sample(generic, 2) + [entity_names[plan.entities[0]]]
    rng.shuffle(title)
    lead = [rng.choice(plan.words) for _ in range(10)] + rng.sample(generic, 25) + [TOPIC]
    lead += [entity_names[e] for e in rng.sample(plan.entities, 4)] + rng.sample(plan.names, 1)
    rng.shuffle(lead)
    body = rng.sample(generic, 60) + [entity_names[e] for e in plan.entities]
    index = {name: i for i, name in enumerate(entity_names)}
    spans, position = [], 0
    for word in lead + body:
        if word[0].isupper():
            spans.append((position, position + len(word), index.get(word), word))
        position += len(word) + 1
    return " ".join(title).capitalize(), " ".join(lead + body), spans


def insert_chunk(rows: list[tuple], outlets: list, entity_ids: list[int], ids: list[int]) -> list:
    """Store a chunk of articles with their mentions; a copy points at an article stored before it."""
    from tracker.crossref.models import Mention
    from tracker.sources.models import Article

    articles = Article.objects.bulk_create(
        [
            Article(
                outlet=outlets[i % len(outlets)],
                url=f"https://bench.example/{i}",
                canonical_url=f"https://bench.example/{i}",
                title=title,
                text=text,
                published_at=published,
                first_seen_at=seen,
                status=Article.Status.ANALYZED,
            )
            for i, title, text, published, seen, _, _ in rows
        ],
        batch_size=1000,
    )
    ids.extend(a.pk for a in articles)
    copies = [(a, row[5]) for a, row in zip(articles, rows, strict=True) if row[5] is not None]
    for article, original in copies:
        article.copy_of_id = ids[original]
    Article.objects.bulk_update([a for a, _ in copies], ["copy_of"])
    Mention.objects.bulk_create(
        [
            Mention(
                article=article,
                entity_id=None if index is None else entity_ids[index],
                text=surface,
                label="ORG",
                start=start,
                end=end,
            )
            for article, row in zip(articles, rows, strict=True)
            for start, end, index, surface in row[6]
        ],
        batch_size=1000,
    )
    return articles


def adjusted_rand_index(truth: list[int], found: list[int]) -> float:
    pairs = Counter(zip(truth, found, strict=True))
    index = sum(comb(n, 2) for n in pairs.values())
    a = sum(comb(n, 2) for n in Counter(truth).values())
    b = sum(comb(n, 2) for n in Counter(found).values())
    expected = a * b / comb(len(truth), 2)
    best = (a + b) / 2
    return 1.0 if best == expected else (index - expected) / (best - expected)


def pair_agreement(truth: list[int], found: list[int]) -> tuple[float, float]:
    """Of the pairs put in one story, how many belong together; of those that belong, how many are."""
    together = sum(comb(n, 2) for n in Counter(zip(truth, found, strict=True)).values())
    found_pairs = sum(comb(n, 2) for n in Counter(found).values())
    true_pairs = sum(comb(n, 2) for n in Counter(truth).values())
    return together / max(1, found_pairs), together / max(1, true_pairs)


def run(articles: int, stories: int, marks: list[int], seed: int = 7) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tracker.cases.models import Entity
    from tracker.crossref import clustering
    from tracker.crossref.models import Story, StoryArticle
    from tracker.sources.models import Article, Outlet

    rng = random.Random(seed)
    made_up = pseudo_words(rng, 6000)
    generic, vocabulary = made_up[:300], made_up[300:]  # filler of every story; what happened
    pool = max(60, stories)
    entity_names = [w.title() for w in pseudo_words(random.Random(seed + 1), pool)]
    entities = Entity.objects.bulk_create(
        Entity(name=n, slug=f"bench-{n.lower()}", kind=Entity.Kind.ORG) for n in entity_names
    )
    entity_ids = [e.pk for e in entities]
    outlets = [Outlet.objects.create(name=f"Outlet {i}", domain=f"outlet{i}.bench") for i in range(20)]
    plans = plan_stories(rng, stories, articles, vocabulary, pool)
    timeline = sorted(
        (plan.start + timedelta(hours=min(72.0, rng.expovariate(1 / 14)) if n else 0), label)
        for label, plan in enumerate(plans)
        for n in range(plan.size)
    )
    truth = [label for _, label in timeline]

    composed: dict[int, tuple] = {}  # timeline index: title, text, spans
    originals: dict[int, list[int]] = {}  # story label: timeline indexes of its originals
    ids, times, cpu, queries, compared = [], [], [], [], []
    for offset in range(0, len(timeline), CHUNK):
        rows = []
        for i, (seen, label) in enumerate(timeline[offset : offset + CHUNK], start=offset):
            earlier = originals.setdefault(label, [])
            copy_of = rng.choice(earlier) if earlier and rng.random() < 0.05 else None
            if copy_of is None:
                composed[i] = compose(rng, plans[label], generic, entity_names)
                earlier.append(i)
            title, text, spans = composed[i if copy_of is None else copy_of]
            published = None if rng.random() < 0.15 else seen - timedelta(minutes=rng.randint(0, 120))
            rows.append((i, title, text, published, seen, copy_of, spans))
        for article in insert_chunk(rows, outlets, entity_ids, ids):
            sample = len(times) % 50 == 0  # counted apart from the timing
            if sample:
                compared.append(len(clustering.candidate_stories(article)))
            started, started_cpu = time.perf_counter(), time.process_time()
            if sample:
                with CaptureQueriesContext(connection) as captured:
                    clustering.assign_story(article)
                queries.append(len(captured))
            else:
                clustering.assign_story(article)
            times.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)

    found = dict(StoryArticle.objects.values_list("article_id", "story_id"))
    predicted = [found[pk] for pk in ids]
    precision, recall = pair_agreement(truth, predicted)
    copies = Article.objects.exclude(copy_of=None).count()
    print(f"articles x true stories     {articles} x {stories} ({copies} copies)")
    print("link one article, median of the 100 links before each mark (wall clock; this process's CPU)")
    for mark in marks:
        wall, own = (statistics.median(t[max(0, mark - 100) : mark]) * 1000 for t in (times, cpu))
        print(f"  at {mark:>6} articles        {wall:8.2f} ms  {own:8.2f} ms")
    print(f"queries per link            {statistics.median(queries):8.0f}")
    print(f"stories compared per link   {statistics.median(compared):8.0f} (median; max {max(compared)})")
    print(f"stories found               {Story.objects.count():8d}")
    print(f"adjusted Rand index         {adjusted_rand_index(truth, predicted):8.3f}")
    print(f"pairs: precision, recall    {precision:8.3f} {recall:8.3f} (same story, found together)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="1,000 articles in 50 stories")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.stories = 1_000, 50
    marks = [args.articles // 5, args.articles // 2, args.articles]
    if not args.quick:
        marks = [args.articles // 10, args.articles // 2, args.articles]
    with tempfile.TemporaryDirectory(prefix="bench-crossref-") as var_dir:
        configure(var_dir)
        started = time.perf_counter()
        run(args.articles, args.stories, marks)
        print(f"total                       {time.perf_counter() - started:8.1f} s")


if __name__ == "__main__":
    main()
