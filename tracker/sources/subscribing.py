"""Subscribing to feeds: which URLs may be feeds, and adding them, one or an OPML file's worth, with
their cases and outlet. Used by the add_feed and import_opml commands."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction

from tracker.cases.models import Case
from tracker.sources.articles import outlet_for
from tracker.sources.guard import FetchError, check_url
from tracker.sources.models import Feed
from tracker.sources.opml import Subscription

_url_syntax = URLValidator(schemes=["http", "https"])


class UnknownCase(ValueError):
    """A case slug that names no case; str() is a one-line message listing the known slugs."""


@dataclass
class ImportSummary:
    added: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)  # already subscribed
    refused: list[tuple[str, str]] = field(default_factory=list)  # (url, why)


def cases_by_slug(slugs: Iterable[str]) -> list[Case]:
    """The cases named by `slugs`, in that order; UnknownCase naming the first unknown one."""
    slugs = list(dict.fromkeys(slugs))
    found = {case.slug: case for case in Case.objects.filter(slug__in=slugs)}
    missing = [slug for slug in slugs if slug not in found]
    if missing:
        known = ", ".join(Case.objects.values_list("slug", flat=True)) or "none"
        raise UnknownCase(f"unknown case {missing[0]!r} (known: {known})")
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
        if sub.kind and sub.kind not in Feed.Kind.values:
            summary.refused.append((sub.xml_url, f"unknown feed kind {sub.kind!r}"))
            continue
        own = [known_cases[slug] for slug in sub.case_slugs if slug in known_cases]
        kind = sub.kind or Feed.Kind.NEWS
        feed, created = register_feed(sub.xml_url, cases=[*cases, *own], kind=kind, title=sub.title)
        (summary.added if created else summary.skipped).append(feed.pk)
    return summary
