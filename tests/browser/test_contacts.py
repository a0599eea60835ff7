"""A newcomer finds the right person in the Arabic directory, calls and saves the vCard."""

import re
from pathlib import Path

import pytest
import vobject

from tests.browser.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser


def test_arabic_reader_filters_by_language_and_saves_the_vcard(browser, server, requests_log):
    # without JavaScript: the filter is a plain GET form
    context = browser.new_context(java_script_enabled=False, accept_downloads=True)
    page = context.new_page()
    page.on("request", requests_log.record)
    page.goto(server.url + "/ar/kontakte/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").count() == 1
    assert page.locator('label[for="contact-filter-language"]').count() == 1
    page.locator("#contact-filter-language").select_option("ar")
    page.locator(".contact-filter button[type=submit]").click()
    page.wait_for_url("**/ar/kontakte/?*language=ar*")
    names = page.locator(".contact-list__item h3").all_inner_texts()
    assert "Miriam Beispiel" in names
    assert "Jonas Muster" not in names  # speaks no Arabic
    assert "Vertretung Sachgebietsleitung" not in page.content()  # internal
    save_screenshot(page, "contacts-ar-filtered")

    page.get_by_role("link", name="Miriam Beispiel").click()
    assert re.search(r"/ar/kontakte/\d+-miriam-beispiel/$", page.url)
    assert page.locator("h1").inner_text() == "Miriam Beispiel"
    assert "مسؤولة الاندماج" in page.locator("main").inner_text()
    assert "D4.01" in page.locator("main").inner_text()
    tel = page.locator('a[href^="tel:"]').first
    assert tel.get_attribute("href") == "tel:+4972220000101"
    # the number reads left to right inside the right-to-left page
    assert tel.locator("bdi").get_attribute("dir") == "ltr"
    assert tel.evaluate("element => getComputedStyle(element.querySelector('bdi')).direction") == (
        "ltr"
    )
    with page.expect_download() as download_info:
        page.locator("a.contact-vcard").click()
    download = download_info.value
    assert download.suggested_filename == "miriam-beispiel.vcf"
    card = vobject.readOne(Path(download.path()).read_text(encoding="utf-8"))
    assert card.fn.value == "Miriam Beispiel"
    assert card.tel.value == "+4972220000101"
    assert card.title.value == "مسؤولة الاندماج"
    save_screenshot(page, "contact-ar")
    context.close()
    assert requests_log.foreign() == []


@pytest.mark.parametrize("language", ["de", "ar"])
def test_directory_and_entry_have_no_axe_violations(server, page, language):
    page.goto(f"{server.url}/{language}/kontakte/")
    assert axe_violations(page) == []
    page.locator(".contact-list__item h3 a").first.click()
    page.wait_for_load_state()
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
    save_screenshot(page, f"contact-detail-{language}")
