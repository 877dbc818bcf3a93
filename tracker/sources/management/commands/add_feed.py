"""Subscribe to a feed: `manage.py add_feed URL [--case SLUG ...] [--outlet NAME] [--kind news|docket]`."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.validators import URLValidator
from django.db import transaction

from tracker.cases.models import Case
from tracker.sources.articles import outlet_for
from tracker.sources.fetching import FetchError, check_url
from tracker.sources.models import Feed

_url_syntax = URLValidator(schemes=["http", "https"])


def cases_by_slug(slugs: Iterable[str]) -> list[Case]:
    """The cases named by `slugs`; CommandError naming the first unknown one."""
    slugs = list(dict.fromkeys(slugs))
    found = {case.slug: case for case in Case.objects.filter(slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        known = ", ".join(Case.objects.values_list("slug", flat=True)) or "none"
        raise CommandError(f"unknown case {missing[0]!r} (known: {known})")
    return [found[slug] for slug in slugs]


def url_problem(url: str, *, resolve: bool = True) -> str:
    """Why `url` cannot be a feed ("" when it can). Unless private URLs are allowed (development,
    tests), the fetcher's guard is asked too; `resolve=False` accepts a host that does not resolve
    now (bulk imports: the poll records the failure and backs off)."""
    try:
        _url_syntax(url)
    except ValidationError:
        return f"{url[:80]!r} is not an http(s) URL"
    if settings.TRACKER_ALLOW_PRIVATE_URLS:
        return ""
    try:
        check_url(url)
    except FetchError as exc:
        if exc.kind == "dns" and not resolve:
            return ""
        return str(exc)
    return ""


def register_feed(
    url: str,
    *,
    cases: Iterable[Case] = (),
    outlet_name: str = "",
    kind: str = Feed.Kind.NEWS,
    active: bool = True,
    title: str = "",
) -> tuple[Feed, bool]:
    """The feed at `url`, created (with its cases and outlet) unless it exists; (feed, created).
    An existing feed is returned untouched."""
    with transaction.atomic():
        feed, created = Feed.objects.get_or_create(
            url=url, defaults={"kind": kind, "active": active, "title": title[:300]}
        )
        if created:
            feed.cases.set(list(cases))
            if outlet_name:
                feed.outlet = outlet_for(url, name=outlet_name)
                feed.save(update_fields=["outlet"])
    return feed, created


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
        problem = url_problem(url)
        if problem:
            raise CommandError(f"cannot add {url}: {problem}")
        cases = cases_by_slug(options["case"])
        feed, created = register_feed(
            url,
            cases=cases,
            outlet_name=options["outlet"],
            kind=options["kind"],
            active=not options["inactive"],
        )
        if not created:
            raise CommandError(f"feed already exists (id {feed.pk})")
        self.stdout.write(str(feed.pk))
