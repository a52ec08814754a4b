"""The rules every write applies to a field's value (arvon säännöt), whichever path it comes by.

The back-office forms and the working API write through the kinds' services (`common.assign`
calls `RecordSpec.fields`), the imports of every format through `interchange.services`; both
clean each value with the one `field_cleaner` of its declaration:

- control characters other than tab and newline are removed (Word's manual line break becomes
  a newline), with a warning naming the field;
- a text longer than its declared limit (`declarations.LENGTH_LIMITS`) is refused;
- a link must be http, https or mailto, a web address (URLField) http or https;
- translations may hold only the kind's translatable public fields.

Warnings go to the innermost `common.value_warnings()` collector (the import's summary, the back
office's messages); without one they are logged.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from varanto.catalog.declarations import LIST_LIMIT, FieldDeclaration, RecordKind, ValueType, kind_of
from varanto.catalog.fields import translatable

from .common import TRANSLATION_LANGUAGES, flow_list, link_list, string_list, texts_cleaned

# How a write normalises the shape of each value type; other types are stored as given.
NORMALISERS: dict[ValueType, Callable] = {
    ValueType.LINES: string_list,
    ValueType.FLOWS: flow_list,
    ValueType.LINKS: link_list,
}
WEB_SCHEMES = ("http", "https")


def _too_long(name: str, where: str, length: int, limit: int) -> ValidationError:
    return ValidationError(
        {
            name: _("%(where)s is %(length)s characters long; at most %(limit)s are allowed.")
            % {"where": where, "length": length, "limit": limit}
        }
    )


def _check_lengths(decl: FieldDeclaration, value, name: str) -> None:
    limit = decl.length_limit
    if limit is None:
        return
    if isinstance(value, str):
        if len(value) > limit:
            raise _too_long(name, name, len(value), limit)
        return
    if not isinstance(value, list):
        return
    if len(value) > LIST_LIMIT:
        raise ValidationError(
            {name: _("%(count)s rows; at most %(limit)s are allowed.") % {"count": len(value), "limit": LIST_LIMIT}}
        )
    for i, item in enumerate(value, start=1):
        texts = item.items() if isinstance(item, dict) else [("", item)]
        for key, text in texts:
            if isinstance(text, str) and len(text) > limit:
                where = f"{name}[{i}]" + (f".{key}" if key else "")
                raise _too_long(name, where, len(text), limit)


def _translations(kind: RecordKind, value, name: str) -> dict:
    """{"sv": {field: text}, "en": {…}} holding only the kind's translatable public fields; blanks dropped."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ValidationError({name: _("Give the translations as a mapping of language to texts.")})
    allowed = translatable(kind.model)
    out: dict = {}
    for language, texts in value.items():
        if language not in TRANSLATION_LANGUAGES or not isinstance(texts, dict):
            raise ValidationError({name: _("Unknown translation language %(language)s.") % {"language": language}})
        kept = {}
        for attr, text in texts.items():
            where = f"{name}.{language}.{attr}"
            if attr not in allowed:
                raise ValidationError(
                    {
                        name: _("%(where)s: %(field)s cannot be translated; only %(allowed)s can.")
                        % {"where": where, "field": attr, "allowed": ", ".join(allowed)}
                    }
                )
            if text is None:
                continue
            if not isinstance(text, str):
                raise ValidationError({name: _("%(where)s: give the translation as text.") % {"where": where}})
            text = text.strip()
            limit = kind.field(attr).length_limit
            if limit is not None and len(text) > limit:
                raise _too_long(name, where, len(text), limit)
            if text:
                kept[attr] = text
        if kept:
            out[language] = kept
    return out


def field_cleaner(kind: RecordKind, decl: FieldDeclaration) -> Callable[..., Any]:
    """The one rule for writing `decl`'s value; `clean(value, name, where=…)` returns the value to store
    or raises ValidationError({name: message}). `where` names the field in a warning (default: its label)."""
    model_field = decl.model_field(kind.model)
    web_address = isinstance(model_field, models.URLField)
    # A number's or date's own bounds (a review cycle's 1–120 months …); texts have the length and
    # link rules below instead of Django's validators (which would refuse mailto: links).
    bounded = not (model_field.is_relation or isinstance(model_field, (models.CharField, models.TextField)))

    def clean(value, name: str = decl.attr, where: str | None = None):
        value = texts_cleaned(value, where or kind.label(decl))
        if decl.type is ValueType.TRANSLATIONS:
            return _translations(kind, value, name)
        if (normalise := NORMALISERS.get(decl.type)) is not None:
            value = normalise(value, name)
        elif isinstance(value, str):
            value = value.strip()
        _check_lengths(decl, value, name)
        if bounded and value not in model_field.empty_values:
            try:
                model_field.run_validators(model_field.to_python(value))  # a date may come as its ISO text
            except ValidationError as exc:
                raise ValidationError({name: exc.messages}) from exc
        if web_address and value and not (isinstance(value, str) and value.split(":", 1)[0].lower() in WEB_SCHEMES):
            raise ValidationError(
                {name: _("%(url)s is not allowed: a web address must begin with http:// or https://.") % {"url": value}}
            )
        return value

    return clean


@cache
def cleaner_of(model: type[models.Model], attr: str) -> Callable[..., Any]:
    """`field_cleaner` of a model's declared field, for writers that set fields themselves (the import)."""
    kind = kind_of(model)
    return field_cleaner(kind, kind.field(attr))


def text_cleaner(limit: int) -> Callable[..., Any]:
    """The same rule for a text field the declarations do not list (an assessment's texts)."""

    def clean(value, name: str, where: str | None = None):
        value = texts_cleaned(value, where or name)
        if isinstance(value, str):
            value = value.strip()
            if len(value) > limit:
                raise _too_long(name, where or name, len(value), limit)
        return value

    return clean
