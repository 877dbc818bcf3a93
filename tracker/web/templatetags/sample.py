"""The sample-data notice every page shows while the bundled sample corpus is loaded.

Driven by the data: the sample's outlets (and its docket feed) live under `.example` domains, which
RFC 2606 reserves and which no real outlet can have, so an outlet there means the pages show sample
data. Real outlets loaded beside the sample do not hide it: the sample's rows are still shown. The answer
is cached for a minute (one query at most per minute and process, on a shared cache none for most pages).
"""

from __future__ import annotations

from django import template
from django.core.cache import cache

from tracker.sources.models import Outlet

register = template.Library()
RESERVED_SUFFIX = ".example"
CACHE_KEY = "web:sample-data-loaded"
CACHE_SECONDS = 60


def sample_data_loaded() -> bool:
    def check() -> bool:
        return Outlet.objects.filter(domain__endswith=RESERVED_SUFFIX).exists()

    return cache.get_or_set(CACHE_KEY, check, CACHE_SECONDS)


@register.inclusion_tag("web/sample_notice.html")
def sample_notice() -> dict:
    return {"sample": sample_data_loaded()}
