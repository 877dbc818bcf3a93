"""Building the messages: templates to HTML (CSS inlined) and plain text, absolute links, headers.

Only EmailMultiAlternatives and connection objects are used, so any Django email backend works
(SMTP, console, locmem, django-anymail's)."""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import make_msgid
from urllib.parse import urlsplit

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from tracker.digests import tokens
from tracker.digests.models import Subscriber

# Stand-ins for the per-subscriber links in a digest rendered once for many subscribers.
PREFERENCES_MARK = "https://preferences.invalid/"
UNSUBSCRIBE_MARK = "https://unsubscribe.invalid/"

_inliner = css_inline.CSSInliner(keep_style_tags=False, load_remote_stylesheets=False)


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def render_pair(name: str, context: dict) -> tuple[str, str]:
    """templates/emails/<name>.txt and .html; the HTML with its <style> inlined into style attributes."""
    context = {"site_url": settings.SITE_URL, **context}
    text = render_to_string(f"emails/{name}.txt", context)
    html = _inliner.inline(render_to_string(f"emails/{name}.html", context))
    return text, html


def _domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def confirmation_message(subscriber: Subscriber, *, token: str, topic) -> EmailMultiAlternatives:
    url = absolute(reverse("digests:confirm", args=[token]))
    context = {
        "confirm_url": url,
        "topic": topic,
        "hours": int(tokens.MAX_AGE["confirm"].total_seconds() // 3600),
    }
    text, html = render_pair("confirm", context)
    subject = f"Confirm your subscription to {topic}" if topic else "Confirm your subscription"
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.TRACKER_CONFIRM_FROM_EMAIL,
        to=[subscriber.email],
        headers={"Message-ID": make_msgid(domain=_domain()), "Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(html, "text/html")
    return message


@dataclass(frozen=True)
class Rendered:
    """A digest rendered once for everyone who follows the same things in the same period."""

    subject: str
    text: str
    html: str
    item_count: int


def unsubscribe_url(subscriber: Subscriber) -> str:
    return absolute(reverse("digests:unsubscribe", args=[tokens.make_token(subscriber, "unsubscribe")]))


def preferences_url(subscriber: Subscriber) -> str:
    return absolute(reverse("digests:preferences", args=[tokens.make_token(subscriber, "manage")]))


def digest_message(subscriber: Subscriber, rendered: Rendered, *, connection=None) -> EmailMultiAlternatives:
    """The digest for one subscriber: their own signed links, RFC 8058 one-click unsubscribe headers."""
    unsubscribe_token = tokens.make_token(subscriber, "unsubscribe")
    unsubscribe = absolute(reverse("digests:unsubscribe", args=[unsubscribe_token]))
    preferences = preferences_url(subscriber)

    def personal(body: str) -> str:
        return body.replace(UNSUBSCRIBE_MARK, unsubscribe).replace(PREFERENCES_MARK, preferences)

    mailto = settings.TRACKER_DIGEST_UNSUBSCRIBE_MAILTO
    list_unsubscribe = f"<{unsubscribe}>"
    if mailto:
        list_unsubscribe = f"<mailto:{mailto}?subject=unsubscribe%20{unsubscribe_token}>, {list_unsubscribe}"
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=personal(rendered.text),
        from_email=settings.TRACKER_DIGEST_FROM_EMAIL,
        to=[subscriber.email],
        connection=connection,
        headers={
            "Message-ID": make_msgid(domain=_domain()),
            "List-Id": f"Case tracker digests <digests.{_domain()}>",
            "List-Unsubscribe": list_unsubscribe,
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(personal(rendered.html), "text/html")
    return message


def render_digest(digest) -> Rendered:
    """Render a composed digest once, with stand-ins for the per-subscriber links."""
    context = {
        "digest": digest,
        "preferences_url": PREFERENCES_MARK,
        "unsubscribe_url": UNSUBSCRIBE_MARK,
    }
    text, html = render_pair("digest", context)
    return Rendered(subject=digest.subject, text=text, html=html, item_count=digest.item_count)
