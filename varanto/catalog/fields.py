"""The model's visibility rule: which fields are internal.

DESIGN.md: visibility is data, decided once. A field wrapped in `internal(...)` is internal
by definition (security measures, internal notes, review dates): the catalogue serializer
(`varanto.interchange.canonical`) leaves every such field out of the public view that
publications, public pages, exports and the public API are made from, and nothing else
decides it again.

Beside the fields, one choice is the organisation's own: whether the public view names the
officials responsible for a record (`responsible_persons_public`).
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


def responsible_persons_public(organization) -> bool:
    """Whether the public view names the officials assigned a data resource or system besides its responsible title.

    Off unless the organisation chooses it (`Organization.show_responsible_persons`): who holds a record is an
    account's assignment, not catalogue content, so it is no part of the internal canonical format either. When on,
    the public sees each official's name only: a username is a sign-in identifier and an account's e-mail address
    is where reminders and single sign-on reach them; the public contact channels are the registry office and the
    description's contact persons.
    """
    return bool(organization.show_responsible_persons)


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
