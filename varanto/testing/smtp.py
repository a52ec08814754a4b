"""A real SMTP server for tests (aiosmtpd on a free local port), and the messages it received.

Tests of e-mail send through Django's SMTP backend to this server and read back what arrived,
headers and all, instead of looking at Django's in-memory outbox: what a mail server would see.
"""

from __future__ import annotations

import email
import email.policy
import logging
import socket
import threading
from collections.abc import Iterator
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller


class _Inbox:
    """The aiosmtpd handler: keeps every message as parsed, with its envelope recipients."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        with self._lock:
            self.messages.append(message)
        return "250 OK"


class LocalSmtp:
    """What the `smtp_server` fixture gives a test: the server's port and the messages received."""

    def __init__(self, inbox: _Inbox, port: int) -> None:
        self._inbox = inbox
        self.port = port

    @property
    def messages(self) -> list[EmailMessage]:
        return list(self._inbox.messages)

    def to(self, address: str) -> list[EmailMessage]:
        """The messages whose envelope named `address`."""
        return [m for m in self.messages if address in m["X-Envelope-To"].split(", ")]

    @staticmethod
    def text(message: EmailMessage) -> str:
        """The plain-text body of a message."""
        part = message.get_body(preferencelist=("plain",))
        assert part is not None, "the message has no plain-text part"
        return part.get_content()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings) -> Iterator[LocalSmtp]:
    """A running SMTP server on 127.0.0.1, with Django's mail sent to it for the test."""
    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command at INFO
    inbox = _Inbox()
    port = _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    try:
        yield LocalSmtp(inbox, port)
    finally:
        controller.stop()
