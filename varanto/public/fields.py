"""A record's public fields as page entries, read from the kind's declaration (kenttäluettelo).

Each entry is rendered by a template: the kind's own for a display or relation
(`public/fields/resources/disclosure.html`), else a shared one by that name, else the one of
the field's value type (`public/fields/long_text.html`). Internal fields never become entries.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.template.loader import select_template

from varanto.catalog.declarations import FieldDeclaration, RecordKind, ValueType

NOT_SHOWN = frozenset({ValueType.KEY, ValueType.TRANSLATIONS})


@dataclass(frozen=True)
class Entry:
    template: str
    label: str = ""
    value: object = None
    path: str = ""
    always: bool = False  # says "Not stated" when empty
    translatable: bool = False  # its text has translations (shown with `{% translated %}`)


def public_fields(kind: RecordKind) -> list[FieldDeclaration]:
    """The kind's fields a public page shows: not internal, not the key or the name (its heading)."""
    return [d for d in kind.fields if d.type not in NOT_SHOWN and d.attr != "name" and not kind.internal(d)]


def value_at(record: dict, path: str):
    value: object = record
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


@functools.cache
def first_template(*names: str) -> str:
    """The first of `names` that exists (looked up once per process: the page loops call it per field)."""
    return select_template(names).template.name


def page_entries(kind: RecordKind, record: dict) -> list[Entry]:
    """The entries of a record's public page in the kind's declared `page` order, then the
    public fields the order does not name; fields of one display make one entry."""
    fields = public_fields(kind)
    by_attr = {d.attr: d for d in fields}
    translatable = getattr(kind.model, "translatable_fields", ())
    entries: list[Entry] = []
    done: set[str] = set()

    def add_field(decl: FieldDeclaration) -> None:
        name = decl.display or decl.attr
        if name in done:
            return
        done.add(name)
        folder = kind.name.replace(".", "/")
        names = (f"public/fields/{folder}/{name}.html", f"public/fields/{name}.html") if decl.display else ()
        entries.append(
            Entry(
                template=first_template(*names, f"public/fields/{decl.type.value}.html"),
                label=str(kind.label(decl)),
                value=value_at(record, decl.path),
                path=decl.path,
                always=decl.always_shown,
                translatable=decl.attr in translatable,
            )
        )

    for name in kind.page:
        if name in by_attr:
            add_field(by_attr[name])
        else:  # a relation, or what the page adds
            entries.append(Entry(template=first_template(f"public/fields/{kind.name.replace('.', '/')}/{name}.html")))
    for decl in fields:
        add_field(decl)
    return entries
