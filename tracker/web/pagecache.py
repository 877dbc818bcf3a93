"""Public pages served from a cache to anonymous readers, with ETag and Last-Modified (304s).

`cached_page(EVENT)` wraps a view: the scope (one of the names below, formatted with the view's
arguments) names the group of things the page shows, from
its URL's arguments. A page is stored under its path, query string, host and htmx headers plus its
scope's stamp and the site's (PageGeneration rows), so bumping a stamp retires every variant of those
pages in every process at once. A process reads a stamp at most once every TRACKER_PAGE_STAMP_SECONDS
(2), so a page served from the cache costs no query; its own bumps it sees at once. The
receivers (receivers.py) bump the scopes of the events a batch changed (events_changed), of the cases
whose court record changed (record_changed) and the site's when a case is edited (cases_changed);
TRACKER_PAGE_CACHE_SECONDS bounds what no signal announces. `manage.py clear_page_cache` bumps the site's stamp.

Never cached: a request with a session or messages cookie (logged-in staff see fresh pages), anything
but a 200 GET. A page's CSRF token (the subscribe form) is stored as a placeholder and each reader's
own token is put back when the page is served, so one reader's token never reaches another.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from tracker.web.models import PageGeneration

SITE = "site"
# The scopes pages are cached under; urls.py wraps views with them, receivers.py bumps them.
ALL = "all"
EVENT = "event:{pk}"
CASE = "case:{slug}"
STORY = "story:{pk}"
CLAIM = "claim:{pk}"
ENTITY = "entity:{slug}"
HX_HEADERS = ("HX-Request", "HX-Target", "HX-Trigger", "HX-History-Restore-Request", "HX-Boosted")
TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
PLACEHOLDER = b"\x00csrf-token\x00"
OWN_HEADERS = {"etag", "last-modified", "cache-control", "set-cookie", "content-length", "expires"}


def page_cache():
    """The "pages" cache when settings.CACHES has one (PAGE_CACHE_URL), else the default cache."""
    try:
        return caches["pages"]
    except InvalidCacheBackendError:
        return caches["default"]


def bump(scopes: Iterable[str]) -> list[str]:
    """Retire every cached page of these scopes (one query)."""
    now = time.time_ns()
    rows = [PageGeneration(scope=s[:200], changed_at=now) for s in sorted(set(scopes))]
    _read.clear()  # this process sees its own bumps at once; others within TRACKER_PAGE_STAMP_SECONDS
    if rows:
        PageGeneration.objects.bulk_create(
            rows, update_conflicts=True, unique_fields=["scope"], update_fields=["changed_at"]
        )
    return [r.scope for r in rows]


def cacheable(request: HttpRequest) -> bool:
    cookies = request.COOKIES
    signed_in = settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies
    return request.method == "GET" and not signed_in and settings.TRACKER_PAGE_CACHE_SECONDS > 0


def _key(request: HttpRequest, stamps: dict[str, int]) -> str:
    hx = "|".join(request.headers.get(h, "") for h in HX_HEADERS)
    raw = f"{request.get_host()}|{request.path}?{request.META.get('QUERY_STRING', '')}|{hx}|{stamps}"
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


_read: dict[str, tuple[float, int]] = {}  # scope -> (when read, time.monotonic(); its stamp)


def _stamps(scope: str, *more: str) -> dict[str, int]:
    """The stamps of these scopes and of the site: as this process read them less than
    TRACKER_PAGE_STAMP_SECONDS ago, else from the database (one query for those not known)."""
    now, fresh = time.monotonic(), settings.TRACKER_PAGE_STAMP_SECONDS
    wanted = {scope, *more, SITE}
    stamps = {s: _read[s][1] for s in wanted if s in _read and now - _read[s][0] < fresh}
    if missing := wanted - stamps.keys():
        rows = PageGeneration.objects.filter(scope__in=sorted(missing)).values_list("scope", "changed_at")
        found = dict(rows)
        read = {s: found.get(s, 0) for s in missing}
        _read.update({s: (now, stamp) for s, stamp in read.items()})
        stamps |= read
    return stamps


def remembered(name: str, scopes: dict, compute: Callable[[list], dict]) -> dict:
    """Values that the pages of a scope show, kept in the page cache under that scope's stamp and the
    site's, so they are retired exactly when the pages are: `scopes` maps each wanted key (an event id,
    a case slug) to its scope; `compute(keys)` gives the values of the keys not found. Off (everything
    computed) when TRACKER_PAGE_CACHE_SECONDS is 0. Staff's pages, rendered every time, read them too:
    what a signal announces is seen at once, what none does after TRACKER_PAGE_CACHE_SECONDS at most."""
    if not scopes:
        return {}
    seconds = settings.TRACKER_PAGE_CACHE_SECONDS
    if seconds <= 0:
        return compute(list(scopes))
    stamps = _stamps(*scopes.values())
    keys = {k: f"part:{name}:{k}:{stamps[s]}:{stamps[SITE]}" for k, s in scopes.items()}
    now = time.monotonic()
    values = {}
    for k, key in keys.items():
        kept = _kept.get(key)  # (another thread may drop it meanwhile)
        if kept is not None and kept[0] > now:
            values[k] = kept[1]
    if wanted := [key for k, key in keys.items() if k not in values]:
        found = page_cache().get_many(wanted)
        values |= {k: found[key] for k, key in keys.items() if key in found}
        if missing := [k for k in scopes if k not in values]:
            made = compute(missing)
            page_cache().set_many({keys[k]: value for k, value in made.items()}, seconds)
            values |= made
        _keep({keys[k]: values[k] for k in scopes if k in values and keys[k] in wanted}, now + seconds)
    return values


KEPT = 2000  # values kept as objects in this process, the oldest dropped first: unpickling the page
# cache's copy of twenty events' rows cost more (14 ms) than the queries that make them
_kept: OrderedDict[str, tuple[float, object]] = OrderedDict()  # key -> (until, time.monotonic(); value)


def _keep(values: dict[str, object], until: float) -> None:
    for key, value in values.items():
        _kept[key] = (until, value)
    while len(_kept) > KEPT:
        _kept.popitem(last=False)


@receiver(setting_changed)
def _forget_stamps(**kwargs) -> None:
    _read.clear()
    _kept.clear()  # tests change the cache with the settings: what this process kept goes too


def _serve(request: HttpRequest, entry: dict) -> HttpResponse:
    """The stored page as a response to this reader (or a 304), with the reader's own CSRF token."""
    response = HttpResponse()
    for name, value in entry["headers"]:
        response[name] = value
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(entry["modified"])
    patch_vary_headers(response, HX_HEADERS)
    patch_cache_control(response, private=True, no_cache=True)  # the browser asks again, with its ETag
    conditional = get_conditional_response(
        request, etag=entry["etag"], last_modified=entry["modified"], response=response
    )
    if conditional is not response:
        return conditional
    body = entry["body"]
    if entry["csrf"]:
        body = body.replace(PLACEHOLDER, get_token(request).encode())
    response.content = body
    return response


