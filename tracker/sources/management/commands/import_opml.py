"""Subscribe to every feed of an OPML file (another reader's export, or ours): `import_opml FILE`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.cases.models import Case
from tracker.sources.management.commands.add_feed import cases_by_slug, register_feed, url_problem
from tracker.sources.opml import OPMLError, Subscription, parse_opml


@dataclass
class ImportSummary:
    added: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # already subscribed
    refused: list[tuple[str, str]] = field(default_factory=list)  # (url, why)


def import_subscriptions(subscriptions: list[Subscription], *, cases: list[Case]) -> ImportSummary:
    """Add the feeds not yet known, attached to `cases` and to the known cases their OPML category
    names. Feeds already known are left as they are; URLs the guard refuses are reported, not added."""
    known_cases = {case.slug: case for case in Case.objects.all()}
    summary = ImportSummary()
    for sub in subscriptions:
        problem = url_problem(sub.xml_url, resolve=False)
        if problem:
            summary.refused.append((sub.xml_url, problem))
            continue
        own = [known_cases[slug] for slug in sub.case_slugs if slug in known_cases]
        feed, created = register_feed(sub.xml_url, cases=[*cases, *own], title=sub.title)
        (summary.added if created else summary.skipped).append(feed.pk)
    return summary


class Command(BaseCommand):
    help = "Add every feed listed in an OPML file; feeds already known are skipped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--case", action="append", default=[], metavar="SLUG", help="repeatable")

    def handle(self, *args, **options) -> None:
        cases = cases_by_slug(options["case"])
        try:
            subscriptions = parse_opml(options["file"].read_bytes())
        except OSError as exc:
            raise CommandError(f"cannot read {options['file']}: {exc.strerror or exc}") from exc
        except OPMLError as exc:
            raise CommandError(f"{options['file']}: {exc}") from exc
        summary = import_subscriptions(subscriptions, cases=cases)
        for url, why in summary.refused:
            self.stderr.write(f"refused {url}: {why}")
        line = f"added {len(summary.added)}, skipped {len(summary.skipped)}"
        if summary.refused:
            line += f", refused {len(summary.refused)}"
        self.stdout.write(line)
