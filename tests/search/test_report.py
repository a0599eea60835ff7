"""The "Suchbegriffe" admin report: sums, filters, export, who sees which district, cost, menu;
and the promoted search results, which only the Administration manages."""

import csv
import io
import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from roles.models import Role, RoleGroup
from search.models import SearchTerm
from tests.roles.world import make_user, role_group

pytestmark = pytest.mark.django_db

URL = "/admin/reports/suchbegriffe/"
RESULTS_URL = URL + "results/"
WAGTAIL_SEARCH_TERMS_URL = "/admin/searchpicks/reports/search-terms/"
PROMOTIONS_URL = "/admin/searchpicks/"

HEADER = [
    "Suchbegriff",
    "Suchanfragen",
    "Treffer",
    "Zuletzt gesucht",
    "Landkreis",
    "Sprache",
    "Sprachcode",
]


def days_ago(days):
    return timezone.localdate() - timedelta(days=days)


def german(day):
    return day.strftime("%d.%m.%Y")


def seed(site, language, term, *days):
    """One row per (days ago, hits, results)."""
    SearchTerm.objects.bulk_create(
        SearchTerm(
            site=site, language=language, term=term, date=days_ago(ago), hits=hits, results=results
        )
        for ago, hits, results in days
    )


@pytest.fixture
def terms(site, other_site):
    """Rastatt (site) and Rems-Murr (other_site), German, Arabic and English, several days."""
    seed(site, "de", "sprachkurs", (0, 5, 3), (3, 4, 0))
    seed(site, "de", "kita", (10, 2, 0))
    seed(site, "ar", "سكن", (1, 4, 0), (40, 10, 2))
    seed(site, "de", "jobcenter", (100, 7, 1))
    seed(other_site, "de", "sprachkurs", (2, 6, 0))
    seed(other_site, "en", "language course", (0, 1, 4))
    seed(other_site, "de", "wohnung", (6, 2, 1), (7, 1, 0))
    # outside every period
    seed(site, "de", "uralt", (400, 50, 0))


@pytest.fixture
def superuser(client, django_user_model):
    user = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "pw")
    client.force_login(user)
    return user


def administration_user():
    return make_user("administration", RoleGroup.objects.get(role=Role.ADMINISTRATION).group)


def no_role_user():
    """May use the admin (and edit contacts), but belongs to no district's role group."""
    group = Group.objects.create(name="Nur Admin-Zugang")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="contacts", codename="change_contact"),
    )
    return make_user("ohne-rolle", group)


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def table(client, **params):
    """The report's rows as (term, searches, results, last searched, district, language)."""
    page = soup(client.get(URL, params))
    return [
        tuple(td.get_text(" ", strip=True) for td in tr.select("td"))
        for tr in page.select("table.listing tbody tr")
    ]


def terms_of(rows):
    return [(row[0], row[4]) for row in rows]