def cached_page(scope: str) -> Callable:
    """Serve the view from the page cache to anonymous readers; `scope` is formatted with the view's
    URL arguments (EVENT, CASE ...)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not cacheable(request):
                return view(request, *args, **kwargs)
            stamps = _stamps(scope.format(**kwargs))
            cache, key = page_cache(), _key(request, stamps)
            entry = cache.get(key)
            if entry is None:
                response = view(request, *args, **kwargs)
                if response.status_code != 200 or response.streaming or response.cookies:
                    return response
                entry = _entry(response, max(stamps.values()))
                cache.set(key, entry, settings.TRACKER_PAGE_CACHE_SECONDS)
            return _serve(request, entry)

        return wrapper

    return decorator


def _entry(response: HttpResponse, changed_ns: int) -> dict:
    """What is stored of a rendered page: its body with the CSRF token taken out, its headers, its ETag
    and when it was made."""
    body, tokens = TOKEN_FIELD.subn(rb"\1" + PLACEHOLDER + rb"\2", response.content)
    headers = [(k, v) for k, v in response.headers.items() if k.lower() not in OWN_HEADERS]
    return {
        "body": body,
        "headers": headers,
        "etag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        "modified": int(max(time.time(), changed_ns / 1e9)),
        "csrf": tokens > 0,
    }
