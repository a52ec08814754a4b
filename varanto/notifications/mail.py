"""Composing and sending messages: one place that knows the sender, the language and the headers."""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import translation

from varanto.core.addresses import public_base_url

logger = logging.getLogger(__name__)


def absolute_url(path: str, base_url: str | None = None) -> str:
    """A link for a message: the site's public address (`base_url`, that of the request being answered,
    else `core.addresses.public_base_url`) and the path."""
    return (base_url or public_base_url()) + path


def message_build(
    *, to: str, template: str, context: dict, language: str, headers: dict[str, str] | None = None
) -> EmailMessage:
    """A plain-text message from `notifications/<template>_subject.txt` and `<template>.txt`, in `language`."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"notifications/{template}_subject.txt", context).split())
        body = render_to_string(f"notifications/{template}.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        headers={"Content-Language": language, "Auto-Submitted": "auto-generated", **(headers or {})},
    )


def messages_send(messages: list[EmailMessage]) -> list[bool]:
    """Send each message over one connection; whether each went (a refused one is logged, not raised)."""
    if not messages:
        return []
    connection = get_connection()
    try:
        connection.open()
    except OSError:  # the server is unreachable: nothing went, the next run tries again
        logger.exception("Cannot reach the mail server: %d message(s) not sent", len(messages))
        return [False] * len(messages)
    sent = []
    with connection:
        for message in messages:
            message.connection = connection
            try:
                sent.append(message.send() == 1)
            except Exception:  # one bad address or a dropped connection must not stop the others
                logger.exception("Sending %r to %s failed", message.subject, message.to)
                sent.append(False)
    return sent
