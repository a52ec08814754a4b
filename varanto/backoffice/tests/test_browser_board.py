"""The board report in Chromium: accessible on screen, and its PDF on A4 with nothing clipped."""

import pytest

from varanto.testing.browser import ARTIFACTS, assert_accessible, screenshot
from varanto.testing.pdfpages import A4_POINTS, POINTS_PER_MM, pdf_pages

from .browser import signed_in_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A4 less the stylesheet's 14 mm side margins, in CSS pixels (96 per inch).
PRINTABLE_WIDTH_PX = round((210 - 2 * 14) * 96 / 25.4)
# The side margins on the PDF page, in points, less a little for antialiasing.
MARGIN_POINTS = 14 * POINTS_PER_MM - 2


def test_board_report_prints_on_a4_with_nothing_clipped(live_server, browser, staff):
    page = signed_in_page(browser, live_server, staff.viewer)
    url = f"{live_server.url}/hallinta/{staff.organization.slug}/katsaus/"
    page.goto(url)
    assert page.locator("svg.chart__svg[role=img]").count() == 2
    sections = page.locator("#by-section ~ :is(table, .table-scroll) tbody th").all_inner_texts()
    assert len(sections) == page.locator("#section-chart-title ~ g").count() > 1
    assert_accessible(page)
    screenshot(page, "backoffice-board-report")

    # Laid out as printed at A4's printable width, nothing reaches past the page's edge.
    page.set_viewport_size({"width": PRINTABLE_WIDTH_PX, "height": 1100})
    page.emulate_media(media="print")
    assert page.locator(".masthead").is_hidden()
    past_edge = page.evaluate(
        """(width) => [...document.querySelectorAll('main *')]
            .filter((e) => e.getBoundingClientRect().right > width + 0.5)
            .map((e) => e.tagName + '.' + e.className)""",
        PRINTABLE_WIDTH_PX,
    )
    assert past_edge == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PRINTABLE_WIDTH_PX

    response = page.request.get(url.replace("katsaus/", "katsaus.pdf"))
    assert response.headers["content-type"] == "application/pdf"
    pages = pdf_pages(response.body())
    assert len(pages) >= 2
    for number, image in enumerate(pages, 1):
        assert (round(image.width_points), round(image.height_points)) == tuple(round(p) for p in A4_POINTS)
        inked = image.inked_columns()
        # Content stays inside the side margins: nothing was cut at the paper's edge.
        assert inked and min(inked) >= MARGIN_POINTS and max(inked) <= image.width - MARGIN_POINTS, number
        path = ARTIFACTS / "screenshots" / f"backoffice-board-report-pdf-{number}.png"
        path.write_bytes(image.png())
    assert_accessible(page)
