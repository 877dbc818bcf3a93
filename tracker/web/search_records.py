"""Search over the records a reader looks up by name rather than by what was said: curated people and
organisations (by name or alias), outlets (by name or domain), the court record (entry text, type and
docket number) and discrepancies (the claim, event or story they concern, the variants' words, the
curator's note).

These tables are small, so both databases use the same plain match: every word of the query occurs in
one of the fields (case-insensitive), without ranking. Only what the public pages show is found:
curated, unmerged entities; docket entries of kinds the case does not hide; visible discrepancies.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q, QuerySet

from tracker.cases.models import Alias, Entity
from tracker.crossref.models import Discrepancy
from tracker.dockets.models import DocketEntry
from tracker.sources.models import Article, Outlet
from tracker.web.discrepancies import visible

PER_GROUP = 10


def every_word(words: Iterable[str], condition) -> Q:
    """Q requiring each word to satisfy `condition(word)` (a Q or an Exists)."""
    found = Q()
    for word in words:
        found &= condition(word)
    return found


def _fields(word: str, *fields: str) -> Q:
    any_field = Q()
    for name in fields:
        any_field |= Q(**{f"{name}__icontains": word})
    return any_field


def entities(words: list[str]) -> QuerySet:
    """Curated entities whose name or one of whose aliases holds each word, by name."""

    def named(word: str):
        alias = Alias.objects.filter(entity=OuterRef("pk"), text__icontains=word)
        return Q(name__icontains=word) | Exists(alias)

    found = Entity.objects.curated()
    return found.filter(every_word(words, named)).order_by("name", "pk")[:PER_GROUP]


def outlets(words: list[str]) -> QuerySet:
    """Outlets with a public (relevant) article whose name or domain holds each word, by name."""
    published = Exists(Article.objects.relevant().filter(outlet=OuterRef("pk")))
    found = Outlet.objects.filter(published, every_word(words, lambda w: _fields(w, "name", "domain")))
    return found.order_by("name", "pk")[:PER_GROUP]


def docket_entries(words: list[str]) -> QuerySet:
    """Visible docket entries whose text, type or docket number holds each word, newest first."""

    def matches(word: str) -> Q:
        return _fields(word, "description", "entry_type", "docket_number")

    found = DocketEntry.objects.visible().filter(every_word(words, matches)).select_related("case")
    return found.order_by("-entered_at", "-pk")[:PER_GROUP]


def discrepancies(words: list[str]) -> QuerySet:
    """Visible discrepancies whose claim, event, story, variants or note holds each word, newest first.

    Caveat: variants are matched as their stored JSON, so a word of its keys ("words", "outlet") matches
    every discrepancy; readers search for names and quoted words, not for those."""

    def matches(word: str) -> Q:
        return _fields(word, "claim__text", "event__title", "story__title", "variants", "note")

    found = visible(Discrepancy.objects.filter(every_word(words, matches)))
    found = found.select_related("claim__speaker", "event", "story")
    return found.order_by("-created_at", "-pk")[:PER_GROUP]
