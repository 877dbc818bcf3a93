""" "Report an error": a short form on an event or a claim whose reports wait for curators in the admin.

Rate limited per client address (TRACKER_ERROR_REPORTS_PER_HOUR, 5 by default) in the rate counters'
own table (sources.limits), where no cache eviction or flush resets them; a reader over the limit gets
a readable 429 page. The address is the client's (behind TRACKER_TRUSTED_PROXIES, the forwarded one)
and is stored only as a keyed hash.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from tracker.crossref.models import Claim, Event
from tracker.sources.limits import client_address, within_limit
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


def allow(address: str) -> bool:
    """Count one report from this client; False once it has sent per_hour() within the window."""
    return within_limit("web:error-report", address, limit=per_hour(), window=WINDOW_SECONDS)


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
        address = client_address(request)
        ip_hash = hash_ip(address)
        if not allow(address):
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
