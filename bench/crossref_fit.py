"""Cross-slice fitting of the story clusterer's pair score: fit on one labelled train slice, score the other.

`dump` reads a database kept by `bench/crossref.py --polnear-only --split train --keep DIR` and writes,
for the clustering units (copies folded into their original, as `features.cluster` does), every pair's
features within the window, the label (same story or not), and what ARI needs:

    .venv/bin/python bench/crossref_fit.py dump DIR OUT.npz [--labels FILE] [--undated 3]

`fit` fits a logistic regression (numpy, by hand) on the pairs of one slice's dumps (dated, a third
undated) and clusters the other slice with it (average linkage, the threshold taken where the fitting
slice's ARI is best), both ways, next to the current scorer (`features.pair_score`, its threshold):

    .venv/bin/python bench/crossref_fit.py fit S1.npz S1U.npz S2.npz S2U.npz [--features a,b] [--candidates C]

`--months` instead pools both slices and leaves one month out at a time (`by_month`).

Train labels only: no dev text is read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = (
    "terms", "entities", "agree", "ent_agree", "quotes", "facts", "days", "apart", "title", "lead",
    "event_shared", "same_outlet", "undated", "quote_count", "base", "both_days", "both_events", "kind_apart", "title_apart", "facts_rare", "days_shared",
)  # fmt: skip


def dump(args) -> None:
    from bench.ingest import configure

    with tempfile.TemporaryDirectory(prefix="bench-crossref-fit-") as var_dir:
        configure(var_dir)
        from bench.crossref_errors import kept_slice

        with kept_slice(args.keep, args.labels, "train", args.undated) as (_, articles, item_of, found):
            extra = [(a.title, a.text, a.published_at is None) for a in articles]
        np.savez(args.out, **pair_features(found, extra, item_of))


def pair_features(found, extra, item_of) -> dict:
    """The units (copy groups), their pairs' features, labels and the labelled originals' units."""
    from tracker.crossref import features, frames, linkage
    from tracker.crossref.words import EVENT_STEMS, stems

    copies = linkage.copy_groups(found)
    ranked = [found[g[0]] for g in copies]
    term_idf, entity_idf = features.rarity(ranked)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in ranked]
    n = len(ranked)
    base = linkage._score_matrix(ranked, vecs, features)
    terms = linkage._products([v[0] for v in vecs])
    entities = linkage._weighted_jaccard([v[1] for v in vecs])
    shared_quotes = linkage._products([dict.fromkeys(p.quotes, 1.0) for p in ranked])
    day_sets = [dict.fromkeys(p.days, 1.0) for p in ranked]
    facts = linkage._jaccard(day_sets, linkage._products(day_sets))
    day_df = Counter(day for p in ranked for day in p.days)  # a day many articles name says little
    rare_days = [{day: np.log((n + 1) / (day_df[day] + 0.5)) for day in p.days} for p in ranked]
    quotes = np.where(shared_quotes >= features.QUOTE_MIN_SHARED, np.minimum(1.0, shared_quotes / 3), 0.0)
    agree = np.minimum(1.0, terms / features.TERMS_FOR_ENTITIES)
    named = [dict.fromkeys(v[1], 1.0) for v in vecs]
    both = np.array([bool(v) for v in named])
    apart = ((linkage._products(named) == 0) & both[:, None] & both[None, :]).astype(float)
    window = features.WINDOW // linkage._MICROSECOND
    days = linkage._gaps(ranked) / window

    def unit_vectors(parts):
        found_ = []
        for part in parts:
            vec = {w: term_idf.get(w, 0.0) for w in set(stems(part))}
            found_.append(features._unit(vec))
        return linkage._products(found_)

    first = [extra[g[0]] for g in copies]
    title = unit_vectors([t for t, _, _ in first])
    lead = unit_vectors([" ".join(frames.clean_text(x).split()[: features.LEAD_WORDS]) for _, x, _ in first])
    events = [
        dict.fromkeys(set(stems(t + " " + " ".join(frames.clean_text(x).split()[:40]))) & EVENT_STEMS, 1.0)
        for t, x, _ in first
    ]
    event_shared = np.minimum(1.0, linkage._products(events))
    outlet = [item_of[g[0]].publisher for g in copies]
    same_outlet = np.array([[a == b for b in outlet] for a in outlet], dtype=float)
    und = np.array([e[2] for e in first], dtype=float)
    either = np.maximum(und[:, None], und[None, :])
    stacked = np.stack(
        [terms, entities, agree, entities * agree, quotes, facts, days, apart, title, lead, event_shared,
         same_outlet, either, np.log1p(shared_quotes), base, pairs_of([bool(s) for s in day_sets]),
         pairs_of([bool(e) for e in events]), disjoint([p.kinds for p in ranked]),
         disjoint([titled(p, t) for p, (t, _, _) in zip(ranked, first, strict=True)]),
         linkage._weighted_jaccard(rare_days), np.minimum(3, linkage._products(day_sets)) / 3], axis=-1,
    )  # fmt: skip
    unit_story = [item_of[g[0]].story for g in copies]
    stories = {s: k for k, s in enumerate(sorted(set(unit_story)))}
    member = np.zeros(len(found), dtype=int)
    for u, g in enumerate(copies):
        member[g] = u
    originals = [i for i, it in enumerate(item_of) if not it.copy_of]
    return {
        "x": stacked,
        "same": np.array([[a == b for b in unit_story] for a in unit_story]),
        "inside": (days <= 1.0) & ~np.eye(n, dtype=bool),
        "unit_of": member[originals],
        "truth": np.array([stories[item_of[i].story] for i in originals]),
        "undated": np.array([extra[i][2] for i in originals]),
        "months": np.array([item_of[i].date[:7] for i in originals]),
    }


def pairs_of(flags) -> np.ndarray:
    flags = np.array(flags, dtype=float)
    return flags[:, None] * flags[None, :]


def titled(p, title: str) -> frozenset:
    """The participants of a profile its title names."""
    from tracker.crossref.words import tokens

    words = " " + " ".join(tokens(title)) + " "
    return frozenset(e for e in p.entities if f" {e} " in words)


def disjoint(sets) -> np.ndarray:
    return np.array([[bool(a) and bool(b) and a.isdisjoint(b) for b in sets] for a in sets], dtype=float)


# --- fitting and scoring (numpy alone) -------------------------------------------------------------


def ari(truth, found) -> float:
    from bench.crossref import adjusted_rand_index

    return adjusted_rand_index(list(truth), list(found))


def clusters(d, matrix: np.ndarray, threshold: float, relative: bool = False) -> np.ndarray:
    """Average linkage of the units over `matrix` (pairs within the window), as `features.cluster` does;
    the labelled originals' groups (the relative bar without `relative.bar`'s rare-participant pairs)."""
    from tracker.crossref import linkage
    from tracker.crossref import relative as bar

    upper = np.triu(np.where(d["inside"], matrix, 0.0), 1)
    rows, cols = np.nonzero(upper > 0)
    links = dict(zip(zip(rows.tolist(), cols.tolist(), strict=True), upper[rows, cols].tolist(), strict=True))
    if relative and len(links) >= bar.RELATIVE_MIN_PAIRS:
        positive = sorted(links.values())
        threshold = max(threshold, bar.RELATIVE * positive[len(positive) // 2])
    label = np.zeros(matrix.shape[0], dtype=int)
    for k, g in enumerate(linkage.average_linkage(matrix.shape[0], links, threshold)):
        label[g] = k
    return label[d["unit_of"]]


def fit_logit(x: np.ndarray, y: np.ndarray, l2: float = 1.0) -> np.ndarray:
    """Logistic regression by Newton's method, L2 on the weights (not the bias); the bias last."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = np.full(len(w), l2)
    reg[-1] = 0
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(xb @ w, -30, 30)))
        hessian = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg) + 1e-9 * np.eye(len(w))
        step = np.linalg.solve(hessian, xb.T @ (p - y) + reg * w)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def design(d, names: list[str]) -> np.ndarray:
    """The features named, `logbase` the log of the current score."""
    x = d["x"]
    return np.stack(
        [np.log(np.maximum(x[..., NAMES.index("base")], 1e-4)) if n == "logbase" else x[..., NAMES.index(n)]
         for n in names], axis=-1,
    )  # fmt: skip


