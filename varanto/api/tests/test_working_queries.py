"""The working-model API does work in proportion to the request: a list or a record costs the same
number of queries whatever the size of the organisation's catalogue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from varanto.accounts.models import Role
from varanto.catalog.models import (
    DataResource,
    DocumentType,
    InformationSystem,
    Process,
    ProcessAction,
    ResourceSystem,
    Section,
    SystemInterface,
    TaskClass,
)

from .helpers import auth

pytestmark = pytest.mark.django_db

ORG = "imatran-kaupunki"
MORE = 40

# what is asked -> (URL name, the record's key or None for a list, query parameters, queries pinned)
# Every request: the token, the organisation and the role (3). A record: it, checked, then read with
# its relations; a list: its ETag state, its count, and the page with its relations.
REQUESTS = {
    "organisation": ("working_organization", None, {}, 5),
    "sections": ("working_sections", None, {"page_size": 500}, 6),
    "section": ("working_section", "konsernipalvelut", {}, 5),
    "resources": ("working_resources", None, {"page_size": 500}, 9),
    "resources filtered": ("working_resources", None, {"page_size": 500, "q": "VESI", "system": "keypro"}, 9),
    "resource": ("working_resource", "vesihuolto", {}, 8),
    "systems": ("working_systems", None, {"page_size": 500}, 6),
    "system": ("working_system", "m-files", {}, 5),
    "processes": ("working_processes", None, {"page_size": 500}, 8),
    "process": ("working_process", "asianhallinta", {}, 7),
    "interfaces": ("working_interfaces", None, {"page_size": 500}, 6),
    "interface": ("working_interface", "m-files-drupal-9", {}, 5),
    "task classes": ("working_task_classes", None, {"page_size": 500}, 6),
    "task class": ("working_task_class", "10-03-03", {}, 5),
    "actions": ("working_actions", None, {"page_size": 500, "task_class": "10-05-01"}, 6),
    "action": ("working_action", "varhaiskasvatus-hakemus", {}, 5),
    "document types": ("working_document_types", None, {"page_size": 500}, 6),
    "document types filtered": ("working_document_types", None, {"page_size": 500, "system": "keypro"}, 6),
    "document type": ("working_document_type", "vesijohtokartta", {}, 5),
}


def _grow(organization) -> None:
    """MORE of each kind of record, each with the relations its working item lists."""
    section = Section.objects.filter(organization=organization).first()
    system = InformationSystem.objects.get(organization=organization, key="keypro")
    process = Process.objects.filter(organization=organization).first()
    assert section is not None and process is not None
    plan_class = TaskClass.objects.get(organization=organization, key="10-05-01")
    parent_class = None
    for i in range(MORE):
        Section.objects.create(organization=organization, key=f"osasto-{i}", name=f"Osasto {i}")
        added = InformationSystem.objects.create(organization=organization, key=f"jarjestelma-{i}", name=f"Vesi {i}")
        SystemInterface.objects.create(
            organization=organization, key=f"liittyma-{i}", source=added, target=system, description="Siirto"
        )
        resource = DataResource.objects.create(
            organization=organization, section=section, key=f"vesi-{i}", name=f"Vesi {i}"
        )
        ResourceSystem.objects.create(resource=resource, system=system, usage="Kartat")
        ResourceSystem.objects.create(resource=resource, system=added, usage="Muu")
        resource.processes.add(process)
        Process.objects.create(organization=organization, key=f"prosessi-{i}", name=f"Prosessi {i}").systems.add(added)
        task_class = TaskClass.objects.create(
            organization=organization, key=f"luokka-{i}", code=f"99 {i:02}", name=f"Luokka {i}", parent=parent_class
        )
        phase = ProcessAction.objects.create(
            organization=organization, key=f"vaihe-{i}", task_class=plan_class, name=f"Vaihe {i}"
        )
        DocumentType.objects.create(
            organization=organization,
            key=f"asiakirja-{i}",
            action=phase,
            document_class="Päätös",
            name=f"Päätös {i}",
            system=system,
            resource=resource,
        )
        parent_class = task_class


def _queries(client, token, name, key, params) -> tuple[int, int]:
    kwargs = {"org": ORG} | ({"key": key} if key else {})
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse(f"api:{name}", kwargs=kwargs), params, **auth(token))
    assert response.status_code == 200, response.content
    body = response.json()
    return len(queries), len(body["results"]) if "results" in body else 1


def test_lists_and_records_cost_the_same_queries_for_a_small_and_a_larger_catalogue(client, token_for, imatra):
    token = token_for(Role.VIEWER)
    process = Process.objects.create(organization=imatra, key="asianhallinta", name="Asianhallinta")
    m_files = InformationSystem.objects.get(organization=imatra, key="m-files")
    process.systems.add(m_files)
    SystemInterface.objects.get_or_create(
        organization=imatra,
        key="m-files-drupal-9",
        source=m_files,
        target=InformationSystem.objects.get(key="drupal-9"),
    )
    _queries(client, token, "working_organization", None, {})  # the token's first use is recorded once
    small = {what: _queries(client, token, *request[:3]) for what, request in REQUESTS.items()}
    _grow(imatra)
    large = {what: _queries(client, token, *request[:3]) for what, request in REQUESTS.items()}
    for what, (name, key, _params, pinned) in REQUESTS.items():
        assert small[what][0] == large[what][0] == pinned, what
        if key is None and name != "working_organization":
            assert large[what][1] >= small[what][1] + MORE, what  # the larger list did list the added records
