"""Subscribe to every feed of an OPML file (another reader's export, or ours): `import_opml FILE`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.sources import subscribing
from tracker.sources.opml import OPMLError, parse_opml


class Command(BaseCommand):
    help = "Add every feed listed in an OPML file; feeds already known are skipped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--case", action="append", default=[], metavar="SLUG", help="repeatable")

    def handle(self, *args, **options) -> None:
        try:
            cases = subscribing.cases_by_slug(options["case"])
        except subscribing.UnknownCase as exc:
            raise CommandError(str(exc)) from exc
        try:
            subscriptions = parse_opml(options["file"].read_bytes())
        except OSError as exc:
            raise CommandError(f"cannot read {options['file']}: {exc.strerror or exc}") from exc
        except OPMLError as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        summary = subscribing.import_subscriptions(subscriptions, cases=cases)
        for url, why in summary.refused:
            self.stderr.write(f"refused {url}: {why}")
        line = f"added {len(summary.added)}, skipped {len(summary.skipped)}"
        if summary.refused:
            line += f", refused {len(summary.refused)}"
        self.stdout.write(line)
