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

Then the same figures on real articles: the hand-labelled PolNeAR set (tests/fixtures/polnear_stories.json,
texts read from ../shared/attribution/polnear at run time, skipped with a message where absent), with
copies generated from some of its texts (tests/support/copies.py). They go through the real chain: one
full-content Atom feed per publisher, ingested as `poll_feeds --sync` would (stated dates, copy
detection, relevance), then extraction and linking in batches, first seen first. It prints the adjusted
Rand index, B-cubed F1 and the share of generated copies linked to their original. `--quick` takes the
dev split only, with fewer copies; `--polnear-only` skips the synthetic run; `--keep DIR` keeps the
database so that `--relink` can redo only the cross-referencing on it (no spaCy); `--undated 3` feeds
every third article without its date, as about a third of real coverage comes. `--copies-only` ingests without
extraction (copies found at ingest only); the harder copies of tests/support/harder_copies.py go
through the chain too, scored on their own line with the false copies (distinct labelled articles
linked as copies), unless `--no-harder`. `--labels FILE` takes
another label set of the same format, such as the second train slice
(tests/fixtures/polnear_stories_train2.json, labelled apart from the first: ARI on both slices).
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

from bench.ingest import configure, fresh_database  # noqa: E402

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
    Entity.objects.filter(slug__startswith="bench-").delete()  # a previous run's, in the same database
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


# --- the hand-labelled PolNeAR set ------------------------------------------------------------------

POLNEAR = ROOT.parent / "shared" / "attribution" / "polnear"
LABELS = ROOT / "tests" / "fixtures" / "polnear_stories.json"  # dev and five train date ranges
LABELS_TRAIN2 = ROOT / "tests" / "fixtures" / "polnear_stories_train2.json"  # six other train ranges
POLNEAR_ABSENT = f"PolNeAR set skipped: {POLNEAR} is absent (it lives beside the repository)"
COPY_EVERY = 5  # every fifth labelled article (in file order) gets the generated copies
QUICK_COPY_EVERY = 8


@dataclass
class LabelledArticle:
    split: str
    file: str
    story: str
    publisher: str
    date: str
    title: str
    text: str
    copy_of: str = ""  # generated copies: the file of their original
    kind: str = ""  # generated copies: which kind
    undated: bool = False  # fed without a date (--undated): placed by its content and first sighting


def polnear_set(
    *,
    quick: bool = False,
    copies: bool = True,
    split: str = "",
    labels: Path | None = None,
    harder: bool = True,
) -> list[LabelledArticle] | None:
    """The labelled articles with their texts and metadata, then the generated copies; None when the
    corpus is absent. `quick`: the dev split only; `split`: that split only (`train`: no dev text is
    read, the way to tune without the lead's held-out part); `labels`: a label file other than LABELS;
    `harder`: the harder kinds of tests/support/harder_copies.py too (scored on a line of their own)."""
    import csv
    import json

    from tests.support.copies import KINDS, make_copy
    from tests.support.harder_copies import HARDER_KINDS, make_harder_copy

    if not (POLNEAR / "metadata.tsv").is_file():
        return None
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        meta = {row["filename"]: row for row in csv.DictReader(handle, delimiter="\t")}
    found = []
    for label in json.loads((labels or LABELS).read_text(encoding="utf-8"))["articles"]:
        if (quick and label["split"] != "dev") or (split and label["split"] != split):
            continue
        row = meta[label["file"].removesuffix(".txt")]
        text = (POLNEAR / label["split"] / "text" / label["file"]).read_text(encoding="utf-8")
        found.append(
            LabelledArticle(
                label["split"],
                label["file"],
                label["story"],
                row["publisher"],
                row["publication_date"],
                row["title"],
                text,
            )
        )
    if not copies:
        return found
    made = []
    for n, original in enumerate(found):
        if n % (QUICK_COPY_EVERY if quick else COPY_EVERY):
            continue
        for kind in (*KINDS, *(HARDER_KINDS if harder else ())):
            make = make_copy if kind in KINDS else make_harder_copy
            copy = make(kind, original.title, original.text, seed=n)
            made.append(
                LabelledArticle(
                    "copy",
                    f"{kind}-{original.file}",
                    original.story,
                    f"copies-{kind}",
                    original.date,
                    copy.title,
                    copy.text,
                    copy_of=original.file,
                    kind=kind,
                )
            )
    return found + made


