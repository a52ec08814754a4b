"""Turning a record's declared fields into the canonical dict, with the one decision on visibility.

`canonical` and the records management plan's part of it (`records_plan`) both dump records here.
"""

from __future__ import annotations

import datetime
import enum
from functools import cache

from django.db import models

from varanto.catalog.fields import is_internal, public_translations


class Audience(enum.Enum):
    INTERNAL = "internal"  # the whole working model, for staff and backups
    PUBLIC = "public"  # what a publication holds


Spec = tuple[tuple[str, str], ...]


def _model_field(model: type[models.Model], attr: str) -> models.Field:
    """The field a spec names: specs name only the model's own fields, never a reverse relation."""
    model_field = model._meta.get_field(attr)
    assert isinstance(model_field, models.Field)
    return model_field


def _to_json(model_field: models.Field, value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if model_field.choices and value == "":
        return None
    return value


def _set_path(target: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for part in parents:
        target = target.setdefault(part, {})
    target[last] = value


@cache
def _dumped_fields(
    model: type[models.Model], spec: Spec, audience: Audience
) -> tuple[tuple[str, str, models.Field], ...]:
    """The (path, attribute, field) an audience sees of a model, worked out once (an export dumps thousands)."""
    return tuple(
        (path, attr, _model_field(model, attr))
        for path, attr in spec
        if not (audience is Audience.PUBLIC and is_internal(model, attr))
    )


def _dump(obj: models.Model, spec: Spec, audience: Audience) -> dict:
    out: dict = {}
    model = type(obj)
    for path, attr, model_field in _dumped_fields(model, spec, audience):
        value = getattr(obj, attr)
        if audience is Audience.PUBLIC and attr == "translations":
            value = public_translations(model, value)  # a stored translation of an internal field stays internal
        _set_path(out, path, _to_json(model_field, value))
    return out