def features_threshold() -> float:
    from tracker.crossref import features

    return features.THRESHOLD


def fit(args) -> None:
    """Fit on one slice's pairs (dated and a third undated), threshold where that slice's two ARIs sum
    best, then cluster the other slice: both ways. `--candidates C`: only pairs the current score puts
    at C or above are fitted and rescored (the others stay apart). `--multiply` (features starting with
    logbase): the current score times exp(w.z / w_logbase) at the current thresholds (0.06, relative):
    only the fitted factors cross slices, not a threshold."""
    sets = {Path(p).stem: dict(np.load(p)) for p in args.dumps}
    keys = list(sets)
    names = args.features.split(",")
    base = {k: ari(sets[k]["truth"], clusters(sets[k], sets[k]["x"][..., NAMES.index("base")], 0.06, True))
            for k in keys}  # fmt: skip
    print("current scorer " + " ".join(f"{k} {v:.3f}" for k, v in base.items()))
    if args.months:
        return by_month(args, sets, names, base)
    grid = 1 / (1 + np.exp(-np.linspace(-4, 3, 57)))
    for own, other in ((keys[:2], keys[2:]), (keys[2:], keys[:2])):

        def pairs(k):
            d = sets[k]
            return np.triu(d["inside"], 1) & (d["x"][..., NAMES.index("base")] >= args.candidates)

        x = np.concatenate([design(sets[k], names)[pairs(k)] for k in own])
        y = np.concatenate([sets[k]["same"][pairs(k)] for k in own]).astype(float)
        w = fit_logit(x, y, args.l2)
        mats = {}
        for k in keys:
            chance = 1 / (1 + np.exp(-np.clip(design(sets[k], names) @ w[:-1] + w[-1], -30, 30)))
            mats[k] = np.where(sets[k]["x"][..., NAMES.index("base")] >= args.candidates, chance, 0.0)
        if args.multiply:  # the current score times exp(w z / w_logbase), at the current threshold
            exponents = w[1:-1] / w[0]
            for k in keys:
                z = design(sets[k], names)[..., 1:]
                mats[k] = sets[k]["x"][..., NAMES.index("base")] * np.exp(z @ exponents)
            grid = [features_threshold()]
        scored = {
            t: [ari(sets[k]["truth"], clusters(sets[k], mats[k], t, args.multiply)) for k in own]
            for t in grid
        }
        t = max(grid, key=lambda t: sum(scored[t])) if args.threshold is None else args.threshold
        scored.setdefault(t, [ari(sets[k]["truth"], clusters(sets[k], mats[k], t)) for k in own])
        across = {k: ari(sets[k]["truth"], clusters(sets[k], mats[k], t, args.multiply)) for k in other}
        print(
            f"fit on {'+'.join(own)} ({int(y.sum())} of {len(y)} pairs together) threshold {t:.3f}: "
            + " ".join(f"{k} {v:.3f}" for k, v in zip(own, scored[t], strict=True))
            + " | other slice "
            + " ".join(f"{k} {v:.3f} ({v - base[k]:+.3f})" for k, v in across.items())
        )
        print(
            "   " + " ".join(f"{n} {v:+.2f}" for n, v in zip(names, w, strict=False)) + f" bias {w[-1]:+.2f}"
        )


