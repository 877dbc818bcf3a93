"""Issue 16's yardstick: plain TF-IDF clustering of the labelled train slices, thresholds fitted across.

Reads the two databases kept by `bench/crossref.py --polnear-only --split train --keep DIR` (the first
slice, tests/fixtures/polnear_stories.json, and the second, `--labels polnear_stories_train2.json`) and
clusters the same articles and labels three ways: our clusterer (`features.cluster` on the profiles
`undated.placed` dates, all at once, as `crossref_errors.py` does), and plain TF-IDF cosine (sublinear
counts, IDF over the articles compared, stems as our words have them) of

- `lead`: the title and the first LEAD_WORDS words of the cleaned text, or
- `text`: the title and the whole cleaned text, or
- `title`: the title alone (issue 16's "plain title rule" is of this kind),

by single or average linkage, with no time limit (`any`), only within WINDOW_DAYS of each other's stated
publication times (`3d`: an article stating no date is within every window), or within WINDOW_DAYS of the
times `undated.placed` gives (`placed`: our placement of undated articles, plain scoring). Copies are
folded into their original first (`linkage.copy_groups`, as ours does): the baselines and ours score the
same units.

Each baseline's threshold is fitted on one slice (where the sum of its dated and a-third-undated ARIs is
best, over THRESHOLDS) and applied to the other, both ways; the in-sample best is printed beside it as an
upper bound. Ours is fitted the same way over OUR_THRESHOLDS (its floor, `features.THRESHOLD`), so that
both sides are scored on a slice their threshold was not chosen on. Train labels only: no dev text is read.

    .venv/bin/python bench/crossref_baseline.py DIR1 DIR2 [--undated 3] [--wins lead,single,3d]
        [--ablate features.APART=1.0 features.ENTITY_WEIGHT=0 ...]

`--wins CONFIG` then lists, per slice and dated/undated, our errors (`crossref_errors.py --costs`'s
oracle price: the ARI gained by fixing that one error alone) that the baseline at its cross-fitted
threshold gets right (it splits our wrong join as the labels do, or holds our wrongly split story in one
group), with the pair-score features of the pairs concerned. `--ablate` reclusters ours with each
setting in turn (`crossref_errors.py --set`'s MODULE.NAME=VALUE, several joined by `+`), placement
included: what each feature or gate is worth on each slice (constants read when scoring and placing;
those read when an article's profile is made, such as `features.BODY_WEIGHT`, need a fresh database).
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LEAD_WORDS = 150
WINDOW_DAYS = 3
THRESHOLDS = tuple(round(float(t), 4) for t in np.exp(np.linspace(math.log(0.02), math.log(0.7), 40)))
OUR_THRESHOLDS = (0.04, 0.05, 0.06, 0.07, 0.08, 0.1, 0.12, 0.15)  # ours: `features.THRESHOLD` is 0.06
TEXTS, LINKAGES, WINDOWS = ("lead", "text", "title"), ("single", "average"), ("any", "3d", "placed")


@dataclass
class Slice:
    """One slice, dated or with a third undated: its units (copy groups) and what the baselines need."""

    name: str
    truth: list  # labelled originals' stories
    unit_of: list[int]  # labelled originals' units
    ours: list[int]  # labelled originals' groups by our clusterer
    vectors: dict  # "lead" / "text" -> the units' unit TF-IDF vectors
    times: list  # the units' stated publication times (None: undated)
    placed: list  # the units' times as `undated.placed` gives them (None: still undated)
    items: list  # labelled originals (bench.crossref.LabelledArticle)
    found: list  # the units' profiles (placed), for the features of --wins
    raw: list  # every article's profile before placement, for --ablate
    originals: list[int]  # the labelled originals' indexes into `raw`


def load(keep: str, labels: Path | None, undated: int, name: str) -> Slice:
    """The slice held in `keep`, every `undated`th article's date dropped in memory (0: none)."""
    from bench.crossref import _slug, polnear_set, use_database
    from bench.crossref_errors import blank

    use_database(keep, fresh=False)
    from django.db import transaction

    from tracker.crossref import features, frames, linkage, neighbourhoods, profiling
    from tracker.crossref import undated as undated_
    from tracker.sources.models import Article

    items = polnear_set(split="train", labels=labels)
    urls = {f"https://{i.publisher}.polnear.example/{_slug(i.file)}": i for i in items}
    articles = sorted(Article.objects.filter(canonical_url__in=urls), key=neighbourhoods.key)
    item_of = [urls[a.canonical_url] for a in articles]
    with transaction.atomic():  # --undated's changes to the database are rolled back
        if undated:
            blank({i.file for i in items[::undated]}, articles, item_of)
        raw = profiling.profiles(articles)
        found = undated_.placed(raw)
        groups = features.cluster(found)
        transaction.set_rollback(True)
    ours = {i: g for g, members in enumerate(groups) for i in members}
    copies = linkage.copy_groups(found)
    unit = {i: u for u, members in enumerate(copies) for i in members}
    originals = [i for i, item in enumerate(item_of) if not item.copy_of]
    firsts = [articles[g[0]] for g in copies]
    texts = {
        "lead": [a.title + " " + " ".join(frames.clean_text(a.text).split()[:LEAD_WORDS]) for a in firsts],
        "text": [a.title + " " + frames.clean_text(a.text) for a in firsts],
        "title": [a.title for a in firsts],
    }
    return Slice(
        name=name,
        truth=[item_of[i].story for i in originals],
        unit_of=[unit[i] for i in originals],
        ours=[ours[i] for i in originals],
        vectors={k: tfidf(v) for k, v in texts.items()},
        times=[a.published_at for a in firsts],
        placed=[found[g[0]].time for g in copies],
        items=[item_of[i] for i in originals],
        found=[found[g[0]] for g in copies],
        raw=raw,
        originals=originals,
    )


