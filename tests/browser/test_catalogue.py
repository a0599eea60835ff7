"""A reader filters the measure catalogue without JavaScript, downloads it, reads the report."""

import csv
import io

import pytest

from tests.browser.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def concept_site(transactional_db):
    """A district with a concept of two chapters, a catalogue and a report, also in Arabic."""
    from concept.factories import concept_tree, progress
    from concept.models import MeasurePage
    from contacts.models import Organisation
    from home.demo.build import ensure_base_data
    from home.factories import district_site, translate_page

    ensure_base_data()
    site = district_site()
    tree = concept_tree(site.root_page.specific, chapters=2, measures_per_chapter=3)
    jobcenter = Organisation.objects.create(
        name="Jobcenter Landkreis Rastatt", site=site, locale=site.root_page.locale
    )
    states = {
        "1.1": [progress(2018, "planned", "Der Antrag ist gestellt.")],
        "1.2": [progress(2018, "in_progress", "Zwei Stellen sind besetzt.", "2 Stellen")],
        "2.1": [progress(2018, "in_progress", "Die Arbeitsgruppe trifft sich.")],
        "2.3": [progress(2018, "implemented", "Abgeschlossen.")],
    }
    for measure in MeasurePage.objects.all():
        measure.progress = states.get(measure.full_number, [])
        measure.lead_organisation = jobcenter if measure.chapter_number == 2 else None
        measure.save_revision().publish()
    for page in (tree["catalogue"], tree["report"], *MeasurePage.objects.all()):
        translate_page(page, "ar")
    return tree


def test_reader_filters_by_status_without_javascript_and_downloads_csv(
    browser, concept_site, live_server, requests_log
):
    context = browser.new_context(java_script_enabled=False, locale="de-DE", accept_downloads=True)
    page = context.new_page()
    page.on("request", requests_log.record)
    page.goto(live_server.url + concept_site["catalogue"].url)
    numbers = page.locator(".catalogue-table__number")
    assert numbers.all_inner_texts() == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]

    page.get_by_label("Umsetzungsstand").select_option(label="In Umsetzung")
    page.get_by_role("button", name="Filter anwenden").click()
    page.wait_for_load_state()
    assert "status=in_progress" in page.url
    assert numbers.all_inner_texts() == ["1.2", "2.1"]
    assert page.get_by_label("Umsetzungsstand").input_value() == "in_progress"
    assert page.get_by_text("2 Maßnahmen gefunden").is_visible()
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
    assert [row[0] for row in rows[1:]] == ["1.2", "2.1"]
    assert rows[2][3] == "Jobcenter Landkreis Rastatt"
    context.close()
    assert requests_log.foreign() == []


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_axe_finds_no_violations_on_catalogue_and_report(concept_site, live_server, page, lang):
    from wagtail.models import Locale

    locale = Locale.objects.get(language_code=lang)
    for key in ("catalogue", "report"):
        target = concept_site[key].get_translation(locale)
        response = page.goto(live_server.url + target.url)
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
