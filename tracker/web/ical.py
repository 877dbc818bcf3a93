"""A case's hearings as an iCalendar feed (RFC 5545): `/cases/<slug>/hearings.ics`.

One VEVENT per hearing an entry's text sets (tracker.dockets.hearings): UID stable per entry and per
hearing in it (the case's slug, the entry's feed guid, its index), DTSTART in UTC (a stated time) or
as a DATE (a day only), SUMMARY "what is set: case name", LOCATION when stated, DESCRIPTION the
entry's text, URL the case page. Text values are escaped (backslash, semicolon, comma, newline);
lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from tracker.cases.models import Case
from tracker.dockets.hearings import Hearing, case_hearings

LINE_OCTETS = 75
PRODID = "-//Case tracker//Hearings//EN"


def escape(value: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, newlines as \\n,
    other control characters dropped."""
    value = value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    value = value.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return "".join(ch for ch in value if ch >= " " or ch == "\t")


def fold(line: str) -> str:
    """One content line folded at 75 octets (3.1): CRLF then a space, never inside a character."""
    out, current, size = [], [], 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > LINE_OCTETS:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(ch)
        size += width
    out.append("".join(current))
    return "\r\n".join(out) + "\r\n"


def _stamp(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def uid(case: Case, hearing: Hearing, host: str) -> str:
    digest = hashlib.sha256(f"{case.slug}\n{hearing.entry.guid}".encode()).hexdigest()[:24]
    return f"hearing-{digest}-{hearing.stated.index}@{host}"


def _start(hearing: Hearing) -> str:
    start = hearing.starts
    if isinstance(start, datetime):
        return f"DTSTART:{_stamp(start)}"
    assert isinstance(start, date)
    return f"DTSTART;VALUE=DATE:{start:%Y%m%d}"


def calendar(case: Case, hearings: list[Hearing], *, host: str, page_url: str, now: datetime) -> str:
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(case.name + ': hearings')}",
        f"X-WR-TIMEZONE:{case.time_zone}",
    ]
    for hearing in hearings:
        entry, stated = hearing.entry, hearing.stated
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid(case, hearing, host)}",
            f"DTSTAMP:{_stamp(entry.amended_at or entry.entered_at or now)}",
            _start(hearing),
            f"SUMMARY:{escape(f'{stated.what}: {case.name}')}",
        ]
        if stated.place:
            lines.append(f"LOCATION:{escape(stated.place)}")
        lines += [f"DESCRIPTION:{escape(entry.description)}", f"URL:{page_url}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)


@require_GET
def hearings_ics(request, slug: str):
    case = get_object_or_404(Case, slug=slug)
    page_url = request.build_absolute_uri(reverse("web:case", args=[case.slug]))
    host = urlsplit(settings.SITE_URL).hostname or "localhost"  # the site's, not the request's: stable UIDs
    body = calendar(case, case_hearings(case), host=host, page_url=page_url, now=timezone.now())
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{case.slug}-hearings.ics"'
    return response
