"""A data resource's public page lists the document types it holds by data group with their publicity,
personal data and retention, and nothing internal of the records management plan."""

import pytest

from varanto.catalog.models import DataResource
from varanto.catalog.tests.factories import DocumentTypeFactory, ProcessActionFactory
from varanto.interchange.canonical import Audience, catalog_export
from varanto.publications.services import publication_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def water_plan(imatra):
    """Document types of the water resource: one public, one partly secret, one secret and one not public,
    with internal details on each."""
    water = DataResource.objects.get(organization=imatra, key="vesihuolto")
    action = ProcessActionFactory(organization=imatra, name="Liittymän käsittely")
    common = {"organization": imatra, "action": action, "resource": water, "internal_notes": "SISÄINEN-HUOMIO"}
    DocumentTypeFactory(
        **common,
        document_class="Sopimus",
        name="Liittymissopimus",
        publicity_class="1",
        personal_data="2",
        retention_period=10,
        retention_reason="Kunnan päätös",
        protection_level="3",
    )
    DocumentTypeFactory(
        **common,
        document_class="Selvitys",
        name="Vesijohtokartta",
        publicity_class="3",
        secrecy_ground="JulkL 24.1 § 7 k",
        secrecy_period=25,
        retention_period=-1,
        retention_reason="KA päätös",
        security_class="4",
    )
    DocumentTypeFactory(
        **common,
        document_class="Hakemus",
        name="Liittymishakemus",
        publicity_class="2",
        secrecy_ground="JulkL 24.1 § 32 k",
        secrecy_period=50,
        retention_period=10,
        retention_reason="Kunnan päätös",
    )
    DocumentTypeFactory(**common, document_class="Muistio", name="Valmistelumuistio", publicity_class="4")
    publication_create(organization=imatra, note="TOS")
    return imatra


def test_the_resource_page_lists_its_document_types_by_group_with_their_publicity(client, water_plan):
    page = client.get(f"/{water_plan.slug}/tietovaranto/vesihuolto/").content.decode()
    assert "Tietoaineistot ja niiden julkisuus" in page
    assert page.index("Sopimus") < page.index("Liittymissopimus")
    assert "Liittymissopimus: julkinen; sisältää henkilötietoja; säilytys 10 vuotta" in page
    assert "Liittymishakemus: osittain salassa pidettävä (JulkL 24.1 § 32 k, 50 vuotta)" in page


def test_secret_and_not_public_document_types_reach_no_page_export_or_api(client, water_plan):
    public = catalog_export(water_plan, audience=Audience.PUBLIC)
    shown = {d["name"] for d in public["records_management"]["document_types"]}
    assert {"Liittymissopimus", "Liittymishakemus"} <= shown
    assert not {"Vesijohtokartta", "Valmistelumuistio"} & shown
    internal = catalog_export(water_plan)
    assert {"Vesijohtokartta", "Valmistelumuistio"} <= {
        d["name"] for d in internal["records_management"]["document_types"]
    }
    org = water_plan.slug
    for address in (
        f"/{org}/tietovaranto/vesihuolto/",
        f"/{org}/haku/?q=vesijohtokartta",
        f"/{org}/lataa/kuvaus.json",
        f"/api/v1/organizations/{org}/resources/vesihuolto/",
        f"/api/v1/organizations/{org}/publications/{water_plan.publications.latest('number').number}/",
    ):
        response = client.get(address)
        assert response.status_code == 200, address
        text = response.content.decode()
        assert "Liittymissopimus" in text or "/haku/" in address or "/resources/" in address, address
        assert "Vesijohtokartta" not in text and "Valmistelumuistio" not in text, address


def test_nothing_internal_of_the_plan_reaches_the_public(client, water_plan):
    public = catalog_export(water_plan, audience=Audience.PUBLIC)
    documents = public["records_management"]["document_types"]
    assert documents and not any(
        key in d["restrictions"] for d in documents for key in ("protection_level", "security_class")
    )
    page = client.get(f"/{water_plan.slug}/tietovaranto/vesihuolto/").content.decode()
    assert "SISÄINEN-HUOMIO" not in page and "SISÄINEN-HUOMIO" not in str(public)
    assert "ST III" not in page and "käyttö rajoitettu" not in page.casefold()
