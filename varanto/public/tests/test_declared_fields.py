"""Every declared public field of a data resource and a system shows on its public page; no internal one does."""

import copy

import pytest
from django.template.loader import render_to_string

from varanto.catalog import declarations
from varanto.catalog.declarations import ValueType
from varanto.catalog.tests.factories import (
    DataResourceFactory,
    InformationSystemFactory,
    OrganizationFactory,
    filled_values,
)
from varanto.public.fields import public_fields
from varanto.publications.catalog import PublishedCatalog
from varanto.publications.services import public_catalog, publication_create

pytestmark = pytest.mark.django_db

TEXTUAL = {ValueType.TEXT, ValueType.LONG_TEXT, ValueType.LINES, ValueType.FLOWS, ValueType.LINKS}
EMPTY: dict[ValueType, object] = {
    ValueType.LINES: [],
    ValueType.FLOWS: [],
    ValueType.LINKS: [],
    ValueType.FLAG: None,
    ValueType.COUNT: None,
}


@pytest.fixture
def populated():
    organization = OrganizationFactory(deciding_authority="Kaupunginhallitus")
    resource = DataResourceFactory(organization=organization, **filled_values(declarations.RESOURCE))
    system = InformationSystemFactory(organization=organization, **filled_values(declarations.SYSTEM))
    return organization, resource, system


def _markers(kind) -> dict[str, str]:
    filled = filled_values(kind)
    return {d.attr: f"X-{d.attr}" for d in kind.fields if d.type in TEXTUAL and d.attr in filled}


def test_every_declared_public_field_shows_and_no_internal_one(client, populated):
    organization, resource, system = populated
    publication_create(organization=organization)
    for kind, url in (
        (declarations.RESOURCE, f"/{organization.slug}/tietovaranto/{resource.key}/"),
        (declarations.SYSTEM, f"/{organization.slug}/jarjestelma/{system.key}/"),
    ):
        page = client.get(url).content.decode()
        markers = _markers(kind)
        internal = {d.attr for d in kind.fields if kind.internal(d)}
        missing = [attr for attr, marker in markers.items() if attr not in internal and marker not in page]
        assert not missing, f"{url} does not show the declared fields {missing}"
        leaked = [attr for attr, marker in markers.items() if attr in internal and marker in page]
        assert not leaked, f"{url} shows the internal fields {leaked}"


def _set(record: dict, path: str, value) -> None:
    *parents, last = path.split(".")
    for part in parents:
        record = record.setdefault(part, {})
    record[last] = value


def test_each_public_resource_field_changes_what_the_page_says(populated):
    """Also the fields shown as words (choices, yes/no, dates): emptying one changes the rendering."""
    organization, resource, _system = populated
    content = public_catalog(organization)

    def rendered(content) -> str:
        entry = PublishedCatalog(content).resource(resource.key)
        context = {"entry": entry, "org_slug": organization.slug, "links": True, "show_section": True}
        return render_to_string("public/includes/resource_fields.html", context)

    full = rendered(content)
    unchanged = []
    for decl in public_fields(declarations.RESOURCE):
        if decl.type is ValueType.REFERENCE:
            continue
        emptied = copy.deepcopy(content)
        _set(emptied["resources"][0], decl.path, EMPTY.get(decl.type, ""))
        if rendered(emptied) == full:
            unchanged.append(decl.path)
    assert not unchanged, f"the public page does not show {unchanged}"