def _slug(file: str) -> str:
    return file.removesuffix(".txt").replace("_", "-")


def atom_feed(publisher: str, items: list[LabelledArticle], hours: dict[str, int]) -> bytes:
    """A full-content Atom feed of one publisher's articles, dated as stated (the day, at an hour)."""
    from xml.sax.saxutils import escape

    from tests.support.copies import paragraphs

    host = f"{publisher}.polnear.example"
    entries = []
    for item in items:
        link = f"https://{host}/{_slug(item.file)}"
        stamp = f"{item.date}T{hours[item.file]:02d}:00:00Z"
        dates = "" if item.undated else f"<published>{stamp}</published><updated>{stamp}</updated>"
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs(item.text)[1:])
        entries.append(
            f'<entry><id>{link}</id><title>{escape(item.title)}</title><link href="{link}"/>{dates}'
            f'<content type="html">{escape(body)}</content></entry>'
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{publisher}</title><id>https://{host}/</id><updated>2016-10-31T00:00:00Z</updated>"
        f'<link href="https://{host}/"/>{"".join(entries)}</feed>'
    ).encode()


def ingest_polnear(items: list[LabelledArticle], *, seed: int = 7, analyse: bool = True) -> dict[str, int]:
    """Ingest the items as full-content feeds (feeds and entries in an order the seed shuffles), then
    (unless not `analyse`) extract and link them in batches, first seen first. Returns file -> article id."""
    from django.conf import settings

    from tracker.cases.models import Case
    from tracker.crossref import analysis
    from tracker.sources import ingestion
    from tracker.sources.fetching import FetchResponse
    from tracker.sources.models import Article, Feed

    rng = random.Random(seed)
    case, _ = Case.objects.get_or_create(
        slug="us-election-2016",
        defaults={
            "name": "2016 US presidential election",
            "kind": Case.Kind.TOPIC,
            "keywords": ["election", "presidential", "campaign", "primary", "Congress", "White House"],
        },
    )
    hours = {item.file: 12 if not item.copy_of else 12 + rng.randint(1, 11) for item in items}
    by_publisher: dict[str, list[LabelledArticle]] = {}
    for item in items:
        by_publisher.setdefault(item.publisher, []).append(item)
    documents = {}
    for publisher, own in by_publisher.items():
        rng.shuffle(own)
        documents[f"https://{publisher}.polnear.example/feed.atom"] = atom_feed(publisher, own, hours)

    def fetcher(url, **kwargs):
        body = documents.get(url)
        if body is None:
            return FetchResponse(url, 404, {"content-type": "text/plain"}, b"not found", 0)
        return FetchResponse(url, 200, {"content-type": "application/atom+xml"}, body, 0)

    urls = list(documents)
    rng.shuffle(urls)
    for url in urls:
        feed, _ = Feed.objects.get_or_create(url=url, defaults={"active": False})
        feed.cases.add(case)
        ingestion.ingest_feed(feed, fetcher=fetcher)
    ids = {}
    for item in items:
        host = f"https://{item.publisher}.polnear.example/{_slug(item.file)}"
        ids[item.file] = Article.objects.get(canonical_url=host).pk
    if not analyse:
        return ids
    pending = analysis.pending_article_ids()
    size = settings.TRACKER_NLP_BATCH_SIZE
    for i in range(0, len(pending), size):
        analysis.analyze_articles(pending[i : i + size])
    return ids


def relink_all() -> None:
    """Redo the cross-referencing of every analysed article from the stored extraction (no spaCy)."""
    from tracker.crossref import linking, rebuilding

    articles = rebuilding.articles_to_link()
    rebuilding.clear_machine_rows(articles)
    for i in range(0, len(articles), 16):
        linking.link_articles(articles[i : i + 16])


