"""The whole concept on one printable page."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from concept.factories import MeasurePageFactory, concept_tree
from concept.models import MeasurePage
from contacts.models import Organisation
from home.factories import translate_page

pytestmark = pytest.mark.django_db


def print_url(concept):
    return concept.url + concept.reverse_subpage("print")


def test_shows_every_chapter_and_measure_in_order(client, home, site):
    tree = concept_tree(home, chapters=2, measures_per_chapter=11)
    jobcenter = Organisation.objects.create(
        name="Jobcenter Landkreis Rastatt", site=site, locale=tree["concept"].locale
    )
    MeasurePage.objects.filter(chapter_number=2, number=10).update(
        lead_organisation=jobcenter, status="implemented", intro="Die Stellen sind besetzt."
    )
    response = client.get(print_url(tree["concept"]))
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1 and tree["concept"].title in content
    chapters = re.findall(
        r'<h2 id="kapitel-\d+-heading"[^>]*><bdi>(\d+)</bdi> ([^<]+)</h2>', content
    )
    assert chapters == [(str(c.number), c.title) for c in tree["chapters"]]
    numbers = re.findall(r'<bdi class="measure-number" dir="ltr">([\d.]+)</bdi>', content)
    expected = [f"{chapter}.{n}" for chapter in (1, 2) for n in range(1, 12)]
    assert numbers == expected  # 1.2 before 1.10, chapter 1 before chapter 2
    for chapter in tree["chapters"]:
        assert chapter.intro in content
    measure = content[content.index('id="massnahme-2-10"') :].split("</article>")[0]
    assert "Jobcenter Landkreis Rastatt" in measure
    assert "Umgesetzt" in measure and "kern-badge--success" in measure
    assert "Die Stellen sind besetzt." in measure


def test_print_stylesheet_is_linked(client, home):
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    content = client.get(print_url(tree["concept"])).content.decode()
    assert "/static/css/portal.css" in content
    from django.contrib.staticfiles import finders

    with open(finders.find("css/portal.css"), encoding="utf-8") as file:
        css = file.read()
    section = css[css.index("/* Concept: catalogue, report, print */") :]
    assert "@media print" in section
    assert "break-inside: avoid" in section
    assert 'content: " (" attr(href) ")"' in section


def test_arabic_print_view_shows_the_arabic_edition(client, home):
    tree = concept_tree(home, chapters=1, measures_per_chapter=2)
    for measure in tree["measures"]:
        translate_page(measure, "ar")
    concept_ar = tree["concept"].get_translation(
        tree["concept"].locale.__class__.objects.get(language_code="ar")
    )
    content = client.get(print_url(concept_ar)).content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert "Maßnahme 1.1 [ar]" in content and "Maßnahme 1.2 [ar]" in content


def test_query_count_does_not_grow_with_the_number_of_measures(client, home, site):
    tree = concept_tree(home, chapters=2, measures_per_chapter=0)

    def add(start, count):
        for index in range(start, start + count):
            MeasurePageFactory(
                parent=tree["chapters"][index % 2],
                number=index + 1,
                lead_organisation=Organisation.objects.create(
                    name=f"Träger {index}", site=site, locale=tree["concept"].locale
                ),
            )

    add(0, 10)
    url = print_url(tree["concept"])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    add(10, 190)
    with CaptureQueriesContext(connection) as large:
        content = client.get(url).content.decode()
    assert content.count('class="concept-print__measure"') == 200
    assert len(large) == len(small)
