"""Write services for the working model (the information management model).

Contract, for the back office, the API and commands alike:

- Every service is keyword-only, atomic, takes `acting_user` (None for the system itself),
  validates with `full_clean()` and saves only the fields that changed (`update_fields`).
- Updates take `expected_version`, the `version` the caller's edit started from, and raise
  `EditConflict` (carrying `expected_version`, `current_version` and `current`) when the
  record has moved on: nothing is overwritten silently.
- Each saved change raises the record's `version` by one and leaves a simple-history row with
  the user and a reason code: "create", "edit", "delete", "submit", "approve", "approve:own"
  (the author's own, where the organisation allows it), "return",
  "restore:<version>", "system-deleted:<name>", "process-deleted:<name>". Deletions and restores
  also leave an audit row (`AuditKind.RECORD_DELETE`, `RECORD_RESTORE`).
- `registry.REGISTRY` lists each record kind's services; restore and the back office's and the
  API's tables of kinds are built from it and the kind's declaration.
- Bad input raises Django's `ValidationError` keyed by field name.
- Services do not check roles: callers check with `varanto.accounts.permissions` first.
- `data` dicts use the model's field names (see `specs`); relations take model instances:
  resources "systems" [{"system": InformationSystem, "usage": str}] and "processes" [Process];
  processes "systems" [InformationSystem] and "inputs" [Process]; interfaces (liittymät, records of
  their own) "source" and "target" as InformationSystem; the organisation "contacts" [{name, title, phone, email}].
"""

from .assessments import impact_assessment_create, impact_assessment_update
from .bulk import BULK_FIELDS, bulk_data_check, data_resources_bulk_update
from .common import EditConflict
from .history import RecordState, deleted_records, record_states, state_at
from .interfaces import interface_create, interface_delete, interface_update
from .opendata import (
    data_service_create,
    data_service_delete,
    data_service_update,
    open_dataset_create,
    open_dataset_delete,
    open_dataset_update,
)
from .registry import KindServices, registered, services_for, services_of
from .resources import (
    MoveNotAllowed,
    OwnChangeNotApproved,
    change_authors,
    data_resource_create,
    data_resource_delete,
    data_resource_references,
    data_resource_review,
    data_resource_update,
)
from .restore import RestoreResult, record_restore
from .specs import SPECS, state_of, state_of_data
from .structure import (
    organization_own_approval_set,
    organization_persons_shown_set,
    organization_update,
    process_create,
    process_delete,
    process_references,
    process_update,
    section_create,
    section_delete,
    section_update,
)
from .systems import (
    information_system_create,
    information_system_delete,
    information_system_references,
    information_system_update,
)

__all__ = [
    "SPECS",
    "EditConflict",
    "KindServices",
    "MoveNotAllowed",
    "RecordState",
    "RestoreResult",
    "data_resource_create",
    "data_service_create",
    "data_service_delete",
    "data_service_update",
    "data_resource_delete",
    "data_resource_references",
    "data_resource_review",
    "OwnChangeNotApproved",
    "change_authors",
    "data_resource_update",
    "data_resources_bulk_update",
    "BULK_FIELDS",
    "bulk_data_check",
    "deleted_records",
    "impact_assessment_create",
    "impact_assessment_update",
    "information_system_create",
    "information_system_delete",
    "information_system_references",
    "information_system_update",
    "interface_create",
    "interface_delete",
    "interface_update",
    "open_dataset_create",
    "open_dataset_delete",
    "open_dataset_update",
    "organization_update",
    "organization_own_approval_set",
    "organization_persons_shown_set",
    "process_create",
    "process_delete",
    "process_references",
    "process_update",
    "record_restore",
    "record_states",
    "registered",
    "section_create",
    "section_delete",
    "section_update",
    "services_for",
    "services_of",
    "state_at",
    "state_of",
    "state_of_data",
]
