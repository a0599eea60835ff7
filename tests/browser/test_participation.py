"""A resident sends a suggestion for "Wohnen" in German and in Arabic, without JavaScript."""

import pytest

from django.core.cache import cache

from tests.browser.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser

FORM = {
    "de": {
        "path": "/de/vorschlaege/",
        "topic": "Wohnen",
        "suggestion": "Ihr Vorschlag oder Bedarf",
    },
    "ar": {"path": "/ar/vorschlaege/", "topic": "السكن", "suggestion": "اقتراحك أو حاجتك"},
}


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_resident_sends_a_suggestion_without_javascript(browser, server, requests_log, lang):
    cache.clear()  # the rate limit counts per client; all browser tests share one address
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    page.on("request", requests_log.record)
    spec = FORM[lang]
    page.goto(server.url + spec["path"])
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").count() == 1
    page.locator("select[name=topic]").select_option(label=spec["topic"])
    page.get_by_label(spec["suggestion"]).fill("Mehr bezahlbare Wohnungen in Gaggenau.")
    page.locator("input[name=consent]").check()
    page.locator("form.suggestion-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator(".suggestion-thanks").is_visible()
    save_screenshot(page, f"suggestion-thanks-{lang}")
    context.close()
    assert requests_log.foreign() == []


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_axe_finds_no_violations_on_the_form_and_thank_you_page(server, page, lang):
    cache.clear()
    spec = FORM[lang]
    page.goto(server.url + spec["path"])
    violations = axe_violations(page)
    assert violations == [], f"form ({lang}): {violations}"
    # the form with errors next to their fields
    page.locator("form.suggestion-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".kern-error").count() >= 3
    violations = axe_violations(page)
    assert violations == [], f"form with errors ({lang}): {violations}"
    save_screenshot(page, f"suggestion-errors-{lang}")
    page.locator("select[name=topic]").select_option(label=spec["topic"])
    page.get_by_label(spec["suggestion"]).fill("Ein Treffpunkt für Familien.")
    page.locator("input[name=consent]").check()
    page.locator("form.suggestion-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".suggestion-thanks").is_visible()
    violations = axe_violations(page)
    assert violations == [], f"thank-you page ({lang}): {violations}"
