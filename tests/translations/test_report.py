"""The "Übersetzungsstand" admin report: counts, filters, CSV export, links and permissions."""

import csv
import io
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale, Page

from concept.factories import ChapterPageFactory, TargetGroupFactory, concept_tree
from contacts.factories import LocationFactory, OrganisationFactory
from home.factories import StandardPageFactory, translate_page
from tests.translations.status_scenario import publish, sync, translate

pytestmark = pytest.mark.django_db

URL = "/admin/translations/status/"


@pytest.fixture
def officer(client, django_user_model):
    user = django_user_model.objects.create_superuser("officer", "officer@example.org", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def districts(site, other_site, home):
    """Rastatt: concept → chapter 1 → measure 1.1, all but the measure in Arabic and Turkish;
    Rems-Murr: one page. Snippets: a shared target group and one building per district."""
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    chapter = tree["chapters"][0]
    for code in ("ar", "tr"):
        for page in (home, tree["concept"], chapter):
            translate_page(page, code)
    measure = publish(tree["measures"][0], intro="Sprachkurse für Eltern mit Kinderbetreuung.")
    rems_murr_page = StandardPageFactory(
        parent=other_site.root_page, title="Wohnen im Rems-Murr-Kreis"
    )
    group = TargetGroupFactory(name="Geflüchtete")
    return {
        "tree": tree,
        "chapter": chapter,
        "measure": measure,
        "rems_murr_page": rems_murr_page,
        "group": group,
        "rastatt_building": LocationFactory(name="Landratsamt Rastatt", site=site),
        "rems_murr_building": LocationFactory(name="Landratsamt Waiblingen", site=other_site),
        # all of an organisation's fields are synchronised: nothing to translate, no row
        "organisation": OrganisationFactory(name="Sachgebiet Integration", site=site),
    }


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def counts(client, **params):
    """The summary at the top of the report: {status: count}."""
    page = soup(client.get(URL, params))
    return {
        item["data-status"]: int(item.select_one(".translation-status-count").get_text())
        for item in page.select(".translation-status-counts li")
    }


def table(client, **params):
    """The rows of the report's table as (title, type, district, language, status) tuples."""
    page = soup(client.get(URL, params))
    rows = []
    for tr in page.select("table.listing tbody tr"):
        cells = [td.get_text(" ", strip=True) for td in tr.select("td")]
        rows.append(tuple(cells[:5]))
    return rows


def csv_rows(client, **params):
    response = client.get(URL, {**params, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


def only(**statuses):
    return {
        "missing": 0,
        "in_progress": 0,
        "outdated": 0,
        "machine": 0,
        "up_to_date": 0,
        **statuses,
    }


def test_counts_after_each_step_of_the_translators_work(client, officer, districts):
    measure = districts["measure"]
    chapter = districts["chapter"]
    arabic = {"section": chapter.pk, "language": "ar"}
    turkish = {"section": chapter.pk, "language": "tr"}
    assert counts(client, **arabic) == only(up_to_date=1, missing=1)

    translate(measure, "ar")
    translate(measure, "tr")
    assert counts(client, **arabic) == only(up_to_date=2)
    assert counts(client, section=chapter.pk) == only(up_to_date=4, missing=8)

    measure = publish(measure, intro="Sprachkurse für Eltern, auch am Abend.")
    assert counts(client, **arabic) == only(up_to_date=1, outdated=1)
    assert counts(client, **turkish) == only(up_to_date=1, outdated=1)

    sync(measure)
    translate(measure, "ar", only_new=True)
    assert counts(client, **arabic) == only(up_to_date=2)
    assert counts(client, **turkish) == only(up_to_date=1, outdated=1)

    # moving the German page or saving a German draft changes no count
    other_chapter = ChapterPageFactory(
        parent=districts["tree"]["concept"], number=2, slug="kapitel-2"
    )
    Page.objects.get(pk=measure.pk).move(other_chapter, pos="last-child")
    german = Page.objects.get(pk=measure.pk).specific
    german.intro = "Entwurf"
    german.save_revision()
    by_measure = {"language": "ar", "section": other_chapter.pk}
    assert counts(client, **by_measure) == only(up_to_date=1, missing=1)  # + new chapter
    assert counts(client, section=other_chapter.pk, language="tr") == only(outdated=1, missing=1)

    translate(measure, "ar", only_new=True, publish=False)
    assert counts(client, **by_measure) == only(in_progress=1, missing=1)
    assert counts(client, section=other_chapter.pk, language="tr") == only(outdated=1, missing=1)


def test_rows_show_title_type_district_language_status_and_last_sync(client, officer, districts):
    translate(districts["measure"], "ar")
    rows = table(client, section=districts["chapter"].pk, language="ar")
    assert rows == [
        (
            districts["chapter"].title,
            "Kapitel (Themenfeld)",
            "Landkreis Rastatt",
            "Arabisch",
            "aktuell",
        ),
        ("Maßnahme 1.1", "Maßnahme", "Landkreis Rastatt", "Arabisch", "aktuell"),
    ]
    page = soup(client.get(URL, {"section": districts["chapter"].pk, "language": "ar"}))
    measure_row = page.select("table.listing tbody tr")[1]
    assert measure_row.select("td")[5].get_text(strip=True)  # the date of the last sync


def test_filter_by_district_lists_its_pages_and_its_own_and_shared_snippets(
    client, officer, districts, other_site
):
    titles = {row[0] for row in table(client, site=other_site.pk, language="ar")}
    assert titles == {
        other_site.root_page.title,
        "Wohnen im Rems-Murr-Kreis",
        str(districts["rems_murr_building"]),
        "Geflüchtete",
    }


def test_filter_by_section_lists_that_page_and_its_subpages_only(client, officer, districts):
    rows = table(client, section=districts["tree"]["concept"].pk, language="tr")
    assert [row[0] for row in rows] == [
        districts["tree"]["concept"].title,
        districts["chapter"].title,
        "Maßnahme 1.1",
        "Maßnahmenkatalog",
        "Jahresbericht 2018",
    ]


def test_filter_by_language_status_and_kind(client, officer, districts):
    translate(districts["group"], "ar")
    everything = table(client)
    assert {row[3] for row in everything} == {
        "Englisch",
        "Arabisch",
        "Persisch",
        "Türkisch",
        "Ukrainisch",
        "Russisch",
    }
    assert {row[3] for row in table(client, language="fa")} == {"Persisch"}
    # the fragment the admin reloads when a filter changes
    fragment = client.get(URL + "results/", {"language": "fa"})
    assert fragment.status_code == 200
    assert "Persisch" in fragment.content.decode() and "Arabisch" not in fragment.content.decode()

    snippets = table(client, kind="snippets", language="ar")
    assert sorted(row[0] for row in snippets) == [
        "Geflüchtete",
        str(districts["rastatt_building"]),
        str(districts["rems_murr_building"]),
    ]
    assert {row[1] for row in snippets} == {"Zielgruppe", "Gebäude"}
    pages = table(client, kind="pages", language="ar")
    assert "Geflüchtete" not in {row[0] for row in pages}
    assert "Maßnahme 1.1" in {row[0] for row in pages}

    up_to_date = table(client, status="up_to_date", language="ar")
    assert {row[4] for row in up_to_date} == {"aktuell"}
    assert {row[0] for row in up_to_date} == {
        districts["tree"]["concept"].get_parent().title,
        districts["tree"]["concept"].title,
        districts["chapter"].title,
        "Geflüchtete",
    }
    # the summary keeps counting every status of the other filters
    assert counts(client, status="up_to_date", language="ar")["missing"] > 0


def test_csv_export_has_exactly_the_filtered_rows_with_german_headings(
    client, officer, districts, site
):
    translate(districts["measure"], "ar")
    params = {"site": site.pk, "language": "ar"}
    shown = table(client, **params)
    header, *rows = csv_rows(client, **params)
    assert header == [
        "Titel",
        "Typ",
        "Landkreis",
        "Sprache",
        "Sprachcode",
        "Status",
        "Zuletzt synchronisiert",
    ]
    assert [(r[0], r[1], r[2], r[3], r[5]) for r in rows] == shown
    assert {r[4] for r in rows} == {"ar"}
    measure_row = next(r for r in rows if r[0] == "Maßnahme 1.1")
    assert measure_row[5] == "aktuell" and measure_row[6][:2] == "20"

    outdated = csv_rows(client, **params, status="missing")[1:]
    assert outdated and {r[5] for r in outdated} == {"fehlt"}
    assert len(outdated) == len(table(client, **params, status="missing"))


def test_each_row_links_to_where_the_translator_continues(client, officer, districts):
    measure = districts["measure"]
    arabic = translate(measure, "ar")
    translate(measure, "tr")
    publish(measure, intro="Neu")
    page = soup(client.get(URL, {"section": districts["chapter"].pk}))
    rows = {
        (cells[0].get_text(strip=True), cells[3].get_text(strip=True)): cells
        for cells in (tr.select("td") for tr in page.select("table.listing tbody tr"))
    }
    ar = rows[("Maßnahme 1.1", "Arabisch")]
    assert ar[0].a["href"] == reverse("wagtailadmin_pages:edit", args=[measure.pk])
    links = {a.get_text(strip=True): a["href"] for a in ar[6].select("a")}
    assert links["Übersetzung bearbeiten"] == reverse("wagtailadmin_pages:edit", args=[arabic.pk])
    assert links["Synchronisieren"] == reverse(
        "wagtail_localize:update_translations", args=[_source_id(measure)]
    )
    fa = {
        a.get_text(strip=True): a["href"] for a in rows[("Maßnahme 1.1", "Persisch")][6].select("a")
    }
    assert set(fa) == {"Übersetzen"}
    assert fa["Übersetzen"] == (
        reverse("wagtail_localize:submit_page_translation", args=[measure.pk]) + "?select_locale=fa"
    )
    assert client.get(fa["Übersetzen"]).status_code == 200


def _source_id(obj):
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.get_for_instance(obj).pk


def test_po_download_link_with_the_same_filters_once_a_language_is_chosen(
    client, officer, districts, site
):
    page = soup(client.get(URL, {"site": site.pk}))
    assert "PO-Dateien herunterladen" not in page.get_text()

    params = {"site": site.pk, "section": districts["chapter"].pk, "language": "ar"}
    page = soup(client.get(URL, params))
    link = next(a for a in page.select("a") if a.get_text(strip=True) == "PO-Dateien herunterladen")
    url = urlsplit(link["href"])
    assert url.path == reverse("translations_po_download")
    assert parse_qs(url.query) == {key: [str(value)] for key, value in params.items()}


# Permissions ------------------------------------------------------------------------------


def admin_user(django_user_model, name, *page_permissions, page=None):
    group = Group.objects.create(name=f"Gruppe {name}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for permission_type in page_permissions:
        GroupPagePermission.objects.create(group=group, page=page, permission_type=permission_type)
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(group)
    return user


def test_page_editors_see_the_report_and_its_menu_item(client, django_user_model, home):
    editor = admin_user(django_user_model, "redaktion", "add", "change", page=home)
    client.force_login(editor)
    assert client.get(URL).status_code == 200
    assert URL in client.get(reverse("wagtailadmin_home")).content.decode()


def test_users_without_page_permissions_are_refused_and_see_no_menu_item(
    client, django_user_model, home
):
    plain = admin_user(django_user_model, "nurlesen")
    client.force_login(plain)
    for url in (URL, URL + "?export=csv", URL + "results/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] != url
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, home):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


# Cost -------------------------------------------------------------------------------------


def test_report_queries_do_not_grow_with_the_number_of_pages(client, officer, home):
    translate_page(home, "ar")
    TargetGroupFactory(name="Geflüchtete")

    def add_pages(count):
        for _ in range(count):
            page = StandardPageFactory(parent=home)
            translate(page, "ar")

    def queries():
        client.get(URL, {"export": "csv"})  # warm per-process caches (content types)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(URL)
        assert response.status_code == 200
        return len(captured)

    add_pages(10)
    ten = queries()
    add_pages(40)
    fifty = queries()
    assert ten == fifty
    assert Locale.objects.count() == 7
