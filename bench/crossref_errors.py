"""Where story clustering goes wrong on the hand-labelled PolNeAR set: a tuning aid, no spaCy.

Reads a database kept by `bench/crossref.py --polnear-only --keep DIR` (articles ingested and
extracted), clusters the labelled articles and their generated copies with `features.cluster` in one
go (what `clustering.recluster` over the whole span would do), and prints the adjusted Rand index and
B-cubed F1 of each split separately (tune on `train`, check on `dev`), then the pairs of articles that
belong together but were split, and those put together that do not, each with its feature scores.

    .venv/bin/python bench/crossref_errors.py DIR [--split train|dev|all] [--pairs 40] [--undated 3] [--orders 3]

`--labels FILE` reads another label set (the one DIR was ingested with, e.g. polnear_stories_train2.json).

`--months` also prints the ARI of each month apart (a change that raises one month and lowers the others
is fitting, not a gain); `--set features.SIGNATURE_WEIGHT=0.2` (repeatable) sets a constant of a
crossref module for the run, so a sweep needs no edit.

`--orders K` then links the articles one at a time, as the chain does, in K shuffled orders (rolled
back) and prints each order's ARI and whether it ends as clustering everything at once did.

`--tfidf` also clusters the same articles by plain TF-IDF alone (issue 16's baseline: the cosine of
title and lead, `TFIDF_LEAD` words, sublinear counts, IDF over the articles compared, copies folded,
average and single linkage within the three-day window, faded as `pair_score` fades) at each threshold of
`TFIDF_THRESHOLDS`, and prints each split's ARI: what the tracker's features add over topical similarity. The threshold is
picked in sample here; `bench/crossref_baseline.py` fits it on the other train slice instead.

`--costs` also prints, largest first, what each error costs the split's ARI: for each story found that
mixes labelled stories, the ARI if it alone were split as the labels say, and for each labelled story
found in parts, the ARI if its strays alone joined its largest part (an oracle fix of that one error),
with the members' dates, outlets and titles. The ARI weighs errors by the pairs they touch, so one
labelled story of four found in three parts can cost more than ten wrongly joined pairs of lone pieces.

`--undated N` clusters every Nth article (copies included, in the labelled set's order) as if it stated
no date: its publication time is dropped in memory, and so are the days its dated facts name when
relative ("on Tuesday" needs the publication date). A database ingested with `bench/crossref.py
--undated N` holds such articles already; both print the ARI of the undated articles apart.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import configure  # noqa: E402


def components(a, b, va, vb) -> str:
    from tracker.crossref import features

    terms = features._dot(va[0], vb[0])
    shared = sorted(set(va[0]) & set(vb[0]), key=lambda t: -va[0][t] * vb[0][t])[:6]
    people = sorted(set(va[1]) & set(vb[1]), key=lambda e: -va[1][e])[:4]
    quotes = len(a.quotes & b.quotes)
    days = features.gap(a, b).total_seconds() / 86400
    score = features.pair_score(a, b, va, vb)
    return (
        f"score {score:.3f} terms {terms:.3f} days {days:.1f} quotes {quotes} words {shared} people {people}"
    )


def blank(files, articles, item_of) -> None:
    """The chosen items' articles lose their stated date (in memory) and their relative dated facts."""
    from tracker.crossref.models import DateMention

    chosen = [a for a, item in zip(articles, item_of, strict=True) if item.file in files]
    for article in chosen:
        article.published_at = None
    relative = DateMention.objects.filter(article__in=chosen, value__isnull=False).exclude(
        text__regex=r"\d{4}"
    )
    relative.update(value=None)


def linked_in_orders(articles, item_of, label, args, ari) -> None:
    """Each article linked alone (`clustering.assign_story`, as the chain's first step) in K shuffled
    orders, stories emptied before each: the split's ARI, and whether its partition is the one of
    clustering everything at once."""
    import random

    from django.db import transaction

    from tracker.crossref import batch_profiles, clustering
    from tracker.crossref.models import Story, StoryArticle
    from tracker.sources.models import Article

    if args.undated:  # the neighbourhood query reads the dates from the database
        Article.objects.filter(pk__in=[a.pk for a in articles if a.published_at is None]).update(
            published_at=None
        )
    idx = [i for i, it in enumerate(item_of) if args.split in ("all", it.split)]
    truth = [item_of[i].story for i in idx]

    def parts(labels) -> set[frozenset]:
        return {frozenset(i for i in idx if labels[i] == g) for g in {labels[i] for i in idx}}

    for seed in range(args.orders):
        mark = transaction.savepoint()
        Story.objects.all().delete()
        order = list(articles)
        random.Random(seed).shuffle(order)
        with batch_profiles.remembered():
            for article in order:
                clustering.assign_story(article)
        member = dict(StoryArticle.objects.values_list("article_id", "story_id"))
        found = [member[a.pk] for a in articles]
        got = [found[i] for i in idx]
        print(
            f"order {seed}: {args.split} ARI {ari(truth, got):.3f} same as at once: {parts(found) == parts(label)}"
        )
        transaction.savepoint_rollback(mark)


