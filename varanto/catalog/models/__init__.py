"""The working model: organisations and everything their information management model holds.

One module per kind of record; import them from here.
"""

from .assessments import AssessmentSubject, ImpactAssessment
from .interfaces import Direction, SystemInterface, TransferMethod
from .opendata import DataService, OpenDataset, ServiceLayer
from .organization import ContactPerson, Organization, OrganizationType
from .processes import Process
from .resources import ApiAvailability, Archiving, DataResource, DisclosureLevel, ResourceSystem, ReviewStatus
from .sections import Section, SectionKind
from .systems import InformationSystem

__all__ = [
    "ApiAvailability",
    "Archiving",
    "AssessmentSubject",
    "ContactPerson",
    "DataResource",
    "DataService",
    "Direction",
    "DisclosureLevel",
    "ImpactAssessment",
    "InformationSystem",
    "OpenDataset",
    "Organization",
    "OrganizationType",
    "Process",
    "ResourceSystem",
    "ReviewStatus",
    "Section",
    "SectionKind",
    "ServiceLayer",
    "SystemInterface",
    "TransferMethod",
]
