"""Subscribe, confirm, preferences and one-click unsubscribe: thin views over subscribing.py.

Signed tokens stand in for an account. Unsubscribing is POST only (RFC 8058 one-click: no login, no
CSRF token, a valid token, no per-address cap); a GET shows a page with the button, so mail scanners that
follow links unsubscribe nobody. Confirming works the same way for the same reason."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from tracker.digests import emails, subscribing, tokens
from tracker.digests.forms import PreferencesForm, SubscribeForm
from tracker.digests.models import Subscriber
from tracker.sources.limits import client_address, within_limit

HOUR = 3600


@require_http_methods(["GET", "POST"])
def subscribe(request):
    """GET: the page with the form. POST: the same answer whether the address is known or not; the
    htmx answer is the partial alone."""
    if request.method == "GET":  # prefilled from where the reader came: ?case=<slug> or ?entity=<slug>
        return render(request, "digests/subscribe.html", subscribing.prefill(request.GET))
    form = SubscribeForm(request.POST)
    context = {"form": form, "case": None, "entity": None, "chosen": request.POST.get("case", "")}
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        context.update(case=data.get("case"), entity=data.get("entity"))
        if not within_limit(
            "digests:ip", client_address(request), limit=settings.TRACKER_DIGEST_SUBSCRIBE_PER_IP, window=HOUR
        ):
            context["limited"], status = True, 429
        else:
            allowed = within_limit(
                "digests:address",
                data["email"],
                limit=settings.TRACKER_DIGEST_SUBSCRIBE_PER_ADDRESS,
                window=HOUR,
            )
            subscribing.request_subscription(
                email=data["email"],
                frequency=data["frequency"],
                case=data.get("case"),
                entity=data.get("entity"),
                send=allowed,
            )
            context["done"] = True
    else:
        status = 400
        context.update(case=form.cleaned_data.get("case"), entity=form.cleaned_data.get("entity"))
    if request.htmx:  # htmx swaps 2xx answers only; the partial says what went wrong
        return render(request, "digests/subscribe_form.html", context)
    return render(request, "digests/subscribe.html", context, status=status)


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    try:
        confirmation = tokens.read_confirm_token(token)
    except tokens.BadToken as exc:
        return render(request, "digests/invalid.html", {"reason": str(exc)}, status=400)
    if request.method == "GET":
        return render(request, "digests/confirm.html", {"confirmation": confirmation})
    try:
        subscriber = subscribing.confirm(confirmation)
    except tokens.BadToken as exc:
        return render(request, "digests/invalid.html", {"reason": str(exc)}, status=400)
    context = {"subscriber": subscriber, "preferences_url": emails.preferences_url(subscriber)}
    return render(request, "digests/confirmed.html", context)


@require_http_methods(["GET", "POST"])
def preferences(request, token: str):
    try:
        subscriber, _ = tokens.read_token(token, "manage")
    except tokens.BadToken as exc:
        return render(request, "digests/invalid.html", {"reason": str(exc)}, status=400)
    initial = {
        "frequency": subscriber.frequency,
        "keep": list(subscriber.subscriptions.all()),
        "paused": subscriber.status == Subscriber.Status.PAUSED,
    }
    form = PreferencesForm(request.POST or None, initial=initial, subscriber=subscriber)
    saved = False
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        subscribing.update_preferences(
            subscriber, frequency=data["frequency"], keep=list(data["keep"]), paused=data["paused"]
        )
        if subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return render(request, "digests/unsubscribed.html", {"subscriber": subscriber})
        saved = True
        form = PreferencesForm(initial={**initial, **data}, subscriber=subscriber)
    context = {
        "form": form,
        "subscriber": subscriber,
        "saved": saved,
        "token": token,
        "unsubscribe_token": tokens.make_token(subscriber, "unsubscribe"),
    }
    return render(request, "digests/preferences.html", context)


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """GET: a page with a button. POST: unsubscribe at once (mail clients' one-click POST too). Not
    capped per address: a list provider's bulk unsubscribe comes from one, and a token cannot be
    guessed (it is signed), so a cap would only refuse real readers."""
    try:
        subscriber, _ = tokens.read_token(token, "unsubscribe")
    except tokens.BadToken as exc:
        return render(request, "digests/invalid.html", {"reason": str(exc)}, status=400)
    if request.method == "GET":
        return render(request, "digests/unsubscribe.html", {"subscriber": subscriber, "token": token})
    subscribing.unsubscribe(subscriber)
    return render(request, "digests/unsubscribed.html", {"subscriber": subscriber})
