"""The public site's absolute address, for what must name it in full (request texts, DCAT, API links).

`PUBLIC_BASE_URL` when it is set (a deployment behind a proxy should set it); otherwise the address
the request being answered was sent to, so that `make run PORT=…` or any host name gives links that
work; outside a request (commands), the address `make run` serves by default.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

LOCAL_BASE_URL = "http://127.0.0.1:8000"


def public_base_url(request: HttpRequest | None = None) -> str:
    """The public site's address without a trailing slash."""
    if settings.PUBLIC_BASE_URL:
        return settings.PUBLIC_BASE_URL
    if request is not None:
        return request.build_absolute_uri("/").rstrip("/")
    return LOCAL_BASE_URL
