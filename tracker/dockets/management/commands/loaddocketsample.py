"""Load the sample docket feed (written for the tests; see tracker/dockets/sample_data/README.md)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from tracker.dockets.models import DocketEntry
from tracker.dockets.sample import load_docket_sample
from tracker.sources.sample import SampleError


class Command(BaseCommand):
    help = "Poll the sample docket feed of Musk v. OpenAI from disk (run after loadsample); idempotent."

    def handle(self, *args, **options) -> None:
        try:
            feed, result = load_docket_sample()
        except SampleError as exc:
            raise CommandError(str(exc)) from exc
        run = result.run
        total = DocketEntry.objects.filter(feed=feed).count()
        self.stdout.write(
            f"docket feed {feed.pk} {run.outcome}: {len(result.created)} new, {len(result.updated)} updated,"
            f" {total} entries" + (f" ({run.error})" if run.error else "")
        )
