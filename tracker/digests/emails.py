"""Building the messages: templates to HTML (CSS inlined) and plain text, absolute links, headers.

Messages are EmailMultiAlternatives sent through connection objects, so any Django email backend works
(SMTP, console, locmem, django-anymail's). For a batch of digests over Django's SMTP backend, `prepare`
builds a digest's message once with slots, and each subscriber's bytes are that message with the slots
filled in (the same message, `tests/digests/test_sending_batches.py` compares them): flattening a MIME
message per subscriber cost more than the SMTP conversation itself."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from email.utils import formatdate, make_msgid
from urllib.parse import urlsplit

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import sanitize_address
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


def domain() -> str:
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
        headers={"Message-ID": make_msgid(domain=domain()), "Auto-Submitted": "auto-generated"},
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


@dataclass(frozen=True)
class Links:
    """A subscriber's own signed links in a digest."""

    unsubscribe_token: str
    unsubscribe: str
    preferences: str

    def list_unsubscribe(self, separator: str = ", ") -> str:
        """The List-Unsubscribe header (RFC 2369/8058): the one-click URL, a mailto first if configured."""
        mailto = settings.TRACKER_DIGEST_UNSUBSCRIBE_MAILTO
        parts = [f"<mailto:{mailto}?subject=unsubscribe%20{self.unsubscribe_token}>"] if mailto else []
        return separator.join([*parts, f"<{self.unsubscribe}>"])


class Linker:
    """Makes subscribers' links; the URLs are reversed and the signers made once, not once per subscriber."""

    def __init__(self):
        self._unsubscribe = absolute(reverse("digests:unsubscribe", args=["__token__"])).split("__token__")
        self._preferences = absolute(reverse("digests:preferences", args=["__token__"])).split("__token__")
        self._tokens = tokens.Minter("unsubscribe"), tokens.Minter("manage")

    def of(self, subscriber: Subscriber) -> Links:
        token, manage = (mint(subscriber) for mint in self._tokens)
        return Links(token, token.join(self._unsubscribe), manage.join(self._preferences))


def preferences_url(subscriber: Subscriber) -> str:
    return absolute(reverse("digests:preferences", args=[tokens.make_token(subscriber, "manage")]))


def digest_message(
    subscriber: Subscriber,
    rendered: Rendered,
    *,
    connection=None,
    links: Links | None = None,
    message_id: str = "",
) -> EmailMultiAlternatives:
    """The digest for one subscriber: their own signed links, RFC 8058 one-click unsubscribe headers."""
    links = links or Linker().of(subscriber)
    return _message(subscriber.email, rendered, links, message_id or make_msgid(domain=domain()), connection)


def _message(
    to: str, rendered: Rendered, links: Links, message_id: str, connection
) -> EmailMultiAlternatives:
    def personal(body: str) -> str:
        return body.replace(UNSUBSCRIBE_MARK, links.unsubscribe).replace(PREFERENCES_MARK, links.preferences)

    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=personal(rendered.text),
        from_email=settings.TRACKER_DIGEST_FROM_EMAIL,
        to=[to],
        connection=connection,
        headers={
            "Message-ID": message_id,
            "List-Id": f"Case tracker digests <digests.{domain()}>",
            "List-Unsubscribe": links.list_unsubscribe(),
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(personal(rendered.html), "text/html")
    return message


# The slots of a prepared message (see `prepare`): what differs from one subscriber to the next.
_SLOT_TO = "recipient@slot.invalid"
_SLOT_ID = "<message-id@slot.invalid>"
_SLOT_LIST = "<list-unsubscribe@slot.invalid>"
_SLOT_DATE = "date@slot.invalid"  # filled once a batch (see `prepared`)
_MAX_LINE = 998  # RFC 5322, without the CRLF
# An address Django's sanitize_address writes as it is (ASCII dot-atoms); others get the message object.
_PLAIN_ADDRESS = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9.-]+"
)


