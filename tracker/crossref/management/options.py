"""What the crossref commands' options name: the case of `--case`."""

from __future__ import annotations

from django.core.management.base import CommandError

from tracker.cases.models import Case


def case_option(slug: str | None) -> Case | None:
    """The case a `--case` slug names (None: no `--case`); an unknown slug is the command's error."""
    if not slug:
        return None
    case = Case.objects.filter(slug=slug).first()
    if case is None:
        raise CommandError(f"unknown case: {slug}")
    return case
