"""Admin: the concept's snippets and the flat, filterable listing of measures."""

import pytest

from django.urls import reverse

from concept.factories import (
    CrossCuttingNeedFactory,
    DecidingBodyFactory,
    TargetGroupFactory,
    concept_tree,
)
from concept.models import MeasurePage
from contacts.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(client, django_user_model):
    user = django_user_model.objects.create_superuser("officer", "officer@example.org", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def measures(home, site):
    tree = concept_tree(home, chapters=2, measures_per_chapter=3)
    jobcenter = Organisation.objects.create(name="Jobcenter", site=site, locale=home.locale)
    agency = Organisation.objects.create(name="Agentur für Arbeit", site=site, locale=home.locale)
    MeasurePage.objects.filter(chapter_number=1, number=2).update(lead_organisation=jobcenter)
    MeasurePage.objects.filter(chapter_number=2, number=3).update(
        lead_organisation=jobcenter, timeframe="long"
    )
    MeasurePage.objects.filter(chapter_number=2, number=1).update(
        lead_organisation=jobcenter, status="in_progress", kind="recommendation"
    )
    MeasurePage.objects.filter(chapter_number=1, number=3).update(lead_organisation=agency)
    return {**tree, "jobcenter": jobcenter, "agency": agency}


def listed_titles(response):
    assert response.status_code == 200
    return [page.title for page in response.context["pages"]]


def test_planned_measures_led_by_the_jobcenter(client, officer, measures):
    url = reverse("measures:index")
    query = {"measure_status": "planned", "lead_organisation": measures["jobcenter"].pk}
    assert listed_titles(client.get(url, query)) == ["Maßnahme 1.2", "Maßnahme 2.3"]
    assert listed_titles(client.get(url)) == [
        f"Maßnahme {c}.{n}" for c in (1, 2) for n in (1, 2, 3)
    ]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"measure_status": "in_progress"}, ["Maßnahme 2.1"]),
        ({"kind": "recommendation"}, ["Maßnahme 2.1"]),
        ({"timeframe": "long"}, ["Maßnahme 2.3"]),
        ({"chapter_number": "1"}, ["Maßnahme 1.1", "Maßnahme 1.2", "Maßnahme 1.3"]),
        ({"locale": "en"}, []),
    ],
)
def test_measure_listing_filters(client, officer, measures, query, expected):
    assert listed_titles(client.get(reverse("measures:index"), query)) == expected


def test_measure_listing_shows_number_status_and_lead(client, officer, measures):
    content = client.get(reverse("measures:index")).content.decode()
    assert "2.1" in content and "In Umsetzung" in content and "Jobcenter" in content
    assert "Agentur für Arbeit" in content
    results = client.get(reverse("measures:index_results"), {"lead_organisation": "x"})
    assert results.status_code == 200


def test_measure_listing_is_in_the_admin_menu(client, officer, measures):
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("measures:index") in content


@pytest.mark.parametrize(
    "factory, url_name",
    [
        (DecidingBodyFactory, "wagtailsnippets_concept_decidingbody:list"),
        (TargetGroupFactory, "wagtailsnippets_concept_targetgroup:list"),
        (CrossCuttingNeedFactory, "wagtailsnippets_concept_crosscuttingneed:list"),
    ],
)
def test_snippet_listings(client, officer, factory, url_name):
    item = factory(name="Kreistag Beispiel")
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    assert item.name in response.content.decode()
    assert client.get(reverse(url_name), {"q": "Kreistag"}).status_code == 200
    filtered = client.get(reverse(url_name), {"locale": "de"})
    assert filtered.status_code == 200 and item.name in filtered.content.decode()
    assert item.name not in client.get(reverse(url_name), {"locale": "ar"}).content.decode()


def test_snippets_are_grouped_under_integrationskonzept(client, officer):
    content = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Integrationskonzept" in content
    assert reverse("wagtailsnippets_concept_targetgroup:list") in content
