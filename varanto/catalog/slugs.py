"""Short names an organisation may not take: the first segments of the site's own addresses.

An organisation's pages are at /<slug>/, so an organisation called "haku" would be hidden behind the
search of every organisation (/haku/), "hallinta" behind the back office and "sv" behind the Swedish
site. The reserved names are read from the URL configuration (every literal first segment, the
language prefixes) and the static files' address, so a new root address reserves itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import LocalePrefixPattern, RegexPattern, RoutePattern
from django.utils.translation import gettext as _

RESERVED_CODE = "reserved"


@functools.cache
def reserved_slugs() -> frozenset[str]:
    """Every first path segment the site itself answers, lowercased."""
    segments = set(_first_segments(get_resolver().url_patterns))
    for url in (settings.STATIC_URL, settings.MEDIA_URL):
        segment = (url or "").strip("/").split("/")[0]
        if segment and "//" not in (url or ""):
            segments.add(segment)
    return frozenset(s.lower() for s in segments)


def slug_reserved_message(slug: str) -> str:
    return _(
        "“%(slug)s” is an address of the site itself (/%(slug)s/), so it cannot be an organisation's short name."
    ) % {"slug": slug}


def validate_organization_slug(value: str) -> None:
    """The model validator of `Organization.slug`: no short name the site's own addresses use."""
    if value.lower() in reserved_slugs():
        raise ValidationError(slug_reserved_message(value), code=RESERVED_CODE)


def _first_segments(patterns: Iterable[URLPattern | URLResolver]) -> Iterator[str]:
    for entry in patterns:
        pattern = entry.pattern
        if isinstance(pattern, LocalePrefixPattern) and isinstance(entry, URLResolver):
            # Every language's prefix, also the default's (not in its addresses today, but it could be).
            yield from (code for code, _name in settings.LANGUAGES)
            yield from _first_segments(entry.url_patterns)
            continue
        literal = _literal_start(pattern)
        if literal is None:
            continue
        if literal:
            yield literal
        elif isinstance(entry, URLResolver):
            yield from _first_segments(entry.url_patterns)


def _literal_start(pattern) -> str | None:
    """The pattern's first segment if it is fixed text; "" for an empty prefix; None if it is a parameter."""
    if isinstance(pattern, RoutePattern):
        route = str(pattern)
        first = route.split("/")[0]
        return None if "<" in first else first
    if isinstance(pattern, RegexPattern):
        found = re.match(r"\^?([\w.-]*)(/|$)", str(pattern))
        return found.group(1) if found else None
    return None
