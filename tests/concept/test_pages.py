"""Concept, chapter and measure pages as readers see them, in every language."""

import datetime
import re

import pytest

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale, ReferenceIndex

from concept.factories import (
    CrossCuttingNeedFactory,
    DecidingBodyFactory,
    MeasurePageFactory,
    TargetGroupFactory,
    concept_tree,
    decision,
    progress,
)
from concept.models import ConceptPage, MeasurePage
from concept.models.pages import (
    MeasureCrossCuttingNeed,
    MeasureGoal,
    MeasurePartner,
    MeasureTargetGroup,
    RelatedMeasure,
)
from contacts.factories import OrganisationFactory
from home.factories import translate_page

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def tree(home, site):
    tree = concept_tree(home, chapters=2, measures_per_chapter=3)
    council = DecidingBodyFactory(name="Kreistag")
    concept = tree["concept"]
    concept.decisions = [
        decision([council], datetime.date(2017, 5, 8), "Integrationsplan"),
        decision([council], datetime.date(2016, 10, 1), "Auftrag", outcome="noted"),
    ]
    concept.save_revision().publish()
    return tree


def translate_tree(tree, code):
    translate_page(tree["concept"], code)
    for page in tree["chapters"] + tree["measures"]:
        translate_page(page, code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_concept_chapter_and_measure_render_in_every_language(client, tree, code):
    translate_tree(tree, code)
    locale = Locale.objects.get(language_code=code)
    for page in (tree["concept"], tree["chapters"][0], tree["measures"][4]):
        translated = page.get_translation(locale)
        response = client.get(translated.url)
        assert response.status_code == 200, (code, page)
        content = response.content.decode()
        assert f'<html lang="{code}"' in content
        assert translated.title in content
    measure = tree["measures"][4].get_translation(locale)
    content = client.get(measure.url).content.decode()
    assert '<bdi class="measure-number" dir="ltr">2.2</bdi>' in content


def test_concept_page_shows_adoption_and_history_newest_first(client, tree):
    content = client.get(tree["concept"].url).content.decode()
    assert "Beschlossen von Kreistag am 8. Mai 2017." in content
    history = re.findall(r'<bdi class="decision__date">([^<]+)</bdi>', content)
    assert history == ["8. Mai 2017", "1. Oktober 2016"]
    chapters = re.findall(r"<bdi>(\d+)</bdi>\. (Themenfeld \d+)", content)
    assert [number for number, _title in chapters] == ["1", "2"]
    assert tree["catalogue"].url in content and tree["report"].url in content
    assert f"{tree['concept'].url}gesamt/" in content


def test_adoption_line_in_arabic_uses_translated_body_and_date(client, tree):
    translate_tree(tree, "ar")
    arabic = tree["concept"].get_translation(Locale.objects.get(language_code="ar"))
    content = client.get(arabic.url).content.decode()
    with translation.override("ar"):
        from django.utils.formats import date_format

        date = date_format(datetime.date(2017, 5, 8), "DATE_FORMAT")
    assert date in content and "adoption-line" in content


def test_chapter_lists_goals_contents_and_measures_with_status(client, tree):
    chapter = tree["chapters"][0]
    chapter.goals = [
        {"type": "goal", "value": {"number": 1, "text": "Alle finden einen Sprachkurs."}},
    ]
    chapter.body = [
        {"type": "heading", "value": {"text": "Ausgangslage", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Text</p>"},
    ]
    chapter.save_revision().publish()
    content = client.get(chapter.url).content.decode()
    assert '<a class="kern-link" href="#ausgangslage">Ausgangslage</a>' in content
    assert 'id="ausgangslage"' in content
    assert '<li class="goal" value="1">Alle finden einen Sprachkurs.</li>' in content
    numbers = re.findall(r'<bdi class="measure-number" dir="ltr">([\d.]+)</bdi>', content)
    assert numbers == ["1.1", "1.2", "1.3"]
    assert content.count('class="kern-badge kern-badge--info status-badge"') == 3  # planned


def test_measure_page_shows_facts_goals_progress_and_related(client, tree):
    lead = OrganisationFactory(name="Jobcenter Rems-Murr")
    partner = OrganisationFactory(name="Agentur für Arbeit")
    group = TargetGroupFactory(name="Junge Geflüchtete")
    measure = MeasurePage.objects.get(pk=tree["measures"][1].pk)
    measure.lead_organisation = lead
    measure.partner_links = [MeasurePartner(organisation=partner)]
    measure.target_group_links = [MeasureTargetGroup(target_group=group)]
    measure.related_links = [RelatedMeasure(measure=tree["measures"][0])]
    measure.funding_source = "Bundesministerium für Bildung und Forschung"
    measure.funding_state = "granted"
    measure.resources = "2 Vollzeitstellen"
    measure.progress = [
        progress(2018, "in_progress", "Begonnen."),
        progress(2019, "implemented", "Fertig."),
    ]
    measure.save_revision().publish()
    content = client.get(measure.url).content.decode()
    for text in (
        "Jobcenter Rems-Murr",
        "Agentur für Arbeit",
        "Junge Geflüchtete",
        "Bundesministerium für Bildung und Forschung",
        "Bewilligt",
        "2 Vollzeitstellen",
    ):
        assert text in content
    years = re.findall(r"<h3 class=\"kern-heading-small\"><bdi>(\d{4})</bdi>", content)
    assert years == ["2019", "2018"]
    assert "Umgesetzt" in content  # current status = latest yearly state
    assert f'href="{tree["measures"][0].url}"' in content


def test_cross_reference_links_the_measure_in_the_readers_language_and_survives_a_move(
    client, tree
):
    target = tree["measures"][4]  # 2.2
    source = MeasurePage.objects.get(pk=tree["measures"][0].pk)
    source.body = [
        {
            "type": "paragraph",
            "value": f'<p>vgl. <a linktype="page" id="{target.pk}">Maßnahme 2.2</a></p>',
        }
    ]
    source.save_revision().publish()
    assert ReferenceIndex.get_references_to(target).exists()
    translate_tree(tree, "ar")
    arabic_locale = Locale.objects.get(language_code="ar")
    arabic_source = source.get_translation(arabic_locale)
    arabic_target = target.get_translation(arabic_locale)
    content = client.get(arabic_source.url).content.decode()
    assert f'<a href="{arabic_target.url}">Maßnahme 2.2</a>' in content
    # moving the target to chapter 1 keeps the link working
    target.move(tree["chapters"][0], pos="last-child")
    target.refresh_from_db()
    content = client.get(source.url).content.decode()
    assert f'<a href="{target.url}">' in content
    assert client.get(target.url).status_code == 200


def test_translated_measure_keeps_number_status_and_dates(tree):
    measure = tree["measures"][2]
    measure.start_date = datetime.date(2024, 1, 1)
    measure.save_revision().publish()
    arabic = translate_page(measure, "ar")
    assert (arabic.number, arabic.chapter_number, arabic.status, arabic.start_date) == (
        measure.number,
        measure.chapter_number,
        measure.status,
        datetime.date(2024, 1, 1),
    )


def test_api_exposes_measure_fields(client, tree):
    data = client.get(
        "/api/v2/pages/?type=concept.MeasurePage&fields=number,full_number,status,timeframe&limit=50"
    ).json()
    numbers = sorted(item["full_number"] for item in data["items"])
    assert numbers == ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]
    assert {item["status"] for item in data["items"]} == {"planned"}
    concept = client.get(f"/api/v2/pages/{tree['concept'].pk}/").json()
    assert concept["edition_status"] == "adopted"
    assert concept["decisions"][0]["value"]["subject"] == "Integrationsplan"
    chapter = client.get(f"/api/v2/pages/{tree['chapters'][0].pk}/").json()
    assert chapter["number"] == 1


def chapter_queries(client, chapter):
    client.get(chapter.url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(chapter.url).status_code == 200
    return len(queries)


def test_chapter_query_count_does_not_grow_with_measures(client, home):
    tree = concept_tree(home, chapters=1, measures_per_chapter=10)
    chapter = tree["chapters"][0]
    few = chapter_queries(client, chapter)
    for number in range(11, 201):
        MeasurePageFactory(parent=chapter, number=number, slug=f"mehr-{number}")
    assert chapter_queries(client, chapter) == few


def test_link_to_an_unpublished_measure_is_not_a_dead_link(client, tree):
    target = tree["measures"][5]
    source = MeasurePage.objects.get(pk=tree["measures"][0].pk)
    source.body = [
        {"type": "paragraph", "value": f'<p>vgl. <a linktype="page" id="{target.pk}">2.3</a></p>'}
    ]
    source.save_revision().publish()
    assert f'<a href="{target.url}">2.3</a>' in client.get(source.url).content.decode()
    target.unpublish()
    content = client.get(source.url).content.decode()
    assert "vgl. <a>2.3</a>" in content


def test_links_stay_relative_on_another_port(client, tree, other_site):
    target = tree["measures"][5]
    source = MeasurePage.objects.get(pk=tree["measures"][0].pk)
    source.body = [
        {"type": "paragraph", "value": f'<p><a linktype="page" id="{target.pk}">2.3</a></p>'}
    ]
    source.save_revision().publish()
    content = client.get(source.url, HTTP_HOST="localhost:8123").content.decode()
    assert '<a href="/de/' in content and "localhost/de/" not in content


@pytest.mark.parametrize("index", [0, 1])  # a chapter and a measure
def test_kontakt_box_on_chapter_and_measure_pages(client, tree, site, index):
    from contacts.factories import ContactFactory
    from contacts.models import PageContact

    person = ContactFactory(name="Erika Beispiel", site=site)
    page = (tree["chapters"][0], tree["measures"][0])[index]
    page = page.specific_class.objects.get(pk=page.pk)
    page.page_contacts = [PageContact(contact=person)]
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    body_tag = re.search(r"<body[^>]*>", content).group(0)
    assert "Erika Beispiel" not in body_tag
    main = content.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    assert main.count("Erika Beispiel") == 1


def test_a_translated_edition_without_translated_chapters_points_to_the_german_ones(client, home):
    """A Turkish reader of a concept whose chapters exist only in German is told so and
    finds them, instead of an empty list under "Themenfelder"."""
    from concept.factories import concept_tree
    from home.factories import translate_page

    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    translate_page(home, "tr")
    turkish = translate_page(tree["concept"], "tr")

    html = client.get(turkish.url).content.decode()
    assert 'class="chapter-list"' not in html
    assert f'href="{tree["concept"].url}" hreflang="de"' in html

    translate_page(tree["chapters"][0], "tr")
    html = client.get(turkish.url).content.decode()
    assert 'class="chapter-list"' in html
    assert 'hreflang="de">' not in html.split('class="chapter-list"')[1].split("</ol>")[0]


def page_queries(client, url):
    client.get(url)  # caches that live for the process (content types, site root paths)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def link_everything(measure, organisations, groups, needs, related, goals):
    measure.lead_organisation = organisations[0]
    measure.partner_links = [MeasurePartner(organisation=item) for item in organisations[1:]]
    measure.target_group_links = [MeasureTargetGroup(target_group=item) for item in groups]
    measure.cross_cutting_links = [MeasureCrossCuttingNeed(need=item) for item in needs]
    measure.related_links = [RelatedMeasure(measure=item) for item in related]
    measure.goal_links = [MeasureGoal(goal_number=number) for number in goals]
    measure.save_revision().publish()


@pytest.mark.parametrize("code", ["de", "ar"])
def test_measure_queries_do_not_grow_with_its_links(client, tree, code):
    """The links of a measure and every kind of linked record with its translations come in
    one query: as many queries for a measure that links nothing as for one that links every
    kind, however many it links."""
    translate_tree(tree, code)
    locale = Locale.objects.get(language_code=code)
    arabic = Locale.objects.get(language_code="ar")
    bare, few, many = (
        MeasurePage.objects.get(pk=tree["measures"][index].get_translation(locale).pk)
        for index in (0, 1, 2)
    )
    organisations = [OrganisationFactory(name=f"Träger {n}") for n in range(6)]
    groups = [TargetGroupFactory(name=f"Gruppe {n}") for n in range(5)]
    needs = [CrossCuttingNeedFactory(name=f"Querschnitt {n}") for n in range(5)]
    for record in organisations[::2] + groups[::2] + needs[::2]:
        record.copy_for_translation(arabic).save()
    others = [page.get_translation(locale) for page in tree["measures"][3:]]
    link_everything(few, organisations[:2], groups[:1], needs[:1], others[:1], [1])
    link_everything(many, organisations, groups, needs, others, [1, 2, 3])
    counts = [page_queries(client, page.url) for page in (bare, few, many)]
    assert counts[2] == counts[1] == counts[0], counts


def test_an_arabic_measure_shows_its_linked_records_in_arabic_where_translated(client, tree):
    """Lead, partners, target groups, cross-cutting needs and related measures in the
    editor's order, each in Arabic where translated, else in German marked as such; two
    measures read one after the other each show their own links (the query is compiled
    once and run with each page's values)."""
    translate_tree(tree, "ar")
    arabic = Locale.objects.get(language_code="ar")
    lead, first, second = (OrganisationFactory(name=name) for name in ("Leitung", "Erst", "Zweit"))
    group, need = TargetGroupFactory(name="Frauen"), CrossCuttingNeedFactory(name="Sprache")
    for record, name in ((lead, "القيادة"), (second, "الثاني"), (group, "النساء")):
        translated = record.copy_for_translation(arabic)
        translated.name = name
        translated.save()
    measure, other = (
        MeasurePage.objects.get(pk=tree["measures"][index].get_translation(arabic).pk)
        for index in (1, 2)
    )
    related = tree["measures"][4].get_translation(arabic)
    link_everything(measure, [lead, second, first], [group], [need], [related], [2, 1])
    link_everything(other, [first], [], [], [], [])
    html = client.get(measure.url).content.decode()
    assert "القيادة" in html and "Leitung" not in html
    assert html.index("الثاني") < html.index("Erst")  # the editor's order
    assert '<span lang="de" dir="ltr">Erst</span>' in html
    assert "النساء" in html and '<span lang="de" dir="ltr">Sprache</span>' in html
    assert related.title in html and f'href="{related.url}"' in html
    other_html = client.get(other.url).content.decode()
    assert "Erst" in other_html and "الثاني" not in other_html and "النساء" not in other_html


def test_concept_queries_do_not_grow_with_its_decisions_in_arabic(client, tree):
    """The bodies of all decisions are read and localised once, not once per decision."""
    translate_tree(tree, "ar")
    arabic_locale = Locale.objects.get(language_code="ar")
    arabic = ConceptPage.objects.get(pk=tree["concept"].get_translation(arabic_locale).pk)
    bodies = [DecidingBodyFactory(name=f"Ausschuss {n}") for n in range(3)]
    for body in bodies[:2]:
        body.copy_for_translation(arabic_locale).save()

    def decide(count):
        arabic.decisions = [
            decision(bodies, datetime.date(2017, 5, day + 1)) for day in range(count)
        ]
        arabic.save_revision().publish()
        return page_queries(client, arabic.url)

    assert decide(1) == decide(5)


def test_a_preview_shows_the_links_of_the_draft(client, tree, site):
    """A preview renders the links the editor has just chosen (still in memory), not those
    of the live page."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    measure = MeasurePage.objects.get(pk=tree["measures"][1].pk)
    live, draft = OrganisationFactory(name="Live-Partner"), OrganisationFactory(name="Neu")
    link_everything(measure, [OrganisationFactory(), live], [], [], [], [])
    measure = MeasurePage.objects.get(pk=measure.pk)
    measure.partner_links = [MeasurePartner(organisation=draft), MeasurePartner(organisation=live)]
    measure.target_group_links = [MeasureTargetGroup(target_group=TargetGroupFactory(name="Neue"))]
    measure.related_links = [RelatedMeasure(measure=tree["measures"][2])]
    preview = measure.save_revision().as_object()

    request = RequestFactory().get(measure.url)
    request.user = AnonymousUser()
    request._wagtail_site = site
    response = preview.serve_preview(request, "")
    html = response.render().content.decode()
    assert html.index("Neu</span>") < html.index("Live-Partner")
    assert "Neue" in html and "Maßnahme 1.3" in html
    assert "Neu</span>" not in client.get(measure.url).content.decode()


def test_arabic_decisions_read_their_bodies_with_translations_in_one_query(client, tree):
    """A decision's bodies show in the reader's language where translated (else in German),
    read together with their translations: one query on the bodies for the whole page."""
    translate_tree(tree, "ar")
    arabic_locale = Locale.objects.get(language_code="ar")
    arabic = ConceptPage.objects.get(pk=tree["concept"].get_translation(arabic_locale).pk)
    translated, untranslated = (
        DecidingBodyFactory(name="Sozialausschuss"),
        DecidingBodyFactory(name="Jugendhilfeausschuss"),
    )
    copy = translated.copy_for_translation(arabic_locale)
    copy.name = "لجنة الشؤون الاجتماعية"
    copy.save()
    arabic.decisions = [decision([translated, untranslated], datetime.date(2018, 3, 1))]
    arabic.save_revision().publish()

    client.get(arabic.url)
    with CaptureQueriesContext(connection) as queries:
        content = client.get(arabic.url).content.decode()
    assert "لجنة الشؤون الاجتماعية" in content and "Jugendhilfeausschuss" in content
    assert "Sozialausschuss" not in content
    on_bodies = [query for query in queries if "concept_decidingbody" in query["sql"]]
    assert len(on_bodies) == 1, [query["sql"] for query in on_bodies]