def tfidf(texts: list[str]) -> list[dict[str, float]]:
    """Unit vectors of sublinear counts times log(n / df); a word in every text weighs nothing."""
    from tracker.crossref import features
    from tracker.crossref.words import stems

    counts = [Counter(stems(t)) for t in texts]
    n = len(counts)
    df = Counter(w for c in counts for w in c)
    return [
        features._unit({w: (1 + math.log(k)) * math.log(n / df[w]) for w, k in c.items() if df[w] < n})
        for c in counts
    ]


def similarity(s: Slice, text: str, window: str) -> np.ndarray:
    """The units' cosines, zero beyond the window for two stated times."""
    from tracker.crossref import linkage

    cos = linkage._products(s.vectors[text])
    if window != "any":
        times = s.placed if window == "placed" else s.times
        stamps = np.array([t.timestamp() if t else np.nan for t in times])
        apart = np.abs(stamps[:, None] - stamps[None, :]) > WINDOW_DAYS * 86400  # nan: never apart
        cos = np.where(apart, 0.0, cos)
    return cos


def groups(matrix: np.ndarray, how: str, threshold: float) -> list[int]:
    """Each unit's group: single linkage over the pairs above `threshold`, or average linkage."""
    from tracker.crossref import linkage, unions

    upper = np.triu(matrix, 1)
    rows, cols = np.nonzero(upper > 0)
    if how == "single":
        keep = upper[rows, cols] > threshold
        found = unions.connected(len(matrix), zip(rows[keep].tolist(), cols[keep].tolist(), strict=True))
    else:
        links = dict(
            zip(zip(rows.tolist(), cols.tolist(), strict=True), upper[rows, cols].tolist(), strict=True)
        )
        found = linkage.average_linkage(len(matrix), links, threshold)
    label = [0] * len(matrix)
    for g, members in enumerate(found):
        for unit in members:
            label[unit] = g
    return label


def scores(s: Slice, got: list) -> tuple[float, float]:
    from bench.crossref import adjusted_rand_index, b_cubed_f1

    return adjusted_rand_index(s.truth, got), b_cubed_f1(s.truth, got)


def sweep(s: Slice, text: str, how: str, window: str) -> dict[float, tuple[float, float, list[int]]]:
    """Threshold -> (ARI, B-cubed, the labelled originals' groups)."""
    matrix = similarity(s, text, window)
    found = {}
    for t in THRESHOLDS:
        label = groups(matrix, how, t)
        got = [label[u] for u in s.unit_of]
        found[t] = (*scores(s, got), got)
    return found


def report(slices: dict[str, tuple[Slice, Slice]]) -> dict:
    """Prints ours, then ours and each baseline fitted on one slice and scored on the other; returns
    the sweeps ((config, slice name) -> threshold -> (ARI, B-cubed, groups))."""
    print("ARI / B-cubed per slice: dated, a third undated")
    for name, pair in slices.items():
        figures = "  ".join(f"{s.name} {a:.3f} / {b:.3f}" for s in pair for a, b in [scores(s, s.ours)])
        print(f"  ours {name}: {figures}")
    sweeps = {}
    for pair in slices.values():
        for s in pair:
            sweeps["ours", s.name] = ours_sweep(s)
    print("fitted on one slice's dated + undated ARI, scored on the other's; in-sample best in brackets")
    crossed(sweeps, "ours", slices, OUR_THRESHOLDS)
    for text in TEXTS:
        for how in LINKAGES:
            for window in WINDOWS:
                config = f"{text},{how},{window}"
                for pair in slices.values():
                    for s in pair:
                        sweeps[config, s.name] = sweep(s, text, how, window)
                crossed(sweeps, config, slices, THRESHOLDS)
    return sweeps


