"""Every back-office view and action against every role, in one table.

Each case names a request and the roles allowed to make it; the test makes the request as
every role (each in a transaction rolled back afterwards, so a deletion by one role does not
change what the next one sees) and compares what happened with the table. Another test walks
the back office's URLs and fails for any route and HTTP method without a case, so that a new
view cannot land unchecked.
"""

import io
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.urls import resolve

from varanto.api.services import integration_token_create
from varanto.backoffice import urls
from varanto.catalog.models import (
    DataResource,
    DataService,
    DocumentType,
    ImpactAssessment,
    InformationSystem,
    OpenDataset,
    Organization,
    Process,
    ProcessAction,
    Section,
    SystemInterface,
    TaskClass,
)
from varanto.catalog.services import (
    data_service_create,
    interface_create,
    open_dataset_create,
    process_create,
    section_create,
)
from varanto.catalog.services.documents import document_type_create
from varanto.catalog.services.tasks import action_create, task_class_create
from varanto.catalog.tests.test_logos import png
from varanto.interchange.drafts import import_draft_create
from varanto.interchange.preview import Source

from .forms import record_form

pytestmark = pytest.mark.django_db

ROLES = ["administrator", "publisher", "editor", "other_editor", "viewer", "outsider", "anonymous"]
MEMBERS = {"administrator", "publisher", "editor", "other_editor", "viewer"}
STAFF = {"administrator", "publisher"}
VESIHUOLTO_EDITORS = STAFF | {"editor"}
ASSESSORS = STAFF | {"editor", "other_editor"}
ADMIN = {"administrator"}


@dataclass
class Case:
    name: str
    path: str  # formatted with the test's values: org, history ids, assessment, membership …
    allowed: set[str]
    method: str = "get"
    data: Callable | dict | None = None  # POST data (formatted like the path), or a function (client, values) -> data
    prepare: Callable | None = None  # (staff, settings) -> None, run once before the requests


def _edit_form(path, **changes):
    """POST data as the edit page's form would send it (fetched as an administrator), with `changes`."""

    def build(admin_client, values):
        data = record_form(admin_client.get(path.format(**values)))
        data.update({name: [value.format(**values)] for name, value in changes.items()})
        return data

    return build


class _Rereadable(io.BytesIO):
    """A file the test client may send once for each role: every read starts from the beginning."""

    name = "logo.png"

    def read(self, *args):
        self.seek(0)
        return super().read(*args)


PASSWORD = "Vanha-Salasana-2025"