def error_costs(idx, item_of, label, ari) -> None:
    """Each error's cost in ARI, largest first: the gain of fixing it alone against the labels."""
    truth = [item_of[i].story for i in idx]
    got = [label[i] for i in idx]
    base = ari(truth, got)
    rows = []
    for found in sorted(set(got)):
        inside = [n for n, g in enumerate(got) if g == found]
        if len({truth[n] for n in inside}) > 1:  # a wrong join: split it as the labels say
            fixed = [(g, truth[n] if g == found else "") for n, g in enumerate(got)]
            rows.append((ari(truth, fixed) - base, "joined", inside))
    for story in sorted(set(truth)):
        inside = [n for n, t in enumerate(truth) if t == story]
        parts = Counter(got[n] for n in inside)
        if len(parts) > 1:  # a wrong split: its strays join its largest part
            largest = max(sorted(parts), key=lambda g: parts[g])
            fixed = [largest if t == story else g for t, g in zip(truth, got, strict=True)]
            rows.append((ari(truth, fixed) - base, "split", inside))
    print(f"\nerror costs (ARI {base:.3f}; each error fixed alone): {len(rows)}")
    for gain, kind, inside in sorted(rows, key=lambda r: (-r[0], r[1], r[2])):
        print(f"  +{gain:.3f} {kind} ({len(inside)} articles)")
        for n in sorted(inside, key=lambda n: (item_of[idx[n]].date, item_of[idx[n]].file)):
            item = item_of[idx[n]]
            print(
                f"    {item.date} {item.publisher:12s} found {got[n]:4d} {item.story[:40]:40s} {item.title[:60]}"
            )


TFIDF_LEAD = 150
TFIDF_THRESHOLDS = (0.03, 0.04, 0.05, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2)


