"""Writes on document types (asiakirjatyypit, tietoaineistot): create, update, delete.

A document type sits in one action of a handling process and may name the data resource and the
system that hold it; the restrictions' and retention's conditional rules are the model's own.
"""

from __future__ import annotations

from django.db import transaction

from varanto.catalog.models import DocumentType, Organization

from .common import Stamp, assign, locked, new_record, record_create, record_delete, record_update, same_organization
from .specs import DOCUMENT_TYPE

REFERENCES = ("action", "system", "resource")


def document_type_write(document_type: DocumentType, data: dict, stamp: Stamp) -> list[str]:
    for name in REFERENCES:
        if data.get(name) is not None:
            same_organization(document_type.organization_id, [data[name]], name)
    changed = assign(document_type, data, DOCUMENT_TYPE.fields)
    document_type.full_clean()
    return changed


@transaction.atomic
def document_type_create(*, organization: Organization, data: dict, acting_user) -> DocumentType:
    """Add a document type to an action (`data["action"]`)."""
    document_type = new_record(DocumentType, organization, data)
    document_type_write(document_type, data, Stamp(acting_user, "create"))
    return record_create(document_type, Stamp(acting_user, "create"))


@transaction.atomic
def document_type_update(
    *, document_type: DocumentType, data: dict, expected_version: int, acting_user
) -> DocumentType:
    """Change the fields in `data` (`specs.DOCUMENT_TYPE`)."""
    return record_update(
        DocumentType,
        document_type,
        expected_version,
        acting_user,
        lambda current, stamp: document_type_write(current, data, stamp),
        DOCUMENT_TYPE.fields,
    )


@transaction.atomic
def document_type_delete(*, document_type: DocumentType, expected_version: int, acting_user) -> dict:
    """Delete a document type; restore brings it back into its action."""
    current = locked(DocumentType, document_type.pk, expected_version)
    record_delete(current, Stamp(acting_user, "delete"))
    return {}
