"""Content in the reader's language: a record's translation, or its Finnish text marked as such.

Records of the canonical catalogue keep their Finnish text in the field itself and other
languages under `"translations": {"sv": {"name": ...}}` (varanto.catalog/1).
"""

from django.utils.html import format_html, linebreaks
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _


def content_text(record: dict, field: str, language: str) -> tuple[str, bool]:
    """The field's text in `language` and whether it is the Finnish text standing in for a missing translation."""
    finnish = record.get(field) or ""
    if language == "fi" or not finnish:
        return finnish, False
    translation = ((record.get("translations") or {}).get(language) or {}).get(field, "")
    return (translation, False) if translation else (finnish, True)


def content_html(record: dict, field: str, language: str, *, multiline: bool = False, note: bool = True) -> SafeString:
    """The field as HTML; a Finnish fallback is wrapped in lang="fi" and, with `note`, marked "(in Finnish)"."""
    text, fallback = content_text(record, field, language)
    body = SafeString(linebreaks(text, autoescape=True)) if multiline else text
    if not fallback:
        return format_html("{}", body)
    tag = "div" if multiline else "span"
    marked = format_html('<{} lang="fi">{}</{}>', tag, body, tag)
    if not note:
        return marked
    return format_html('{} <span class="fallback-note">{}</span>', marked, _("(in Finnish)"))
