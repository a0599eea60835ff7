"""A reader reads the news in German and Arabic, accessibly, and opens a gallery picture."""

import pytest

from tests.browser.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser

INDEX = "/{lang}/aktuelles/"
APPROVAL = "/{lang}/aktuelles/integrationskonzept-beschlossen/"


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_news_index_and_news_page_have_no_axe_violations(server, page, requests_log, lang):
    page.goto(server.url + INDEX.format(lang=lang))
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").count() == 1
    assert page.locator(".news-teaser").count() >= 1
    assert axe_violations(page) == []
    save_screenshot(page, f"news-index-{lang}")

    page.goto(server.url + APPROVAL.format(lang=lang))
    assert page.locator("h1").count() == 1
    assert page.locator(".gallery-block__item").count() == 3
    assert axe_violations(page) == []
    save_screenshot(page, f"news-page-{lang}")
    assert requests_log.foreign() == []


def test_gallery_image_opens_large_without_javascript(browser, server, requests_log):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.on("request", requests_log.record)
    page.goto(server.url + APPROVAL.format(lang="de"))
    thumbnail = page.locator(".gallery-block__image").first
    small_width = thumbnail.evaluate("image => image.naturalWidth")
    page.locator(".gallery-block__link").first.click()
    page.wait_for_load_state("load")
    assert "max-1600x1600" in page.url
    large_width = page.evaluate("document.images[0].naturalWidth")
    assert large_width > small_width
    assert requests_log.foreign() == []
    context.close()


def test_gallery_opens_in_a_dialog_with_javascript(server, page):
    page.goto(server.url + APPROVAL.format(lang="ar"))
    link = page.locator(".gallery-block__link").first
    alt = link.locator("img").get_attribute("alt")
    link.click()
    dialog = page.get_by_role("dialog", name=alt)
    assert dialog.is_visible()
    assert dialog.locator("img").get_attribute("alt") == alt
    # The large picture may still be loading (its rendition is made on first request).
    dialog.locator("img").evaluate(
        "image => image.complete || new Promise(done => {"
        " image.addEventListener('load', done); image.addEventListener('error', done); })"
    )
    assert dialog.locator("img").evaluate("image => image.naturalWidth > 480")
    assert page.url.endswith("/")  # still on the news page
    assert axe_violations(page) == []
    page.keyboard.press("Escape")
    assert page.get_by_role("dialog").count() == 0
    assert link.evaluate("element => element === document.activeElement")
