"""How much of the story clustering's ARI gap is splitting and how much merging, and why (issue 16).

Reads a database kept by `bench/crossref.py --polnear-only --split train --keep DIR` (as
`bench/crossref_errors.py` does, no spaCy), clusters the labelled articles with `features.cluster` in
one go, and prints:

- the pair counts against the labels (together in both; split: labelled together, found apart;
  merged: found together, labelled apart) and the ARI with every split pair mended alone, with every
  merged pair mended alone, and with both: the share of the gap to 1.0 each side owns;
- the split pairs and merged pairs by what the clusterer saw: more than WINDOW apart (no link
  possible), a link under the floor (0.06: what the features miss; for a merged pair, joined through
  the others), a link over it (for a split pair, outvoted: the group's mean stayed under), with the
  factors that cut the link (`APART`, `KIND_APART`, a fade of over a day and a half, words under 0.05);
- each labelled event found in parts: its parts and each stray part's best and mean link to the
  largest, and each found story mixing events;
- how the labels treat strong links: of the pairs scoring 0.15 or more, 0.08-0.15 and 0.06-0.08
  (originals, within the window), the share labelled one story: a label set that joins an event's
  analyses and side pieces (one topic) and one that keeps them apart (one happening) differ here.

    .venv/bin/python bench/crossref_gap.py DIR [--labels polnear_stories_train2.json] [--undated 3]
        [--set features.NAME=VALUE] [--events]

Train only: `--split` is not offered; no dev text is read.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter, defaultdict
from math import comb
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.crossref_errors import kept_slice  # noqa: E402
from bench.ingest import configure  # noqa: E402


def ari_of(a: int, b: int, c: int, d: int) -> float:
    """ARI from pair counts: a together in both, b merged (found only), c split (labels only), d apart."""
    n = a + b + c + d
    expected = (a + b) * (a + c) / n if n else 0.0
    best = ((a + b) + (a + c)) / 2
    return 1.0 if best == expected else (a - expected) / (best - expected)


def counts(truth: list, got: list) -> tuple[int, int, int, int]:
    together = sum(comb(n, 2) for n in Counter(zip(truth, got, strict=True)).values())
    labelled = sum(comb(n, 2) for n in Counter(truth).values())
    found = sum(comb(n, 2) for n in Counter(got).values())
    everything = comb(len(truth), 2)
    return together, found - together, labelled - together, everything - found - labelled + together


def why(a, b, va, vb, features) -> tuple[str, float, list[str]]:
    """The bucket of one pair's link, its score and the factors that cut it."""
    score = features.pair_score(a, b, va, vb)
    if features.gap(a, b) > features.WINDOW:
        return "beyond window", score, []
    cuts = []
    if va[1] and vb[1] and va[1].keys().isdisjoint(vb[1]):
        cuts.append("apart")
    if a.kinds and b.kinds and a.kinds.isdisjoint(b.kinds):
        cuts.append("kinds")
    if features.faded_gap(a, b).total_seconds() > 86400 * 1.5:
        cuts.append("fade>1.5d")
    if features._dot(va[0], vb[0]) < 0.05:
        cuts.append("words<0.05")
    return ("under floor" if score < features.THRESHOLD else "over floor"), score, cuts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("keep")
    parser.add_argument("--labels", type=Path, default=None)
    parser.add_argument("--undated", type=int, default=0)
    parser.add_argument("--set", action="append", default=[])
    parser.add_argument("--events", action="store_true", help="also each event found in parts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-crossref-gap-") as var_dir:
        configure(var_dir)
        from tracker.crossref import features

        with kept_slice(args.keep, args.labels, "train", args.undated, args.set) as (_, _, item_of, found):
            groups = features.cluster(found)
    label = {i: n for n, g in enumerate(groups) for i in g}
    report(found, item_of, label, features)