def _known_passwords(staff, settings):
    """Everyone signs in with PASSWORD, so that each role's password change can succeed."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # the case hashes a dozen times
    for role in SIGNED_IN:
        user = staff.by_role(role)
        user.set_password(PASSWORD)
        user.save(update_fields=["password"])


ORG = "/hallinta/{org}"
IMPORTED = "KONSERNIPALVELUT\n\nKuntalaisaloitteet, Vastuu: hallintojohtaja\n- Käyttötarkoitus: Aloitteet.\n"
SIGNED_IN = MEMBERS | {"outsider"}
CASES = [
    Case("back-office start", "/hallinta/", SIGNED_IN),
    Case("own password page", "/hallinta/salasana/", SIGNED_IN),
    Case(
        "own password change",
        "/hallinta/salasana/",
        SIGNED_IN,
        "post",
        {"old_password": [PASSWORD], "new_password1": ["Uusi-Salasana-2026"], "new_password2": ["Uusi-Salasana-2026"]},
        prepare=_known_passwords,
    ),
    Case("own reminder settings", "/hallinta/muistutukset/", SIGNED_IN),
    Case(
        "own reminder settings change",
        "/hallinta/muistutukset/",
        SIGNED_IN,
        "post",
        {"frequency": ["monthly"], "language": ["sv"]},
    ),
    Case("my resources", ORG + "/", MEMBERS),
    Case("resource list", ORG + "/tietovarannot/", MEMBERS),
    Case("resource page", ORG + "/tietovarannot/vesihuolto/", MEMBERS),
    Case("resource history", ORG + "/tietovarannot/vesihuolto/historia/", MEMBERS),
    Case("resource edit page", ORG + "/tietovarannot/vesihuolto/muokkaa/", VESIHUOLTO_EDITORS),
    Case(
        "resource save",
        ORG + "/tietovarannot/vesihuolto/muokkaa/",
        VESIHUOLTO_EDITORS,
        "post",
        _edit_form(ORG + "/tietovarannot/vesihuolto/muokkaa/", purpose="Uusi käyttötarkoitus"),
    ),
    Case("other's resource edit page", ORG + "/tietovarannot/talous/muokkaa/", STAFF | {"other_editor"}),
    Case("resource create page", ORG + "/tietovarannot/uusi/", STAFF),
    Case(
        "resource create",
        ORG + "/tietovarannot/uusi/",
        STAFF,
        "post",
        _edit_form(ORG + "/tietovarannot/uusi/", name="Uusi varanto", section="{section}"),
    ),
    Case("resource delete page", ORG + "/tietovarannot/vesihuolto/poista/", STAFF),
    Case("resource delete", ORG + "/tietovarannot/vesihuolto/poista/", STAFF, "post", {"version": ["1"]}),
    Case(
        "send for review",
        ORG + "/tietovarannot/vesihuolto/tarkistus/",
        VESIHUOLTO_EDITORS,
        "post",
        {"move": ["submit"], "version": ["1"]},
    ),
    Case(
        "approve", ORG + "/tietovarannot/vesihuolto/tarkistus/", STAFF, "post", {"move": ["approve"], "version": ["1"]}
    ),
    Case(
        "return",
        ORG + "/tietovarannot/vesihuolto/tarkistus/",
        STAFF,
        "post",
        {"move": ["return"], "version": ["1"], "comment": ["Korjaa"]},
    ),
    Case(
        "restore a version",
        ORG + "/tietovarannot/vesihuolto/historia/{history_id}/palauta/",
        VESIHUOLTO_EDITORS,
        "post",
        {"version": ["1"]},
    ),
    Case("system list", ORG + "/jarjestelmat/", MEMBERS),
    Case("system page", ORG + "/jarjestelmat/keypro/", MEMBERS),
    Case("system history", ORG + "/jarjestelmat/keypro/historia/", MEMBERS),
    Case("assigned system edit page", ORG + "/jarjestelmat/keypro/muokkaa/", VESIHUOLTO_EDITORS),
    Case(
        "system save",
        ORG + "/jarjestelmat/keypro/muokkaa/",
        VESIHUOLTO_EDITORS,
        "post",
        _edit_form(ORG + "/jarjestelmat/keypro/muokkaa/", vendor="Keypro Oy"),
    ),
    Case("unassigned system edit page", ORG + "/jarjestelmat/m-files/muokkaa/", STAFF),
    Case(
        "assigned system confirmed reviewed",
        ORG + "/jarjestelmat/keypro/tarkistus/",
        VESIHUOLTO_EDITORS,
        "post",
        {"version": ["1"]},
    ),
    Case(
        "unassigned system confirmed reviewed",
        ORG + "/jarjestelmat/m-files/tarkistus/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("system create page", ORG + "/jarjestelmat/uusi/", STAFF),
    Case(
        "system create",
        ORG + "/jarjestelmat/uusi/",
        STAFF,
        "post",
        _edit_form(ORG + "/jarjestelmat/uusi/", name="Uusi järjestelmä"),
    ),
    Case("system delete page", ORG + "/jarjestelmat/keypro/poista/", STAFF),
    Case("system delete", ORG + "/jarjestelmat/keypro/poista/", STAFF, "post", {"version": ["1"]}),
    Case(
        "restore a system version",
        ORG + "/jarjestelmat/keypro/historia/{system_history_id}/palauta/",
        VESIHUOLTO_EDITORS,
        "post",
        {"version": ["1"]},
    ),
    Case("section list", ORG + "/toimialat/", MEMBERS),
    Case("section edit page", ORG + "/toimialat/konsernipalvelut/muokkaa/", STAFF),
    Case(
        "section save",
        ORG + "/toimialat/konsernipalvelut/muokkaa/",
        STAFF,
        "post",
        _edit_form(ORG + "/toimialat/konsernipalvelut/muokkaa/", name="Konsernipalvelujen toimiala"),
    ),
    Case("section history", ORG + "/toimialat/konsernipalvelut/historia/", MEMBERS),
    Case(
        "restore a section version",
        ORG + "/toimialat/konsernipalvelut/historia/{section_history_id}/palauta/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("section create page", ORG + "/toimialat/uusi/", STAFF),
    Case(
        "section create", ORG + "/toimialat/uusi/", STAFF, "post", _edit_form(ORG + "/toimialat/uusi/", name="Sivistys")
    ),
    Case("process list", ORG + "/prosessit/", MEMBERS),
    Case("process create page", ORG + "/prosessit/uusi/", STAFF),
    Case(
        "process create", ORG + "/prosessit/uusi/", STAFF, "post", _edit_form(ORG + "/prosessit/uusi/", name="Laskutus")
    ),
    Case("process edit page", ORG + "/prosessit/{process}/muokkaa/", STAFF),
    Case(
        "process save",
        ORG + "/prosessit/{process}/muokkaa/",
        STAFF,
        "post",
        _edit_form(ORG + "/prosessit/{process}/muokkaa/", name="Hankinnat ja kilpailutus"),
    ),
    Case("process delete page", ORG + "/prosessit/{process}/poista/", STAFF),
    Case("process delete", ORG + "/prosessit/{process}/poista/", STAFF, "post", {"version": ["1"]}),
    Case("interface list", ORG + "/liittymat/", MEMBERS),
    Case("interface create page", ORG + "/liittymat/uusi/", STAFF),
    Case(
        "interface create",
        ORG + "/liittymat/uusi/",
        STAFF,
        "post",
        _edit_form(ORG + "/liittymat/uusi/", source="{keypro_id}", target="{m_files_id}", data="Verkostotiedot"),
    ),
    Case("interface edit page", ORG + "/liittymat/{interface}/muokkaa/", STAFF),
    Case(
        "interface save",
        ORG + "/liittymat/{interface}/muokkaa/",
        STAFF,
        "post",
        _edit_form(ORG + "/liittymat/{interface}/muokkaa/", data="Arkistoitavat asiakirjat"),
    ),
    Case("interface delete page", ORG + "/liittymat/{interface}/poista/", STAFF),
    Case("interface delete", ORG + "/liittymat/{interface}/poista/", STAFF, "post", {"version": ["1"]}),
    Case("interface history", ORG + "/liittymat/{interface}/historia/", MEMBERS),
    Case(
        "restore an interface version",
        ORG + "/liittymat/{interface}/historia/{interface_history_id}/palauta/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("section delete page", ORG + "/toimialat/{empty_section}/poista/", STAFF),
    Case("section delete", ORG + "/toimialat/{empty_section}/poista/", STAFF, "post", {"version": ["1"]}),
    Case("open data set history", ORG + "/avoin-data/{dataset}/historia/", MEMBERS),
    Case(
        "restore an open data set version",
        ORG + "/avoin-data/{dataset}/historia/{dataset_history_id}/palauta/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("data service history", ORG + "/rajapintapalvelut/{service}/historia/", MEMBERS),
    Case(
        "restore a data service version",
        ORG + "/rajapintapalvelut/{service}/historia/{service_history_id}/palauta/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("process history", ORG + "/prosessit/{process}/historia/", MEMBERS),
    Case(
        "restore a process version",
        ORG + "/prosessit/{process}/historia/{process_history_id}/palauta/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("task class list", ORG + "/tehtavaluokat/", MEMBERS),
    Case("task class create page", ORG + "/tehtavaluokat/uusi/", STAFF),
    Case(
        "task class create",
        ORG + "/tehtavaluokat/uusi/",
        STAFF,
        "post",
        {"code": ["10"], "name": ["Henkilöstöasiat"]},
    ),
    Case("task class edit page", ORG + "/tehtavaluokat/{task_class}/muokkaa/", STAFF),
    Case(
        "task class save",
        ORG + "/tehtavaluokat/{task_class}/muokkaa/",
        STAFF,
        "post",
        _edit_form(ORG + "/tehtavaluokat/{task_class}/muokkaa/"),
    ),
    Case("task class delete page", ORG + "/tehtavaluokat/{task_class}/poista/", STAFF),
    Case("task class delete", ORG + "/tehtavaluokat/{task_class}/poista/", STAFF, "post", {"version": ["1"]}),
    Case("task class history", ORG + "/tehtavaluokat/{task_class}/historia/", MEMBERS),
    Case(
        "restore a task class version",
        ORG + "/tehtavaluokat/{task_class}/historia/{task_class_history_id}/palauta/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("action list", ORG + "/toimenpiteet/", MEMBERS),
    Case("action create page", ORG + "/toimenpiteet/uusi/", STAFF),
    Case(
        "action create",
        ORG + "/toimenpiteet/uusi/",
        STAFF,
        "post",
        {"task_class": ["{task_class_id}"], "name": ["Käsittely"]},
    ),
    Case("action edit page", ORG + "/toimenpiteet/{action}/muokkaa/", STAFF),
    Case(
        "action save",
        ORG + "/toimenpiteet/{action}/muokkaa/",
        STAFF,
        "post",
        _edit_form(ORG + "/toimenpiteet/{action}/muokkaa/"),
    ),
    Case("action delete page", ORG + "/toimenpiteet/{action}/poista/", STAFF),
    Case("action delete", ORG + "/toimenpiteet/{action}/poista/", STAFF, "post", {"version": ["1"]}),
    Case("action history", ORG + "/toimenpiteet/{action}/historia/", MEMBERS),
    Case(
        "restore a action version",
        ORG + "/toimenpiteet/{action}/historia/{action_history_id}/palauta/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("document type list", ORG + "/asiakirjatyypit/", MEMBERS),
    Case("document type create page", ORG + "/asiakirjatyypit/uusi/", STAFF),
    Case(
        "document type create",
        ORG + "/asiakirjatyypit/uusi/",
        STAFF,
        "post",
        {"action": ["{action_id}"], "document_class": ["Päätös"], "name": ["Päätös"]},
    ),
    Case("document type edit page", ORG + "/asiakirjatyypit/{document_type}/muokkaa/", STAFF),
    Case(
        "document type save",
        ORG + "/asiakirjatyypit/{document_type}/muokkaa/",
        STAFF,
        "post",
        _edit_form(ORG + "/asiakirjatyypit/{document_type}/muokkaa/"),
    ),
    Case("document type delete page", ORG + "/asiakirjatyypit/{document_type}/poista/", STAFF),
    Case("document type delete", ORG + "/asiakirjatyypit/{document_type}/poista/", STAFF, "post", {"version": ["1"]}),
    Case("document type history", ORG + "/asiakirjatyypit/{document_type}/historia/", MEMBERS),
    Case(
        "restore a document type version",
        ORG + "/asiakirjatyypit/{document_type}/historia/{document_type_history_id}/palauta/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("request contacts page", ORG + "/yhteystiedot/", STAFF),
    Case(
        "request contacts save",
        ORG + "/yhteystiedot/",
        STAFF,
        "post",
        _edit_form(ORG + "/yhteystiedot/", deciding_authority="kaupunginhallitus"),
    ),
    Case("organisation history", ORG + "/yhteystiedot/historia/", MEMBERS),
    Case(
        "restore an organisation version",
        ORG + "/yhteystiedot/historia/{organization_history_id}/palauta/",
        STAFF,
        "post",
        {"version": ["1"]},
    ),
    Case("deleted records", ORG + "/poistetut/", MEMBERS),
    Case("overdue list", ORG + "/myohassa/", MEMBERS),
    Case("review page", ORG + "/tarkistus/", MEMBERS),
    Case("publish", ORG + "/julkaise/", STAFF, "post", {"include_unapproved": ["yes"]}),
    Case("publication withdraw page", ORG + "/julkaisut/1/peru/", ADMIN),
    Case("publication withdraw", ORG + "/julkaisut/1/peru/", ADMIN, "post", {"reason": ["Virhe"]}),
    Case("completeness", ORG + "/kattavuus/", MEMBERS),
    Case("board report", ORG + "/katsaus/", MEMBERS),
    Case("board report PDF", ORG + "/katsaus.pdf", MEMBERS),
    Case("bulk edit page", ORG + "/joukkomuokkaus/", STAFF),
    Case(
        "bulk edit preview",
        ORG + "/joukkomuokkaus/",
        STAFF,
        "post",
        {"field": ["retention_period"], "text": ["10 v"], "valittu": ["{vesihuolto_id}"], "step": ["preview"]},
    ),
    Case("impact choice", ORG + "/vaikutukset/", MEMBERS),
    Case("impact report", ORG + "/vaikutukset/system/m-files/", MEMBERS),
    Case("assessment save", ORG + "/vaikutukset/system/m-files/", ASSESSORS, "post", {"title": ["Uusi M-Files"]}),
    Case("assessment page", ORG + "/arviot/{assessment}/", MEMBERS),
    Case("assessment edit page", ORG + "/arviot/{assessment}/muokkaa/", ASSESSORS),
    Case(
        "assessment edit",
        ORG + "/arviot/{assessment}/muokkaa/",
        ASSESSORS,
        "post",
        {"title": ["Pilveen siirto, tarkennettu"], "version": ["1"]},
    ),
    Case("assessment XLSX", ORG + "/arviot/{assessment}/xlsx/", MEMBERS),
    Case("relationship graph", ORG + "/kaavio/", MEMBERS),
    Case("relationship graph SVG", ORG + "/kaavio.svg", MEMBERS),
    Case("users", ORG + "/kayttajat/", ADMIN),
    Case("add user", ORG + "/kayttajat/", ADMIN, "post", {"username": ["uusi"], "role": ["viewer"]}),
    Case("membership", ORG + "/kayttajat/{membership}/", ADMIN),
    Case("role change", ORG + "/kayttajat/{membership}/", ADMIN, "post", {"role": ["publisher"]}),
    Case("new password for a member", ORG + "/kayttajat/{membership}/", ADMIN, "post", {"reset_password": [""]}),
    Case("a member's reminder preview", ORG + "/kayttajat/{membership}/muistutus/", ADMIN),
    Case("handover page", ORG + "/kayttajat/luovutus/", ADMIN),
    Case(
        "handover",
        ORG + "/kayttajat/luovutus/",
        ADMIN,
        "post",
        {"source": ["user:{editor}"], "to_user": ["{publisher}"], "confirm": [""]},
    ),
    Case("four-eyes setting", ORG + "/kayttajat/hyvaksynta/", ADMIN, "post", {"own_approval_allowed": ["yes"]}),
    Case("remove a member", ORG + "/kayttajat/{membership}/", ADMIN, "post", {"remove": [""]}),
    Case("audit log", ORG + "/loki/", ADMIN),
    Case(
        "responsible editor change",
        ORG + "/tietovarannot/vesihuolto/vastuu/",
        ADMIN,
        "post",
        lambda client, values: {
            "editor": [str(client.get(ORG.format(**values) + "/tietovarannot/").context["editors"][0].pk)]
        },
    ),
    Case("logo page", ORG + "/tunnus/", ADMIN),
    Case("logo upload", ORG + "/tunnus/", ADMIN, "post", lambda client, values: {"image": _Rereadable(png())}),
    Case(
        "responsible persons setting",
        ORG + "/tunnus/vastuuhenkilot/",
        ADMIN,
        "post",
        {"show_responsible_persons": ["yes"]},
    ),
    Case("integrations", ORG + "/integraatiot/", ADMIN),
    Case(
        "integration token create",
        ORG + "/integraatiot/",
        ADMIN,
        "post",
        {"name": ["Asianhallinta"], "user": ["{viewer}"]},
    ),
    Case("integration token revoke page", ORG + "/integraatiot/{token}/peru/", ADMIN),
    Case("integration token revoke", ORG + "/integraatiot/{token}/peru/", ADMIN, "post"),
    Case("import a description page", ORG + "/tuo/", ADMIN),
    Case("import a description upload", ORG + "/tuo/", ADMIN, "post", {"text": [IMPORTED]}),
    # Only a superuser, no role of an organisation, may make a new organisation.
    Case("import into a new organisation page", "/hallinta/tuo/", set()),
    Case("import into a new organisation upload", "/hallinta/tuo/", set(), "post", {"text": [IMPORTED]}),
    Case("starter model page", "/hallinta/aloitusmalli/", set()),
    Case("starter model create", "/hallinta/aloitusmalli/", set(), "post", {"name": ["Pikkula"]}),
    # The administrator's own draft: nobody else sees it.
    Case("import draft preview", "/hallinta/tuonnit/{draft}/", ADMIN),
    Case(
        "import draft correction",
        "/hallinta/tuonnit/{draft}/",
        ADMIN,
        "post",
        {"kind": ["not_resource"], "resource": ["kuntalaisaloitteet"]},
    ),
    Case("import draft import", "/hallinta/tuonnit/{draft}/tuo/", ADMIN, "post"),
]

# Each restore first shows what it would change (GET), to whoever may restore.
CASES += [
    Case(f"{case.name}: what it would change", case.path, case.allowed)
    for case in list(CASES)
    if case.method == "post" and case.path.endswith("/palauta/")
]


def _outcome(response) -> str:
    if response.status_code == 403:
        return "denied"
    if response.status_code == 302 and "/kirjaudu/" in response["Location"]:
        return "sign in"
    if response.status_code == 400:
        return "refused as invalid input"  # the test's own data is wrong: it would prove nothing
    return "allowed" if response.status_code in (200, 302) else f"error {response.status_code}"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_role_can_do_exactly_what_its_role_allows(client, staff, settings, case):
    org = staff.organization
    vesihuolto = DataResource.objects.get(organization=org, key="vesihuolto")
    process = process_create(organization=org, data={"name": "Hankinnat"}, acting_user=None)
    keypro, m_files = org.systems.get(key="keypro"), org.systems.get(key="m-files")
    interface = interface_create(
        organization=org, data={"source": m_files, "target": keypro, "data": "Asiakirjat"}, acting_user=None
    )
    empty_section = section_create(organization=org, data={"name": "Tyhjä toimiala"}, acting_user=None)
    task_class = task_class_create(organization=org, data={"code": "05 01", "name": "Lastensuojelu"}, acting_user=None)
    action = action_create(organization=org, data={"task_class": task_class, "name": "Vireilletulo"}, acting_user=None)
    document_type = document_type_create(
        organization=org, data={"action": action, "document_class": "Hakemus", "name": "Hakemus"}, acting_user=None
    )
    dataset = open_dataset_create(organization=org, data={"name": "Pyöräilyreitit"}, acting_user=None)
    service = data_service_create(
        organization=org, data={"name": "Karttapalvelu", "layers": [{"title": "Kaavat"}]}, acting_user=None
    )
    assessment = ImpactAssessment.objects.create(
        organization=org, subject_kind="system", subject_key="m-files", subject_name="M-Files", title="Pilveen siirto"
    )
    token, _secret = integration_token_create(
        name="Asianhallinta", user=staff.editor, organization=org, acting_user=staff.administrator
    )

    def first_state(model, **lookup) -> int:
        return model.history.filter(**lookup).earliest("history_date").history_id

    values = {
        "org": org.slug,
        "history_id": first_state(DataResource, id=vesihuolto.pk),
        "system_history_id": first_state(InformationSystem, organization_id=org.pk, key="keypro"),
        "section_history_id": first_state(Section, organization_id=org.pk, key="konsernipalvelut"),
        "process_history_id": first_state(Process, id=process.pk),
        "organization_history_id": first_state(Organization, id=org.pk),
        "process": process.key,
        "interface": interface.key,
        "task_class": task_class.key,
        "task_class_id": task_class.pk,
        "action_id": action.pk,
        "task_class_history_id": first_state(TaskClass, id=task_class.pk),
        "action": action.key,
        "action_history_id": first_state(ProcessAction, id=action.pk),
        "document_type": document_type.key,
        "document_type_history_id": first_state(DocumentType, id=document_type.pk),
        "interface_history_id": first_state(SystemInterface, id=interface.pk),
        "keypro_id": keypro.pk,
        "m_files_id": m_files.pk,
        "empty_section": empty_section.key,
        "dataset": dataset.key,
        "dataset_history_id": first_state(OpenDataset, id=dataset.pk),
        "service": service.key,
        "service_history_id": first_state(DataService, id=service.pk),
        "assessment": assessment.pk,
        "membership": staff.viewer.memberships.get().pk,
        "viewer": staff.viewer.pk,
        "editor": staff.editor.pk,
        "publisher": staff.publisher.pk,
        "section": vesihuolto.section_id,
        "vesihuolto_id": vesihuolto.pk,
        "token": token.pk,
        "draft": import_draft_create(
            sources=[Source("kuvaus.txt", IMPORTED.encode())], organization=org, acting_user=staff.administrator
        ).pk,
    }
    if case.prepare:
        case.prepare(staff, settings)
    data = case.data
    if callable(data):
        client.force_login(staff.administrator)
        data = data(client, values)
        client.logout()
    elif data:
        data = {name: [value.format(**values) for value in items] for name, items in data.items()}
    path = case.path.format(**values)
    wrong = []
    for role in ROLES:
        with transaction.atomic():
            if role != "anonymous":
                client.force_login(staff.by_role(role))
            response = getattr(client, case.method)(path, data or {})
            outcome = _outcome(response)
            expected = "sign in" if role == "anonymous" else ("allowed" if role in case.allowed else "denied")
            if outcome != expected:
                wrong.append(f"{role}: expected {expected}, got {outcome} ({response.status_code})")
            client.logout()
            transaction.set_rollback(True)
    assert not wrong, f"{case.method.upper()} {path}\n" + "\n".join(wrong)


# Routes that are no role's business: everyone may sign in and out.
OPEN_ROUTES = {"login", "logout", "sso_start", "sso_callback"}


class _AnyValue(dict):
    """Fills every placeholder of a case's path: enough to tell which route it is."""

    def __missing__(self, key):
        return "1"