def ours_sweep(s: Slice) -> dict[float, tuple[float, float, list[int]]]:
    """Our clusterer at each of OUR_THRESHOLDS (its floor; the relative threshold kept)."""
    from tracker.crossref import features, undated

    found = undated.placed(s.raw)
    swept = {}
    for t in OUR_THRESHOLDS:
        label = {i: g for g, members in enumerate(features.cluster(found, t)) for i in members}
        got = [label[i] for i in s.originals]
        swept[t] = (*scores(s, got), got)
    return swept


def crossed(sweeps: dict, config: str, slices: dict[str, tuple[Slice, Slice]], grid) -> None:
    names = list(slices)
    cells = []
    for own, other in ((names[0], names[1]), (names[1], names[0])):
        fitted = fitted_threshold(sweeps, config, slices[own], grid)
        for s in slices[other]:
            a, b, _ = sweeps[config, s.name][fitted]
            best = max(v[0] for v in sweeps[config, s.name].values())
            cells.append(f"{s.name} {a:.3f} / {b:.3f} ({best:.3f}) at {fitted:.3f}")
    print(f"  {config:20s} " + "  ".join(cells))


def fitted_threshold(sweeps: dict, config: str, own: tuple[Slice, Slice], grid=THRESHOLDS) -> float:
    """The threshold of `grid` where the slice's dated and undated ARIs sum best (ties: the lowest)."""
    return max(grid, key=lambda t: sum(sweeps[config, s.name][t][0] for s in own))


def errors(truth: list, got: list, baseline: list, ari) -> list[tuple[float, str, list[int], bool]]:
    """Our errors as `crossref_errors.py --costs` prices them (the ARI gained by fixing that one alone: a
    wrong join split as the labels say, a wrong split's strays joining its largest part), each with
    whether the baseline gets it right (parts the join as the labels do; holds the story in one group)."""
    base = ari(truth, got)
    rows = []
    for found in sorted(set(got)):
        inside = [n for n, g in enumerate(got) if g == found]
        if len({truth[n] for n in inside}) > 1:
            fixed = [(g, truth[n] if g == found else "") for n, g in enumerate(got)]
            right = all(
                (baseline[m] == baseline[n]) == (truth[m] == truth[n]) for m in inside for n in inside
            )
            rows.append((ari(truth, fixed) - base, "joined", inside, right))
    for story in sorted(set(truth)):
        inside = [n for n, t in enumerate(truth) if t == story]
        parts = Counter(got[n] for n in inside)
        if len(parts) > 1:
            largest = max(sorted(parts), key=lambda g: parts[g])
            fixed = [largest if t == story else g for t, g in zip(truth, got, strict=True)]
            rows.append((ari(truth, fixed) - base, "split", inside, len({baseline[n] for n in inside}) == 1))
    return sorted(rows, key=lambda r: (-r[0], r[1], r[2]))


def wins(s: Slice, baseline: list, ari) -> None:
    """Our errors the baseline gets right, each with its oracle price and the features of its pairs; then
    what carried the wrongly joined pairs of those errors over our floor (`carried_by`)."""
    from tracker.crossref import features

    rows = errors(s.truth, s.ours, baseline, ari)
    right = [r for r in rows if r[3]]
    print(
        f"\n{s.name}: of our {len(rows)} errors (worth {sum(r[0] for r in rows):+.3f} fixed one at a time) "
        f"the baseline gets {len(right)} right ({sum(r[0] for r in right):+.3f})"
    )
    term_idf, entity_idf = features.rarity(s.found)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in s.found]
    tally = Counter()
    for gain, kind, inside, _ in right:
        print(f"  +{gain:.3f} {kind} ({len(inside)} articles)")
        for n in sorted(inside, key=lambda n: (s.items[n].date, s.items[n].file)):
            item = s.items[n]
            print(
                f"    {item.date} {item.publisher:12s} ours {s.ours[n]:4d} base {baseline[n]:4d} "
                f"{item.story[:30]:30s} {item.title[:60]}"
            )
        show_pairs(s, inside, vecs)
        for m, n in ((m, n) for m in inside for n in inside if m < n and s.truth[m] != s.truth[n]):
            u, v = s.unit_of[m], s.unit_of[n]
            undated = " (undated)" if s.times[u] is None or s.times[v] is None else ""
            tally[carried_by(s.found[u], s.found[v], vecs[u], vecs[v]) + undated] += 1
    print(f"  wrongly joined pairs the baseline parts, by what carries them over our floor: {dict(tally)}")