def by_month(args, sets: dict, names: list[str], base: dict) -> None:
    """Leave one month out, both slices pooled: for each month of either slice, fit on every other
    month's pairs (both slices, dated and undated), take the threshold where those months' ARIs sum
    best, and cluster; each article keeps the groups of its own month's run. Months are further apart
    than the window, so the held-out month's groups are made by a model that never saw it."""
    month_of = {}
    for k, d in sets.items():
        month_of[k] = np.empty(d["x"].shape[0], dtype=object)
        for original, unit in enumerate(d["unit_of"]):
            month_of[k][unit] = f"{k[:2]}-{d['months'][original]}"
    folds = sorted({m for k in sets for m in month_of[k]})
    found = {k: np.empty(len(d["truth"]), dtype=object) for k, d in sets.items()}
    grid = 1 / (1 + np.exp(-np.linspace(-4, 3, 29)))
    chosen = []
    for fold in folds:

        def pairs(k, fold=fold):
            d, held = sets[k], month_of[k] == fold
            inside = np.triu(d["inside"], 1) & ~held[:, None] & ~held[None, :]
            return inside & (d["x"][..., NAMES.index("base")] >= args.candidates)

        x = np.concatenate([design(sets[k], names)[pairs(k)] for k in sets])
        y = np.concatenate([sets[k]["same"][pairs(k)] for k in sets]).astype(float)
        w = fit_logit(x, y, args.l2)
        mats = {}
        for k, d in sets.items():
            chance = 1 / (1 + np.exp(-np.clip(design(d, names) @ w[:-1] + w[-1], -30, 30)))
            mats[k] = np.where(d["x"][..., NAMES.index("base")] >= args.candidates, chance, 0.0)

        def others(t, fold=fold, mats=mats):
            total = 0.0
            for k, d in sets.items():
                kept = month_of[k][d["unit_of"]] != fold
                total += ari(d["truth"][kept], clusters(d, mats[k], t)[kept])
            return total

        t = max(grid, key=others)
        chosen.append(f"{t:.3f}")
        for k, d in sets.items():
            held = month_of[k][d["unit_of"]] == fold
            found[k][held] = [f"{fold}:{g}" for g in clusters(d, mats[k], t)[held]]
    scores = {k: ari(d["truth"], found[k]) for k, d in sets.items()}
    print("left out by month " + " ".join(f"{k} {v:.3f} ({v - base[k]:+.3f})" for k, v in scores.items()))
    print(f"   thresholds {' '.join(chosen)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("keep")
    d.add_argument("out")
    d.add_argument("--labels", type=Path, default=None)
    d.add_argument("--undated", type=int, default=0)
    f = sub.add_parser("fit")
    f.add_argument("dumps", nargs=4, help="slice 1 dated, slice 1 undated, slice 2 dated, slice 2 undated")
    f.add_argument("--features", default="terms,entities,ent_agree,quotes,days,apart")
    f.add_argument("--l2", type=float, default=1.0)
    f.add_argument("--candidates", type=float, default=0.0, metavar="C")
    f.add_argument("--months", action="store_true", help="both slices pooled, leave one month out")
    f.add_argument("--multiply", action="store_true", help="factors on the current score, its threshold")
    f.add_argument("--threshold", type=float, default=None, help="fixed, instead of the fitting slice's best")
    args = parser.parse_args()
    dump(args) if args.command == "dump" else fit(args)


if __name__ == "__main__":
    main()
