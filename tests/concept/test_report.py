"""The annual report: counts per chapter and state in a year, the SVG chart, the updates."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from concept.factories import MeasurePageFactory, ProgressReportPageFactory, concept_tree, progress
from concept.models import MeasurePage, Status
from concept.report import NO_REPORT, ProgressReport
from home.factories import translate_page

pytestmark = pytest.mark.django_db


def record(number, *updates):
    chapter, measure = map(int, number.split("."))
    page = MeasurePage.objects.get(
        chapter_number=chapter, number=measure, locale__language_code="de"
    )
    page.progress = list(updates)
    page.save_revision().publish()


@pytest.fixture
def report_tree(home):
    """Chapter 1 with 4 measures, chapter 2 with 3; states recorded for 2018 and 2019."""
    tree = concept_tree(home, chapters=2, measures_per_chapter=4)
    MeasurePage.objects.filter(chapter_number=2, number=4).delete()
    record("1.1", progress(2018, "in_progress", "Zwei Stellen sind besetzt.", "2 Vollzeitstellen"))
    record("1.2", progress(2018, "in_progress", "Kurse laufen."), progress(2019, "implemented"))
    record("1.3", progress(2018, "planned", "Antrag gestellt."))
    # 1.4 has no state in 2018
    record("2.1", progress(2018, "implemented", "Erstes Treffen Ende Juni."))
    record("2.2", progress(2019, "on_hold", "Pausiert."))  # only 2019: no report in 2018
    # 2.3 never reported
    tree["report_2019"] = ProgressReportPageFactory(parent=tree["concept"], year=2019)
    return tree


def test_counts_per_chapter_and_state(report_tree):
    report = ProgressReport(report_tree["concept"], 2018)
    assert report.count(1, Status.IN_PROGRESS) == 2
    assert report.count(1, Status.PLANNED) == 1
    assert report.count(1, NO_REPORT) == 1
    assert report.count(2, Status.IMPLEMENTED) == 1
    assert report.count(2, NO_REPORT) == 2
    assert report.count(2, Status.ON_HOLD) == 0
    cells, total = report.totals()
    assert total == 7
    report_2019 = ProgressReport(report_tree["concept"], 2019)
    assert report_2019.count(1, Status.IMPLEMENTED) == 1
    assert report_2019.count(2, Status.ON_HOLD) == 1
    assert report_2019.count(1, NO_REPORT) == 3


def table_row(content, header):
    row = content[content.index(header) :].split("</tr>")[0]
    return [int(n) for n in re.findall(r'kern-table__cell--numeric">(\d+)</td>', row)]


def test_report_page_shows_an_accessible_table(client, report_tree):
    content = client.get(report_tree["report"].url).content.decode()
    assert content.count("<h1") == 1
    assert "<caption" in content and 'scope="col"' in content and 'scope="row"' in content
    headers = re.findall(r'<th class="kern-table__header[^"]*" scope="col">([^<]+)</th>', content)
    labels = [str(label) for _value, label in Status.choices] + ["ohne Bericht"]
    assert headers == ["Kapitel", *labels, "Summe"]
    chapter_one = report_tree["chapters"][0]
    # proposed, planned, in progress, implemented, ongoing, on hold, dropped, no report, sum
    assert table_row(content, f"<bdi>1</bdi> {chapter_one.title}</th>") == [
        0, 1, 2, 0, 0, 0, 0, 1, 4,
    ]  # fmt: skip
    assert table_row(content, '<th class="kern-table__header" scope="row">Summe</th>') == [
        0, 1, 2, 1, 0, 0, 0, 3, 7,
    ]  # fmt: skip


def test_report_page_draws_an_svg_bar_chart_with_text_labels(client, report_tree):
    content = client.get(report_tree["report"].url).content.decode()
    svg = content[content.index("<svg") : content.index("</svg>")]
    assert 'role="img"' in svg
    assert 'aria-labelledby="report-chart-title report-chart-desc"' in svg
    assert '<title id="report-chart-title">' in svg
    # every bar is named by text and carries its count, not only a colour
    assert svg.count("<rect") == 5  # planned, in progress, no report; implemented, no report
    assert ">In Umsetzung</text>" in svg and ">ohne Bericht</text>" in svg
    assert re.search(r'class="report-chart__value"[^>]*>2</text>', svg)
    assert "<script" not in content.split("</main>")[0]


def test_chart_is_mirrored_for_right_to_left(report_tree):
    report = ProgressReport(report_tree["concept"], 2018)
    with translation.override("ar"):
        chart = report.chart()
    bar = chart.bars()[0]
    assert chart.direction == "rtl"
    assert bar.label_x == chart.WIDTH  # labels start at the right edge
    assert bar.bar_x + bar.bar_width == chart.WIDTH - chart.LABEL_WIDTH - 8


def test_report_lists_each_update_of_the_year_grouped_by_chapter(client, report_tree):
    content = client.get(report_tree["report"].url).content.decode()
    updates = content[content.index('id="report-updates-heading"') :]
    measure = MeasurePage.objects.get(chapter_number=1, number=1)
    assert f'href="{measure.url}"><bdi class="measure-number" dir="ltr">1.1</bdi>' in updates
    assert "Zwei Stellen sind besetzt." in updates and "2 Vollzeitstellen" in updates
    assert "Erstes Treffen Ende Juni." in updates
    assert "Pausiert." not in updates  # that is 2019
    assert updates.index("Kapitel <bdi>1</bdi>") < updates.index("Kapitel <bdi>2</bdi>")
    # the badge shows the state of that year, not the current one (1.2 is implemented now)
    item = updates[updates.index("Kurse laufen.") - 800 : updates.index("Kurse laufen.")]
    assert "In Umsetzung" in item
    later = client.get(report_tree["report_2019"].url).content.decode()
    assert "Pausiert." in later and "Zwei Stellen sind besetzt." not in later


def test_arabic_report_counts_arabic_measures(client, report_tree):
    report_ar = translate_page(report_tree["report"], "ar")
    for measure in MeasurePage.objects.filter(locale__language_code="de"):
        translate_page(measure, "ar")
    content = client.get(report_ar.url).content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert 'direction="rtl"' in content
    ar_measure = MeasurePage.objects.get(chapter_number=1, number=1, locale__language_code="ar")
    assert f'href="{ar_measure.url}"' in content
    report = ProgressReport(report_ar.get_parent().specific, 2018)
    assert report.count(1, Status.IN_PROGRESS) == 2


def test_query_count_does_not_grow_with_the_number_of_measures(client, home):
    tree = concept_tree(home, chapters=2, measures_per_chapter=0)

    def add(start, count):
        for index in range(start, start + count):
            MeasurePageFactory(
                parent=tree["chapters"][index % 2],
                number=index + 1,
                progress=[progress(2018, "in_progress", f"Bericht {index}")],
            )

    add(0, 10)
    url = tree["report"].url
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    add(10, 190)
    with CaptureQueriesContext(connection) as large:
        content = client.get(url).content.decode()
    assert content.count('class="report-update"') == 200
    assert len(large) == len(small)