def b_cubed_f1(truth: list, found: list) -> float:
    """The mean over items of how much of an item's found story is its true story (precision) and how
    much of its true story was found with it (recall), combined."""
    pairs = Counter(zip(truth, found, strict=True))
    true_sizes, found_sizes = Counter(truth), Counter(found)
    precision = sum(n * n / found_sizes[f] for (t, f), n in pairs.items()) / len(truth)
    recall = sum(n * n / true_sizes[t] for (t, f), n in pairs.items()) / len(truth)
    return 2 * precision * recall / (precision + recall)


@dataclass
class PolnearScore:
    articles: int
    stories: int
    found_stories: int
    ari: float
    b_cubed: float
    copies: int
    copies_linked: float  # linked to their original (copy_of)
    copies_in_story: float  # in their original's story
    harder: dict[str, tuple[int, int]]  # harder kind of copy -> (linked to their original, made)
    false_copies: int  # pairs of distinct labelled articles linked as copies of each other


def score_polnear(items: list[LabelledArticle], ids: dict[str, int]) -> PolnearScore:
    from tracker.crossref.models import StoryArticle
    from tracker.sources.models import Article

    story_of = dict(StoryArticle.objects.values_list("article_id", "story_id"))
    copy_of = dict(Article.objects.values_list("pk", "copy_of_id"))

    def root(pk):
        seen = set()
        while copy_of.get(pk) and pk not in seen:
            seen.add(pk)
            pk = copy_of[pk]
        return pk

    labelled = [i for i in items if not i.copy_of]
    truth = [i.story for i in labelled]
    found = [story_of.get(ids[i.file], -ids[i.file]) for i in labelled]
    from tests.support.copies import KINDS

    harder: dict[str, tuple[int, int]] = {}
    for c in items:
        if c.copy_of and c.kind not in KINDS:
            made = harder.get(c.kind, (0, 0))
            harder[c.kind] = (made[0] + (root(ids[c.file]) == root(ids[c.copy_of])), made[1] + 1)
    roots = Counter(root(ids[i.file]) for i in labelled)
    copies = [i for i in items if i.copy_of and i.kind in KINDS]
    linked = sum(root(ids[c.file]) == root(ids[c.copy_of]) for c in copies)
    together = sum(story_of.get(ids[c.file], 0) == story_of.get(ids[c.copy_of], -1) for c in copies)
    return PolnearScore(
        articles=len(labelled),
        stories=len(set(truth)),
        found_stories=len(set(found)),
        ari=adjusted_rand_index(truth, found),
        b_cubed=b_cubed_f1(truth, found),
        copies=len(copies),
        copies_linked=linked / max(1, len(copies)),
        copies_in_story=together / max(1, len(copies)),
        harder=harder,
        false_copies=sum(comb(n, 2) for n in roots.values()),
    )


def print_polnear(score: PolnearScore, *, seconds: float, labels: Path | None = None) -> None:
    print(f"PolNeAR, hand-labelled      {score.articles} articles in {score.stories} true stories")
    print(f"labels                      {(labels or LABELS).name}")
    print(f"stories found               {score.found_stories:8d}")
    print(f"adjusted Rand index         {score.ari:8.3f}")
    print(f"B-cubed F1                  {score.b_cubed:8.3f}")
    print(f"generated copies            {score.copies:8d}")
    print(f"  linked to their original  {score.copies_linked:8.3f}")
    print(f"  in their original's story {score.copies_in_story:8.3f}")
    if score.harder:
        linked, made = (sum(v[i] for v in score.harder.values()) for i in (0, 1))
        print(f"harder copies               {made:8d}")
        print(f"  linked to their original  {linked / made:8.3f}")
        for kind, (k_linked, k_made) in sorted(score.harder.items()):
            print(f"    {kind:<23} {k_linked / k_made:8.3f} ({k_linked}/{k_made})")
    print(
        f"false copies (labelled)     {score.false_copies:8d} (pairs of distinct articles linked as copies)"
    )
    print(f"chain time                  {seconds:8.1f} s")


