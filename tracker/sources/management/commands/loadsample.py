"""Load the bundled sample corpus (five articles about one day of Musk v. OpenAI) through the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.test.utils import override_settings
from tqdm import tqdm

from tracker.sources import signals
from tracker.sources.sample import SampleError, SampleSummary, load_sample
from tracker.sources.tables import format_table, truncate


def summary_lines(summary: SampleSummary) -> list[str]:
    lines = [f"feeds: {len(summary.feeds)} ({summary.feeds_created} new)"]
    for feed, result in summary.polls:
        run = result.run
        lines.append(
            f"  {feed.url}: {run.outcome}, {len(result.created)} new"
            + (f" ({run.error})" if run.error else "")
        )
    lines.append(f"articles: {len(summary.articles)} ({summary.articles_created} new)")
    rows = [
        (
            article.outlet.name,
            article.published_at.strftime("%Y-%m-%d %H:%M UTC") if article.published_at else "(no date)",
            article.status,
            truncate(article.title, 70),
        )
        for article in summary.articles
    ]
    lines += ["  " + line for line in format_table(("outlet", "published", "status", "title"), rows)]
    return lines


class Command(BaseCommand):
    help = "Load the sample corpus (tracker/sources/sample_data) through the ingestion pipeline; idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--root", type=Path, help="the seeds folder (default: tracker/sources/sample_data)"
        )

    def handle(self, *args, **options) -> None:
        show = sys.stderr.isatty()

        def progress(feeds):
            return tqdm(
                feeds, desc="sample feeds", unit="feed", disable=not show, file=sys.stderr, leave=False
            )

        try:
            # Eager Celery: the workers' path (articles_stored -> analyze_batch), run in this process.
            with override_settings(CELERY_TASK_ALWAYS_EAGER=True), signals.in_bulk():
                summary = load_sample(root=options["root"], progress=progress)
        except SampleError as exc:
            raise CommandError(str(exc)) from exc
        for line in summary_lines(summary):
            self.stdout.write(line)
