"""A reader in a real browser: languages, right-to-left, districts, accessibility."""

import re

import pytest

from tests.browser.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser


def rems_murr_url(server, path):
    port = server.url.rsplit(":", 1)[1]
    return f"http://rems-murr.localhost:{port}{path}"


def test_german_reader_switches_to_arabic(server, page):
    page.goto(server.url + "/")
    assert page.url == server.url + "/de/"
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("html").get_attribute("dir") == "ltr"
    page.get_by_role("navigation", name="Sprache wählen").get_by_role(
        "link", name=re.compile("العربية")
    ).click()
    assert page.url == server.url + "/ar/"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "الاندماج في دائرة راشتات"
    # the Arabic text is drawn with the self-hosted Arabic font
    font = page.locator("h1").evaluate("element => getComputedStyle(element).fontFamily")
    assert font.startswith('"Noto Sans Arabic"')
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.fonts.check('16px \"Noto Sans Arabic\"', 'عربي')")
    # RTL really mirrors the layout: the brand sits at the right edge
    brand = page.locator(".site-brand").bounding_box()
    assert brand["x"] > page.viewport_size["width"] / 2
    save_screenshot(page, "home-ar")


def test_arabic_reader_follows_menu_and_stays_in_arabic(server, page):
    page.goto(server.url + "/ar/")
    page.locator(".main-nav__link").first.click()
    assert "/ar/" in page.url
    assert page.locator("html").get_attribute("lang") == "ar"
    english = page.locator('.language-switcher a[hreflang="en"]')
    english.click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "/en/" in page.url


def test_rems_murr_is_its_own_district(server, page):
    page.goto(rems_murr_url(server, "/de/"))
    assert page.locator("h1").inner_text() == "Integration im Rems-Murr-Kreis"
    assert "Rems-Murr-Kreis" in page.locator(".site-brand__name").inner_text()
    assert "Rastatt" not in page.locator("main").inner_text()


def test_pages_work_without_javascript(browser, server, requests_log):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.on("request", requests_log.record)
    page.goto(server.url + "/de/beteiligung/")
    page.locator("summary", has_text="Kann ich noch Vorschläge einreichen?").click()
    assert page.get_by_text("nimmt Vorschläge und Bedarfe jederzeit").is_visible()
    page.goto(server.url + "/de/beteiligung/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Zum Inhalt springen")
    assert skip_link.evaluate("element => element === document.activeElement")
    assert skip_link.is_visible()  # visible when focused
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")
    context.close()
    assert requests_log.foreign() == []


def test_usable_at_320_pixels(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    for path in ("/de/", "/ar/beteiligung/"):
        page.goto(server.url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= 320, (path, scroll_width)
    save_screenshot(page, "narrow-ar")
    context.close()


PAGE_TYPES = {
    "home": "/{lang}/",
    "standard": "/{lang}/beteiligung/",
}


REMS_MURR_PAGE_TYPES = {
    "home": "/{lang}/",
    "concept": "/{lang}/integrationsplan-2017/",
    "chapter": "/{lang}/integrationsplan-2017/bildung-und-sprache/",
    "measure": "/{lang}/integrationsplan-2017/bildung-und-sprache/koordinierungsstelle-bildung/",
    "concept print": "/{lang}/integrationsplan-2017/gesamt/",
}


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_axe_finds_no_violations_on_every_page_type(server, page, lang):
    for name, path in PAGE_TYPES.items():
        page.goto(server.url + path.format(lang=lang))
        violations = axe_violations(page)
        assert violations == [], f"{name} ({lang}): {violations}"
    for name, path in REMS_MURR_PAGE_TYPES.items():
        response = page.goto(rems_murr_url(server, path.format(lang=lang)))
        assert response.status == 200, name
        violations = axe_violations(page)
        assert violations == [], f"{name} ({lang}): {violations}"
    save_screenshot(page, f"concept-print-{lang}")


def test_council_member_follows_a_cross_reference(server, page):
    """Rems-Murr plan → chapter 2 → "vgl. Maßnahme 2.5" → measure 2.5."""
    page.goto(rems_murr_url(server, "/de/integrationsplan-2017/"))
    assert "8. Mai 2017" in page.locator(".adoption-line").inner_text()
    page.get_by_role("link", name=re.compile("Arbeitsmarkt")).first.click()
    page.get_by_role("link", name=re.compile("Arbeitsgruppe zur Arbeitsmarktintegration")).click()
    page.get_by_role("link", name="Maßnahme 2.5").click()
    assert page.locator(".measure-number").first.inner_text() == "2.5"
    page.goto(
        rems_murr_url(
            server,
            "/ar/integrationsplan-2017/bildung-und-sprache/koordinierungsstelle-bildung/",
        )
    )
    assert page.locator("html").get_attribute("dir") == "rtl"
    save_screenshot(page, "measure-ar")
