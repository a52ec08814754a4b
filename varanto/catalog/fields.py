"""The model's visibility rule: which fields are internal.

DESIGN.md: visibility is data, decided once. A field wrapped in `internal(...)` is internal
by definition (security measures, internal notes, review dates): the catalogue serializer
(`varanto.interchange.canonical`) leaves every such field out of the public view that
publications, public pages, exports and the public API are made from, and nothing else
decides it again.
"""

from django.db import models


def internal(field: models.Field) -> models.Field:
    """Mark a model field as never published (e.g. tietoturvatoimenpiteet)."""
    field.internal = True  # type: ignore[attr-defined]  # our marker; Django's Field does not declare it
    return field


def is_internal(model: type[models.Model], field_name: str) -> bool:
    return getattr(model._meta.get_field(field_name), "internal", False)


def internal_field_names(model: type[models.Model]) -> list[str]:
    return [f.name for f in model._meta.get_fields() if getattr(f, "internal", False)]


def translatable(model: type[models.Model]) -> tuple[str, ...]:
    """The fields whose translations a record of `model` may hold: its translatable fields that are public."""
    return tuple(f for f in getattr(model, "translatable_fields", ()) if not is_internal(model, f))


def public_translations(model: type[models.Model], translations) -> dict:
    """`translations` ({language: {field: text}}) with only the translatable public fields, whatever is stored."""
    allowed = translatable(model)
    if not isinstance(translations, dict):
        return {}
    out = {}
    for language, texts in translations.items():
        if isinstance(texts, dict):
            kept = {f: t for f, t in texts.items() if f in allowed and isinstance(t, str)}
            if kept:
                out[language] = kept
    return out
