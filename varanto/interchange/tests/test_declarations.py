"""The canonical format, its JSON Schema, the table layout and public labels cover every declared field."""

import json
from pathlib import Path

import pytest

from varanto.catalog import declarations
from varanto.catalog.declarations import ValueType
from varanto.interchange.formats.tables import layout
from varanto.public.labels import FIELD

SCHEMA = json.loads((Path(__file__).parents[1] / "schema" / "catalog.schema.json").read_text())

# Where each kind's records sit in the schema: the path of properties from the root.
SCHEMA_LOCATION = {
    "organization": ("organization",),
    "organization.contacts": ("organization", "contacts", "[]"),
    "sections": ("sections", "[]"),
    "resources": ("resources", "[]"),
    "systems": ("systems", "[]"),
    "processes": ("processes", "[]"),
    "interfaces": ("interfaces", "[]"),
    "open_data.datasets": ("open_data", "datasets", "[]"),
    "open_data.services": ("open_data", "services", "[]"),
    "open_data.services.layers": ("open_data", "services", "[]", "layers", "[]"),
    "records_management.task_classes": ("records_management", "task_classes", "[]"),
    "records_management.actions": ("records_management", "actions", "[]"),
    "records_management.document_types": ("records_management", "document_types", "[]"),
}
TABLES = {
    declarations.ORGANIZATION: layout.ORGANIZATION,
    declarations.CONTACT: layout.CONTACTS,
    declarations.SECTION: layout.SECTIONS,
    declarations.RESOURCE: layout.RESOURCES,
    declarations.SYSTEM: layout.SYSTEMS,
    declarations.PROCESS: layout.PROCESSES,
    declarations.INTERFACE: layout.INTERFACES,
    declarations.DATASET: layout.DATASETS,
    declarations.SERVICE: layout.SERVICES,
    declarations.LAYER: layout.LAYERS,
}
NOT_A_COLUMN = layout.NOT_A_COLUMN


def _resolve(node: dict) -> dict:
    while "$ref" in node:
        node = SCHEMA["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _schema_property(location: tuple[str, ...], path: str) -> tuple[dict | None, bool]:
    """The property at a canonical path, and whether it or an enclosing object is marked internal."""
    node, internal = SCHEMA, False
    for part in (*location, *path.split(".")):
        node = _resolve(node)
        if part == "[]":
            node = node.get("items", {})
            continue
        node = node.get("properties", {}).get(part)
        if node is None:
            return None, internal
        internal = internal or node.get("x-internal", False)
    return node, internal


@pytest.mark.parametrize("kind", declarations.KINDS, ids=lambda k: k.name)
def test_every_declared_field_is_in_the_json_schema_with_its_visibility(kind):
    for decl in kind.fields:
        prop, internal = _schema_property(SCHEMA_LOCATION[kind.name], decl.path)
        assert prop is not None, f"{kind.name}.{decl.path}: no property in catalog.schema.json"
        assert internal == kind.internal(decl), f"{kind.name}.{decl.path}: x-internal disagrees with the model"


@pytest.mark.parametrize("kind", list(TABLES), ids=lambda k: k.name)
def test_every_declared_field_has_a_table_column_with_its_visibility(kind):
    table = TABLES[kind]
    assert table.model is kind.model
    for decl in kind.fields:
        if decl.type in NOT_A_COLUMN:
            assert decl.column is None, f"{kind.name}.{decl.path}: {decl.type} is not held in one column"
            continue
        assert decl.column is not None, f"{kind.name}.{decl.path}: declare its column (Finnish heading, help)"
        heading, help_line = decl.column
        assert heading and help_line, f"{kind.name}.{decl.path}: empty column heading or help"
        column = table.column(decl.path)
        assert column is not None, f"{kind.name}.{decl.path}: no column in tables/layout.py"
        assert column.internal == kind.internal(decl), f"{kind.name}.{decl.path}: column visibility disagrees"
    headings = [c.heading for c in table.columns]
    assert len(headings) == len(set(headings)), f"{kind.name}: two columns share a heading"


def test_every_value_type_held_in_a_column_has_a_codec():
    assert set(layout.CODECS) | NOT_A_COLUMN == set(ValueType)


@pytest.mark.parametrize("kind", list(TABLES), ids=lambda k: k.name)
def test_every_choice_field_has_a_word_for_each_choice(kind):
    for decl in kind.fields:
        if decl.type is ValueType.CHOICE:
            words = layout.CHOICE_WORDS.get((kind.name, decl.path))
            assert words is not None, f"{kind.name}.{decl.path}: add its words to layout.CHOICE_WORDS"
            # "" (not stated) is the blank cell, not a word.
            choices = {value for value, _label in decl.model_field(kind.model).choices if value}
            assert set(words) == choices, f"{kind.name}.{decl.path}: words and model choices differ"


@pytest.mark.parametrize("kind", declarations.KINDS, ids=lambda k: k.name)
def test_every_public_field_has_a_public_heading(kind):
    for decl in kind.fields:
        if decl.type in (ValueType.KEY, ValueType.TRANSLATIONS):
            continue
        assert (decl.path in FIELD) != kind.internal(decl), f"{kind.name}.{decl.path}: public heading wrong"