def _declared_methods(callback) -> frozenset[str] | None:
    """The HTTP methods a back-office view answers, as `staff_view` declares them (None: undeclared)."""
    view_class = getattr(callback, "view_class", None)
    return getattr(view_class.dispatch if view_class else callback, "http_methods", None)


def test_every_route_and_method_has_a_case():
    covered = {(resolve(case.path.format_map(_AnyValue())).url_name, case.method.upper()) for case in CASES}
    missing = []
    for pattern in urls.urlpatterns:
        if pattern.name in OPEN_ROUTES:
            continue
        methods = _declared_methods(pattern.callback)
        if methods is None:
            missing.append(f"{pattern.name} (/hallinta/{pattern.pattern}): not a staff_view, its methods unknown")
            continue
        missing += [
            f"{method} {pattern.name} (/hallinta/{pattern.pattern})"
            for method in sorted(methods)
            if (pattern.name, method) not in covered
        ]
    assert not missing, "No role-matrix case for:\n" + "\n".join(missing)


def test_a_view_answers_only_the_methods_it_declares(client, staff):
    """What the walk above trusts: `staff_view` refuses every method it was not given."""
    client.force_login(staff.administrator)
    org = staff.organization.slug
    assert client.post(f"/hallinta/{org}/tietovarannot/").status_code == 405
    assert client.get(f"/hallinta/{org}/julkaise/").status_code == 405
    assert client.put(f"/hallinta/{org}/kayttajat/").status_code == 405
    assert client.head(f"/hallinta/{org}/tietovarannot/").status_code == 200
