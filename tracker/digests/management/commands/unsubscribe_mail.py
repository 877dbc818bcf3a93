"""Process one mail sent to the List-Unsubscribe mailto address (RFC 2369), read from stdin.

For an MTA alias that pipes mail to a command, e.g. in /etc/aliases:
    unsubscribe: "|/srv/tracker/.venv/bin/python /srv/tracker/manage.py unsubscribe_mail"
The subject carries the signed unsubscribe token ("unsubscribe <token>"); a forged, expired or used
token changes nothing. Exit status 0 either way, so the MTA does not bounce the mail back.
"""

from __future__ import annotations

import email
import email.policy
import sys

from django.core.management.base import BaseCommand

from tracker.digests import subscribing, tokens


def unsubscribe_from_mail(raw: bytes) -> str:
    """The outcome for one raw message: "unsubscribed", or why not."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    words = str(message.get("Subject", "")).split()
    if len(words) != 2 or words[0].lower() != "unsubscribe":
        return "no token in the subject"
    try:
        subscriber, _ = tokens.read_token(words[1], "unsubscribe")
    except tokens.BadToken as exc:
        return str(exc)
    subscribing.unsubscribe(subscriber)
    return "unsubscribed"


class Command(BaseCommand):
    help = "Unsubscribe the sender of a List-Unsubscribe mailto message read from stdin."

    def handle(self, *args, **options):
        self.stdout.write(unsubscribe_from_mail(sys.stdin.buffer.read()))
