"""Finding 5: sign-in throttling. Repeated wrong passwords lock the user name out from that address."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.db.models import F

from varanto.accounts.models import AuditEvent, AuditKind, Role
from varanto.accounts.services import membership_set
from varanto.catalog.tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "Kirjaamo-2026-salasana"
BACK_OFFICE = "/hallinta/kirjaudu/"
ADMIN = "/admin/login/"
ADDRESS = "10.1.2.3"


@pytest.fixture
def official():
    user = User.objects.create_user("kirjaaja", password=PASSWORD)
    membership_set(organization=OrganizationFactory(), user=user, role=Role.EDITOR, acting_user=None)
    return user


@pytest.fixture
def django_admin():
    return User.objects.create_superuser("pääkäyttäjä", password=PASSWORD)


def _sign_in(client, url, username, password, address=ADDRESS):
    return client.post(url, {"username": username, "password": password}, REMOTE_ADDR=address)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def _cool_off_passes(minutes: int = 16) -> None:
    """Time travel: the failures were made `minutes` ago."""
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - datetime.timedelta(minutes=minutes))


def test_thirty_wrong_passwords_then_the_right_one_is_refused(client, official):
    for _ in range(30):
        _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä")
    response = _sign_in(client, BACK_OFFICE, "kirjaaja", PASSWORD)
    assert response.status_code == 429
    assert not _signed_in(client)
    # The back office's own sign-in page, with the lockout in Finnish as its error.
    page = response.content.decode()
    assert "Liian monta epäonnistunutta kirjautumisyritystä" in page
    assert "15 minuutiksi" in page
    assert 'name="password"' in page


def test_the_lockout_begins_at_the_fifth_failure(client, official):
    for _ in range(4):
        assert _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä").status_code == 200
    assert _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä").status_code == 429


def test_after_the_cool_off_the_right_password_works(client, official):
    for _ in range(30):
        _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä")
    _cool_off_passes(minutes=10)
    assert _sign_in(client, BACK_OFFICE, "kirjaaja", PASSWORD).status_code == 429
    _cool_off_passes(minutes=16)
    response = _sign_in(client, BACK_OFFICE, "kirjaaja", PASSWORD)
    assert response.status_code == 302 and _signed_in(client)


def test_the_lockout_is_per_user_name_and_address(client, official):
    for _ in range(5):
        _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä")
    # The official signs in from their own workstation; the guesser's address stays blocked.
    assert _sign_in(client, BACK_OFFICE, "kirjaaja", PASSWORD, address="10.9.9.9").status_code == 302


def test_a_successful_sign_in_forgets_earlier_failures(client, official):
    for _ in range(4):
        _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä")
    assert _sign_in(client, BACK_OFFICE, "kirjaaja", PASSWORD).status_code == 302
    client.post("/hallinta/kirjaudu-ulos/")
    for _ in range(4):
        _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä")
    assert _sign_in(client, BACK_OFFICE, "kirjaaja", PASSWORD).status_code == 302


def test_each_lockout_is_audited_once_with_the_address(client, official):
    for _ in range(30):
        _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä")
    events = list(AuditEvent.objects.filter(kind=AuditKind.SIGN_IN_LOCKED_OUT))
    assert [(e.user, e.username, e.ip_address, e.detail["failures"]) for e in events] == [
        (official, "kirjaaja", ADDRESS, 5)
    ]
    _cool_off_passes()
    for _ in range(5):
        _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä")
    assert AuditEvent.objects.filter(kind=AuditKind.SIGN_IN_LOCKED_OUT).count() == 2


def test_admin_sign_in_is_locked_out_too(client, django_admin):
    for _ in range(30):
        _sign_in(client, ADMIN, "pääkäyttäjä", "väärä")
    response = _sign_in(client, ADMIN, "pääkäyttäjä", PASSWORD)
    assert response.status_code == 429
    assert not _signed_in(client)
    assert "Liian monta epäonnistunutta kirjautumisyritystä" in response.content.decode()
    assert AuditEvent.objects.get(kind=AuditKind.SIGN_IN_LOCKED_OUT).detail["path"] == ADMIN
    _cool_off_passes()
    assert _sign_in(client, ADMIN, "pääkäyttäjä", PASSWORD).status_code == 302 and _signed_in(client)


@pytest.mark.parametrize("language, text", [("sv", "För många misslyckade inloggningsförsök"), ("en", "Too many")])
def test_the_lockout_message_is_in_the_chosen_language(client, official, language, text):
    client.cookies["django_language"] = language
    for _ in range(6):
        response = _sign_in(client, BACK_OFFICE, "kirjaaja", "väärä")
    assert response.status_code == 429
    assert text in response.content.decode()
