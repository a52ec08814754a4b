"""Change impact assessment (§8): everything a planned change to a system, section or resource touches.

The report is a plain, JSON-ready dict so that the same thing is shown live, saved with an
assessment (`ImpactAssessment.affected`), printed and written to XLSX.
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from varanto.catalog.models import (
    AssessmentSubject,
    DataResource,
    InformationSystem,
    Organization,
    Process,
    ResourceSystem,
    Section,
    SystemInterface,
)

from .impact_plan import document_types_affected

PERSON_ROLES = {"responsible": _("responsible"), "editor": _("editor in Varanto"), "contact": _("contact person")}

SUBJECT_MODELS: dict[str, type[InformationSystem | Section | DataResource]] = {
    AssessmentSubject.SYSTEM: InformationSystem,
    AssessmentSubject.SECTION: Section,
    AssessmentSubject.RESOURCE: DataResource,
}


def impact_subject(organization: Organization, kind: str, key: str):
    """The record a report is about, or None."""
    model = SUBJECT_MODELS.get(kind)
    return model.objects.filter(organization=organization, key=key).first() if model else None


def _responsible(record) -> str:
    return record.responsible_display or ""


def _people(resources, systems, processes, organization) -> list[dict]:
    people: dict[tuple[str, str], dict] = {}

    def add(who: str, role: str, what: str) -> None:
        if who:
            entry = people.setdefault((who, role), {"who": who, "role": role, "for": []})
            if what not in entry["for"]:
                entry["for"].append(what)

    for resource in resources:
        add(_responsible(resource), "responsible", resource.name)
        for membership in resource.editor_memberships.all():
            add(membership.user.get_full_name() or membership.user.get_username(), "editor", resource.name)
    for system in systems:
        add(_responsible(system), "responsible", system.name)
        for membership in system.editor_memberships.all():
            add(membership.user.get_full_name() or membership.user.get_username(), "editor", system.name)
    for process in processes:
        add(_responsible(process), "responsible", process.name)
    for contact in organization.contacts.all():
        add(contact.name + (f", {contact.title}" if contact.title else ""), "contact", organization.name)
    return list(people.values())


def impact_report(organization: Organization, kind: str, key: str) -> dict | None:
    """The impact report for the subject, or None when there is no such record."""
    subject = impact_subject(organization, kind, key)
    if subject is None:
        return None
    resources_qs = (
        DataResource.objects.filter(organization=organization)
        .select_related("section")
        .prefetch_related(
            Prefetch("system_links", queryset=ResourceSystem.objects.select_related("system")),
            "processes",
            "open_datasets",
            "editor_memberships__user",
        )
    )
    if kind == AssessmentSubject.SYSTEM:
        resources = list(resources_qs.filter(system_links__system=subject).distinct())
    elif kind == AssessmentSubject.SECTION:
        resources = list(resources_qs.filter(section=subject))
    else:
        resources = list(resources_qs.filter(pk=subject.pk))

    system_ids = {link.system_id for r in resources for link in r.system_links.all()}
    if kind == AssessmentSubject.SYSTEM:
        system_ids.add(subject.pk)
    systems = list(
        InformationSystem.objects.filter(pk__in=system_ids)
        .prefetch_related("editor_memberships__user")
        .order_by("name")
    )
    process_filter = Process.objects.filter(organization=organization)
    processes = list(
        (process_filter.filter(resources__in=resources) | process_filter.filter(systems__pk__in=system_ids))
        .distinct()
        .prefetch_related("systems")
        .order_by("name")
    )
    interfaces = SystemInterface.objects.filter(source_id__in=system_ids) | SystemInterface.objects.filter(
        target_id__in=system_ids
    )
    interfaces = interfaces.select_related("source", "target").distinct().order_by("position", "id")

    usage_of_subject = {}
    if kind == AssessmentSubject.SYSTEM:
        usage_of_subject = {link.resource_id: link.usage for link in subject.resource_links.all()}
    recipients = sorted(
        {
            name
            for r in resources
            for name in [*r.disclosure_recipients, *r.partners, *(f["target"] for f in r.data_flows)]
        },
        key=str.casefold,
    )
    return {
        "subject": {"kind": str(kind), "key": subject.key, "name": subject.name},
        "resources": [
            {
                "key": r.key,
                "name": r.name,
                "section": r.section.name,
                "responsible": _responsible(r),
                "usage": usage_of_subject.get(r.pk, ""),
                "personal_data": r.personal_data,
                "systems": [link.system.name for link in r.system_links.all()],
            }
            for r in resources
        ],
        "systems": [
            {"key": s.key, "name": s.name, "vendor": s.vendor, "responsible": _responsible(s)} for s in systems
        ],
        "processes": [
            {"key": p.key, "name": p.name, "responsible": _responsible(p), "systems": [s.name for s in p.systems.all()]}
            for p in processes
        ],
        "disclosures": [
            {
                "resource": r.name,
                "level": r.disclosure_level,
                "recipients": r.disclosure_recipients,
                "text": r.disclosure_text,
                "authority": r.disclosure_authority or organization.deciding_authority,
            }
            for r in resources
        ],
        "recipients": recipients,
        "interfaces": [
            {
                "key": i.key,
                "source": i.source.name,
                "target": i.target.name,
                "method": i.get_method_display() if i.method else "",
                "data": i.data,
                "description": i.description,
                "personal_data": i.personal_data,
                # Retiring the system assessed: each of its own interfaces breaks (§8).
                "breaks": kind == AssessmentSubject.SYSTEM and subject.pk in (i.source_id, i.target_id),
            }
            for i in interfaces
        ],
        "data_flows": [
            {"resource": r.name, "target": f["target"], "description": f.get("description", "")}
            for r in resources
            for f in r.data_flows
        ],
        "open_datasets": [{"name": d.name, "resource": r.name} for r in resources for d in r.open_datasets.all()],
        "people": _people(resources, systems, processes, organization),
        "document_types": document_types_affected(organization, kind, subject, resources),
    }
