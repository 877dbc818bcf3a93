"""Signed links for people without an account: confirm, manage preferences, unsubscribe.

Each purpose has its own salt, so a token made for one can never be used for another, and its own
lifetime. Every token carries the subscriber's `token_version`; bumping the version (on leaving)
refuses every earlier token. A confirmation link also carries a nonce of its own and is used up by
itself (`UsedConfirmation`), so confirming one topic leaves the reader's other pending links working.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.core import signing

from tracker.digests.models import Subscriber, UsedConfirmation

MAX_AGE = {
    "confirm": timedelta(days=3),
    "manage": timedelta(days=120),
    "unsubscribe": timedelta(days=365),
}


class BadToken(Exception):
    """Forged, expired, or no longer current."""


@dataclass(frozen=True)
class Confirmation:
    """What a confirmation link asks for: nothing changes until it is followed."""

    subscriber: Subscriber
    frequency: str
    case_id: int | None
    entity_id: int | None
    nonce: str = ""  # "" for links made before nonces: those are used up by bumping the version


def _signer(purpose: str) -> signing.TimestampSigner:
    if purpose not in MAX_AGE:
        raise ValueError(f"unknown token purpose {purpose!r}")
    return signing.TimestampSigner(salt=f"tracker.digests.{purpose}")


def _payload(subscriber: Subscriber, **extra) -> dict:
    return {"s": subscriber.pk, "v": subscriber.token_version, **extra}


def make_token(subscriber: Subscriber, purpose: str, **extra) -> str:
    return _signer(purpose).sign_object(_payload(subscriber, **extra), compress=True)


class Minter:
    """Makes `make_token(subscriber, purpose)` for many subscribers with one signer, not one per token.
    The same strings: sign_object keeps a compressed payload only when it is shorter, and zlib's framing
    makes a payload of a subscriber id and a version longer, never shorter, so it is not compressed."""

    def __init__(self, purpose: str):
        self._signer = _signer(purpose)

    def __call__(self, subscriber: Subscriber) -> str:
        return self._signer.sign_object(_payload(subscriber))


def read_token(token: str, purpose: str) -> tuple[Subscriber, dict]:
    """The subscriber a current token names, and its payload; BadToken otherwise."""
    try:
        payload = _signer(purpose).unsign_object(token, max_age=MAX_AGE[purpose])
    except signing.SignatureExpired as exc:
        raise BadToken("This link has expired.") from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise BadToken("This link is not valid.") from exc
    if not isinstance(payload, dict):
        raise BadToken("This link is not valid.")
    subscriber = Subscriber.objects.filter(pk=payload.get("s")).first()
    if subscriber is None or payload.get("v") != subscriber.token_version:
        raise BadToken("This link has already been used or replaced by a newer one.")
    return subscriber, payload


def confirm_token(
    subscriber: Subscriber, *, frequency: str, case_id: int | None, entity_id: int | None
) -> str:
    nonce = secrets.token_urlsafe(12)
    return make_token(subscriber, "confirm", f=frequency, c=case_id, e=entity_id, n=nonce)


def read_confirm_token(token: str) -> Confirmation:
    subscriber, payload = read_token(token, "confirm")
    nonce = str(payload.get("n") or "")[:32]
    if nonce and UsedConfirmation.objects.filter(nonce=nonce).exists():
        raise BadToken("This link has already been used.")
    return Confirmation(subscriber, payload.get("f") or "daily", payload.get("c"), payload.get("e"), nonce)