def report(found, item_of, label, features) -> None:
    originals = [i for i, it in enumerate(item_of) if it.split == "train" and not it.copy_of]
    for name, chosen in (("originals", originals),):  # the split's ARI: generated copies are not in it
        truth = [item_of[i].story for i in chosen]
        got = [label[i] for i in chosen]
        a, b, c, d = counts(truth, got)
        now, no_split, no_merge = ari_of(a, b, c, d), ari_of(a + c, b, 0, d), ari_of(a, 0, c, d + b)
        gap = 1 - now
        print(
            f"{name}: {len(chosen)} articles, {len(set(truth))} labelled, {len(set(got))} found; pairs together "
            f"{a}, split {c}, merged {b}; ARI {now:.3f}, splits mended {no_split:.3f}, merges mended "
            f"{no_merge:.3f}; gap {gap:.3f}: splitting {(no_split - now) / gap:.0%}, merging "
            f"{(no_merge - now) / gap:.0%} (alone; they overlap by {(no_split + no_merge - now - 1) / gap:+.0%})"
        )
    term_idf, entity_idf = features.rarity(found)
    vecs = [features.vectors(p, term_idf, entity_idf) for p in found]
    split, merged = defaultdict(list), defaultdict(list)
    cut_split, cut_merged = Counter(), Counter()
    bands = defaultdict(lambda: [0, 0])
    for x, i in enumerate(originals):
        for j in originals[x + 1 :]:
            same, got = item_of[i].story == item_of[j].story, label[i] == label[j]
            bucket, score, cuts = why(found[i], found[j], vecs[i], vecs[j], features)
            if bucket != "beyond window":
                band = (
                    "0.15+"
                    if score >= 0.15
                    else "0.08-0.15"
                    if score >= 0.08
                    else "0.06-0.08"
                    if score >= 0.06
                    else "0.03-0.06"
                    if score >= 0.03
                    else "<0.03"
                )
                bands[band][0] += same
                bands[band][1] += 1
            if same and not got:
                split[bucket if bucket != "over floor" else "over floor, outvoted"].append(score)
                cut_split.update(cuts or ["none"])
            elif got and not same:
                merged[bucket if bucket != "under floor" else "under floor, joined via others"].append(score)
                cut_merged.update(cuts or ["none"])
    for title, table, cuts in (("split pairs", split, cut_split), ("merged pairs", merged, cut_merged)):
        total = sum(len(v) for v in table.values())
        print(f"\n{title}: {total}")
        for bucket, scores in sorted(table.items()):
            scores.sort()
            print(f"  {bucket:22s} {len(scores):4d}  median score {scores[len(scores) // 2]:.3f}")
        print("  cuts on these links: " + ", ".join(f"{k} {v}" for k, v in cuts.most_common()))
    print("\nlabelled one story, by link (originals within the window):")
    for band in ("0.15+", "0.08-0.15", "0.06-0.08", "0.03-0.06", "<0.03"):
        same, total = bands[band]
        print(f"  {band:10s} {same:4d} / {total:5d} = {same / max(total, 1):.1%}")
    events(found, vecs, item_of, label, originals, features)


def events(found, vecs, item_of, label, originals, features) -> None:
    """Each labelled event found in parts: the parts, each stray's best and mean link to the largest."""
    by_story = defaultdict(list)
    for i in originals:
        by_story[item_of[i].story].append(i)
    shapes = Counter()
    stray_bands = Counter()
    print("\nlabelled events found in parts (originals):")
    for story, members in sorted(by_story.items()):
        parts = defaultdict(list)
        for i in members:
            parts[label[i]].append(i)
        if len(parts) < 2:
            continue
        ordered = sorted(parts.values(), key=lambda p: (-len(p), p))
        shapes["+".join(str(len(p)) for p in ordered)] += 1
        print(f"  {story} ({len(members)}): parts {'+'.join(str(len(p)) for p in ordered)}")
        for part in ordered[1:]:
            links = [
                features.pair_score(found[i], found[j], vecs[i], vecs[j]) for i in part for j in ordered[0]
            ]
            own = sum(1 for j in originals if label[j] == label[part[0]]) - len(part)
            best = max(links)
            stray_bands[
                "beyond window"
                if all(features.gap(found[i], found[j]) > features.WINDOW for i in part for j in ordered[0])
                else "best >= floor"
                if best >= features.THRESHOLD
                else "best < floor"
            ] += 1
            for i in part:
                it = item_of[i]
                print(f"    {it.date} {it.publisher[:10]:10s} {it.title[:70]}")
            print(
                f"      best {best:.3f} mean {sum(links) / len(links):.3f} to the largest; its found story holds {own} other articles"
            )
    print("shapes: " + ", ".join(f"{k} x{v}" for k, v in shapes.most_common()))
    print("\nfound stories mixing labelled events (originals):")
    by_found = defaultdict(list)
    for i in originals:
        by_found[label[i]].append(i)
    mixes = Counter()
    for members in by_found.values():
        stories = Counter(item_of[i].story for i in members)
        if len(stories) < 2:
            continue
        mixes[len(members)] += 1
        print(
            f"  {len(members)} articles, {len(stories)} events: "
            + ", ".join(f"{s[:30]} x{n}" for s, n in stories.most_common())
        )
        for i in sorted(members, key=lambda i: (item_of[i].date, item_of[i].file)):
            it = item_of[i]
            print(f"    {it.date} {it.publisher[:10]:10s} {it.story[:28]:28s} {it.title[:60]}")
    print("mixed stories by size: " + ", ".join(f"{k} articles x{v}" for k, v in sorted(mixes.items())))
    print("stray parts: " + ", ".join(f"{k} {v}" for k, v in stray_bands.most_common()))


if __name__ == "__main__":
    main()
