"""Arabic pages in a real browser: the layout mirrors, numbers stay left to right, no axe
violations; full-page screenshots of a measure, a contact and the catalogue are kept in
test-artifacts/ (looked at by people, not compared pixel by pixel)."""

import re

import pytest

from tests.browser.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser

MEASURE = "/{lang}/integrationsplan-2017/bildung-und-sprache/koordinierungsstelle-bildung/"
CATALOGUE = "/{lang}/integrationsplan-2017/massnahmenkatalog/"
CONTACTS = "/{lang}/kontakte/"


def rems_murr(server, path):
    return f"http://rems-murr.localhost:{server.url.rsplit(':', 1)[1]}{path}"


def direction(locator):
    return locator.evaluate("element => getComputedStyle(element).direction")


def menu_edges(page):
    """(list's left, list's right, first item's left, first item's right, last item's left)."""
    menu = page.locator(".main-nav__list").bounding_box()
    links = page.locator(".main-nav__link")
    first = links.first.bounding_box()
    last = links.last.bounding_box()
    return (
        menu["x"],
        menu["x"] + menu["width"],
        first["x"],
        first["x"] + first["width"],
        last["x"],
    )


def assert_mirrored(page):
    """The page reads right to left and its main navigation starts at the right edge."""
    assert page.evaluate("document.dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert direction(page.locator("main")) == "rtl"
    menu_left, menu_right, first_left, first_right, last_left = menu_edges(page)
    # the first entry hugs the right edge (inside the list's padding), the others follow
    # to its left
    assert menu_right - first_right <= 40, (menu_right, first_right)
    assert first_left - menu_left > menu_right - first_right
    assert last_left < first_left


def assert_numbers_left_to_right(locator):
    assert locator.count() > 0
    for index in range(locator.count()):
        number = locator.nth(index)
        assert re.fullmatch(r"\d+\.\d+", number.inner_text()), number.inner_text()
        assert direction(number) == "ltr"


def test_german_menu_starts_at_the_left_edge(server, page):
    """The counterpart: the same menu in German starts on the left."""
    page.goto(rems_murr(server, MEASURE.format(lang="de")))
    assert page.evaluate("document.dir") == "ltr"
    menu_left, menu_right, first_left, _first_right, last_left = menu_edges(page)
    assert first_left - menu_left <= 40
    assert last_left > first_left


def test_arabic_measure_page_mirrors_and_keeps_its_number(server, page):
    page.goto(rems_murr(server, MEASURE.format(lang="ar")))
    assert_mirrored(page)
    number = page.locator(".page-header .measure-number")
    assert_numbers_left_to_right(number)
    # the number reads "2.5", not "5.2": its first digit is drawn left of its last
    box = number.evaluate(
        """element => {
            const text = element.firstChild, range = document.createRange();
            range.setStart(text, 0); range.setEnd(text, 1);
            const first = range.getBoundingClientRect().left;
            range.setStart(text, text.length - 1); range.setEnd(text, text.length);
            return [first, range.getBoundingClientRect().left];
        }"""
    )
    assert box[0] < box[1]
    # the status and the facts are there, in Arabic
    assert page.locator(".status-badge").count() >= 1
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    save_screenshot(page, "rtl-measure-ar")


def test_arabic_catalogue_mirrors_with_numbers_in_the_rightmost_column(server, page):
    page.goto(rems_murr(server, CATALOGUE.format(lang="ar")))
    assert_mirrored(page)
    assert_numbers_left_to_right(page.locator(".catalogue-table__number bdi"))
    first_row = page.locator(".catalogue-table tbody tr").first
    number_cell = first_row.locator(".catalogue-table__number").bounding_box()
    title_cell = first_row.locator(".catalogue-table__title").bounding_box()
    assert number_cell["x"] > title_cell["x"]  # the first column is on the right
    assert axe_violations(page) == []
    save_screenshot(page, "rtl-catalogue-ar")


def test_arabic_contact_mirrors_and_keeps_numbers_and_addresses(server, page):
    page.goto(server.url + CONTACTS.format(lang="ar"))
    assert_mirrored(page)
    page.get_by_role("link", name="Miriam Beispiel").click()
    page.wait_for_load_state()
    assert re.search(r"/ar/kontakte/\d+-miriam-beispiel/$", page.url)
    assert_mirrored(page)
    phone = page.locator('.contact-detail a[href^="tel:"] bdi').first
    assert direction(phone) == "ltr"
    assert re.fullmatch(r"[\d ]+", phone.inner_text())
    mail = page.locator('.contact-detail a[href^="mailto:"] bdi').first
    assert direction(mail) == "ltr" and "@" in mail.inner_text()
    hours = page.locator(".office-hours bdi[dir=ltr]").first
    assert re.fullmatch(r"\d\d:\d\d–\d\d:\d\d", hours.inner_text())
    assert direction(hours) == "ltr"
    assert axe_violations(page) == []
    save_screenshot(page, "rtl-contact-ar")
