"""The measure catalogue: filters from the query string, order, pages, CSV and XLSX exports."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale

from concept.catalogue import COLUMNS
from concept.factories import MeasurePageFactory, TargetGroupFactory, concept_tree
from concept.models import MeasurePage, Status
from concept.models.pages import MeasureTargetGroup
from contacts.models import Organisation
from home.factories import translate_page

pytestmark = pytest.mark.django_db

NUMBER_CELL = re.compile(
    r'<td class="kern-table__cell catalogue-table__number">'
    r'<bdi class="measure-number" dir="ltr">([\d.]+)</bdi>'
)


def organisation(site, name, locale=None):
    return Organisation.objects.create(name=name, site=site, locale=locale or Locale.get_default())


def numbers(response):
    assert response.status_code == 200
    return NUMBER_CELL.findall(response.content.decode())


def set_fields(number, **fields):
    """Change a measure's fields without a revision (test data only)."""
    chapter, measure = map(int, number.split("."))
    MeasurePage.objects.filter(chapter_number=chapter, number=measure).update(**fields)


@pytest.fixture
def catalogue(home, site):
    """Two chapters with 12 measures each, varied in status, lead, kind, timeframe, groups."""
    tree = concept_tree(home, chapters=2, measures_per_chapter=12)
    jobcenter = organisation(site, "Jobcenter Landkreis Rastatt")
    economy = organisation(site, "Wirtschaftsförderung")
    youth = TargetGroupFactory(name="Junge Geflüchtete")
    women = TargetGroupFactory(name="Frauen")
    set_fields("1.2", status="in_progress", lead_organisation=jobcenter, timeframe="medium")
    set_fields("1.10", status="in_progress", lead_organisation=economy, kind="recommendation")
    set_fields("2.3", status="implemented", lead_organisation=jobcenter, timeframe="long")
    set_fields("2.11", status="in_progress", lead_organisation=jobcenter, kind="recommendation")
    by_number = {m.full_number: m for m in MeasurePage.objects.all()}
    for number in ("1.2", "2.3"):
        MeasureTargetGroup.objects.create(page=by_number[number], target_group=youth)
    MeasureTargetGroup.objects.create(page=by_number["2.11"], target_group=women)
    return {**tree, "jobcenter": jobcenter, "economy": economy, "youth": youth, "women": women}


def test_lists_every_measure_sorted_by_number(client, catalogue):
    listed = numbers(client.get(catalogue["catalogue"].url))
    assert len(listed) == 24
    assert listed[:12] == [f"1.{n}" for n in range(1, 13)]  # 1.2 before 1.10
    assert listed.index("1.2") < listed.index("1.10") < listed.index("2.1")


def test_table_shows_the_measure_facts(client, catalogue):
    content = client.get(catalogue["catalogue"].url).content.decode()
    measure = MeasurePage.objects.get(chapter_number=1, number=2)
    assert f'<a class="kern-link" href="{measure.url}">Maßnahme 1.2</a>' in content
    row = content[content.index(measure.url) :].split("</tr>")[0]
    assert "Jobcenter Landkreis Rastatt" in row
    assert "kern-badge--warning" in row and "In Umsetzung" in row
    assert "Mittelfristig" in row and "Junge Geflüchtete" in row
    assert "<caption" in content and 'scope="col"' in content
    assert content.count("<h1") == 1


def test_filter_form_works_without_javascript(client, catalogue):
    content = client.get(catalogue["catalogue"].url).content.decode()
    start = content.index('<form class="catalogue-filters"')
    form = content[start : content.index("</form>", start)]
    assert 'method="get"' in form and 'type="submit"' in form
    for name in ("chapter", "status", "lead", "target_group", "kind", "timeframe"):
        assert f'<label class="kern-label" for="filter-{name}">' in form
        assert f'id="filter-{name}" name="{name}"' in form
    # only leads and target groups that occur are offered
    assert "Jobcenter Landkreis Rastatt" in form and "Frauen" in form


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"chapter": "2"}, [f"2.{n}" for n in range(1, 13)]),
        ({"status": "in_progress"}, ["1.2", "1.10", "2.11"]),
        ({"status": "implemented"}, ["2.3"]),
        ({"kind": "recommendation"}, ["1.10", "2.11"]),
        ({"timeframe": "medium"}, ["1.2"]),
        ({"timeframe": "long"}, ["2.3"]),
        ({"status": "in_progress", "chapter": "1"}, ["1.2", "1.10"]),
        ({"status": "in_progress", "kind": "district"}, ["1.2"]),
        ({"status": "planned", "timeframe": "medium"}, []),
    ],
)
def test_filters(client, catalogue, query, expected):
    assert numbers(client.get(catalogue["catalogue"].url, query)) == expected


