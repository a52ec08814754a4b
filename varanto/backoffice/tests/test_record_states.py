"""Each data resource has one state, decided in one place and shown in the same words on every page; an
official's counts are of their own resources unless they ask for the whole organisation; a review move is
confirmed in plain words."""

import datetime
import re

import pytest
from django.conf import settings

from varanto.backoffice.selectors.attention import RecordState, attention_list
from varanto.catalog.models import DataResource, InformationSystem, ReviewStatus

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 1)


def _set(staff, key, **fields):
    DataResource.objects.filter(organization=staff.organization, key=key).update(**fields)


def _state(staff, key) -> RecordState:
    resource = DataResource.objects.get(organization=staff.organization, key=key)
    return attention_list(staff.organization, [resource])[0].state


def test_one_state_the_first_that_holds_returned_waiting_overdue_up_to_date(staff):
    _set(staff, "vesihuolto", review_status=ReviewStatus.RETURNED, last_reviewed=LONG_AGO)
    assert _state(staff, "vesihuolto") == RecordState.RETURNED
    _set(staff, "vesihuolto", review_status=ReviewStatus.READY_FOR_REVIEW)
    assert _state(staff, "vesihuolto") == RecordState.AWAITING_REVIEW
    _set(staff, "vesihuolto", review_status=ReviewStatus.CURRENT)
    assert _state(staff, "vesihuolto") == RecordState.OVERDUE
    _set(staff, "vesihuolto", last_reviewed=datetime.date.today())
    assert _state(staff, "vesihuolto") == RecordState.UP_TO_DATE


def test_an_overdue_resource_shows_one_badge_never_up_to_date_beside_overdue(client, staff):
    _set(staff, "vesihuolto", review_status=ReviewStatus.CURRENT, last_reviewed=LONG_AGO)
    client.force_login(staff.editor)
    base = f"/hallinta/{staff.organization.slug}"
    badges = r'<span class="badge badge--(\w+)">([^<]+)</span>'
    overdue = ("overdue", "Tarkistus myöhässä")
    # The editor's own page (a card and a row, both Vesihuolto) and the resource's page: that one state only.
    for path in ("/", "/tietovarannot/vesihuolto/"):
        assert set(re.findall(badges, client.get(base + path).content.decode())) == {overdue}, path
    rows = client.get(base + "/tietovarannot/").content.decode().split("<tr>")
    row = next(r for r in rows if ">Vesihuolto</a>" in r)
    assert re.findall(badges, row) == [overdue]


def test_the_list_filters_by_the_same_states(client, staff):
    _set(staff, "vesihuolto", review_status=ReviewStatus.RETURNED)
    client.force_login(staff.publisher)
    page = client.get(f"/hallinta/{staff.organization.slug}/tietovarannot/", {"tila": "returned"}).content.decode()
    status_filter = page.split('name="tila">')[1].split("</select>")[0]
    assert re.findall(r'<option value="(\w*)"', status_filter) == ["", *RecordState.values]
    assert page.count('<span class="badge badge--returned">') == 1 and "Vesihuolto" in page


def test_an_editor_is_told_of_their_own_overdue_reviews_and_can_ask_for_the_whole_organisation(client, staff):
    DataResource.objects.filter(organization=staff.organization).update(last_reviewed=LONG_AGO)
    everyone = DataResource.objects.filter(organization=staff.organization).count()
    client.force_login(staff.editor)
    page = client.get(f"/hallinta/{staff.organization.slug}/").content.decode()
    assert "Tarkistus on myöhässä 1 tietovarannossasi." in page
    assert f"Koko organisaatio: {everyone} tarkistusta myöhässä" in page

    # Systems are reviewed on a cycle too: the editor's own are listed beside their resources.
    InformationSystem.objects.filter(organization=staff.organization).update(last_reviewed=LONG_AGO)
    systems = InformationSystem.objects.filter(organization=staff.organization)
    own_systems = systems.filter(editor_memberships__user=staff.editor)
    own = client.get(f"/hallinta/{staff.organization.slug}/myohassa/").content.decode()
    assert own.count(f'<tr><td><a href="/hallinta/{staff.organization.slug}/tietovarannot/') == 1
    assert "Vesihuolto" in own
    assert own.count(f'<tr><td><a href="/hallinta/{staff.organization.slug}/jarjestelmat/') == own_systems.count() > 0
    whole = client.get(f"/hallinta/{staff.organization.slug}/myohassa/", {"koko": "1"}).content.decode()
    assert whole.count('<tr><td><a href="/hallinta/') == everyone + systems.count()


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("fi", "Lähetetty tarkistettavaksi: Vesihuolto."),
        ("sv", "Skickat för granskning: Vesihuolto."),
        ("en", "Sent for review: Vesihuolto."),
    ],
)
def test_a_review_move_is_confirmed_in_plain_words(client, staff, language, said):
    client.force_login(staff.editor)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/tarkistus/"
    page = client.post(url, {"move": "submit", "version": "1"}, follow=True).content.decode()
    assert f'<p class="message message--success">{said}</p>' in page
    assert "tehty" not in page and "done" not in page.split('class="messages"')[1][:200]


def test_returning_is_confirmed_as_sent_back_to_the_editor(client, staff):
    _set(staff, "vesihuolto", review_status=ReviewStatus.READY_FOR_REVIEW)
    client.force_login(staff.publisher)
    url = f"/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/tarkistus/"
    page = client.post(url, {"move": "return", "version": "1", "comment": "Tarkenna"}, follow=True).content.decode()
    assert "Palautettu muokattavaksi: Vesihuolto." in page
