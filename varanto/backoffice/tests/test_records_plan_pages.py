"""The records management plan in the back office: its lists page through a plan of any size in a
fixed number of queries, and its forms save through the services with the same rules and messages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from varanto.catalog.models import DocumentType, TaskClass
from varanto.catalog.tests.factories import DocumentTypeFactory, ProcessActionFactory, TaskClassFactory

pytestmark = pytest.mark.django_db
LISTS = ("task_class_list", "action_list", "document_type_list")


def _plan(organization, start: int, classes: int) -> None:
    for n in range(start, start + classes):
        task_class = TaskClassFactory(organization=organization, code=f"90 {n:02}", key=f"luokka-{n}")
        phase = ProcessActionFactory(organization=organization, task_class=task_class, key=f"vaihe-{n}")
        for m in range(2):
            DocumentTypeFactory(organization=organization, action=phase, key=f"asiakirja-{n}-{m}")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# list -> queries a page reads: the session, its user, the organisation, the role, the count and the
# page's rows with what they show (one more for the class a "?luokka=" page names).
PINNED = {"task_class_list": 6, "action_list": 6, "document_type_list": 6}


@pytest.mark.parametrize("name", LISTS)
def test_the_plans_lists_read_a_fixed_number_of_queries_however_long_the_plan(client, staff, name):
    client.force_login(staff.viewer)
    url = reverse(f"backoffice:{name}", args=[staff.organization.slug])
    _plan(staff.organization, 0, 3)
    assert _queries(client, url) == PINNED[name]
    _plan(staff.organization, 3, 60)
    assert _queries(client, url) == PINNED[name]
    assert _queries(client, url + "?sivu=2") == PINNED[name]
    if name != "task_class_list":
        assert _queries(client, url + "?luokka=luokka-7") == PINNED[name] + 1


@pytest.mark.parametrize(("name", "kind"), list(zip(LISTS, ("task_class", "action", "document_type"), strict=True)))
def test_each_rows_links_are_the_addresses_of_that_record(client, staff, name, kind):
    client.force_login(staff.administrator)
    _plan(staff.organization, 0, 3)
    page = client.get(reverse(f"backoffice:{name}", args=[staff.organization.slug])).context["page"]
    assert len(page.object_list) > 3
    for row in page.object_list:
        for link in ("edit", "history", "delete"):
            assert row.links[link] == reverse(f"backoffice:{kind}_{link}", args=[staff.organization.slug, row.key])


def test_a_plan_of_many_classes_lists_fifty_a_page(client, staff):
    client.force_login(staff.viewer)
    for n in range(60):
        TaskClassFactory(organization=staff.organization, code=f"91 {n:02}", name=f"Luokka {n}")
    url = reverse("backoffice:task_class_list", args=[staff.organization.slug])
    first, second = client.get(url).content.decode(), client.get(url + "?sivu=2").content.decode()
    assert "Luokka 0<" in first and "Luokka 59<" not in first
    assert "Luokka 59<" in second and "Sivu 2 / 2" in second


def test_a_secret_document_type_without_its_ground_is_refused_on_the_form(client, staff):
    client.force_login(staff.publisher)
    action = ProcessActionFactory(organization=staff.organization)
    url = reverse("backoffice:document_type_create", args=[staff.organization.slug])
    data = {"action": action.pk, "document_class": "Päätös", "name": "Huostaanottopäätös", "publicity_class": "3"}
    response = client.post(url, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "tarvitsee salassapitoperusteen" in page and "tarvitsee salassapitoajan" in page
    assert not DocumentType.objects.filter(name="Huostaanottopäätös").exists()
    response = client.post(url, {**data, "secrecy_ground": "JulkL 24.1 § 25 k", "secrecy_period": "100"})
    assert response.status_code == 302
    saved = DocumentType.objects.get(name="Huostaanottopäätös")
    assert (saved.key, saved.secrecy_period, saved.action) == ("huostaanottopaatos", 100, action)
    history = client.get(reverse("backoffice:document_type_history", args=[staff.organization.slug, saved.key]))
    assert history.status_code == 200


def test_a_viewer_sees_the_plan_but_cannot_add_to_it(client, staff):
    client.force_login(staff.viewer)
    url = reverse("backoffice:task_class_create", args=[staff.organization.slug])
    assert client.post(url, {"code": "10", "name": "Henkilöstöasiat"}).status_code in (302, 403)
    assert not TaskClass.objects.filter(code="10").exists()


def test_retiring_a_system_lists_the_document_types_kept_there_with_their_retention(client, staff):
    client.force_login(staff.viewer)
    key = staff.organization.systems.get(name="KeyPro").key
    page = client.get(reverse("backoffice:impact_report", args=[staff.organization.slug, "system", key]))
    text = page.content.decode()
    assert "Tiedonohjaussuunnitelman asiakirjatyypit (1)" in text
    assert "Vesijohtoverkon kartta (esimerkki)" in text and "pysyvä (KA/13089/07.01.01.03.01/2008)" in text
