"""Template tags of the public site: content in the reader's language, labels, language links."""

import datetime
import functools
from urllib.parse import quote

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from varanto.catalog import declarations

from .. import labels
from ..fields import page_entries
from ..logos import logo_for, logo_url
from ..translation import content_html, content_text

register = template.Library()

PAGES_TRANSLATED = 10_000

LABEL_TABLES = {
    "disclosure": labels.DISCLOSURE,
    "api": labels.API,
    "archiving": labels.ARCHIVING,
    "section_kind": labels.SECTION_KIND,
    "record_kind": labels.RECORD_KIND,
    "transfer_method": labels.TRANSFER_METHOD,
    "direction": labels.DIRECTION,
}


@register.simple_tag
def translated(record: dict, field: str, multiline: bool = False, note: bool = True):
    """`{% translated resource "purpose" multiline=True %}`: the field in the active language or
    its Finnish text marked lang="fi" with a discreet "(in Finnish)" note (`note=False`: lang only)."""
    return content_html(record, field, get_language(), multiline=multiline, note=note)


@register.filter
def in_language(record: dict, field: str) -> str:
    """Plain text of the field in the active language (Finnish fallback), for titles and attributes."""
    return content_text(record, field, get_language())[0]


@register.filter
def label(value, table: str) -> str:
    """`{{ resource.disclosure.level|label:"disclosure" }}`: the readable words for a coded value."""
    return str(LABEL_TABLES[table].get(value, value or ""))


@register.filter
def field_label(path: str) -> str:
    return labels.field_label(path)


@register.filter
def isodate(value: str | None) -> datetime.date | None:
    """An ISO date string of the catalogue as a date, so `|date` can format it."""
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


@register.filter
def responsible(value: dict | None) -> str:
    """Vastuutaho as one line: "hallintopäällikkö", or "Meita (Talouspalvelut)"."""
    value = value or {}
    title, organization, unit = (value.get(k, "") for k in ("title", "organization", "unit"))
    extra = [part for part in ((organization if title else ""), unit) if part]
    main = title or organization
    return f"{main} ({', '.join(extra)})" if main and extra else main or ", ".join(extra)


@register.filter
def value_text(value) -> str:
    """A catalogue value of any shape as readable text, for the diff table."""
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, dict):
        return " – ".join(str(v) for v in value.values() if v not in (None, ""))
    if isinstance(value, list):
        return "; ".join(value_text(item) for item in value)
    return "" if value is None else str(value)


# Coded fields whose values read better as words (diff table).
CODED_FIELDS = {
    "disclosure.level": labels.DISCLOSURE,
    "api.availability": labels.API,
    "retention.archiving": labels.ARCHIVING,
    "kind": labels.SECTION_KIND,
    "method": labels.TRANSFER_METHOD,
    "direction": labels.DIRECTION,
}


@register.simple_tag
def change_value(change, side: str):
    """One side ("old" or "new") of a diff row: a coded value in words, a list's removed or added
    items, or the text marked with the language it is in."""
    value = getattr(change, side)
    if value is None:
        return "–"
    if change.path in CODED_FIELDS:
        return str(CODED_FIELDS[change.path].get(value, value))
    language = change.path.split(".")[1] if change.path.startswith("translations.") else "fi"
    items = change.removed_items if side == "old" else change.added_items
    if change.is_list and (change.added_items or change.removed_items):
        if not items:
            return "–"
        what = _("Removed:") if side == "old" else _("Added:")
        value = items
    else:
        what = _("Before:") if side == "old" else _("After:")
    mark = "del" if side == "old" else "ins"
    return format_html(
        '<span class="visually-hidden">{} </span><{} lang="{}">{}</{}>', what, mark, language, value_text(value), mark
    )


@register.filter
def coded(value, path: str) -> str:
    """A coded value of the field at `path` in words (the value itself when it has none)."""
    return str(CODED_FIELDS.get(path, {}).get(value, value or ""))


@register.simple_tag
def public_entries(kind: str, record: dict) -> list:
    """`{% public_entries "resources" entry.record as fields %}`: the record's public page entries."""
    return page_entries(KIND_BY_NAME[kind], record)


KIND_BY_NAME = {kind.name: kind for kind in declarations.KINDS}


@register.filter
def privacy_notices(links: list | None) -> list[dict]:
    return [link for link in links or [] if link.get("kind") == "privacy_notice"]


@register.filter
def web_links(links: list | None) -> list[dict]:
    return [link for link in links or [] if link.get("kind") != "privacy_notice"]


@register.filter
def diff_count(changes, status: str) -> int:
    return changes.count(status)


@register.simple_tag(takes_context=True)
def language_links(context) -> list[dict]:
    """The current page in each interface language, for the language switcher; the query (a search) is kept."""
    request = context["request"]
    current = get_language()
    path, mark, query = request.get_full_path().partition("?")
    return [
        {
            "code": code,
            "name": name,
            "url": _path_in(path, current, code) + mark + query,
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


@functools.lru_cache(maxsize=PAGES_TRANSLATED)
def _path_in(path: str, current: str, code: str) -> str:
    """The page at `path` (read in language `current`) in language `code`: resolving and reversing the
    address costs more than the rest of a page's header, and it is the same for as long as the process runs."""
    return translate_url(path, code)


@register.simple_tag
def organization_logo(org_slug: str, publication) -> str:
    """The address of the organisation's logo when the pages of `publication` show one, else ""."""
    logo = logo_for(org_slug, publication)
    return logo_url(org_slug, logo) if logo else ""


@register.simple_tag(takes_context=True)
def feedback_link(context) -> str:
    """A mailto: link for feedback on the description: to its contact persons, else the registry office."""
    catalog, organization = context.get("catalog"), context.get("organization") or {}
    emails = [person["email"] for person in organization.get("contacts") or [] if person.get("email")]
    if not emails and catalog is not None and catalog.registry_office.get("email"):
        emails = [catalog.registry_office["email"]]
    if not emails:
        return ""
    subject = _("Feedback on the publicity description: %(organization)s") % {
        "organization": content_text(organization, "name", get_language())[0]
    }
    page = context["request"].build_absolute_uri()
    body = _("Page: %(page)s") % {"page": page} + "\r\n\r\n"
    return f"mailto:{quote(emails[0], safe='@')}?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
