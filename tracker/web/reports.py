""" "Report an error": a short form on an event or a claim whose reports wait for curators in the admin.

Rate limited per client address through the shared cache (TRACKER_ERROR_REPORTS_PER_HOUR, 5 by
default); a reader over the limit gets a readable 429 page. The address is stored only as a keyed hash.
Caveat: the address is REMOTE_ADDR; behind a proxy, every reader shares the proxy's address unless the
proxy sets REMOTE_ADDR (gunicorn with --forwarded-allow-ips does).
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from tracker.crossref.models import Claim, Event
from tracker.web.models import ErrorReport, hash_ip

WINDOW_SECONDS = 60 * 60
MAX_TEXT = 2000


class ErrorReportForm(forms.Form):
    text = forms.CharField(
        label="What is wrong?",
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=f"Up to {MAX_TEXT} characters. Say which words or which source, and what is right.",
    )
    email = forms.EmailField(  # the column's 254, not the form field's default 320 (a 500 on PostgreSQL)
        label="Your email (optional)",
        required=False,
        max_length=ErrorReport._meta.get_field("email").max_length,
        help_text="Only if you would like a reply.",
    )


def per_hour() -> int:
    return getattr(settings, "TRACKER_ERROR_REPORTS_PER_HOUR", 5)


def allow(ip_hash: str) -> bool:
    """Count one report from this client; False once it has sent per_hour() within the window."""
    key = f"web:error-report:{ip_hash}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= per_hour()


def _target(request) -> tuple[Event | None, Claim | None]:
    source = request.POST if request.method == "POST" else request.GET
    event_id, claim_id = source.get("event", ""), source.get("claim", "")
    if event_id.isdigit() and not claim_id:
        return get_object_or_404(Event.objects.public(), pk=int(event_id)), None
    if claim_id.isdigit() and not event_id:
        return None, get_object_or_404(Claim.objects.public(), pk=int(claim_id))
    raise Http404("Say which event or claim the report is about.")


@require_http_methods(["GET", "POST"])
def report(request):
    event, claim = _target(request)
    form = ErrorReportForm(request.POST or None)
    context = {"event": event, "claim": claim, "form": form}
    if request.method == "POST":
        ip_hash = hash_ip(request.META.get("REMOTE_ADDR", ""))
        if not allow(ip_hash):
            context |= {"state": "limited", "limit": per_hour()}
            return render(request, "web/report.html", context, status=429)
        if form.is_valid():
            ErrorReport.objects.create(
                event=event,
                claim=claim,
                ip_hash=ip_hash,
                text=form.cleaned_data["text"],
                email=form.cleaned_data["email"],
            )
            target = f"event={event.pk}" if event else f"claim={claim.pk}"
            return redirect(f"{reverse('web:report_thanks')}?{target}")
    return render(request, "web/report.html", context | {"state": "form"})


@require_GET
def thanks(request):
    event, claim = _target(request)
    return render(request, "web/report.html", {"event": event, "claim": claim, "state": "thanks"})
