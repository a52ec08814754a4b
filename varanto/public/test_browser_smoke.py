import pytest

from varanto.testing.browser import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_front_page_renders_in_chromium(live_server, page, imatra):
    page.goto(live_server.url + "/")
    assert page.locator("h1").inner_text() == "Tietovarannot"
    assert page.get_by_text("Pysäköinninvalvonta").count() == 1
    assert_accessible(page)
