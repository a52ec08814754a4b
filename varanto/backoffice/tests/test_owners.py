"""An administrator chooses each data resource's responsible editor with a select, on its page or in the list,
seeing how many resources each editor already answers for; the change is audited."""

import re

import pytest

from varanto.accounts.models import AuditEvent, AuditKind
from varanto.catalog.models import DataResource

pytestmark = pytest.mark.django_db


def _assigned(membership) -> set[str]:
    return set(membership.resources.values_list("key", flat=True))


def test_the_list_offers_a_select_of_editors_with_their_load(client, staff):
    client.force_login(staff.administrator)
    page = client.get(f"/hallinta/{staff.organization.slug}/tietovarannot/").content.decode()
    row = next(r for r in page.split("<tr>") if ">Vesihuolto</a>" in r)
    options = re.findall(r'<option value="(\d*)"( selected)?>([^<]+)</option>', row)
    assert ("", "", "ei kukaan") in options
    labels = {label: bool(selected) for _pk, selected, label in options}
    assert labels["Vesi (1 tietovaranto)"] is True and labels["Talous (1 tietovaranto)"] is False
    assert 'type="checkbox"' not in row


def test_changing_the_editor_moves_the_resource_and_audits_it(client, staff):
    client.force_login(staff.administrator)
    org = staff.organization.slug
    other = staff.other_editor.memberships.get()
    response = client.post(
        f"/hallinta/{org}/tietovarannot/vesihuolto/vastuu/",
        {"editor": str(other.pk), "next": f"/hallinta/{org}/tietovarannot/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"/hallinta/{org}/tietovarannot/"
    assert "Vesihuolto: vastuukäyttäjä on nyt Talous." in response.content.decode()
    assert _assigned(other) == {"talous", "vesihuolto"}
    assert _assigned(staff.editor.memberships.get()) == set()
    audited = AuditEvent.objects.filter(kind=AuditKind.ASSIGNMENT_CHANGE).order_by("pk")
    assert [(e.detail["target"], e.detail["added"], e.detail["removed"]) for e in audited][-2:] == [
        ("vesi", [], ["Vesihuolto"]),
        ("talous", ["Vesihuolto"], []),
    ]


def test_nobody_can_be_chosen_and_a_stranger_cannot(client, staff):
    client.force_login(staff.administrator)
    org = staff.organization.slug
    client.post(f"/hallinta/{org}/tietovarannot/vesihuolto/vastuu/", {"editor": ""})
    assert not DataResource.objects.get(organization=staff.organization, key="vesihuolto").editor_memberships.exists()
    publisher = staff.publisher.memberships.get()  # not an editor: not offered, not accepted
    page = client.post(f"/hallinta/{org}/tietovarannot/vesihuolto/vastuu/", {"editor": str(publisher.pk)}, follow=True)
    assert "Valitse joku organisaation muokkaajista." in page.content.decode()
    assert _assigned(publisher) == set()


def test_the_resource_page_has_the_same_choice_for_an_administrator_only(client, staff):
    org = staff.organization.slug
    client.force_login(staff.administrator)
    assert 'name="editor"' in client.get(f"/hallinta/{org}/tietovarannot/vesihuolto/").content.decode()
    client.force_login(staff.editor)
    page = client.get(f"/hallinta/{org}/tietovarannot/vesihuolto/").content.decode()
    assert 'name="editor"' not in page and "Vastuukäyttäjä: Vesi" in page
