"""The browser helpers: the accessibility check still fails on a violation and names it."""

import pytest

from varanto.testing.browser import assert_accessible

pytestmark = pytest.mark.browser

PAGE = (
    '<!doctype html><html lang="fi"><head><title>Testi</title></head><body><main><h1>Testi</h1>{}</main></body></html>'
)


def test_the_accessibility_check_passes_a_clean_page_and_names_a_violation(page):
    page.set_content(PAGE.format('<img src="data:," alt="Kuva">'))
    assert_accessible(page)
    page.set_content(PAGE.format('<img src="data:,">'))
    with pytest.raises(pytest.fail.Exception, match=r"1 accessibility violation.*\n- image-alt \(critical\)"):
        assert_accessible(page)
