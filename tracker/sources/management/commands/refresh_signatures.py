"""Store every article's copy signatures again under the current rules (after an upgrade that changed
them), in batches, each in its own transaction; copy links are left as they are."""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tracker.sources.copies import refresh_signature
from tracker.sources.models import Article

BATCH = 200


class Command(BaseCommand):
    help = "Recompute the stored copy signatures (MinHash and anchors) of articles; copy links stay."

    def add_arguments(self, parser):
        parser.add_argument("--since", help="only articles first seen on or after YYYY-MM-DD")

    def handle(self, *args, **options):
        articles = Article.objects.exclude(text_hash="")
        if options["since"]:
            try:
                articles = articles.filter(first_seen_at__date__gte=date.fromisoformat(options["since"]))
            except ValueError as exc:
                raise CommandError(f"--since must be YYYY-MM-DD: {exc}") from None
        ids = list(articles.order_by("pk").values_list("pk", flat=True))
        refreshed = 0
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                for article in Article.objects.filter(pk__in=ids[start : start + BATCH]).only(
                    "pk", "text", "text_hash"
                ):
                    refreshed += refresh_signature(article)
        self.stdout.write(f"{refreshed} of {len(ids)} articles' signatures stored again")
