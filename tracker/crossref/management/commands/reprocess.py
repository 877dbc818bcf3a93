"""Run the extraction again over stored articles (after a rule, model or vocabulary change)."""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tracker.crossref import analysis, deferred_steps, tasks
from tracker.crossref.management.options import case_option
from tracker.sources.models import Article


class Command(BaseCommand):
    help = "Re-extract entities, claims and dates from stored articles; curated rows are never touched."

    def add_arguments(self, parser):
        parser.add_argument("--case", help="only articles of this case (slug)")
        parser.add_argument("--since", help="only articles first seen on or after YYYY-MM-DD")
        parser.add_argument("--article", type=int, action="append", help="only this article id (repeatable)")

    def handle(self, *args, **options):
        articles = Article.objects.filter(status__in=analysis.ANALYSABLE)
        if (case := case_option(options["case"])) is not None:
            articles = articles.filter(cases=case)
        if options["since"]:
            try:
                articles = articles.filter(first_seen_at__date__gte=date.fromisoformat(options["since"]))
            except ValueError as exc:
                raise CommandError(f"--since must be YYYY-MM-DD: {exc}") from None
        if options["article"]:
            articles = articles.filter(pk__in=options["article"])
        ids = list(articles.order_by("pk").values_list("pk", flat=True).distinct())
        size = settings.TRACKER_NLP_BATCH_SIZE
        totals = analysis.AnalysisResult()
        with (
            deferred_steps.deferred(),
            tqdm(  # the story-wide steps once a story, at the end
                total=len(ids), unit="article", disable=not self.stderr.isatty(), file=self.stderr._out
            ) as bar,
        ):
            for batch in tasks.batches(ids, size):
                result = analysis.analyze_articles(batch)
                totals.analyzed += result.analyzed
                totals.mentions += result.mentions
                totals.claims += result.claims
                totals.new_candidates += result.new_candidates
                bar.update(len(batch))
        self.stdout.write(
            f"analyzed {len(totals.analyzed)} articles: {totals.mentions} mentions, {totals.claims} claims, "
            f"{len(totals.new_candidates)} new candidate entities"
        )
