"""The working model: organisations and everything their information management model holds.

One module per kind of record; import them from here.
"""

from .assessments import AssessmentSubject, ImpactAssessment
from .interfaces import Direction, SystemInterface, TransferMethod
from .opendata import DataService, OpenDataset, ServiceLayer
from .organization import ContactPerson, Organization, OrganizationLogo, OrganizationType
from .processes import Process
from .resources import ApiAvailability, Archiving, DataResource, DisclosureLevel, ResourceSystem, ReviewStatus
from .sections import Section, SectionKind
from .systems import InformationSystem
from .tasks import (
    DocumentType,
    PersonalDataClass,
    ProcessAction,
    ProtectionLevel,
    PublicityClass,
    SecurityClass,
    TaskClass,
)

__all__ = [
    "ApiAvailability",
    "Archiving",
    "AssessmentSubject",
    "ContactPerson",
    "DataResource",
    "DataService",
    "Direction",
    "DisclosureLevel",
    "DocumentType",
    "ImpactAssessment",
    "InformationSystem",
    "OpenDataset",
    "Organization",
    "OrganizationLogo",
    "OrganizationType",
    "PersonalDataClass",
    "Process",
    "ProcessAction",
    "ProtectionLevel",
    "PublicityClass",
    "ResourceSystem",
    "ReviewStatus",
    "Section",
    "SectionKind",
    "SecurityClass",
    "ServiceLayer",
    "SystemInterface",
    "TransferMethod",
    "TaskClass",
]
