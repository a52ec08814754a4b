"""Record states as people read them: field labels, values with names instead of ids, differences.

Used by the history pages, the conflict page and the review page alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.utils import get_history_manager_for_model

from varanto.catalog.models import DataResource, InformationSystem, Process
from varanto.catalog.services import SPECS

RELATION_LABELS = {
    "systems": gettext_lazy("information systems"),
    "processes": gettext_lazy("processes"),
    "inputs": gettext_lazy("inputs from processes"),
    "contacts": gettext_lazy("contact persons"),
    "layers": gettext_lazy("map layers"),
}
LINK_KIND_LABELS = {"web": gettext_lazy("web page"), "privacy_notice": gettext_lazy("privacy notice")}


@dataclass
class Change:
    field: str
    label: str
    before: str
    after: str


def field_label(model: type[models.Model], name: str) -> str:
    if name in RELATION_LABELS and name not in {f.name for f in model._meta.concrete_fields}:
        label = str(RELATION_LABELS[name])
    else:
        model_field = model._meta.get_field(name)
        assert isinstance(model_field, models.Field), "only a record's own fields are shown"
        label = str(model_field.verbose_name)
    return label[:1].upper() + label[1:]


class Names:
    """Names for the ids found in states (systems, processes, sections), deleted ones included."""

    def __init__(self, organization_id: int):
        self.organization_id = organization_id
        self._cache: dict[type, dict[int, str]] = {}

    def of(self, model: type[models.Model], pk: int | None) -> str:
        if pk is None:
            return ""
        if model not in self._cache:
            past = (
                get_history_manager_for_model(model)
                .filter(organization_id=self.organization_id)
                .order_by("history_date")
            )
            names = dict(past.values_list("id", "name"))
            names.update(model._default_manager.filter(organization_id=self.organization_id).values_list("pk", "name"))
            self._cache[model] = names
        return self._cache[model].get(pk, _("(unknown, id %(id)s)") % {"id": pk})


def _choice_label(model_field: models.Field, value) -> str:
    return str(dict(model_field.flatchoices).get(value, value))


def format_value(model: type[models.Model], name: str, value, names: Names) -> str:
    """One field's value as text; empty values as ""."""
    if name == "systems" and model is DataResource:
        return "; ".join(
            names.of(InformationSystem, row["system"]) + (f" ({row['usage']})" if row["usage"] else "") for row in value
        )
    if name == "systems":
        return "; ".join(sorted(names.of(InformationSystem, pk) for pk in value))
    if name in ("processes", "inputs"):
        return "; ".join(sorted(names.of(Process, pk) for pk in value))
    if name in ("contacts", "layers"):
        return "; ".join(", ".join(v for v in row.values() if v) for row in value)
    model_field = model._meta.get_field(name)
    # A section, a parent process, an interface's systems (a deletion's state holds [] for relations).
    if isinstance(model_field, models.ForeignKey) and not isinstance(value, list):
        related = model_field.related_model
        assert isinstance(related, type), "a concrete model, never the lazy 'self'"
        return names.of(related, value)
    if name == "links":
        return "; ".join(
            f"{row['title']} <{row['url']}> [{LINK_KIND_LABELS.get(row['kind'], row['kind'])}]" for row in value
        )
    if name == "data_flows":
        return "; ".join(row["target"] + (f": {row['description']}" if row["description"] else "") for row in value)
    if name == "translations":
        return "; ".join(
            f"{lang}: " + ", ".join(f"{k} = {v}" for k, v in texts.items()) for lang, texts in value.items()
        )
    assert isinstance(model_field, models.Field), "only a record's own fields are shown"
    if model_field.choices and value not in (None, ""):
        return _choice_label(model_field, value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return "" if value is None else str(value)


def differences(model: type[models.Model], before: dict, after: dict, names: Names) -> list[Change]:
    """The fields whose value differs between two states, in the order of the record's spec."""
    spec = SPECS[model]
    out = []
    for name in [*spec.fields, *spec.relations]:
        if before.get(name) != after.get(name):
            out.append(
                Change(
                    field=name,
                    label=field_label(model, name),
                    before=format_value(model, name, before.get(name), names),
                    after=format_value(model, name, after.get(name), names),
                )
            )
    return out


def reason_text(reason: str | None, history_type: str) -> str:
    """The reason code a write service stored, in the reader's language."""
    if reason == "approve:own":
        return _("Approved by whoever made the change (the organisation allows it)")
    code, _sep, argument = (reason or "").partition(":")
    texts = {
        "create": _("Created"),
        "edit": _("Edited"),
        "delete": _("Deleted"),
        "submit": _("Sent for review"),
        "approve": _("Approved"),
        "return": _("Returned for changes"),
        "setting": _("Settings changed"),
        "reviewed": _("Confirmed up to date"),
    }
    if code in texts:
        return texts[code]
    if code == "restore":
        return _("Restored version %(version)s") % {"version": argument}
    if code == "system-deleted":
        return _("System %(system)s was deleted") % {"system": argument}
    if code == "process-deleted":
        return _("Process %(process)s was deleted") % {"process": argument}
    return {"+": _("Created"), "-": _("Deleted")}.get(history_type, _("Saved"))
