"""The edit pages: every field saved through the form, list fields, rows added without JavaScript."""

import pytest
from django.utils import translation

from varanto.catalog.models import DataResource, Organization, Process, ReviewStatus

from ..forms.common import ROW_INCOMPLETE
from .forms import record_form

pytestmark = pytest.mark.django_db

EDIT = "/hallinta/{org}/tietovarannot/vesihuolto/muokkaa/"


@pytest.fixture
def editor_client(client, staff):
    client.force_login(staff.editor)
    return client


def _edit_url(staff, key="vesihuolto"):
    return f"/hallinta/{staff.organization.slug}/tietovarannot/{key}/muokkaa/"


def test_editor_saves_every_kind_of_field_through_the_form(editor_client, staff):
    org = staff.organization
    process = Process.objects.create(organization=org, key="vesihuollon-laskutus", name="Vesihuollon laskutus")
    url = _edit_url(staff)
    data = record_form(editor_client.get(url))
    data.update(
        {
            "search_criteria": ["asiakasnumero\nkiinteistötunnus\n\nosoite"],
            "disclosure_level": ["restricted"],
            "disclosure_recipients": ["Asianosaiset\nMeita"],
            "disclosure_authority": ["vesihuoltopäällikkö"],
            "api_availability": ["partial"],
            "personal_data": ["true"],
            "links-0-title": ["Tietosuojaseloste"],
            "links-0-url": ["https://www.imatra.fi/tietosuoja/vesihuolto"],
            "links-0-kind": ["privacy_notice"],
            "data_flows-0-target": ["Vesihuoltolaitosrekisteri"],
            "data_flows-0-description": ["vuositiedot"],
            "retention_period": ["10 vuotta"],
            "archiving": ["mixed"],
            "processes": [str(process.pk)],
            "security_measures": ["Pääsy vain VPN:llä"],
            "sv_name": ["Vattenförsörjning"],
            "systems-1-usage": ["verkosto ja kartat"],
        }
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    resource = DataResource.objects.get(organization=org, key="vesihuolto")
    assert resource.search_criteria == ["asiakasnumero", "kiinteistötunnus", "osoite"]
    assert resource.disclosure_recipients == ["Asianosaiset", "Meita"]
    assert (resource.disclosure_level, resource.api_availability, resource.personal_data) == (
        "restricted",
        "partial",
        True,
    )
    assert resource.links == [
        {"title": "Tietosuojaseloste", "url": "https://www.imatra.fi/tietosuoja/vesihuolto", "kind": "privacy_notice"}
    ]
    assert resource.data_flows == [{"target": "Vesihuoltolaitosrekisteri", "description": "vuositiedot"}]
    assert (resource.retention_period, resource.archiving) == ("10 vuotta", "mixed")
    assert list(resource.processes.all()) == [process]
    assert resource.security_measures == "Pääsy vain VPN:llä"
    assert resource.translations == {"sv": {"name": "Vattenförsörjning"}}
    assert ("KeyPro", "verkosto ja kartat") in [(link.system.name, link.usage) for link in resource.system_links.all()]
    assert resource.review_status == ReviewStatus.READY_FOR_REVIEW
    assert resource.version == 2
    assert resource.history.latest("history_date").history_user == staff.editor


def test_add_row_shows_one_more_empty_row_and_saves_nothing(editor_client, staff):
    url = _edit_url(staff)
    data = record_form(editor_client.get(url))
    data["links-0-title"] = ["Kotisivu"]
    data["links-0-url"] = ["https://www.imatravesi.fi"]
    data["add_row"] = ["links"]
    response = editor_client.post(url, data)
    assert response.status_code == 200
    again = record_form(response)
    assert again["links-TOTAL_FORMS"] == ["2"]
    assert again["links-0-url"] == ["https://www.imatravesi.fi"]
    assert again["links-1-url"] == [""]
    assert "errorlist" not in response.content.decode()
    assert DataResource.objects.get(organization=staff.organization, key="vesihuolto").links == []


def test_removing_a_system_row_removes_the_link(editor_client, staff):
    url = _edit_url(staff)
    data = record_form(editor_client.get(url))
    data["systems-0-DELETE"] = ["on"]
    assert editor_client.post(url, data).status_code == 302
    resource = DataResource.objects.get(organization=staff.organization, key="vesihuolto")
    assert "Vesikanta CGI" not in [link.system.name for link in resource.system_links.all()]
    assert resource.system_links.count() == 5


def test_bad_web_address_is_shown_beside_the_row_and_nothing_is_saved(editor_client, staff):
    url = _edit_url(staff)
    data = record_form(editor_client.get(url))
    data["links-0-url"] = ["ei osoite"]
    response = editor_client.post(url, data)
    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert DataResource.objects.get(organization=staff.organization, key="vesihuolto").version == 1


def test_half_filled_system_row_asks_for_the_system(editor_client, staff):
    url = _edit_url(staff)
    data = record_form(editor_client.get(url))
    data["systems-6-usage"] = ["raportointi"]
    response = editor_client.post(url, data)
    assert response.status_code == 400
    with translation.override("fi"):
        assert response.context["edit"].formsets["systems"].errors[6] == {"system": [str(ROW_INCOMPLETE)]}


def test_request_contacts_and_contact_persons_are_edited_on_one_page(client, staff):
    client.force_login(staff.publisher)
    url = f"/hallinta/{staff.organization.slug}/yhteystiedot/"
    data = record_form(client.get(url))
    data.update(
        {
            "deciding_authority": ["kaupunginhallitus"],
            "registry_hours": ["ma–pe 9–15"],
            "contacts-2-name": ["Arkistonhoitaja Anna"],
            "contacts-2-email": ["anna@imatra.fi"],
        }
    )
    assert client.post(url, data).status_code == 302
    org = Organization.objects.get(pk=staff.organization.pk)
    assert (org.deciding_authority, org.registry_hours) == ("kaupunginhallitus", "ma–pe 9–15")
    assert [c.name for c in org.contacts.all()][-1] == "Arkistonhoitaja Anna"


def test_new_section_and_process_get_keys_from_their_names(client, staff):
    client.force_login(staff.publisher)
    org = staff.organization.slug
    data = record_form(client.get(f"/hallinta/{org}/toimialat/uusi/"))
    data.update(
        {"name": ["Saimaan seudun jätehuolto"], "kind": ["regional"], "members": ["Imatra\nLappeenranta\nRuokolahti"]}
    )
    assert client.post(f"/hallinta/{org}/toimialat/uusi/", data).status_code == 302
    section = staff.organization.sections.get(key="saimaan-seudun-jatehuolto")
    assert section.members == ["Imatra", "Lappeenranta", "Ruokolahti"]

    data = record_form(client.get(f"/hallinta/{org}/prosessit/uusi/"))
    system = staff.organization.systems.get(name="M-Files")
    data.update({"name": ["Päätöksenteko"], "systems": [str(system.pk)], "function_class": ["00 Hallintoasiat"]})
    assert client.post(f"/hallinta/{org}/prosessit/uusi/", data).status_code == 302
    process = Process.objects.get(organization=staff.organization, key="paatoksenteko")
    assert list(process.systems.all()) == [system]
