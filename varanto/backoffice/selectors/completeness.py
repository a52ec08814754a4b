"""Completeness against the law: what §5 (the information management model) and §28 (the
publicity description) ask of each data resource and of the organisation, and what is missing.

Which fields fill an item is declared with the fields (`completeness` in
`varanto.catalog.declarations`): an item is met when any of its fields is filled. Items that
depend on relations or on another record are checked here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from varanto.catalog import declarations
from varanto.catalog.declarations import RecordKind
from varanto.catalog.models import DataResource, Organization
from varanto.catalog.models.tasks import SECRET_CLASSES

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


@dataclass(frozen=True)
class Requirement:
    code: str
    law: str  # "§5" or "§28"
    label: StrOrPromise
    # True: met, False: missing, None: does not apply to this resource. The resource (None for the
    # organisation's own items) carries the list's annotations (system_count, process_count): Any.
    check: Callable[[Any, Organization], bool | None]


def filling_fields(kind: RecordKind, code: str) -> tuple[str, ...]:
    """The model attributes whose declarations say they fill item `code`."""
    return tuple(d.attr for d in kind.fields if d.completeness == code)


def _filled(code: str) -> Callable[[Any, Organization], bool]:
    """Met when any resource field declared for `code` is filled."""
    attrs = filling_fields(declarations.RESOURCE, code)
    return lambda r, o: any(bool(getattr(r, attr)) for attr in attrs)


def _organization_filled(code: str) -> Callable[[Any, Organization], bool]:
    attrs = filling_fields(declarations.ORGANIZATION, code)
    return lambda r, o: any(bool(getattr(o, attr)) for attr in attrs)


def _deciding_authority(resource: DataResource, organization: Organization) -> bool:
    # The organisation's deciding authority stands in for a resource that names none.
    return _filled("deciding_authority")(resource, organization) or bool(organization.deciding_authority)


def _privacy_notice(resource: DataResource, organization: Organization) -> bool | None:
    if resource.personal_data is not True:
        return None
    return any(link.get("kind") == "privacy_notice" for link in resource.links)


REQUIREMENTS: list[Requirement] = [
    Requirement("responsible", "§5", _("responsible"), _filled("responsible")),
    Requirement("purpose", "§5", _("purpose"), _filled("purpose")),
    Requirement("key_datasets", "§5", _("key data sets"), _filled("key_datasets")),
    Requirement("systems", "§5", _("information systems"), lambda r, o: r.system_count > 0),
    Requirement("processes", "§5", _("processes"), lambda r, o: r.process_count > 0),
    Requirement("disclosure", "§5", _("disclosures"), _filled("disclosure")),
    Requirement("retention", "§5", _("retention and archiving"), _filled("retention")),
    Requirement("security", "§5", _("security measures"), _filled("security")),
    Requirement("search_criteria", "§28", _("search criteria"), _filled("search_criteria")),
    Requirement("api", "§28", _("technical interface"), _filled("api")),
    Requirement("deciding_authority", "§28", _("authority deciding on disclosure"), _deciding_authority),
    Requirement("privacy_notice", "§28", _("privacy notice (personal data)"), _privacy_notice),
]

ORGANIZATION_REQUIREMENTS: list[Requirement] = [
    Requirement(
        "registry_office",
        "§28",
        _("registry office address or e-mail for information requests"),
        _organization_filled("registry_office"),
    ),
    Requirement(
        "request_authority",
        "§28",
        _("authority deciding on information requests"),
        _organization_filled("request_authority"),
    ),
    Requirement("contacts", "§28", _("contact persons for the description"), lambda r, o: o.contacts.exists()),
    # §5: the interfaces of the systems to other systems; an organisation of one system has none to describe.
    Requirement(
        "interfaces",
        "§5",
        _("interfaces between the information systems"),
        lambda r, o: o.interfaces.exists() or o.systems.count() < 2,
    ),
    Requirement(
        "process_responsibles",
        "§5",
        _("a responsible for every process"),
        lambda r, o: not o.processes.filter(responsible_title="", responsible_organization="").exists(),
    ),
]


def _unfilled(kind: RecordKind, code: str, via: str = "") -> Q:
    """Records (or, `via` a relation, their related record) with no field declared for `code` filled."""
    missing = Q()
    for attr in filling_fields(kind, code):
        model_field = kind.field(attr).model_field(kind.model)
        name = via + model_field.attname
        empty = Q(**{f"{name}__isnull": True})
        if not model_field.null:
            empty |= Q(**{name: ""})
        missing &= empty
    return missing


def _every(kind: RecordKind, code: str, *, applies: Q | None = None, default_via: str = "") -> Callable:
    """Met when every record of the kind (those `applies` selects) has a field declared for `code`
    filled, or, with `default_via`, the record it takes its defaults from has it."""

    def check(resource, organization: Organization) -> bool:
        records = kind.model._default_manager.filter(organization=organization).filter(applies or Q())
        missing = _unfilled(kind, code)
        if default_via:
            missing &= _unfilled(kind, code, default_via)
        return not records.filter(missing).exists()

    return check


def _classes_handled(resource, organization: Organization) -> bool:
    # A class with sub-classes groups them; the lowest classes are the tasks, each with its handling process.
    return not organization.task_classes.filter(children__isnull=True, actions__isnull=True).exists()


def _process_task_classes(resource, organization: Organization) -> bool:
    # Only where the organisation keeps a task classification for its processes to serve.
    return not organization.task_classes.exists() or _every(declarations.PROCESS, "process_task_class")(
        resource, organization
    )


# §5 asks the model to describe the processes, the data sets (document types) with their
# publicity and retention, and the systems' interfaces; each item covers every record of its kind.
TASK_CLASS_DEFAULTS = "action__task_class__"
RECORD_REQUIREMENTS: dict[RecordKind, list[Requirement]] = {
    declarations.TASK_CLASS: [
        Requirement(
            "task_class_handling",
            "§5",
            _("a handling process for every task class of the lowest level"),
            _classes_handled,
        ),
    ],
    declarations.PROCESS: [
        Requirement("process_task_class", "§5", _("the task class every process serves"), _process_task_classes),
    ],
    declarations.DOCUMENT_TYPE: [
        Requirement(
            "document_type_publicity",
            "§28",
            _("a publicity class for every document type"),
            _every(declarations.DOCUMENT_TYPE, "document_type_publicity", default_via=TASK_CLASS_DEFAULTS),
        ),
        Requirement(
            "document_type_secrecy_ground",
            "§28",
            _("a secrecy ground for every secret document type"),
            _every(
                declarations.DOCUMENT_TYPE,
                "document_type_secrecy_ground",
                applies=Q(publicity_class__in=SECRET_CLASSES),
            ),
        ),
        Requirement(
            "document_type_retention",
            "§5",
            _("a retention period for every document type"),
            _every(declarations.DOCUMENT_TYPE, "document_type_retention", default_via=TASK_CLASS_DEFAULTS),
        ),
    ],
    declarations.INTERFACE: [
        Requirement(
            "interface_method",
            "§5",
            _("a transfer method for every interface"),
            _every(declarations.INTERFACE, "interface_method"),
        ),
    ],
}
# What the whole organisation is checked for: its own items and those of every record of a kind.
WHOLE_ORGANIZATION = [*ORGANIZATION_REQUIREMENTS, *(req for reqs in RECORD_REQUIREMENTS.values() for req in reqs)]


@dataclass
class ResourceCompleteness:
    resource: DataResource
    results: list[tuple[Requirement, bool | None]]

    @property
    def missing(self) -> list[Requirement]:
        return [req for req, met in self.results if met is False]

    @property
    def applicable(self) -> int:
        return sum(1 for _req, met in self.results if met is not None)

    @property
    def percent(self) -> int:
        return round(100 * (self.applicable - len(self.missing)) / self.applicable) if self.applicable else 100


@dataclass
class RequirementTotal:
    requirement: Requirement
    met: int = 0
    applicable: int = 0

    @property
    def missing(self) -> int:
        return self.applicable - self.met

    @property
    def percent(self) -> int | None:
        """None when the requirement applies to no resource (e.g. no resource holds personal data)."""
        return round(100 * self.met / self.applicable) if self.applicable else None


@dataclass
class CompletenessReport:
    organization: Organization
    rows: list[ResourceCompleteness]
    totals: list[RequirementTotal]
    organization_missing: list[Requirement] = field(default_factory=list)

    @property
    def percent(self) -> int:
        applicable = sum(t.applicable for t in self.totals)
        return round(100 * sum(t.met for t in self.totals) / applicable) if applicable else 100

    @property
    def complete_resources(self) -> int:
        return sum(1 for row in self.rows if not row.missing)


def resources_for_checks(organization: Organization) -> QuerySet[DataResource]:
    """The organisation's resources with what the checks read, in one query."""
    return (
        DataResource.objects.filter(organization=organization)
        .select_related("section")
        .annotate(system_count=Count("system_links", distinct=True), process_count=Count("processes", distinct=True))
        .order_by("section__position", "position", "id")
    )


def resource_completeness(resource: DataResource, organization: Organization) -> ResourceCompleteness:
    """`resource` must come from `resources_for_checks` (it reads the counts annotated there)."""
    return ResourceCompleteness(resource, [(req, req.check(resource, organization)) for req in REQUIREMENTS])


def completeness_report(organization: Organization) -> CompletenessReport:
    rows = [resource_completeness(r, organization) for r in resources_for_checks(organization)]
    totals = {req.code: RequirementTotal(req) for req in REQUIREMENTS}
    for row in rows:
        for req, met in row.results:
            if met is not None:
                totals[req.code].applicable += 1
                totals[req.code].met += int(met)
    missing = [req for req in WHOLE_ORGANIZATION if not req.check(None, organization)]
    return CompletenessReport(organization, rows, list(totals.values()), missing)
