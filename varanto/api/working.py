"""The working model in the API's terms: records read in the canonical format, writes turned into service calls.

An integration reads a record (the organisation's own details, a section, data resource, system,
process, system interface, or a task class, phase or action and document type of the records
management plan) exactly as `varanto export` writes it (internal fields included, for those who may
see them), plus its `version`; it writes with the same field names, and only the fields it sends
change. What a body may change is what the back office may (`catalog.services.specs`); the
write services check and record it.
"""

from __future__ import annotations

import operator
from functools import reduce

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django_filters import rest_framework as django_filters
from jsonschema import Draft202012Validator

from varanto.catalog import declarations
from varanto.catalog.declarations import RecordKind, ValueType, canonical_pairs
from varanto.catalog.models import (
    ApiAvailability,
    DataResource,
    DisclosureLevel,
    DocumentType,
    InformationSystem,
    Organization,
    Process,
    ProcessAction,
    ResourceSystem,
    Section,
    SystemInterface,
    TaskClass,
)
from varanto.interchange import canonical

from .folding import UnicodeLower, folded
from .schemas import WRITTEN, body_validator

# The kinds the working-model API reads and writes: those with a schema of their own (`schemas.WRITTEN`).
KINDS: tuple[RecordKind, ...] = tuple(k for k in declarations.KINDS if k.slug in WRITTEN)
# canonical path -> model field
PATHS = {k.model: dict(canonical_pairs(k)) for k in KINDS}
# the JSON Schema $defs name of each kind's record
DEFS = {k.model: k.slug for k in KINDS}
# what a working item has beside its canonical record: the version, and a reviewed kind's review state
EXTRA = {k.model: ("version", "review_status", "review_comment") if k.reviewed else ("version",) for k in KINDS}
# the body's paths written as references (keys and system names), not as plain values, with the service's names
RELATIONS = {
    k.model: {
        **{d.path: d.attr for d in k.fields if d.type is ValueType.REFERENCE},
        **{r.name: r.name for r in k.relations if r.accessor is not None},
    }
    for k in KINDS
}


def working_records(model) -> QuerySet:
    """The records of a kind with what their working items read fetched alongside (a fixed number of queries)."""
    return canonical.exportable(model)


def working_item(record) -> dict:
    """One record in the canonical format (as `varanto export` lists it) with its version (and review state)."""
    extra = EXTRA[type(record)]
    return {**canonical.record_export(record), **{name: getattr(record, name) for name in extra}}


def record_of(organization: Organization, model, key: str | None) -> dict:
    """One record as a working item, read afresh; for the organisation itself (no key), its own details."""
    # Read again: a write service saves its own locked copy, not the caller's.
    if model is Organization:
        return working_item(working_records(Organization).get(pk=organization.pk))
    return working_item(working_records(model).get(organization=organization, key=key))


def _nested(paths) -> set[str]:
    """Every object a canonical path passes through: "information_requests", "information_requests.registry_office" …"""
    return {".".join(parts[:end]) for parts in (p.split(".") for p in paths) for end in range(1, len(parts))}


def _flat(body: dict, nested: set[str], prefix: str = "") -> dict[str, object]:
    flat = {}
    for name, value in body.items():
        path = prefix + name
        if path in nested and isinstance(value, dict):
            flat.update(_flat(value, nested, path + "."))
        else:
            flat[path] = value
    return flat


def _one(queryset: QuerySet, path: str, **lookup):
    found = queryset.filter(**lookup).first()
    if found is None:
        value = next(iter(lookup.values()))
        raise ValidationError({path: f"{value!r} is not in this organisation's model."})
    return found


def _systems(organization: Organization) -> QuerySet:
    return InformationSystem.objects.filter(organization=organization)


def _system_named(organization: Organization, path: str, name) -> InformationSystem:
    # Folded by Unicode in the database: "VINGO JÄTTÄRI" names "Vingo Jättäri" on SQLite as on PostgreSQL.
    named = _systems(organization).alias(folded_name=UnicodeLower("name"))
    return _one(named, path, folded_name=folded(str(name)))


def _single(model, organization: Organization, path: str) -> tuple[QuerySet, str, str] | None:
    """Where a reference to one record (or null) is looked up: (records, by which attribute, its noun)."""
    owned = {"organization": organization}
    task_classes = (TaskClass.objects.filter(**owned), "key", "task class key")
    # A parent is a record of the same kind: a process's, a task class's, an action's phase.
    parents = {
        Process: (Process.objects.filter(**owned), "key", "process key"),
        TaskClass: task_classes,
        ProcessAction: (ProcessAction.objects.filter(**owned), "key", "phase key"),
    }
    single = {
        "parent": parents.get(model),
        "task_class": task_classes,
        "action": (ProcessAction.objects.filter(**owned), "key", "action key"),
        "resource": (DataResource.objects.filter(**owned), "key", "data resource key"),
    }
    if model is DocumentType:
        single["system"] = (_systems(organization), "name", "system name")
    return single.get(path)


