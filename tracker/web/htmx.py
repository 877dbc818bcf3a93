"""Partial or whole page: the one rule every view that answers htmx follows.

A view serves the whole page, or to htmx the partial it swaps in, from the same URL. One htmx request
wants the whole page although it carries `HX-Request`: the history restore (`HX-History-Restore-Request`),
sent when the reader goes back or forward to a pushed URL that htmx's history cache no longer holds;
htmx puts the answer in place of the whole body, so a partial there would leave a page without its
header, form or styles.
"""

from __future__ import annotations

from django.http import HttpRequest


def wants_partial(request: HttpRequest) -> bool:
    """True for an htmx request that swaps part of the page; False for a plain request and for an htmx
    history restore, which both get the whole page."""
    htmx = getattr(request, "htmx", None)
    return bool(htmx) and not htmx.history_restore_request
