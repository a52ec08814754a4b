"""Completeness reads the §5/§28 item each field declares it fills."""

import pytest

from varanto.backoffice.selectors import completeness
from varanto.catalog import declarations
from varanto.catalog.declarations import ValueType
from varanto.catalog.models import DataResource, Organization

# Items met through relations or conditions, not by filling a field of the record itself.
NOT_BY_A_FIELD = {
    "systems",
    "processes",
    "privacy_notice",
    "contacts",
    "interfaces",
    "process_responsibles",
    "task_class_handling",
}
# Items of one record, checked on a record built in memory.
OWN = {
    declarations.RESOURCE: completeness.REQUIREMENTS,
    declarations.ORGANIZATION: completeness.ORGANIZATION_REQUIREMENTS,
}
# And items that every record of a kind meets, checked in the database (`test_completeness_plan`).
CHECKED = {**OWN, **completeness.RECORD_REQUIREMENTS}


def _filled_value(kind, decl):
    if decl.type is ValueType.CHOICE:
        return next(value for value, _label in decl.model_field(kind.model).choices if value)
    if decl.type is ValueType.LINES:
        return ["x"]
    return "x"


@pytest.mark.parametrize("kind", list(CHECKED), ids=lambda k: k.name)
def test_every_declared_item_is_a_requirement_and_every_requirement_has_its_fields(kind):
    codes = {req.code for req in CHECKED[kind]}
    for decl in kind.fields:
        if decl.completeness is not None:
            assert decl.completeness in codes, f"{kind.name}.{decl.attr}: no requirement {decl.completeness!r}"
    for code in codes - NOT_BY_A_FIELD:
        assert completeness.filling_fields(kind, code), f"{code}: no field declares that it fills it"


@pytest.mark.parametrize("kind", list(OWN), ids=lambda k: k.name)
def test_filling_one_declared_field_meets_its_item(kind):
    for decl in kind.fields:
        if decl.completeness is None:
            continue
        record = kind.model(**{decl.attr: _filled_value(kind, decl)})
        organization = record if isinstance(record, Organization) else Organization()
        resource = record if isinstance(record, DataResource) else None
        (req,) = [r for r in CHECKED[kind] if r.code == decl.completeness]
        assert req.check(resource, organization) is True, decl.attr
        if resource is not None:
            assert req.check(DataResource(), organization) is False, decl.attr