def csv_rows(client, **params):
    response = client.get(URL, {**params, "export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "suchbegriffe-" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text)))


RASTATT = "Landkreis Rastatt"
REMS_MURR = "Rems-Murr-Kreis"


# Rows and sums ----------------------------------------------------------------------------


def test_rows_sum_the_searches_of_the_last_30_days_most_searched_first(client, superuser, terms):
    assert table(client) == [
        ("sprachkurs", "9", "3", german(days_ago(0)), RASTATT, "Deutsch"),
        ("sprachkurs", "6", "keine Treffer", german(days_ago(2)), REMS_MURR, "Deutsch"),
        ("سكن", "4", "keine Treffer", german(days_ago(1)), RASTATT, "Arabisch"),
        ("wohnung", "3", "1", german(days_ago(6)), REMS_MURR, "Deutsch"),
        ("kita", "2", "keine Treffer", german(days_ago(10)), RASTATT, "Deutsch"),
        ("language course", "1", "4", german(days_ago(0)), REMS_MURR, "Englisch"),
    ]


def test_no_results_are_shown_as_a_tag_and_the_period_is_named(client, superuser, terms):
    page = soup(client.get(URL))
    tags = page.select("table.listing .search-term-no-results")
    assert [tag.get_text(strip=True) for tag in tags] == ["keine Treffer"] * 3
    note = page.select_one(".search-terms-period").get_text(" ", strip=True)
    assert f"{german(days_ago(29))} – {german(days_ago(0))}" in note


def test_results_are_those_of_the_most_recent_day(client, superuser, site):
    """Found something on the first day, nothing since: the report says "keine Treffer"."""
    seed(site, "de", "wohngeld", (5, 1, 8), (2, 1, 0))
    seed(site, "de", "kinderarzt", (5, 1, 0), (2, 1, 6))
    assert [(row[0], row[2]) for row in table(client)] == [
        ("kinderarzt", "6"),
        ("wohngeld", "keine Treffer"),
    ]


def test_sorting_by_term_and_by_last_search(client, superuser, terms):
    assert [row[0] for row in table(client, ordering="term")] == [
        "kita",
        "language course",
        "sprachkurs",
        "sprachkurs",
        "wohnung",
        "سكن",
    ]
    latest = [row[3] for row in table(client, ordering="-last_searched")]
    assert latest == sorted(latest, key=lambda d: d.split(".")[::-1], reverse=True)


# Filters ----------------------------------------------------------------------------------


def test_filter_by_district(client, superuser, terms, site, other_site):
    rows = table(client, site=other_site.pk)
    assert terms_of(rows) == [
        ("sprachkurs", REMS_MURR),
        ("wohnung", REMS_MURR),
        ("language course", REMS_MURR),
    ]
    assert {row[4] for row in table(client, site=site.pk)} == {RASTATT}


def test_filter_by_language(client, superuser, terms):
    assert table(client, language="ar") == [
        ("سكن", "4", "keine Treffer", german(days_ago(1)), RASTATT, "Arabisch")
    ]
    assert [row[0] for row in table(client, language="en")] == ["language course"]
    assert table(client, language="tr") == []


def test_filter_by_period(client, superuser, terms):
    week = table(client, period="7")
    assert [(row[0], row[1]) for row in week] == [
        ("sprachkurs", "9"),
        ("sprachkurs", "6"),
        ("سكن", "4"),
        ("wohnung", "2"),  # the search 7 days ago is outside the last 7 days
        ("language course", "1"),
    ]
    quarter = {(row[0], row[4]): row[1:3] for row in table(client, period="90")}
    assert quarter[("سكن", RASTATT)] == ("14", "keine Treffer")
    assert ("kita", RASTATT) in quarter and ("jobcenter", RASTATT) not in quarter
    year = {(row[0], row[4]): row[1:3] for row in table(client, period="365")}
    assert year[("jobcenter", RASTATT)] == ("7", "1")
    assert ("uralt", RASTATT) not in year
    assert table(client, period="30") == table(client)
    assert table(client, period="12") == table(client)  # unknown periods mean the default


def test_only_without_results(client, superuser, terms, site):
    assert terms_of(table(client, without_results="on")) == [
        ("sprachkurs", REMS_MURR),
        ("سكن", RASTATT),
        ("kita", RASTATT),
    ]
    assert terms_of(table(client, without_results="on", site=site.pk, period="7")) == [
        ("سكن", RASTATT)
    ]


def test_filters_combine(client, superuser, terms, other_site):
    rows = table(client, site=other_site.pk, language="de", period="7")
    assert [(row[0], row[1]) for row in rows] == [("sprachkurs", "6"), ("wohnung", "2")]


# Export -----------------------------------------------------------------------------------


def test_csv_export_has_exactly_the_filtered_rows(client, superuser, terms, site):
    params = {"site": site.pk, "period": "90"}
    shown = table(client, **params)
    header, *rows = csv_rows(client, **params)
    assert header == HEADER
    assert rows == [
        ["سكن", "14", "0", days_ago(1).isoformat(), RASTATT, "Arabisch", "ar"],
        ["sprachkurs", "9", "3", days_ago(0).isoformat(), RASTATT, "Deutsch", "de"],
        ["kita", "2", "0", days_ago(10).isoformat(), RASTATT, "Deutsch", "de"],
    ]
    assert [(r[0], r[1], r[4], r[5]) for r in rows] == [
        (row[0], row[1], row[4], row[5]) for row in shown
    ]

    header, *rows = csv_rows(client, without_results="on", language="de")
    assert [(r[0], r[4]) for r in rows] == [("sprachkurs", REMS_MURR), ("kita", RASTATT)]


def test_export_is_not_paginated(client, superuser, site):
    seed(site, "de", "begriff", (0, 1, 1))
    SearchTerm.objects.bulk_create(
        SearchTerm(site=site, language="de", term=f"begriff {n}", date=days_ago(0), hits=1)
        for n in range(60)
    )
    assert len(table(client)) == 50
    assert len(csv_rows(client)) == 1 + 61


def test_csv_export_never_starts_a_cell_with_a_formula(client, superuser, site):
    seed(site, "de", "=hyperlink(1)", (0, 1, 0))
    assert csv_rows(client)[1][0] == "'=hyperlink(1)"


def test_xlsx_export(client, superuser, terms, other_site):
    response = client.get(URL, {"site": other_site.pk, "export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert list(rows[0]) == HEADER
    assert [(row[0], row[1], row[2], row[4]) for row in rows[1:]] == [
        ("sprachkurs", 6, 0, REMS_MURR),
        ("wohnung", 3, 1, REMS_MURR),
        ("language course", 1, 4, REMS_MURR),
    ]


# Who sees what ----------------------------------------------------------------------------


def site_options(client):
    page = soup(client.get(URL))
    return [
        option.get_text(strip=True)
        for option in page.select("select[name=site] option")
        if option.get("value")
    ]


def test_superuser_and_administration_see_every_district(client, superuser, terms):
    assert {row[4] for row in table(client)} == {RASTATT, REMS_MURR}
    assert site_options(client) == [RASTATT, REMS_MURR]

    client.force_login(administration_user())
    assert {row[4] for row in table(client)} == {RASTATT, REMS_MURR}
    assert site_options(client) == [RASTATT, REMS_MURR]


@pytest.mark.parametrize("role", [Role.EDITOR, Role.OFFICER, Role.TRANSLATOR])
def test_district_roles_see_their_own_district_only(client, terms, site, other_site, role):
    client.force_login(make_user(f"rm-{role}", role_group(other_site, role)))
    assert terms_of(table(client)) == [
        ("sprachkurs", REMS_MURR),
        ("wohnung", REMS_MURR),
        ("language course", REMS_MURR),
    ]
    assert site_options(client) == [REMS_MURR]


def test_a_crafted_district_does_not_reveal_another_districts_terms(
    client, terms, site, other_site
):
    client.force_login(make_user("redaktion-rm", role_group(other_site, Role.EDITOR)))
    for params in ({"site": site.pk}, {"site": site.pk, "without_results": "on"}):
        assert RASTATT not in {row[4] for row in table(client, **params)}
        assert "kita" not in client.get(URL, params).content.decode()
        rows = csv_rows(client, **params)[1:]
        assert rows and {row[4] for row in rows} == {REMS_MURR}
    results = client.get(RESULTS_URL, {"site": site.pk})
    assert results.status_code == 200
    assert "kita" not in results.content.decode()


def test_someone_in_two_districts_sees_both(client, terms, site, other_site):
    client.force_login(
        make_user(
            "zwei-kreise",
            role_group(site, Role.TRANSLATOR),
            role_group(other_site, Role.EDITOR),
        )
    )
    assert {row[4] for row in table(client)} == {RASTATT, REMS_MURR}
    assert site_options(client) == [RASTATT, REMS_MURR]


def test_admin_users_without_a_district_role_are_refused(client, terms):
    client.force_login(no_role_user())
    for url in (URL, URL + "?export=csv", RESULTS_URL):
        assert client.get(url).status_code == 403
    assert URL not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, terms):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


# Cost -------------------------------------------------------------------------------------


def test_queries_do_not_grow_with_the_number_of_terms(client, superuser, site, other_site):
    def add_terms(count, start):
        SearchTerm.objects.bulk_create(
            SearchTerm(
                site=(site, other_site)[n % 2],
                language=("de", "ar")[n % 3 == 0],
                term=f"begriff {n}",
                date=days_ago(n % 20),
                hits=n + 1,
                results=n % 4,
            )
            for n in range(start, start + count)
        )

    def queries(**params):
        client.get(URL, params)  # warm per-process caches (content types, sites)
        counts = []
        for extra in ({}, {"export": "csv"}):
            with CaptureQueriesContext(connection) as captured:
                response = client.get(URL, {**params, **extra})
                if extra:
                    b"".join(response.streaming_content)
            assert response.status_code == 200
            counts.append(len(captured))
        return counts

    add_terms(5, 0)
    five = queries()
    five_filtered = queries(without_results="on", period="90")
    add_terms(45, 5)
    assert len(table(client)) == 50
    assert queries() == five
    assert queries(without_results="on", period="90") == five_filtered


# Menu -------------------------------------------------------------------------------------


def menu_urls(client):
    """Every URL of the admin's sidebar menu, from the props the sidebar is drawn from."""
    page = soup(client.get(reverse("wagtailadmin_home")))
    props = json.loads(page.select_one("#wagtail-sidebar-props").string)
    urls = []

    def walk(value):
        if isinstance(value, dict):
            if isinstance(value.get("url"), str):
                urls.append(value["url"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(props)
    return urls


def test_our_report_replaces_wagtails_search_terms_in_the_reports_menu(client, superuser):
    urls = menu_urls(client)
    assert URL in urls
    assert WAGTAIL_SEARCH_TERMS_URL not in urls
    assert PROMOTIONS_URL in urls  # the promoted results stay (Einstellungen)
    assert WAGTAIL_SEARCH_TERMS_URL not in client.get(URL).content.decode()


def test_menu_item_only_for_those_who_may_see_the_report(client, other_site):
    client.force_login(make_user("redaktion-rm", role_group(other_site, Role.EDITOR)))
    assert URL in menu_urls(client)
    client.force_login(administration_user())
    assert URL in menu_urls(client)
    client.force_login(no_role_user())
    assert URL not in menu_urls(client)


# Promoted search results -----------------------------------------------------------------


PROMOTION_PERMISSIONS = {"add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"}


def group_codenames(group, app_label="wagtailsearchpromotions"):
    return set(
        group.permissions.filter(content_type__app_label=app_label).values_list(
            "codename", flat=True
        )
    )


def test_only_the_administration_group_has_the_promotion_permissions(site, other_site):
    administration = RoleGroup.objects.get(role=Role.ADMINISTRATION).group
    assert group_codenames(administration) == PROMOTION_PERMISSIONS
    for district in (site, other_site):
        for role in (Role.EDITOR, Role.OFFICER, Role.TRANSLATOR):
            assert group_codenames(role_group(district, role)) == set()


def test_administration_manages_promoted_results(client, site):
    client.force_login(administration_user())
    assert client.get(PROMOTIONS_URL).status_code == 200
    assert client.get(PROMOTIONS_URL + "add/").status_code == 200
    assert PROMOTIONS_URL in menu_urls(client)


@pytest.mark.parametrize("role", [Role.EDITOR, Role.OFFICER, Role.TRANSLATOR])
def test_district_roles_do_not_manage_promoted_results(client, site, role):
    client.force_login(make_user(f"kreis-{role}", role_group(site, role)))
    for url in (PROMOTIONS_URL, PROMOTIONS_URL + "add/"):
        assert client.get(url).status_code in (302, 403)
    assert PROMOTIONS_URL not in menu_urls(client)
