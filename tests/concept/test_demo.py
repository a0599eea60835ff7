"""The demo concepts hold each district's own facts from the seeds."""

import re

import pytest

from wagtail.models import Locale

from concept.models import ChapterPage, ConceptPage, MeasurePage

pytestmark = pytest.mark.django_db
RM = {"HTTP_HOST": "rems-murr.localhost"}


def test_rems_murr_plan_adopted_on_8_may_2017_by_two_committees(client, demo):
    plan = ConceptPage.objects.get(slug="integrationsplan-2017", locale__language_code="de")
    content = client.get(plan.url, **RM).content.decode()
    assert (
        "Beschlossen von Verwaltungs-, Schul- und Kulturausschuss, Sozialausschuss am 8. Mai 2017."
        in content
    )
    assert "156" in content and "Oktober 2016 bis März 2017" in content
    for need in ("Information und Kommunikation", "Ehrenamt", "Eigeninitiative"):
        assert need in content
    assert [c.title for c in plan.chapters()] == [
        "Bildung und Sprache",
        "Arbeitsmarkt",
        "Wohnen",
        "Freizeit",
    ]


def test_working_group_refers_to_measure_2_5(client, demo):
    group = MeasurePage.objects.get(slug="arbeitsgruppe-arbeitsmarkt", locale__language_code="de")
    content = client.get(group.url, **RM).content.decode()
    target = MeasurePage.objects.get(
        locale__language_code="de", chapter_number=2, number=5, slug="massnahme-2-5"
    )
    assert f'<a href="{target.relative_url(target.get_site())}">Maßnahme 2.5</a>' in content
    response = client.get(target.url, **RM)
    assert '<bdi class="measure-number" dir="ltr">2.5</bdi>' in response.content.decode()
    assert "Wirtschaftsförderung" in content or group.lead_organisation is None


def test_coordination_office_is_funded_with_two_positions(client, demo):
    office = MeasurePage.objects.get(
        slug="koordinierungsstelle-bildung", locale__language_code="de"
    )
    assert office.funding_state == "granted"
    assert office.resources == "2 Vollzeitstellen"
    content = client.get(office.url, **RM).content.decode()
    links = re.findall(r'<a href="([^"]+)">Maßnahme (1\.\d)</a>', content)
    assert [number for _url, number in links] == ["1.3", "1.5", "1.1", "1.2", "1.6"]


def test_chapter_one_and_its_measures_are_in_english_and_arabic(client, demo):
    chapter = ChapterPage.objects.get(slug="bildung-und-sprache", locale__language_code="de")
    for code, title in (("en", "Education and language"), ("ar", "التعليم واللغة")):
        translated = chapter.get_translation(Locale.objects.get(language_code=code))
        assert translated.title == title
        content = client.get(translated.url, **RM).content.decode()
        assert f'<html lang="{code}"' in content
        for measure in MeasurePage.objects.child_of(translated):
            assert measure.locale.language_code == code
            assert (
                measure.title
                != MeasurePage.objects.get(
                    translation_key=measure.translation_key, locale__language_code="de"
                ).title
            )


def test_arabic_cross_reference_leads_to_the_arabic_measure(client, demo):
    arabic = Locale.objects.get(language_code="ar")
    office = MeasurePage.objects.get(slug="koordinierungsstelle-bildung", locale=arabic)
    content = client.get(office.url, **RM).content.decode()
    target = MeasurePage.objects.get(slug="massnahme-1-3", locale=arabic)
    assert f'<a href="{target.relative_url(target.get_site())}">الإجراء 1.3</a>' in content


def test_rastatt_update_approved_on_18_june_2024_and_never_mixed(client, demo):
    update = ConceptPage.objects.get(slug="integrationskonzept-2024", locale__language_code="de")
    content = client.get(update.url).content.decode()
    assert "Beschlossen von Ausschuss für soziale Angelegenheiten am 18. Juni 2024." in content
    for place in ("Rastatt", "Bühl", "Gaggenau"):
        assert place in content
    assert "Integrationskonzept 2017" in content  # predecessor
    assert "Rems-Murr" not in content
    first = ConceptPage.objects.get(slug="integrationskonzept-2017", locale__language_code="de")
    assert "Beschlossen von Kreistag (Dezember 2017)." in client.get(first.url).content.decode()
    assert update.predecessor_id == first.pk


def test_measure_kontakt_box_links_the_directory_entry(client, demo):
    from contacts.models import Contact

    office = MeasurePage.objects.get(
        slug="koordinierungsstelle-bildung", locale__language_code="de"
    )
    person = Contact.objects.get(name="Elif Probe", locale__language_code="de")
    content = client.get(office.url, **RM).content.decode()
    assert "Elif Probe" in content
    entry = re.search(rf'href="([^"]*/{person.pk}-[^"]*)"', content)
    assert entry, "the Kontakt box links the directory entry"
    assert client.get(entry.group(1), **RM).status_code == 200
