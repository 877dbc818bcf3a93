"""A local SMTP server for development that prints each message and keeps it as a file.

    manage.py mailsink [--port 1025]

With EMAIL_URL=smtp://127.0.0.1:1025 (the Makefile's development default) every confirmation and
digest lands here: the terminal shows who it is for, the subject, the unsubscribe headers and the
plain-text part (with its links: click the confirmation link); the whole message is saved as
var/mail/<time>-<n>.eml, which any mail client opens (HTML part included).
"""

from __future__ import annotations

import email
import email.policy
import itertools
import logging
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from django.conf import settings
from django.core.management.base import BaseCommand


class PrintingHandler:
    def __init__(self, directory: Path, write):
        self.directory = directory
        self.write = write
        self.counter = itertools.count(1)

    async def handle_DATA(self, server, session, envelope):
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{time.strftime('%Y%m%d-%H%M%S')}-{next(self.counter)}.eml"
        path.write_bytes(envelope.content)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        text = next(
            (p.get_content() for p in message.walk() if p.get_content_type() == "text/plain"),
            "(no text part)",
        )
        lines = [
            "=" * 78,
            f"To: {', '.join(envelope.rcpt_tos)}",
            f"From: {message['From']}",
            f"Subject: {message['Subject']}",
        ]
        if message["List-Unsubscribe"]:
            lines.append(f"List-Unsubscribe: {message['List-Unsubscribe']}")
        lines += [f"Saved: {path}", "-" * 78, text.rstrip(), ""]
        self.write("\n".join(lines))
        return "250 Message accepted for delivery"


class Command(BaseCommand):
    help = "Run a local SMTP server that prints the mail it receives (development only)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=1025)

    def handle(self, *args, host: str, port: int, **options):
        logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command at INFO
        handler = PrintingHandler(Path(settings.VAR_DIR) / "mail", self.stdout.write)
        controller = Controller(handler, hostname=host, port=port)
        controller.start()
        self.stdout.write(
            f"Mail sink on {host}:{port}; messages are printed here and saved in {handler.directory}"
        )
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
        finally:
            controller.stop()
