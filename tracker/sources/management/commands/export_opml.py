"""Write every feed as OPML 2.0 (for another reader, or a backup `import_opml` reads back)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tracker.sources.models import Feed
from tracker.sources.opml import Subscription, write_opml


def export_feeds() -> bytes:
    """All feeds, active or not, with their outlet's homepage and their cases."""
    feeds = Feed.objects.select_related("outlet").prefetch_related("cases").order_by("id")
    subscriptions = [
        Subscription(
            xml_url=feed.url,
            title=feed.title,
            html_url=feed.outlet.homepage if feed.outlet else "",
            case_slugs=tuple(sorted(case.slug for case in feed.cases.all())),
            kind="" if feed.kind == Feed.Kind.NEWS else feed.kind,
        )
        for feed in feeds
    ]
    return write_opml(subscriptions, title="Case tracker feeds", created=timezone.now())


class Command(BaseCommand):
    help = "Export all feeds as OPML 2.0, to stdout or --output FILE."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", type=Path, metavar="FILE")

    def handle(self, *args, **options) -> None:
        content = export_feeds()
        if options["output"] is None:
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        try:
            options["output"].write_bytes(content)
        except OSError as exc:
            raise CommandError(f"cannot write {options['output']}: {exc.strerror or exc}") from exc
        self.stdout.write(f"wrote {Feed.objects.count()} feeds to {options['output']}")