def tfidf_baseline(articles, found, item_of, splits, ari) -> None:
    """Plain TF-IDF of title and lead, average linkage in the window: each split's ARI per threshold."""
    import math
    from collections import Counter

    import numpy as np

    from tracker.crossref import features, frames, linkage, unions
    from tracker.crossref.words import stems

    copies = linkage.copy_groups(found)
    counts = []
    for group in copies:
        article = articles[group[0]]
        lead = " ".join(frames.clean_text(article.text).split()[:TFIDF_LEAD])
        counts.append(Counter(stems(article.title)) + Counter(stems(lead)))
    n = len(counts)
    df = Counter(word for count in counts for word in count)
    vectors = [
        features._unit({w: (1 + math.log(c)) * math.log(n / df[w]) for w, c in count.items() if df[w] < n})
        for count in counts
    ]
    ranked = [found[g[0]] for g in copies]
    days = linkage._gaps(ranked) / (features.WINDOW // linkage._MICROSECOND)
    scores = np.triu(np.where(days <= 1, linkage._products(vectors) * (1 - features.DATE_FADE * days), 0), 1)
    rows, cols = np.nonzero(scores > 0)
    links = dict(
        zip(zip(rows.tolist(), cols.tolist(), strict=True), scores[rows, cols].tolist(), strict=True)
    )
    for threshold in TFIDF_THRESHOLDS:
        figures = []
        for name, groups in (
            ("average", linkage.average_linkage(n, links, threshold)),
            ("single", unions.connected(n, [pair for pair, v in links.items() if v > threshold])),
        ):
            label = {i: g for g, units in enumerate(groups) for unit in units for i in copies[unit]}
            for split in splits:
                idx = [i for i, it in enumerate(item_of) if it.split == split]
                got = ari([item_of[i].story for i in idx], [label[i] for i in idx])
                figures.append(f"{name} {split} {got:.3f}")
        print(f"tf-idf alone, threshold {threshold:.2f}: ARI {'  '.join(figures)}")


@contextmanager
def kept_slice(keep: str, labels: Path | None, split: str, undated_every: int, settings: list[str] = ()):
    """A kept database's labelled articles, placed as clustering places them (`clustering._apply`):
    yields (items, articles, item_of, found) inside a transaction rolled back on leaving, so what
    `undated_every` blanks (every Nth item's date) is not kept. `settings`: `override`'s values."""
    from bench.crossref import LABELS, _slug, polnear_set, use_database

    if labels and not labels.is_file() and (LABELS.parent / labels).is_file():
        labels = LABELS.parent / labels  # a bare fixture name
    use_database(keep, fresh=False)
    from django.db import transaction

    from tracker.crossref import neighbourhoods, profiling, undated
    from tracker.sources.models import Article

    override(list(settings))
    items = polnear_set(split=split, labels=labels)
    urls = {f"https://{i.publisher}.polnear.example/{_slug(i.file)}": i for i in items}
    articles = sorted(Article.objects.filter(canonical_url__in=urls), key=neighbourhoods.key)
    item_of = [urls[a.canonical_url] for a in articles]
    with transaction.atomic():
        if undated_every:
            blank({i.file for i in items[::undated_every]}, articles, item_of)
        yield items, articles, item_of, undated.placed(profiling.profiles(articles))
        transaction.set_rollback(True)


def override(settings: list[str]) -> None:
    """`module.NAME=value` for each setting: the crossref module's constant takes the value (a number)."""
    import importlib

    for setting in settings:
        target, value = setting.split("=", 1)
        module, name = target.rsplit(".", 1)
        found = importlib.import_module(f"tracker.crossref.{module}")
        if not hasattr(found, name):
            raise SystemExit(f"tracker.crossref.{module} has no {name}")
        setattr(found, name, type(getattr(found, name))(float(value)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("keep")
    parser.add_argument("--split", default="train")
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--undated", type=int, default=0, metavar="N", help="drop every Nth article's date")
    parser.add_argument("--orders", type=int, default=0, metavar="K", help="also link one by one in K orders")
    parser.add_argument("--months", action="store_true", help="also the ARI of each month apart")
    parser.add_argument("--tfidf", action="store_true", help="also plain TF-IDF alone, per threshold")
    parser.add_argument("--costs", action="store_true", help="also each error's cost in ARI, largest first")
    parser.add_argument("--set", action="append", default=[], metavar="MODULE.NAME=VALUE")
    parser.add_argument("--labels", type=Path, default=None, metavar="FILE", help="the label set DIR holds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-crossref-errors-") as var_dir:
        configure(var_dir)
        from bench.crossref import adjusted_rand_index, b_cubed_f1
        from tracker.crossref import features

        split = "" if args.split == "all" else args.split  # train: no dev text is read
        with kept_slice(args.keep, args.labels, split, args.undated, args.set) as (
            _,
            articles,
            item_of,
            found,
        ):
            groups = features.cluster(found)
            label = {i: n for n, g in enumerate(groups) for i in g}
            if args.orders:
                linked_in_orders(articles, item_of, label, args, adjusted_rand_index)
            if args.tfidf:
                splits = ("train", "dev") if args.split == "all" else (args.split,)
                tfidf_baseline(articles, found, item_of, splits, adjusted_rand_index)
        for split in ("train", "dev") if args.split == "all" else (args.split,):  # dev: the lead's only
            idx = [i for i, it in enumerate(item_of) if it.split == split]
            truth = [item_of[i].story for i in idx]
            got = [label[i] for i in idx]
            undated = [n for n, i in enumerate(idx) if articles[i].published_at is None]
            apart = (
                adjusted_rand_index([truth[n] for n in undated], [got[n] for n in undated]) if undated else 0
            )
            print(
                f"{split:6s} articles {len(idx):4d} true {len(set(truth)):4d} found {len(set(got)):4d} "
                f"ARI {adjusted_rand_index(truth, got):.3f} B3 {b_cubed_f1(truth, got):.3f} "
                f"undated {len(undated)} (their ARI {apart:.3f})"
            )
            for month in sorted({item_of[i].date[:7] for i in idx}) if args.months else ():
                inside = [n for n, i in enumerate(idx) if item_of[i].date.startswith(month)]
                ari = adjusted_rand_index([truth[n] for n in inside], [got[n] for n in inside])
                print(f"  {month} articles {len(inside):4d} ARI {ari:.3f}")
            if args.costs:
                error_costs(idx, item_of, label, adjusted_rand_index)
        copies = [i for i, it in enumerate(item_of) if it.copy_of]
        index_of = {it.file: i for i, it in enumerate(item_of)}
        together = sum(label[i] == label[index_of[item_of[i].copy_of]] for i in copies)
        print(f"copies in their original's story {together}/{len(copies)}")
        term_idf, entity_idf = features.rarity(found)
        vecs = [features.vectors(p, term_idf, entity_idf) for p in found]
        idx = [i for i, it in enumerate(item_of) if not it.copy_of and args.split in ("all", it.split)]
        split_pairs, merged_pairs = [], []
        for x, i in enumerate(idx):
            for j in idx[x + 1 :]:
                same, got = item_of[i].story == item_of[j].story, label[i] == label[j]
                if same != got:
                    (split_pairs if same else merged_pairs).append((i, j))

        def show(title, pairs):
            print(f"\n{title}: {len(pairs)} pairs")
            for i, j in pairs[: args.pairs]:
                print(f"  {item_of[i].story} | {item_of[j].story}")
                for k in (i, j):
                    print(f"    {item_of[k].date} {item_of[k].publisher:10s} {item_of[k].title[:90]}")
                print(f"    {components(found[i], found[j], vecs[i], vecs[j])}")

        show("split (same story, found apart)", split_pairs)
        show("merged (different stories, found together)", merged_pairs)


if __name__ == "__main__":
    main()
