"""Does the grouping of reports into claims depend on the order the articles came in? (issue 16, point 4)

Loads the sample (the seeds, `loadsample`'s chain) into a throw-away SQLite database, then replays
claim linking over the articles that have claim candidates in every order (`tests/support/claim_orders`:
each order deletes every claim and links the articles one by one, rolled back) and prints how many
distinct groupings the orders end in, and the claims they disagree on.

    .venv/bin/python bench/claim_orders.py [--root SEEDS] [--db FILE.sqlite3] [--sample N] [--batch]
                                           [--merges] [--claims]

`--db` replays a kept database instead (e.g. `bench/crossref.py --keep DIR`'s DIR/polnear.sqlite3;
nothing in it changes); with many articles `--sample N` draws N orders (the first-seen order first).
`--merges` links once in first-seen order and prints every merge (`claim_merging.fold`): the report that
matched several claims and each claim's reports, to be read. `--claims` prints the claims of the first
grouping with more than one report (speaker, then each report's sentence).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ingest import configure  # noqa: E402


def load(root: Path | None) -> None:
    from django.test.utils import override_settings

    from tracker.sources.sample import load_sample

    with override_settings(CELERY_TASK_ALWAYS_EAGER=True):
        load_sample(root=root)


def reports() -> dict[tuple[int, int], str]:
    """(article, start) -> "Outlet | speaker: text" of each claim candidate."""
    from tracker.crossref.models import ClaimCandidate

    rows = ClaimCandidate.objects.select_related("article__outlet", "speaker_entity")
    return {
        (c.article_id, c.start): f"{c.article.outlet.name if c.article.outlet else '-'} | "
        f"{c.speaker_entity.name if c.speaker_entity else c.named_speaker}: {c.text}"
        for c in rows
    }


def show(groups, texts, title: str) -> None:
    print(title)
    for group in sorted(groups, key=lambda g: sorted(g)):
        print("  claim:")
        for report in sorted(group):
            print(f"    {report} {texts.get(report, '?')[:200]}")


def log_merges(articles) -> list[str]:
    """Link `articles` once in this order (rolled back), logging each merge with the report that made it."""
    from django.db import transaction

    from tracker.crossref import claim_linking, claim_merging
    from tracker.crossref.models import Claim, Evidence

    lines: list[str] = []
    current: list = [None]
    match, fold = claim_linking._match, claim_merging.fold

    def spy_match(candidate, known, previous):
        current[0] = candidate
        return match(candidate, known, previous)

    def spy_fold(alike, **kwargs):
        c = current[0]
        lines.append(f"MERGE by article {c.article_id} start {c.start}: {c.text[:220]}")
        for entry in alike:
            lines.append(f"  claim {entry.claim.pk} ({entry.claim.speaker_text}): {entry.claim.text[:200]}")
            if entry.claim.pk:
                for article_id, start, text in Evidence.objects.filter(claim=entry.claim).values_list(
                    "article", "start", "text"
                ):
                    lines.append(f"    ({article_id}, {start}) {text[:200]}")
        return fold(alike, **kwargs)

    claim_linking._match, claim_merging.fold = spy_match, spy_fold
    try:
        with transaction.atomic():
            Claim.objects.all().delete()
            for article in articles:
                claim_linking.link_claims(article)
            print(f"claims after linking once: {Claim.objects.count()}")
            transaction.set_rollback(True)
    finally:
        claim_linking._match, claim_merging.fold = match, fold
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, help="the seeds folder (default: the bundled sample)")
    parser.add_argument("--db", type=Path, help="replay this kept SQLite database instead of the sample")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="N random orders, not all")
    parser.add_argument("--batch", action="store_true", help="one claim_evidence.Kept per order")
    parser.add_argument("--merges", action="store_true", help="print every merge of a first-seen run")
    parser.add_argument("--claims", action="store_true", help="print the first grouping's claims")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-claims-") as var_dir:
        configure(var_dir)
        from django.db import connections

        from tests.support import claim_orders

        if args.db:
            connections.close_all()
            connections["default"].settings_dict["NAME"] = str(args.db)
        else:
            load(args.root)
        articles = claim_orders.linked_articles()
        texts = reports()
        print(f"articles with claim candidates: {len(articles)}, reports: {len(texts)}")
        if args.merges:
            lines = log_merges(articles)
            print(f"merges: {sum(line.startswith('MERGE') for line in lines)}")
            print("\n".join(lines))
        started = time.process_time()
        found = claim_orders.groupings(articles, sample=args.sample, batch=args.batch)
        seconds = time.process_time() - started
        print(f"orders: {sum(found.values())}, distinct groupings: {len(found)} ({seconds:.1f} s CPU)")
        common = frozenset.intersection(*found)
        for n, (groups, count) in enumerate(found.most_common()):
            sizes = sorted((len(g) for g in groups), reverse=True)
            print(f"grouping {n + 1}: {count} orders, {len(groups)} claims, sizes {sizes[:12]}")
            if len(found) > 1:
                show(groups - common, texts, "  claims not in every grouping:")
        if args.claims:
            first = found.most_common(1)[0][0]
            show([g for g in first if len(g) > 1], texts, "claims with more than one report:")


if __name__ == "__main__":
    main()
