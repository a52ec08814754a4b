"""axe-core finds no WCAG 2.1 A/AA violation on any page type, in any language, at desktop or phone width,
and no page scrolls sideways."""

import pytest

from varanto.catalog.models import DataResource
from varanto.publications.services import publication_create
from varanto.testing.browser import DESKTOP, PHONE, assert_accessible, screenshot

from .sitemap import page_types

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


# One test per language and width, so that the test processes share them out evenly.
@pytest.mark.parametrize("width_name", ["desktop", "phone"])
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_type_is_accessible_at_desktop_and_phone_width(live_server, page, imatra, language, width_name):
    publication_create(organization=imatra, note="Ensimmäinen")
    DataResource.objects.filter(organization=imatra, key="museo").update(purpose="Museon kokoelmat ja näyttelyt")
    publication_create(organization=imatra, note="Museon tarkoitus")

    page.set_viewport_size({"desktop": DESKTOP, "phone": PHONE}[width_name])
    for kind, url in page_types(imatra, language).items():
        page.goto(live_server.url + url)
        assert page.locator("html").get_attribute("lang") == language
        assert_accessible(page)
        overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert page.evaluate(overflow) == 0, f"{url} scrolls sideways at {width_name} width"
        screenshot(page, f"a11y-{language}-{kind}-{width_name}", full_page=kind != "publication")
