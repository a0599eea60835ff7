"""What the issue promises readers, on the demo content (both districts, every language)."""

import pytest

from tests.search.conftest import REMS_MURR, requires_postgres, search, titles

pytestmark = pytest.mark.django_db
# SQLite's full-text index is not part of the demo snapshot (tests/demo_snapshot.py).
DEMO_FRESH = True

COORDINATION_OFFICE = "Koordinierungsstelle für die Bildungsangebote Neuzugewanderter"
COORDINATION_OFFICE_AR = "مكتب تنسيق العروض التعليمية للقادمين الجدد"
ADOPTION_NEWS = "Kreistagsausschüsse verabschieden den Integrationsplan"


@pytest.fixture(autouse=True)
def _demo(demo):
    return demo


def test_sprachkurse_on_rems_murr_finds_the_coordination_office_and_its_contact(client):
    response = search(client, "Sprachkurse", host=REMS_MURR)
    found = titles(response)
    assert found[0] == COORDINATION_OFFICE or COORDINATION_OFFICE in found[:3]
    assert "Elif Probe" in found
    # Only Rems-Murr: Rastatt's measure "Sprachkurse im Landkreis auf einen Blick" is not here.
    assert "Sprachkurse im Landkreis auf einen Blick" not in found
    html = response.content.decode()
    assert "/de/integrationsplan-2017/bildung-und-sprache/koordinierungsstelle-bildung/" in html


@requires_postgres
def test_sprachkurse_also_finds_the_news_through_german_stemming(client):
    found = titles(search(client, "Sprachkurse", host=REMS_MURR))
    # The news item says "Sprachkursen", the measure "Sprachkurs-", the contact "Sprachkurse".
    assert {COORDINATION_OFFICE, "Elif Probe"} <= set(found)
    assert ADOPTION_NEWS in found


def test_an_arabic_reader_finds_the_arabic_translation(client):
    response = search(client, "دورات اللغة", language="ar", host=REMS_MURR)
    found = titles(response)
    assert COORDINATION_OFFICE_AR in found
    assert COORDINATION_OFFICE not in found
    assert "/ar/integrationsplan-2017/bildung-und-sprache/koordinierungsstelle-bildung/" in (
        response.content.decode()
    )


def test_2_5_opens_measure_2_5(client):
    for query in ("2.5", "Maßnahme 2.5"):
        response = search(client, query, host=REMS_MURR)
        assert response.status_code == 302
        assert response["Location"].endswith("/massnahme-2-5/")
        measure = client.get(response["Location"], HTTP_HOST=REMS_MURR)
        assert measure.status_code == 200
        assert "Standardprozess bis zur Arbeitsmarktintegration" in measure.content.decode()


def test_rastatt_has_no_measure_2_5_and_says_so_without_an_error(client):
    response = search(client, "2.5")
    assert response.status_code == 200


def test_every_demo_language_has_a_working_search_page(client):
    from django.conf import settings

    for code, _name in settings.LANGUAGES:
        for host in ("localhost", REMS_MURR):
            response = search(client, "Integration", language=code, host=host)
            assert response.status_code == 200, (code, host)
            assert 'dir="rtl"' in response.content.decode() or code not in ("ar", "fa")
