"""Which reports count, for templates: `article|unverified` is `corroboration.unverified`, the one rule
the counts use (an article that does not establish its outlet, of an outlet no curator confirmed)."""

from __future__ import annotations

from django import template

from tracker.crossref import corroboration
from tracker.sources.models import Article

register = template.Library()


@register.filter
def unverified(article: Article) -> bool:
    return corroboration.unverified(article)
