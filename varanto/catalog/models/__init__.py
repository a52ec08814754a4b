"""The working model: organisations and everything their information management model holds.

One module per kind of record; import them from here.
"""

from .assessments import AssessmentSubject, ImpactAssessment
from .opendata import DataService, OpenDataset, ServiceLayer
from .organization import ContactPerson, Organization, OrganizationLogo, OrganizationType
from .processes import Process
from .resources import ApiAvailability, Archiving, DataResource, DisclosureLevel, ResourceSystem, ReviewStatus
from .sections import Section, SectionKind
from .systems import InformationSystem, SystemInterface

__all__ = [
    "ApiAvailability",
    "Archiving",
    "AssessmentSubject",
    "ContactPerson",
    "DataResource",
    "DataService",
    "DisclosureLevel",
    "ImpactAssessment",
    "InformationSystem",
    "OpenDataset",
    "Organization",
    "OrganizationLogo",
    "OrganizationType",
    "Process",
    "ResourceSystem",
    "ReviewStatus",
    "Section",
    "SectionKind",
    "ServiceLayer",
    "SystemInterface",
]
