"""Re-run clustering and linking from the stored extraction, without touching curated rows."""

from django.core.management.base import BaseCommand
from tqdm import tqdm

from tracker.crossref import deferred_steps, rebuilding
from tracker.crossref.management.options import case_option


class Command(BaseCommand):
    help = "Rebuild stories, claims, events and discrepancies from stored extraction; curated rows stay."

    def add_arguments(self, parser):
        parser.add_argument("--case", help="only articles of this case (slug)")

    def handle(self, *args, **options):
        case = case_option(options["case"])
        articles = rebuilding.articles_to_link(case)
        rebuilding.clear_machine_rows(articles)
        show = self.stderr.isatty()
        with deferred_steps.deferred():  # the story-wide steps once a story, at the end
            for article in tqdm(articles, unit="article", disable=not show, file=self.stderr._out):
                rebuilding.relink(article)
        self.stdout.write(f"relinked {len(articles)} articles")
