"""Subscribe to a feed: `manage.py add_feed URL [--case SLUG ...] [--outlet NAME] [--kind news|docket]`."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from tracker.sources import subscribing
from tracker.sources.models import Feed


class Command(BaseCommand):
    help = "Add a feed to poll. Prints the new feed's id."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url")
        parser.add_argument("--case", action="append", default=[], metavar="SLUG", help="repeatable")
        parser.add_argument("--outlet", default="", metavar="NAME", help="the outlet of the feed's domain")
        parser.add_argument("--kind", choices=Feed.Kind.values, default=Feed.Kind.NEWS)
        parser.add_argument("--inactive", action="store_true", help="add it but do not poll it yet")

    def handle(self, *args, **options) -> None:
        url = options["url"].strip()
        problem = subscribing.url_problem(url)
        if problem:
            raise CommandError(f"cannot add {url}: {problem}")
        try:
            cases = subscribing.cases_by_slug(options["case"])
        except subscribing.UnknownCase as exc:
            raise CommandError(str(exc)) from exc
        feed, created = subscribing.register_feed(
            url,
            cases=cases,
            outlet_name=options["outlet"],
            kind=options["kind"],
            active=not options["inactive"],
        )
        if not created:
            raise CommandError(f"feed already exists (id {feed.pk})")
        self.stdout.write(str(feed.pk))
