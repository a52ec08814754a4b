import io

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command

from varanto.accounts.models import Membership, Role

pytestmark = pytest.mark.django_db


def test_one_user_per_role_with_a_working_password_printed_once(imatra, rf):
    out = io.StringIO()
    call_command("createdemousers", stdout=out)
    lines = [line.split() for line in out.getvalue().splitlines() if ":" in line and "/hallinta/" not in line]
    passwords = {fields[1]: fields[2] for fields in lines}
    assert set(passwords) == {"hallinto", "julkaisija", "vesihuolto", "lukija"}
    assert (
        authenticate(rf.post("/hallinta/kirjaudu/"), username="vesihuolto", password=passwords["vesihuolto"])
        is not None
    )
    roles = dict(Membership.objects.filter(organization=imatra).values_list("user__username", "role"))
    assert roles == {
        "hallinto": Role.ADMINISTRATOR,
        "julkaisija": Role.PUBLISHER,
        "vesihuolto": Role.EDITOR,
        "lukija": Role.VIEWER,
    }
    editor = Membership.objects.get(user__username="vesihuolto")
    assert [r.key for r in editor.resources.all()] == ["vesihuolto"]
    assert editor.systems.count() == 6

    again = io.StringIO()
    call_command("createdemousers", stdout=again)
    assert passwords["vesihuolto"] not in again.getvalue()
    assert (
        authenticate(rf.post("/hallinta/kirjaudu/"), username="vesihuolto", password=passwords["vesihuolto"])
        is not None
    )


def test_demo_users_have_addresses_on_an_example_domain_so_reminders_reach_no_one_real(imatra):
    call_command("createdemousers", stdout=io.StringIO())
    emails = set(get_user_model().objects.filter(memberships__organization=imatra).values_list("email", flat=True))
    assert emails == {f"{name}@example.org" for name in ("hallinto", "julkaisija", "vesihuolto", "lukija")}
