"""What every list of the JSON API shares: its paging bounds, its error answers, and the checks of its
filters (an unknown case slug, kind or status is a 400 with a message, not an empty list)."""

from __future__ import annotations

from tracker.web import schemas

DEFAULT_LIMIT = 20
MAX_LIMIT = 200
ERRORS = {400: schemas.Error, 404: schemas.Error, 422: schemas.Error}


class BadFilter(ValueError):
    """A filter names something that does not exist (an unknown case slug, kind or status)."""


def choice(name: str, value: str | None, choices) -> str | None:
    if value is not None and value not in choices.values:
        raise BadFilter(f"unknown {name} {value!r}: one of {', '.join(choices.values)}")
    return value


def existing(name: str, queryset, **lookup) -> None:
    if not queryset.filter(**lookup).exists():
        raise BadFilter(f"unknown {name} {next(iter(lookup.values()))!r}")