@dataclass(frozen=True)
class Prepared:
    """A digest as the bytes of one MIME message built once (by Django, as `digest_message` builds it)
    with slots for the recipient, the Message-ID, the List-Unsubscribe header and the two personal
    links: a batch fills them in for each subscriber instead of building and flattening a message each
    time, which cost more than the SMTP conversation."""

    data: bytes
    envelope_from: str
    room: int  # how much longer than its mark a personal link may be, keeping lines <= 998 bytes

    def personal(self, email: str, links: Links, message_id: str) -> bytes | None:
        """This subscriber's message; None when it cannot be made by filling the slots (then build it)."""
        grow = max(
            len(links.unsubscribe) - len(UNSUBSCRIBE_MARK), len(links.preferences) - len(PREFERENCES_MARK)
        )
        header = links.list_unsubscribe(",\r\n ")  # folded as Django folds it
        if (
            not _PLAIN_ADDRESS.fullmatch(email)
            or grow > self.room
            or max(map(len, header.split("\r\n"))) > 900
        ):
            return None
        data = self.data.replace(_SLOT_TO.encode(), email.encode(), 1)
        data = data.replace(_SLOT_ID.encode(), message_id.encode(), 1)
        data = data.replace(_SLOT_LIST.encode(), header.encode(), 1)
        data = data.replace(UNSUBSCRIBE_MARK.encode(), links.unsubscribe.encode())
        return data.replace(PREFERENCES_MARK.encode(), links.preferences.encode())

    def dated(self, date: str) -> Prepared:
        return replace(self, data=self.data.replace(_SLOT_DATE.encode(), date.encode(), 1))


# This process's prepared digests: a period's next batches send the same digests (the shared cache's
# Rendered, unpickled anew for each batch, equal), so they are built and flattened once, not once a batch.
_PREPARED: dict[tuple, Prepared | None] = {}
_KEEP = 16


def prepared(rendered: Rendered) -> Prepared | None:
    """`prepare(rendered)` dated now, as a batch sends it (the Date a message built now would have)."""
    key = (rendered, settings.TRACKER_DIGEST_FROM_EMAIL, settings.SITE_URL, settings.DEFAULT_CHARSET)
    if key not in _PREPARED:
        if len(_PREPARED) >= _KEEP:
            _PREPARED.clear()
        _PREPARED[key] = prepare(rendered)
    template = _PREPARED[key]
    return template.dated(formatdate(localtime=settings.EMAIL_USE_LOCALTIME)) if template else None


def prepare(rendered: Rendered) -> Prepared | None:
    """The message of `rendered` with slots, or None when its bodies are encoded (quoted-printable or
    base64, for lines over 998 bytes) so that the links cannot be filled in as they are."""
    slots = Links(_SLOT_LIST, UNSUBSCRIBE_MARK, PREFERENCES_MARK)
    email = _message(_SLOT_TO, rendered, slots, _SLOT_ID, None)
    built = email.message()
    built.replace_header("List-Unsubscribe", _SLOT_LIST)
    built.replace_header("Date", _SLOT_DATE)
    parts = [part for part in built.walk() if not part.is_multipart()]
    if any(part["Content-Transfer-Encoding"] not in ("7bit", "8bit") for part in parts):
        return None
    data = built.as_bytes(linesep="\r\n")
    head = data.split(b"\r\n\r\n", 1)[0]
    if any(head.count(slot.encode()) != 1 for slot in (_SLOT_TO, _SLOT_ID, _SLOT_LIST, _SLOT_DATE)):
        return None
    for mark in (UNSUBSCRIBE_MARK, PREFERENCES_MARK):
        if data.count(mark.encode()) != (rendered.text + rendered.html).count(mark):
            return None
    room = _MAX_LINE
    for line in data.split(b"\r\n"):
        marks = line.count(UNSUBSCRIBE_MARK.encode()) + line.count(PREFERENCES_MARK.encode())
        if marks:
            room = min(room, (_MAX_LINE - len(line)) // marks)
    sender = sanitize_address(email.from_email, email.encoding or settings.DEFAULT_CHARSET)
    return Prepared(data, sender, room)


def render_digest(digest) -> Rendered:
    """Render a composed digest once, with stand-ins for the per-subscriber links."""
    context = {
        "digest": digest,
        "preferences_url": PREFERENCES_MARK,
        "unsubscribe_url": UNSUBSCRIBE_MARK,
    }
    text, html = render_pair("digest", context)
    return Rendered(subject=digest.subject, text=text, html=html, item_count=digest.item_count)