def _relation(model, organization: Organization, path: str, value):
    """Canonical references (keys and system names) as the records the services take."""
    if (single := _single(model, organization, path)) is not None:
        queryset, attr, noun = single
        if value is not None and not isinstance(value, str):
            raise ValidationError({path: f"Give a {noun} or null."})
        if value is None:
            return None
        return _system_named(organization, path, value) if attr == "name" else _one(queryset, path, key=value)
    processes = Process.objects.filter(organization=organization)
    if not isinstance(value, (list, str)):
        raise ValidationError({path: "Give a list." if path != "section" else "Give a section key."})
    if path == "section":
        return _one(Section.objects.filter(organization=organization), path, key=value)
    if path in ("from", "to"):  # an interface's systems, by name
        return _system_named(organization, path, value)
    if path in ("processes", "inputs"):
        return [_one(processes, path, key=k) for k in value]
    if path == "contacts":
        return value  # rows of plain texts, which the service checks itself
    if declarations.kind_of(model).relation(path).many_to_many(model):  # a process's systems, by name
        return [_system_named(organization, path, name) for name in value]
    rows = []
    for row in value:
        if not (isinstance(row, dict) and isinstance(name := row.get("name"), str)):
            raise ValidationError({path: "Each row names a system."})
        system = _system_named(organization, path, name)
        rows.append({"system": system, "usage": row.get("usage") or ""})
    return rows


def validation_errors(validator: Draft202012Validator, body) -> dict[str, list[str]]:
    """What is wrong with a body by its JSON Schema, by path."""
    errors: dict[str, list[str]] = {}
    for error in validator.iter_errors(body):
        path = ".".join(str(p) for p in error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            # Name each field that may not be written, not the object holding it.
            for name in set(error.instance) - set(error.schema.get("properties", {})):
                errors.setdefault(f"{path}.{name}" if path else name, []).append("This field cannot be written here.")
        else:
            errors.setdefault(path or "body", []).append(error.message)
    return errors


def body_errors(model, body, *, new: bool) -> dict[str, list[str]]:
    """What is wrong with a record's body by the JSON Schema of the canonical format, by path."""
    return validation_errors(body_validator(DEFS[model], new=new), body)


def service_data(model, organization: Organization, body, *, new: bool = False) -> dict:
    """The write services' `data` for a body in the canonical format; ValidationError names each bad path."""
    errors = body_errors(model, body, new=new)
    if errors:
        raise ValidationError(errors)
    paths = PATHS[model]
    flat = _flat(body, _nested(paths))
    errors, data = {}, {}
    for path, value in flat.items():
        try:
            if path in RELATIONS[model]:
                data[RELATIONS[model][path]] = _relation(model, organization, path, value)
            elif path in paths:
                field = model._meta.get_field(paths[path])
                data[field.name] = "" if value is None and field.choices and not field.null else value
            else:
                errors[path] = ["This field cannot be written here."]
        except ValidationError as exc:
            errors.update(exc.message_dict)
    if errors:
        raise ValidationError(errors)
    return data


def api_errors(model, exc: ValidationError) -> dict:
    """A service's ValidationError with model field names given back as canonical paths."""
    paths = {attr: path for path, attr in (*PATHS[model].items(), *RELATIONS[model].items())}
    if not hasattr(exc, "error_dict"):
        return {"detail": exc.messages}
    return {paths.get(name, name): messages for name, messages in exc.message_dict.items()}


def systems_called(queryset: QuerySet, value: str) -> QuerySet:
    """The systems of the listed records' organisation whose key is `value`, or whose name is, in any case."""
    return (
        InformationSystem.objects.filter(organization__in=queryset.values("organization"))
        .alias(folded_name=UnicodeLower("name"))
        .filter(Q(key=value) | Q(folded_name=folded(value)))
    )


class TextFilter(django_filters.FilterSet):
    """`q`: text in any of the record's `text_fields`, whatever the case of its letters."""

    q = django_filters.CharFilter(method="containing", help_text="Text the record contains.")
    text_fields: tuple[str, ...] = ("name",)

    def containing(self, queryset, name, value):
        needle = folded(value)
        aliases = {f"folded_{field}": UnicodeLower(field) for field in self.text_fields}
        matches = (Q(**{f"{alias}__contains": needle}) for alias in aliases)
        return queryset.alias(**aliases).filter(reduce(operator.or_, matches))


class ResourceFilter(TextFilter):
    section = django_filters.CharFilter(field_name="section__key", help_text="The section's key.")
    system = django_filters.CharFilter(method="using_system", help_text="A system's key or name.")
    disclosure = django_filters.ChoiceFilter(field_name="disclosure_level", choices=DisclosureLevel.choices)
    api = django_filters.ChoiceFilter(field_name="api_availability", choices=ApiAvailability.choices)
    text_fields = ("name", "purpose", "notes")

    class Meta:
        model = DataResource
        fields: list[str] = []

    def using_system(self, queryset, name, value):
        systems = systems_called(queryset, value)
        return queryset.filter(pk__in=ResourceSystem.objects.filter(system__in=systems).values("resource"))


class SystemFilter(TextFilter):
    text_fields = ("name", "vendor", "purpose")

    class Meta:
        model = InformationSystem
        fields: list[str] = []


class SectionFilter(TextFilter):
    text_fields = ("name", "description")

    class Meta:
        model = Section
        fields: list[str] = []


class InterfaceFilter(TextFilter):
    text_fields = ("name", "data", "description")

    class Meta:
        model = SystemInterface
        fields: list[str] = []


class ProcessFilter(TextFilter):
    text_fields = ("name", "purpose", "function_class")

    class Meta:
        model = Process
        fields: list[str] = []
