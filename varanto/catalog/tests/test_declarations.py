"""Every content field of a declared model is declared once, with what a field needs."""

import pytest
from django.utils import translation

from varanto.catalog import declarations
from varanto.catalog.declarations import ValueType
from varanto.catalog.models import OpenDataset
from varanto.catalog.services import specs

KINDS = declarations.KINDS


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_content_field_of_the_model_is_declared(kind):
    concrete = {f.name for f in kind.model._meta.get_fields() if f.concrete and not f.many_to_many}
    declared = {d.attr for d in kind.fields}
    undeclared = concrete - declared - set(kind.relation_names) - set(kind.bookkeeping)
    assert not undeclared, f"{kind.name}: declare these fields or list them as bookkeeping: {sorted(undeclared)}"
    assert set(kind.bookkeeping) <= concrete, "bookkeeping names a field the model does not have"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_declarations_are_unique_and_name_model_fields(kind):
    attrs = [d.attr for d in kind.fields]
    paths = [d.path for d in kind.fields]
    assert len(attrs) == len(set(attrs)) and len(paths) == len(set(paths))
    for decl in kind.fields:
        kind.model._meta.get_field(decl.attr)  # raises when the model has no such field


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_every_public_field_has_a_translated_label(kind):
    for decl in kind.fields:
        if decl.type in (ValueType.KEY, ValueType.TRANSLATIONS) or kind.internal(decl):
            continue
        with translation.override("en"):
            english = str(kind.label(decl))
        assert english, f"{kind.name}.{decl.attr} has no label"
        for language in ("fi", "sv"):
            with translation.override(language):
                assert str(kind.label(decl)) != english, f"{kind.name}.{decl.attr}: label not translated ({language})"


def test_write_specs_follow_the_declarations():
    for kind in (declarations.RESOURCE, declarations.SYSTEM, declarations.PROCESS, declarations.SECTION):
        spec = specs.SPECS[kind.model]
        assert list(spec.fields) == [d.attr for d in kind.fields if d.editable]
        assert spec.relations == kind.relation_names
        for decl in kind.fields:
            if decl.editable:
                # Every written field goes through the one rule for its values (catalog.services.values).
                assert spec.fields[decl.attr].__qualname__ == "field_cleaner.<locals>.clean", decl.attr


@pytest.mark.parametrize("kind", [declarations.kind_of(model) for model in specs.SPECS], ids=lambda k: k.name)
def test_every_written_relation_declares_how_history_and_restore_read_it(kind):
    from django.apps import apps

    for relation in kind.relations:
        if kind.model is OpenDataset and relation.name == "resource":
            continue  # a foreign key of the set itself: its history row keeps it, restore reads it from there
        assert relation.accessor, f"{kind.name}.{relation.name}: a relation its service writes needs an accessor"
        descriptor = relation.descriptor(kind.model)
        if descriptor.many_to_many:
            apps.get_model("catalog", f"Historical{kind.model.__name__}_{relation.accessor}")  # its history
            assert relation.noun, f"{kind.name}.{relation.name}: restore's warnings need a noun"
            continue
        child = descriptor.related_model
        assert hasattr(child, "history"), f"{kind.name}.{relation.name}: the child rows keep no history"
        if relation.link is not None:
            child._meta.get_field(relation.link[1])
            child._meta.get_field(relation.text)
            assert relation.noun, f"{kind.name}.{relation.name}: restore's warnings need a noun"
        else:
            assert relation.fields, f"{kind.name}.{relation.name}: declare the child rows' fields"
            for name in relation.fields:
                child._meta.get_field(name)
