"""A reader searches the Rems-Murr site from the header box in a real browser: in German and
in Arabic, by a measure number, without JavaScript, with the suggestions of the datalist, and
with the "Art" filter; the results and no-results pages have no axe violations, and
screenshots of the German and Arabic results are kept in test-artifacts/."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser

MEASURE_DE = "Koordinierungsstelle für die Bildungsangebote Neuzugewanderter"
MEASURE_AR = "مكتب تنسيق العروض التعليمية للقادمين الجدد"
MEASURE_PATH = "/integrationsplan-2017/bildung-und-sprache/koordinierungsstelle-bildung/"
CONTACT = "Elif Probe"
QUERY_DE = "Sprachkurse"
QUERY_AR = "دورات اللغة"
NOTHING = "zzqxv"


def rems_murr_url(server, path):
    port = server.url.rsplit(":", 1)[1]
    return f"http://rems-murr.localhost:{port}{path}"


def search_from_header(page, query, submit="enter"):
    """Type the query into the header box and send it, as a reader would."""
    form = page.locator("form.header-search")
    box = form.locator("#header-search-query")
    box.click()
    box.press_sequentially(query)
    if submit == "enter":
        box.press("Enter")
    else:
        form.locator("button[type=submit]").click()


def wait_for_results(page, lang):
    page.wait_for_url(re.compile(rf"/{lang}/search/\?"))
    page.wait_for_load_state()


def result_titles(page):
    return page.locator("ol.search-results__list h3.search-result__title").all_inner_texts()


def test_german_reader_finds_language_courses_and_opens_the_measure(server, page):
    page.goto(rems_murr_url(server, "/de/"))
    header = page.locator("form.header-search")
    expect(header.get_by_text("Suchbegriff", exact=True)).to_be_visible()
    header.get_by_label("Suchbegriff").fill(QUERY_DE)
    header.get_by_role("button", name="Suchen").click()
    wait_for_results(page, "de")

    assert page.url.startswith(rems_murr_url(server, "/de/search/?q=Sprachkurse"))
    expect(page.locator("h1")).to_have_text("Suche")
    expect(page.locator(".search-results [role=status]")).to_contain_text(
        "Ergebnisse für „Sprachkurse“"
    )
    titles = result_titles(page)
    assert MEASURE_DE in titles, titles
    assert CONTACT in titles, titles
    # the reader's word is marked in the excerpts ("Sprachkurse", "Sprachkurs-")
    marks = page.locator("ol.search-results__list mark").all_inner_texts()
    assert marks, "no <mark> in the results"
    assert all(mark.lower().startswith("sprachkurs") for mark in marks), marks
    contact = page.locator("li.search-result", has_text=CONTACT)
    expect(contact.locator("mark", has_text="Sprachkurse").first).to_be_visible()

    page.locator("h3.search-result__title a", has_text=MEASURE_DE).click()
    page.wait_for_url(re.compile(re.escape(MEASURE_PATH) + "$"))
    assert page.url == rems_murr_url(server, "/de" + MEASURE_PATH)
    expect(page.locator("h1")).to_contain_text(MEASURE_DE)


def test_arabic_reader_finds_the_arabic_measure(server, page):
    page.goto(rems_murr_url(server, "/ar/"))
    search_from_header(page, QUERY_AR)
    wait_for_results(page, "ar")

    html = page.locator("html")
    assert html.get_attribute("dir") == "rtl"
    assert html.get_attribute("lang") == "ar"
    assert page.evaluate("document.dir") == "rtl"
    titles = result_titles(page)
    assert MEASURE_AR in titles, titles
    assert MEASURE_DE not in page.locator("body").inner_text()
    assert page.locator("ol.search-results__list mark").count() > 0

    page.locator("h3.search-result__title a", has_text=MEASURE_AR).click()
    page.wait_for_url(re.compile(re.escape(MEASURE_PATH) + "$"))
    assert page.url == rems_murr_url(server, "/ar" + MEASURE_PATH)
    assert page.locator("html").get_attribute("dir") == "rtl"
    expect(page.locator("h1")).to_contain_text(MEASURE_AR)


def test_measure_number_leads_straight_to_the_measure(server, page):
    page.goto(rems_murr_url(server, "/de/"))
    search_from_header(page, "2.5", submit="button")
    page.wait_for_url(re.compile(r"/massnahme-2-5/$"))
    assert page.url.startswith(rems_murr_url(server, "/de/"))
    expect(page.locator("h1")).to_contain_text("Standardprozess bis zur Arbeitsmarktintegration")
    expect(page.locator(".page-header .measure-number").first).to_have_text("2.5")


@pytest.mark.parametrize(
    ("lang", "query", "found"),
    [
        ("de", QUERY_DE, True),
        ("de", NOTHING, False),
        ("ar", QUERY_AR, True),
        ("ar", NOTHING, False),
    ],
    ids=["de-results", "de-nothing", "ar-results", "ar-nothing"],
)
def test_axe_finds_no_violations_on_search_pages(server, page, lang, query, found):
    page.goto(rems_murr_url(server, f"/{lang}/"))
    search_from_header(page, query)
    wait_for_results(page, lang)
    if found:
        assert page.locator("li.search-result").count() > 0
    else:
        assert page.locator("li.search-result").count() == 0
        empty = page.locator(".search-empty")
        expect(empty).to_be_visible()
        expect(empty).to_contain_text(NOTHING)
        # the district office is offered instead
        assert empty.locator('a[href^="tel:"]').count() == 1
        assert empty.locator('a[href^="mailto:"]').count() == 1
        if lang == "de":
            expect(empty).to_contain_text(f"Zu „{NOTHING}“ haben wir nichts gefunden.")
    violations = axe_violations(page)
    assert violations == [], f"{lang} {query}: {violations}"
    if found:
        save_screenshot(page, f"search-results-{lang}")


def test_search_works_without_javascript(browser, server, requests_log):
    context = browser.new_context(locale="de-DE", java_script_enabled=False)
    page = context.new_page()
    page.on("request", requests_log.record)
    try:
        page.goto(rems_murr_url(server, "/de/"))
        search_from_header(page, QUERY_DE)
        wait_for_results(page, "de")
        titles = result_titles(page)
        assert MEASURE_DE in titles and CONTACT in titles, titles
        # nothing enhanced the box: no datalist without the script
        assert page.locator("datalist").count() == 0
    finally:
        context.close()
    assert requests_log.foreign() == []


def test_suggestions_fill_the_datalist_from_this_server_only(server, page, requests_log):
    page.goto(rems_murr_url(server, "/de/"))
    box = page.locator("#header-search-query")
    expect(box).to_have_attribute("list", "header-search-query-suggestions")
    with page.expect_response(re.compile(r"/de/search/vorschlaege/\?q=Spra$")) as response:
        box.click()
        box.press_sequentially("Spra", delay=30)
    assert response.value.ok
    data = response.value.json()
    assert data["query"] == "Spra" and data["suggestions"], data
    options = page.locator("datalist#header-search-query-suggestions option")
    expect(options.first).to_be_attached()
    values = [options.nth(i).get_attribute("value") for i in range(options.count())]
    assert all(values), values
    assert all(value.lower().find("spra") >= 0 for value in values), values
    # still on the home page: typing does not navigate
    assert page.url == rems_murr_url(server, "/de/")
    assert requests_log.foreign() == []


def test_kind_filter_leaves_only_contacts(server, page):
    page.goto(rems_murr_url(server, "/de/"))
    search_from_header(page, QUERY_DE)
    wait_for_results(page, "de")
    assert page.locator("li.search-result").count() > 1
    assert page.locator("li.search-result--measure").count() >= 1

    form = page.locator("form.search-form")
    form.get_by_label("Art", exact=True).select_option(label="Kontakte")
    form.get_by_role("button", name="Suchen").click()
    page.wait_for_url(re.compile(r"[?&]typ=contact(&|$)"))

    results = page.locator("li.search-result")
    expect(results).to_have_count(1)
    expect(results.first).to_have_class(re.compile(r"\bsearch-result--contact\b"))
    assert result_titles(page) == [CONTACT]
    expect(form.get_by_label("Art", exact=True)).to_have_value("contact")
    expect(form.locator("#search-page-query")).to_have_value(QUERY_DE)
    expect(page.get_by_role("link", name="Alle Filter zurücksetzen")).to_be_visible()
