"""A record's declared fields as the entries of its back-office page (kenttäluettelo).

Entries come group by group from the kind's declaration; each is rendered by the kind's
template for its display or relation (`backoffice/fields/resources/disclosure.html`), else a
shared one by that name, else the one of its value type (`backoffice/fields/long_text.html`).
Internal fields are shown too: this page is for staff, and their groups are marked internal.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.text import capfirst

from varanto.catalog.declarations import FieldDeclaration, RecordKind, ValueType
from varanto.public.fields import NOT_SHOWN, first_template


@dataclass(frozen=True)
class Entry:
    template: str
    label: str = ""
    value: object = None


def _value(decl: FieldDeclaration, record: models.Model):
    if decl.type is ValueType.CHOICE:
        return getattr(record, f"get_{decl.attr}_display")()
    return getattr(record, decl.attr)


def detail_entries(kind: RecordKind, record: models.Model, group_names: tuple[str, ...]) -> list[Entry]:
    """The entries of the named groups, in group and form order, labelled as in the form (the
    model field's name); the record's name is the page's heading, not an entry."""
    folder = kind.name.replace(".", "/")
    entries: list[Entry] = []
    done: set[str] = set()
    for group in (g for g in kind.groups if g.name in group_names):
        for decl in kind.group_fields(group):
            name = decl.display or decl.attr
            if decl.type in NOT_SHOWN or decl.attr == "name" or name in done:
                continue
            done.add(name)
            own = (f"backoffice/fields/{folder}/{name}.html", f"backoffice/fields/{name}.html") if decl.display else ()
            entries.append(
                Entry(
                    template=first_template(*own, f"backoffice/fields/{decl.type.value}.html"),
                    label=str(capfirst(decl.model_field(kind.model).verbose_name)),
                    value=_value(decl, record),
                )
            )
        for relation in kind.group_relations(group):
            entries.append(Entry(template=first_template(f"backoffice/fields/{folder}/{relation.name}.html")))
    return entries
