"""The starter model (aloitusmalli): a new organisation made from a typical municipal model kept as data.

Most of Finland's municipalities are small and have no description yet. `municipality.json` holds
the sections and the data resources such a municipality has, each with a typical purpose, key data
sets and responsible; the systems it typically uses go to its internal notes for the official to
confirm. Every resource is made a draft of the starter model (`DataResource.starter_draft`): it
awaits review and stays out of the public view until a publisher approves it.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from django.utils.translation import gettext as _

from varanto.catalog.models.organization import OrganizationType
from varanto.catalog.selectors import organization_name_taken

from ..canonical import FORMAT
from ..services import ImportSummary, catalog_import
from ..validation import CatalogError

REASON = "aloitusmalli"


@cache
def _model() -> dict:
    return json.loads(resources.files(__package__).joinpath("municipality.json").read_text("utf-8"))


def starter_catalog(name: str, organization_type: str = OrganizationType.MUNICIPALITY) -> dict:
    """The starter model as a canonical catalogue of the organisation `name`."""
    model = _model()
    return {
        "format": FORMAT,
        "organization": {"name": name, "type": organization_type},
        "sections": [dict(section) for section in model["sections"]],
        "resources": [
            {
                **{k: v for k, v in resource.items() if k != "systems"},
                # The model's own words (Finnish, as its content), whatever language the user speaks.
                "internal_notes": model["internal_notes"].format(systems=", ".join(resource["systems"])),
            }
            for resource in model["resources"]
        ],
        "systems": [],
    }


def starter_organization_create(
    *, name: str, organization_type: str = OrganizationType.MUNICIPALITY, acting_user
) -> ImportSummary:
    """Create the organisation `name` from the starter model, every data resource a draft awaiting
    review; audited as an import. Raises CatalogError if the name is empty or taken."""
    name = " ".join(name.split())
    if not name:
        raise CatalogError([_("Give the new organisation's name.")])
    if organization_name_taken(name):
        raise CatalogError([_("An organisation named %(name)s already exists.") % {"name": name}])
    return catalog_import(
        starter_catalog(name, organization_type), acting_user=acting_user, reason=REASON, starter=True
    )
