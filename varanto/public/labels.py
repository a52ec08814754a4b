"""Words residents read for the catalogue's coded values and field names, in the interface language."""

from django.utils.translation import gettext_lazy as _

from varanto.catalog import declarations
from varanto.catalog.declarations import ValueType
from varanto.catalog.models import Direction, TransferMethod

TRANSFER_METHOD = dict(TransferMethod.choices)
DIRECTION = dict(Direction.choices)

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
    "interfaces": _("System interface"),
    "datasets": _("Open data set"),
    "services": _("Data service"),
}

# Relations of a record, as headings; plain fields take theirs from their declaration.
RELATION = {
    "section": _("Section"),
    "systems": _("Information systems"),
    "processes": _("Processes"),
    "interfaces": _("Interfaces to other systems"),
    "resource": _("Data resource"),
    "layers": _("Layers"),
    "contacts": _("Contact persons"),
    # Not a declared field: the officials assigned a record, named only where the organisation chose so.
    "responsible.persons": _("Responsible persons"),
}


def _field_headings() -> dict:
    headings: dict = dict(RELATION)
    for kind in declarations.KINDS:
        for decl in kind.fields:
            if decl.type in (ValueType.KEY, ValueType.TRANSLATIONS) or kind.internal(decl):
                continue
            headings.setdefault(decl.path, kind.label(decl))
    return headings


# Canonical field paths (varanto.catalog/1) as headings.
FIELD = _field_headings()


def field_label(path: str) -> str:
    """The heading of a canonical field path; translations read "Purpose (Swedish)"."""
    if path.startswith("translations."):
        _prefix, language, field = path.split(".", 2)
        return f"{field_label(field)} ({LANGUAGE_NAME.get(language, language)})"
    return str(FIELD.get(path, path))