def test_filter_by_lead_and_target_group(client, catalogue):
    url = catalogue["catalogue"].url
    jobcenter, youth = catalogue["jobcenter"].pk, catalogue["youth"].pk
    assert numbers(client.get(url, {"lead": jobcenter})) == ["1.2", "2.3", "2.11"]
    assert numbers(client.get(url, {"lead": catalogue["economy"].pk})) == ["1.10"]
    assert numbers(client.get(url, {"target_group": youth})) == ["1.2", "2.3"]
    assert numbers(client.get(url, {"target_group": catalogue["women"].pk})) == ["2.11"]
    both = {"lead": jobcenter, "target_group": youth, "status": "implemented"}
    assert numbers(client.get(url, both)) == ["2.3"]
    selected = f'<option value="{jobcenter}" selected>Jobcenter Landkreis Rastatt</option>'
    assert selected in client.get(url, {"lead": jobcenter}).content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"status": "erfunden"},
        {"chapter": "abc"},
        {"chapter": "99"},
        {"lead": "999999"},
        {"lead": "x"},
        {"target_group": "-1"},
        {"kind": "<script>"},
        {"timeframe": ""},
        {"page": "zwei"},
    ],
)
def test_unknown_filter_values_are_ignored(client, catalogue, query):
    assert len(numbers(client.get(catalogue["catalogue"].url, query))) == 24


def test_filtered_measures_of_another_edition_never_show(client, catalogue, home):
    other = concept_tree(home, chapters=1, measures_per_chapter=2, slug="andere-ausgabe")
    listed = numbers(client.get(catalogue["catalogue"].url))
    assert len(listed) == 24
    assert numbers(client.get(other["catalogue"].url)) == ["1.1", "1.2"]


def test_pages_of_fifty_and_out_of_range_shows_the_last_page(client, home):
    tree = concept_tree(home, chapters=1, measures_per_chapter=60)
    url = tree["catalogue"].url
    first = client.get(url)
    assert numbers(first) == [f"1.{n}" for n in range(1, 51)]
    assert 'href="?page=2"' in first.content.decode()
    assert numbers(client.get(url, {"page": 2})) == [f"1.{n}" for n in range(51, 61)]
    assert numbers(client.get(url, {"page": 99})) == [f"1.{n}" for n in range(51, 61)]
    assert numbers(client.get(url, {"page": -1})) == [f"1.{n}" for n in range(51, 61)]
    with_filter = client.get(url, {"status": "planned", "page": 2}).content.decode()
    assert 'href="?status=planned&amp;page=1"' in with_filter


def test_export_links_keep_the_filters(client, catalogue):
    content = client.get(catalogue["catalogue"].url, {"status": "in_progress", "chapter": "1"})
    content = content.content.decode()
    base = catalogue["catalogue"].url
    assert f'href="{base}export/csv/?chapter=1&amp;status=in_progress"' in content
    assert f'href="{base}export/xlsx/?chapter=1&amp;status=in_progress"' in content


