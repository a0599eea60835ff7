"""A reader filters the measure catalogue without JavaScript, downloads it, reads the report."""

import csv
import io

import pytest

from tests.browser.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser


PLAN = "/{lang}/integrationsplan-2017/"


def rems_murr(server, path):
    return f"http://rems-murr.localhost:{server.url.rsplit(':', 1)[1]}{path}"


def test_reader_filters_by_status_without_javascript_and_downloads_csv(
    browser, server, requests_log
):
    context = browser.new_context(java_script_enabled=False, locale="de-DE", accept_downloads=True)
    page = context.new_page()
    page.on("request", requests_log.record)
    page.goto(rems_murr(server, PLAN.format(lang="de") + "massnahmenkatalog/"))
    numbers = page.locator(".catalogue-table__number")
    assert numbers.all_inner_texts() == [
        "1.1",
        "1.2",
        "1.3",
        "1.5",
        "1.6",
        "1.7",
        "2.3",
        "2.5",
        "2.6",
        "2.7",
    ]

    page.get_by_label("Umsetzungsstand").select_option(label="In Umsetzung")
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_load_state()
    assert "status=in_progress" in page.url
    assert numbers.all_inner_texts() == ["1.1", "1.2", "1.7", "2.5"]
    assert page.get_by_label("Umsetzungsstand").input_value() == "in_progress"
    assert page.get_by_text("4 Maßnahmen gefunden").is_visible()
    save_screenshot(page, "catalogue-filtered-de")

    with page.expect_download() as info:
        page.get_by_role("link", name="Als CSV herunterladen").click()
    download = info.value
    assert download.suggested_filename == "massnahmenkatalog.csv"
    with open(download.path(), "rb") as file:
        data = file.read()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Nr.", "Maßnahme"]
    assert [row[0] for row in rows[1:]] == ["1.1", "1.2", "1.7", "2.5"]
    assert rows[4][3] == "Stabsstelle Wirtschaftsförderung"
    context.close()
    assert requests_log.foreign() == []


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_axe_finds_no_violations_on_catalogue_and_report(server, page, lang):
    for key in ("massnahmenkatalog/", "jahresbericht-2018/"):
        response = page.goto(rems_murr(server, PLAN.format(lang=lang) + key))
        assert response.status == 200, key
        assert page.locator("html").get_attribute("lang") == lang
        violations = axe_violations(page)
        assert violations == [], f"{key} ({lang}): {violations}"
        save_screenshot(page, f"{key}-{lang}")
    # the report's chart has an accessible name and the table says the same in numbers
    title = page.locator("#report-chart-title").text_content()
    chart = page.get_by_role("img", name=title)
    assert chart.count() == 1
    assert page.locator(".report-table caption").count() == 1
