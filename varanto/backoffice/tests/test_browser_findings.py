"""Issue 17's back-office findings, as an official's browser shows them: the edit form's labels in Finnish and
Swedish, one state per record and counts of one's own, review moves confirmed in plain words with "restore" and
"return" told apart, and a menu of only what the role can open; each page passes axe."""

import datetime

import pytest

from varanto.catalog.models import DataResource, InformationSystem, ReviewStatus
from varanto.testing.browser import assert_accessible

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG_AGO = datetime.date(2020, 1, 1)


def _labels(page) -> dict[str, str]:
    """The edit form's field labels by the field they name, and its legends by their place."""
    return page.evaluate(
        """Object.fromEntries([...document.querySelectorAll('main form label[for], main form legend')]
            .map((l, i) => [l.htmlFor || 'legend-' + i, l.textContent.trim()]))"""
    )


def test_the_edit_forms_labels_are_finnish_and_swedish_where_section_and_processes_were_english(
    live_server, browser, staff
):
    page = signed_in_page(browser, live_server, staff.editor)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/muokkaa/")
    finnish = _labels(page)
    assert finnish["id_section"].rstrip(":") == "Toimiala"
    assert "Prosessit" in {text.rstrip(":") for text in finnish.values()}
    assert_accessible(page)
    page.select_option("#language-select", "sv")
    page.get_by_role("button", name="Vaihda").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"
    swedish = _labels(page)
    assert swedish["id_section"].rstrip(":") == "Sektor"
    assert "Processer" in {text.rstrip(":") for text in swedish.values()}
    assert_accessible(page)
    for said in (finnish, swedish):
        texts = {text.rstrip(":") for text in said.values()}
        assert not texts & {"Section", "Processes", "Purpose", "Name", "Systems"}, texts
    assert set(finnish) == set(swedish) and len(finnish) > 20


def test_an_editor_sees_one_state_per_resource_and_their_own_overdue_count(live_server, browser, staff):
    DataResource.objects.filter(organization=staff.organization).update(
        last_reviewed=LONG_AGO, review_status=ReviewStatus.CURRENT
    )
    # Systems just reviewed, so that the overdue list holds the resources only.
    InformationSystem.objects.filter(organization=staff.organization).update(last_reviewed=datetime.date.today())
    everyone = DataResource.objects.filter(organization=staff.organization).count()
    page = signed_in_page(browser, live_server, staff.editor)
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/")
    main = page.locator("main")
    assert "Tarkistus on myöhässä 1 tietovarannossasi." in main.inner_text()
    assert main.locator(".badge").all_inner_texts() and set(main.locator(".badge").all_inner_texts()) == {
        "Tarkistus myöhässä"
    }
    assert_accessible(page)
    main.get_by_role("link", name=f"Koko organisaatio: {everyone} tarkistusta myöhässä").click()
    assert page.locator("main tbody tr").count() == everyone
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/")
    assert page.locator("main .badge").all_inner_texts() == ["Tarkistus myöhässä"]  # never "ajan tasalla" beside it
    assert_accessible(page)


def test_review_moves_are_confirmed_in_plain_words_and_return_is_not_restore(live_server, browser, staff):
    editor = signed_in_page(browser, live_server, staff.editor)
    editor.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/")
    editor.get_by_role("button", name="Lähetä tarkistettavaksi").click()
    editor.wait_for_load_state()
    assert editor.get_by_role("status").inner_text() == "Lähetetty tarkistettavaksi: Vesihuolto."
    assert_accessible(editor)

    publisher = signed_in_page(browser, live_server, staff.publisher)
    publisher.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/tietovarannot/vesihuolto/")
    buttons = publisher.locator("main button").all_inner_texts()
    assert "Palauta muokattavaksi" in buttons and "Palauta" not in buttons
    assert not [b for b in buttons if b.startswith("Palauta versio")]  # restoring lives on the history page
    publisher.fill("#comment-return", "Tarkenna käyttötarkoitus")
    publisher.get_by_role("button", name="Palauta muokattavaksi").click()
    publisher.wait_for_load_state()
    said = publisher.get_by_role("status").inner_text()
    assert said == "Palautettu muokattavaksi: Vesihuolto." and "tehty" not in said
    assert_accessible(publisher)


@pytest.mark.parametrize("role", ["editor", "viewer"])
def test_the_menu_shows_no_page_the_role_cannot_open(live_server, browser, staff, role):
    page = signed_in_page(browser, live_server, staff.by_role(role))
    page.goto(f"{live_server.url}/hallinta/{staff.organization.slug}/")
    items = page.locator("nav.mainnav a")
    labels = items.all_inner_texts()
    assert "Tietopyynnöt" not in labels and "Käyttäjät" not in labels and "Tapahtumaloki" not in labels
    assert_accessible(page)
    for href in [items.nth(i).get_attribute("href") for i in range(items.count())]:
        answer = page.goto(live_server.url + href)
        assert answer.status == 200, href
        assert "Ei sallittu" not in page.locator("main").inner_text()
