"""bench/ingest.py --flat: the whole chain at several corpus sizes in one run, and what grows with the size.

Issue 17's goal 1 asks two things of the chain in one process (`poll_feeds --sync` on a fresh database):
at 600 articles at least 0.9x bare stock `nlp.pipe` over the same texts, and its ratio at 600 within 10 %
of its ratio at 60 (flat). Each size gets its own feeds and pages and a fresh database; bare `nlp.pipe` is
run over the texts that size stored right after its chain, so each ratio's two terms share the machine's
state of those minutes.

The sizes run in the order given and then back (60, 600, 60): the small runs cost a tenth of the large
one each, and bracketing the large run with them makes a load that rises or falls through the run shift
the small size's figure as it shifts the large one's (each size's ratio is the mean of its runs). The
large run itself is not split: the corpus it links against grows through it, which is what it measures.
Beside the wall-clock ratio (the goal's figure) each run gives a CPU ratio, bare `nlp.pipe`'s thread CPU
over the chain's (this thread: the fetch, pages, storing, extraction and cross-referencing; the test
server answers in threads of its own), steadier on a shared machine. Then, per article, the chain's CPU
at each size by part (extraction, cross-referencing by stage, the rest) and what grows most from the
smallest size to the largest: where to look when the ratio falls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

from bench.gc_clock import GcClock

FLAT_GOAL = 0.10  # the ratio at the largest size within 10 % of the ratio at the smallest
# Stages of the cross-referencing timed here besides bench/linking_scale.py's STAGES (which --quick
# prints): at 600 articles most of its growth was outside those (session 20: 17.8 -> 61.1 ms an article).
MORE_STAGES = (
    ("tracker.crossref.clustering", "neighbourhood", "clustering: neighbourhood read"),
    ("tracker.crossref.batch_profiles", "of", "clustering: profiles"),
    ("tracker.crossref.claim_linking", "pool_of", "claims: pool read"),
    ("tracker.crossref.discrepancies", "prepare", "discrepancies: prepare"),
    ("tracker.crossref.events", "prepare", "events: prepare"),
    ("tracker.web.receivers", "scopes_of", "pages retired: scopes"),
)


def sizes_of(text: str) -> list[int]:
    """`--flat 60,600` -> [60, 600]: at least two distinct positive sizes, smallest first."""
    try:
        sizes = sorted({int(s) for s in text.split(",") if s.strip()})
    except ValueError:
        raise ValueError(f"--flat takes sizes such as 60,600, not {text!r}") from None
    if len(sizes) < 2 or sizes[0] < 1:
        raise ValueError(f"--flat takes at least two positive sizes, such as 60,600, not {text!r}")
    return sizes


def order_of(sizes: list[int]) -> list[int]:
    """The sizes in the order they run: up, then back down to the smallest (60, 600 -> 60, 600, 60)."""
    return [*sizes, *reversed(sizes[:-1])]


@dataclass
class Run:
    """One size's chain and its bare `nlp.pipe`, both over the texts this run stored."""

    size: int
    articles: int
    words: int
    seconds: float  # the chain, wall
    cpu: float  # the chain, this thread
    bare_rate: float  # words/s
    bare_cpu: float  # bare nlp.pipe over the same texts, this thread
    parts_cpu: dict[str, float] = field(default_factory=dict)  # extraction, cross-referencing
    stages_cpu: dict[str, float] = field(default_factory=dict)  # the cross-referencing's stages
    gc: tuple = ((0, 0, 0), (0.0, 0.0, 0.0))  # collections and their CPU by generation (bench/gc_clock.py)

    @property
    def ratio(self) -> float:
        return self.words / self.seconds / self.bare_rate

    @property
    def cpu_ratio(self) -> float:
        return self.bare_cpu / self.cpu

    def per_article_ms(self) -> dict[str, float]:
        """This run's CPU per article by part: the cross-referencing's stages, extraction and the rest."""
        parts = {"extraction": self.parts_cpu.get("extraction", 0.0)}
        parts |= {f"linking: {k}": v for k, v in self.stages_cpu.items()}
        parts["linking: outside its stages"] = self.parts_cpu.get("cross-referencing", 0.0) - sum(
            self.stages_cpu.values()
        )
        parts["the rest (fetch, pages, storing)"] = self.cpu - sum(self.parts_cpu.values())
        return {k: 1000 * v / self.articles for k, v in parts.items()}


def flat_lines(runs: list[Run], *, goal: float) -> list[str]:
    """The runs one line each, then each size's mean ratios, the largest size's against the smallest's,
    and the parts whose CPU per article grew most between them."""
    lines = [
        "  size  chain words/s  bare words/s  ratio  CPU ratio  CPU ms an article: extraction,"
        " cross-referencing, the rest"
    ]
    for run in runs:
        per = run.per_article_ms()
        linking = sum(v for k, v in per.items() if k.startswith("linking: "))
        lines.append(
            f"  {run.size:>4}  {run.words / run.seconds:13,.0f}  {run.bare_rate:12,.0f}  {run.ratio:5.2f}x"
            f"  {run.cpu_ratio:8.2f}x  {per['extraction']:.0f}, {linking:.0f},"
            f" {per['the rest (fetch, pages, storing)']:.0f} ({run.articles} articles, {run.seconds:.1f} s)"
        )
        lines.append(
            f"        garbage collection (in those parts): {GcClock.describe(*run.gc, run.articles)}"
        )
    by_size: dict[int, list[Run]] = {}
    for run in runs:
        by_size.setdefault(run.size, []).append(run)
    small, large = min(by_size), max(by_size)
    ratio = {size: mean(r.ratio for r in done) for size, done in by_size.items()}
    cpu_ratio = {size: mean(r.cpu_ratio for r in done) for size, done in by_size.items()}
    flat = ratio[large] / ratio[small]
    lines += [
        "  mean ratio by size         "
        + ", ".join(f"{size}: {ratio[size]:.2f}x (CPU {cpu_ratio[size]:.2f}x)" for size in sorted(by_size)),
        f"ratio at {large} / bare      {ratio[large]:8.2f}x        goal >= {goal:.1f}:"
        f" {'met' if ratio[large] >= goal else 'MISSED'}",
        f"ratio at {large} / at {small}   {flat:8.2f}         goal within {FLAT_GOAL:.0%}:"
        f" {'met' if abs(flat - 1) <= FLAT_GOAL + 1e-9 else 'MISSED'}"
        f" (CPU ratios: {cpu_ratio[large] / cpu_ratio[small]:.2f})",
    ]
    per_small = _mean_parts(by_size[small])
    per_large = _mean_parts(by_size[large])
    grown = sorted(per_large, key=lambda k: per_small.get(k, 0.0) - per_large[k])
    lines.append(f"  CPU ms an article at {small} -> {large}, largest growth first:")
    lines += [
        f"    {key:<40} {per_small.get(key, 0.0):7.1f} -> {per_large[key]:7.1f}"
        for key in grown
        if max(per_small.get(key, 0.0), per_large[key]) >= 0.5
    ]
    collected = {size: mean(1000 * sum(r.gc[1]) / r.articles for r in done) for size, done in by_size.items()}
    lines.append(
        f"    {'garbage collection (inside the parts)':<40} {collected[small]:7.1f} -> {collected[large]:7.1f}"
    )
    return lines


def _mean_parts(runs: list[Run]) -> dict[str, float]:
    parts = [run.per_article_ms() for run in runs]
    keys = {k for p in parts for k in p}
    return {k: mean(p.get(k, 0.0) for p in parts) for k in keys}
