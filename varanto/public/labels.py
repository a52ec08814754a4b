"""Words residents read for the catalogue's coded values and field names, in the interface language."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

DISCLOSURE = {
    "public": _("Public"),
    "partial": _("Partly public"),
    "restricted": _("Disclosed to named recipients only"),
    "internal": _("Internal use only"),
    "none": _("Not disclosed"),
}
API = {
    "yes": _("Available through a technical interface"),
    "partial": _("Partly available through a technical interface"),
    "no": _("Not available through a technical interface"),
}
ARCHIVING = {
    "permanent": _("Kept permanently"),
    "destroy": _("Destroyed after the retention period"),
    "mixed": _("Partly kept permanently, partly destroyed"),
}
SECTION_KIND = {
    "sector": _("Sector"),
    "regional": _("Regional body"),
    "theme": _("Theme"),
}
LANGUAGE_NAME = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}

# Record kinds of a publication diff (varanto.publications.diff.RECORD_KINDS).
RECORD_KIND = {
    "sections": _("Section"),
    "resources": _("Data resource"),
    "systems": _("Information system"),
    "processes": _("Process"),
    "datasets": _("Open data set"),
    "services": _("Data service"),
}

# Canonical field paths (varanto.catalog/1) as headings.
FIELD = {
    "name": _("Name"),
    "section": _("Section"),
    "kind": pgettext_lazy("section kind", "Kind"),
    "members": _("Member municipalities"),
    "description": _("Description"),
    "purpose": _("Purpose"),
    "key_datasets": _("Key data sets"),
    "disclosure.level": _("Disclosure"),
    "disclosure.recipients": _("Recipients of disclosures"),
    "disclosure.text": _("Disclosure, as worded"),
    "disclosure.deciding_authority": _("Authority deciding on disclosure"),
    "api.availability": _("Technical interface"),
    "api.text": _("Technical interface, as worded"),
    "notes": _("Other information"),
    "systems": _("Information systems"),
    "search_criteria": _("Search criteria"),
    "keywords": _("Keywords"),
    "partners": _("Partners"),
    "data_flows": _("Data flows"),
    "links": _("Links and privacy notices"),
    "personal_data": _("Holds personal data"),
    "retention.period": _("Retention period"),
    "retention.archiving": _("Archiving"),
    "retention.text": _("Retention and archiving, as worded"),
    "processes": _("Processes"),
    "responsible.title": _("Responsible"),
    "responsible.organization": _("Responsible organisation"),
    "responsible.unit": _("Responsible unit"),
    "vendor": _("Vendor"),
    "interfaces": _("Interfaces to other systems"),
    "function_class": _("Function class"),
    "url": _("Address"),
    "resource": _("Data resource"),
    "produced_externally": _("Produced from outside sources"),
    "license": _("Licence"),
    "type": pgettext_lazy("record type", "Type"),
    "layers": _("Layers"),
    "business_id": _("Business ID"),
    "homepage": _("Home page"),
    "languages": _("Languages"),
    "updated": _("The organisation's own update date"),
    "descriptions": _("Description texts"),
    "contacts": _("Contact persons"),
    "information_requests.registry_office.name": _("Registry office"),
    "information_requests.registry_office.address": _("Registry office postal address"),
    "information_requests.registry_office.email": _("Registry office e-mail"),
    "information_requests.registry_office.phone": _("Registry office phone"),
    "information_requests.registry_office.hours": _("Registry office opening hours"),
    "information_requests.deciding_authority": _("Authority deciding on information requests"),
    "information_requests.instructions": _("Instructions for information requests"),
}


def field_label(path: str) -> str:
    """The heading of a canonical field path; translations read "Purpose (Swedish)"."""
    if path.startswith("translations."):
        _prefix, language, field = path.split(".", 2)
        return f"{field_label(field)} ({LANGUAGE_NAME.get(language, language)})"
    return str(FIELD.get(path, path))