PARTS = {"words": "TERM_WEIGHT", "participants": "ENTITY_WEIGHT", "quotes": "QUOTE_WEIGHT"}


def carried_by(a, b, va, vb) -> str:
    """The parts of `features.pair_score` (words, participants, quotes) a pair needs to reach the floor
    (`features.THRESHOLD`): each one without which it would fall under it, "+"-joined; "no one part"
    when none alone, "under the floor" when the pair is under it already (joined through others)."""
    from tracker.crossref import features

    if features.pair_score(a, b, va, vb) <= features.THRESHOLD:
        return "under the floor"
    needed = []
    for part, name in PARTS.items():
        kept = getattr(features, name)
        setattr(features, name, 0.0)
        try:
            if features.pair_score(a, b, va, vb) <= features.THRESHOLD:
                needed.append(part)
        finally:
            setattr(features, name, kept)
    return "+".join(needed) or "no one part"


def show_pairs(s: Slice, inside: list[int], vecs: list) -> None:
    """The pair scores and their parts for the pairs of `inside` (units, first four pairs)."""
    from bench.crossref_errors import components

    units = sorted({s.unit_of[n] for n in inside})
    cos = similarity(s, "lead", "any")
    pairs = [(u, v) for x, u in enumerate(units) for v in units[x + 1 :]][:4]
    for u, v in pairs:
        a, b = s.found[u], s.found[v]
        print(
            f"      {u}-{v} cos {cos[u, v]:.3f} {components(a, b, vecs[u], vecs[v])}"
            f" carried by {carried_by(a, b, vecs[u], vecs[v])}"
        )


def ablate(slices: dict[str, tuple[Slice, Slice]], settings: list[str]) -> None:
    """Our clusterer with each setting (`crossref_errors.override`'s MODULE.NAME=VALUE; several joined by
    `+`) in turn: placement and clustering redone from the stored profiles, ARI per slice."""
    import importlib

    from bench.crossref_errors import override
    from tracker.crossref import features, undated

    print("\nablations (ARI dated / a third undated, per slice)")
    for setting in ["none", *settings]:
        targets = [] if setting == "none" else setting.split("+")
        saved = []
        for target in targets:
            module, name = target.split("=", 1)[0].rsplit(".", 1)
            found = importlib.import_module(f"tracker.crossref.{module}")
            saved.append((found, name, getattr(found, name)))
        override(targets)
        cells = []
        for pair in slices.values():
            for s in pair:
                groups = features.cluster(undated.placed(s.raw))
                label = {i: g for g, members in enumerate(groups) for i in members}
                ari, b3 = scores(s, [label[i] for i in s.originals])
                cells.append(f"{s.name} {ari:.3f} / {b3:.3f}")
        for found, name, value in saved:
            setattr(found, name, value)
        print(f"  {setting:40s} " + "  ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("first", help="the first train slice's kept database directory")
    parser.add_argument("second", help="the second's (polnear_stories_train2.json)")
    parser.add_argument("--labels2", type=Path, default=None, help="the second slice's labels")
    parser.add_argument("--undated", type=int, default=3, metavar="N")
    parser.add_argument("--ablate", nargs="*", default=[], metavar="MODULE.NAME=VALUE[+...]")
    parser.add_argument("--wins", default="", metavar="TEXT,LINKAGE,WINDOW", help="e.g. lead,average,3d")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-crossref-baseline-") as var_dir:
        from bench.ingest import configure

        configure(var_dir)
        from bench.crossref import LABELS_TRAIN2, adjusted_rand_index

        labels2 = args.labels2 or LABELS_TRAIN2
        slices = {
            "1": (load(args.first, None, 0, "s1"), load(args.first, None, args.undated, "s1u")),
            "2": (load(args.second, labels2, 0, "s2"), load(args.second, labels2, args.undated, "s2u")),
        }
        sweeps = report(slices)
        if args.ablate:
            ablate(slices, args.ablate)
        if args.wins:
            for own, other in (("1", "2"), ("2", "1")):
                t = fitted_threshold(sweeps, args.wins, slices[own])
                for s in slices[other]:
                    wins(s, sweeps[args.wins, s.name][t][2], adjusted_rand_index)


if __name__ == "__main__":
    main()