def german_headers():
    with translation.override("de"):
        return [str(label) for _key, label in COLUMNS]


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 byte order mark for Excel
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def read_xlsx(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.spreadsheetml"
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [[cell if cell is not None else "" for cell in row] for row in sheet.values]


def test_csv_export_is_exactly_the_filtered_set(client, catalogue):
    url = catalogue["catalogue"].url + "export/csv/"
    rows = read_csv(client.get(url, {"status": "in_progress"}))
    assert rows[0] == german_headers()
    assert [row[0] for row in rows[1:]] == ["1.2", "1.10", "2.11"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["Maßnahme"] == "Maßnahme 1.2"
    assert first["Federführung"] == "Jobcenter Landkreis Rastatt"
    assert first["Umsetzungsstand"] == "In Umsetzung"
    assert first["Zeitrahmen"] == "Mittelfristig"
    assert first["Zielgruppen"] == "Junge Geflüchtete"
    assert first["Kapitel"].startswith("1 ")
    assert len(read_csv(client.get(url))) == 25


def test_exports_contain_every_page_not_only_the_first(client, home):
    tree = concept_tree(home, chapters=1, measures_per_chapter=55)
    base = tree["catalogue"].url
    csv_rows = read_csv(client.get(base + "export/csv/", {"page": 1}))
    assert [row[0] for row in csv_rows[1:]] == [f"1.{n}" for n in range(1, 56)]
    xlsx_rows = read_xlsx(client.get(base + "export/xlsx/"))
    assert [row[0] for row in xlsx_rows[1:]] == [f"1.{n}" for n in range(1, 56)]


def test_xlsx_has_the_same_rows_as_the_csv(client, catalogue):
    base = catalogue["catalogue"].url
    query = {"lead": catalogue["jobcenter"].pk}
    csv_rows = read_csv(client.get(base + "export/csv/", query))
    xlsx_rows = read_xlsx(client.get(base + "export/xlsx/", query))
    assert xlsx_rows == csv_rows
    assert [row[0] for row in xlsx_rows[1:]] == ["1.2", "2.3", "2.11"]


def test_arabic_catalogue_lists_arabic_measures_with_localized_names(client, catalogue):
    arabic = Locale.objects.get(language_code="ar")
    catalogue_ar = translate_page(catalogue["catalogue"], "ar")
    for measure in MeasurePage.objects.filter(locale=Locale.get_default()):
        translate_page(measure, "ar")
    youth_ar = catalogue["youth"].copy_for_translation(arabic)
    youth_ar.name = "اللاجئون الشباب"
    youth_ar.save()
    content = client.get(catalogue_ar.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert len(NUMBER_CELL.findall(content)) == 24
    assert "Maßnahme 1.2 [ar]" in content
    assert "اللاجئون الشباب" in content and "Junge Geflüchtete" not in content
    assert catalogue_ar.url.startswith("/ar/")
    ar_measures = MeasurePage.objects.filter(locale=arabic)
    assert all(measure.url in content for measure in ar_measures)


def test_arabic_exports_have_arabic_headers(client, catalogue):
    catalogue_ar = translate_page(catalogue["catalogue"], "ar")
    for measure in MeasurePage.objects.filter(locale=Locale.get_default()):
        translate_page(measure, "ar")
    with translation.override("ar"):
        expected = [str(label) for _key, label in COLUMNS]
        expected_status = str(Status.IN_PROGRESS.label)
    csv_rows = read_csv(client.get(catalogue_ar.url + "export/csv/", {"status": "in_progress"}))
    assert csv_rows[0] == expected
    assert [row[0] for row in csv_rows[1:]] == ["1.2", "1.10", "2.11"]
    assert {row[4] for row in csv_rows[1:]} == {expected_status}
    xlsx = client.get(catalogue_ar.url + "export/xlsx/", {"status": "in_progress"})
    assert read_xlsx(xlsx)[0] == expected
    assert load_workbook(io.BytesIO(xlsx.content)).active.sheet_view.rightToLeft


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def add_measures(tree, site, count, start=0):
    """Measures with a lead and a target group of their own each, spread over the chapters."""
    chapters = tree["chapters"]
    for index in range(start, start + count):
        chapter = chapters[index % len(chapters)]
        measure = MeasurePageFactory(
            parent=chapter,
            number=100 + index,
            lead_organisation=organisation(site, f"Träger {index}"),
        )
        MeasureTargetGroup.objects.create(
            page=measure, target_group=TargetGroupFactory(name=f"Gruppe {index}")
        )


def test_query_count_does_not_grow_with_the_number_of_measures(client, home, site):
    tree = concept_tree(home, chapters=2, measures_per_chapter=0)
    add_measures(tree, site, 10)
    base = tree["catalogue"].url
    urls = [base, base + "?status=planned", base + "export/csv/", base + "export/xlsx/"]
    client.get(base)  # warm caches (site root paths, locales)
    small = [count_queries(client, url) for url in urls]
    add_measures(tree, site, 190, start=10)
    assert MeasurePage.objects.count() == 200
    large = [count_queries(client, url) for url in urls]
    assert large == small


def test_exports_never_contain_a_spreadsheet_formula(client, home):
    import csv
    import io

    from openpyxl import load_workbook

    from concept.factories import concept_tree

    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    measure = tree["measures"][0]
    measure.title = '=HYPERLINK("http://example.org","klick")'
    measure.save_revision().publish()
    base = tree["catalogue"].url
    rows = list(
        csv.reader(io.StringIO(client.get(base + "export/csv/").content.decode("utf-8-sig")))
    )
    assert rows[1][1] == "'" + measure.title
    workbook = load_workbook(io.BytesIO(client.get(base + "export/xlsx/").content))
    cell = workbook.active.cell(row=2, column=2)
    assert cell.data_type == "s" and cell.value == "'" + measure.title
