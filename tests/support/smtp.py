"""A real SMTP server on 127.0.0.1 for tests (aiosmtpd), recording what it accepts.

`smtp_server` starts aiosmtpd's Controller on a free port and points Django's SMTP backend at it.
`server.fail("a@b.example", "450 4.2.0 Mailbox busy", times=1)` makes the server answer RCPT TO for
that address with the given reply (then accept once `times` answers are used; None: always).
`server.messages` holds the accepted messages as `email.message.EmailMessage` objects, and
`server.connections` counts the SMTP sessions opened.
"""

from __future__ import annotations

import email
import email.policy
import logging
import socket
import threading
from dataclasses import dataclass, field
from email.utils import getaddresses

import pytest
from aiosmtpd.controller import Controller


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    message: email.message.EmailMessage


@dataclass
class _Failure:
    reply: str
    times: int | None


@dataclass
class Recorder:
    """The aiosmtpd handler: records messages, answers RCPT TO with canned failures on demand."""

    received: list[Received] = field(default_factory=list)
    failures: dict[str, _Failure] = field(default_factory=dict)
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        with self.lock:
            self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        with self.lock:
            failure = self.failures.get(address.lower())
            if failure is not None:
                if failure.times is not None:
                    failure.times -= 1
                    if failure.times <= 0:
                        del self.failures[address.lower()]
                return failure.reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), message))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpServer:
    def __init__(self):
        self.handler = Recorder()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def start(self) -> SmtpServer:
        self.controller.start()
        return self

    def stop(self) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[email.message.EmailMessage]:
        with self.handler.lock:
            return [r.message for r in self.handler.received]

    @property
    def connections(self) -> int:
        return self.handler.connections

    def to(self, address: str) -> list[email.message.EmailMessage]:
        return [
            m
            for m in self.messages
            if address.lower() in {a.lower() for _, a in getaddresses([str(m["To"])])}
        ]

    def fail(self, address: str, reply: str, *, times: int | None = None) -> None:
        with self.handler.lock:
            self.handler.failures[address.lower()] = _Failure(reply, times)

    def clear(self) -> None:
        with self.handler.lock:
            self.handler.received.clear()


@pytest.fixture
def smtp_server(settings):
    """aiosmtpd on 127.0.0.1 with Django's SMTP backend pointed at it."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command at INFO
    server = SmtpServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    try:
        yield server
    finally:
        server.stop()