def run_polnear(
    *,
    quick: bool,
    keep: str | None,
    relink: bool,
    undated: int = 0,
    split: str = "",
    labels: Path | None = None,
    copies_only: bool = False,
    harder: bool = True,
) -> None:
    items = polnear_set(quick=quick, split=split, labels=labels, harder=harder)
    if items is None:
        print(POLNEAR_ABSENT)
        return
    for n, item in enumerate(items):
        item.undated = bool(undated) and n % undated == 0
    from tracker.sources.models import Article

    started = time.perf_counter()
    if relink and Article.objects.exists():
        files = {f"https://{i.publisher}.polnear.example/{_slug(i.file)}": i.file for i in items}
        ids = {
            files[url]: pk for pk, url in Article.objects.values_list("pk", "canonical_url") if url in files
        }
        relink_all()
    else:
        ids = ingest_polnear(items, analyse=not copies_only)
    print_polnear(score_polnear(items, ids), seconds=time.perf_counter() - started, labels=labels)
    if keep:
        print(f"database kept in {keep} (rerun with --keep {keep} --relink to redo only the linking)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--quick", action="store_true", help="1,000 articles in 50 stories; PolNeAR dev only")
    parser.add_argument("--polnear-only", action="store_true", help="skip the synthetic run")
    parser.add_argument("--keep", help="a directory for the PolNeAR database, kept after the run")
    parser.add_argument("--relink", action="store_true", help="with --keep: redo only the linking")
    parser.add_argument(
        "--undated", type=int, default=0, metavar="N", help="feed every Nth PolNeAR article without its date"
    )
    parser.add_argument(
        "--copies-only",
        action="store_true",
        help="PolNeAR: ingest only (copies found at ingest; no extraction, linking or clustering)",
    )
    parser.add_argument(
        "--no-harder",
        action="store_true",
        help="PolNeAR: without the harder copies (the chain as before they were added)",
    )
    parser.add_argument("--split", default="", choices=("", "train", "dev"), help="PolNeAR: this split only")
    parser.add_argument(
        "--labels",
        type=Path,
        default=LABELS,
        metavar="FILE",
        help=f"PolNeAR label set (e.g. {LABELS_TRAIN2.name})",
    )
    args = parser.parse_args()
    if not args.labels.is_file() and (LABELS.parent / args.labels).is_file():
        args.labels = LABELS.parent / args.labels  # a bare fixture name
    if args.quick:
        args.articles, args.stories = 1_000, 50
    marks = [args.articles // 5, args.articles // 2, args.articles]
    if not args.quick:
        marks = [args.articles // 10, args.articles // 2, args.articles]
    with tempfile.TemporaryDirectory(prefix="bench-crossref-") as var_dir:
        configure(var_dir)
        if not args.polnear_only:
            fresh_database(var_dir, "synthetic")
            started = time.perf_counter()
            run(args.articles, args.stories, marks)
            print(f"total                       {time.perf_counter() - started:8.1f} s")
        if args.keep:
            use_database(args.keep, fresh=not args.relink)
        else:
            fresh_database(var_dir, "polnear")
        run_polnear(
            quick=args.quick,
            keep=args.keep,
            relink=args.relink,
            undated=args.undated,
            split=args.split,
            labels=args.labels,
            copies_only=args.copies_only,
            harder=not args.no_harder,
        )


def use_database(directory: str, *, fresh: bool) -> None:
    """Point this process at <directory>/polnear.sqlite3: a copy of the migrated template when fresh."""
    from django.db import connections

    path = Path(directory) / "polnear.sqlite3"
    Path(directory).mkdir(parents=True, exist_ok=True)
    if fresh or not path.exists():
        template = Path(connections["default"].settings_dict["NAME"]).with_name("template.sqlite3")
        connections.close_all()
        path.write_bytes(template.read_bytes())
    connections.close_all()
    connections["default"].settings_dict["NAME"] = str(path)


if __name__ == "__main__":
    main()
