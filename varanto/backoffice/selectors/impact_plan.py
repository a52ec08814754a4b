"""The records management plan in a §8 impact report: the document types a change touches, with
their retention (retiring a system: which document types are kept there, and for how long)."""

from __future__ import annotations

from django.db.models import Q

from varanto.catalog.models import AssessmentSubject, DocumentType, InformationSystem, Organization


def document_types_affected(organization: Organization, kind: str, subject, resources: list) -> list[dict]:
    """Document types kept in the system (by link or by the name the plan gives it), or held by the
    resources of the section or the resource, in plan order."""
    documents = DocumentType.objects.filter(organization=organization)
    if kind == AssessmentSubject.SYSTEM and isinstance(subject, InformationSystem):
        documents = documents.filter(Q(system=subject) | Q(system_name__iexact=subject.name))
    else:
        documents = documents.filter(resource__in=resources)
    return [
        {
            "task_class": f"{d.action.task_class.code} {d.action.task_class.name}",
            "name": d.name,
            "document_class": d.document_class,
            "retention_period": d.retention_period,
            "retention_reason": d.retention_reason,
            "publicity_class": d.publicity_class,
        }
        for d in documents.select_related("action__task_class").order_by("position", "id")
    ]
