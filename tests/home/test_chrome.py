"""Site chrome: districts, menu, breadcrumbs, footer; a fixed number of queries."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.factories import StandardPageFactory, translate_page
from home.models import DistrictSettings

pytestmark = pytest.mark.django_db


def test_each_district_is_served_on_its_own_host(client, site, other_site):
    rastatt = client.get("/de/", HTTP_HOST="localhost")
    rems_murr = client.get("/de/", HTTP_HOST="rems-murr.localhost:8000")
    fallback = client.get("/de/", HTTP_HOST="127.0.0.1:8000")
    assert "Landkreis Rastatt" in rastatt.content.decode()
    assert "Rems-Murr-Kreis" in rems_murr.content.decode()
    assert "Landkreis Rastatt" not in rems_murr.content.decode()
    assert site.root_page.title in fallback.content.decode()


def test_menu_shows_pages_marked_for_menus_in_the_readers_language(client, home):
    shown = StandardPageFactory(parent=home, title="Beratung", slug="beratung", show_in_menus=True)
    StandardPageFactory(parent=home, title="Versteckt", slug="versteckt", show_in_menus=False)
    translate_page(home, "en")
    translate_page(shown, "en")
    german = client.get("/de/").content.decode()
    english = client.get("/en/").content.decode()
    assert '<a class="main-nav__link" href="/de/beratung/">Beratung</a>' in german
    assert "Versteckt" not in german
    assert '<a class="main-nav__link" href="/en/beratung/">Beratung [en]</a>' in english


def test_breadcrumbs_and_current_menu_item(client, home):
    section = StandardPageFactory(parent=home, title="Themen", slug="themen", show_in_menus=True)
    page = StandardPageFactory(parent=section, title="Wohnen", slug="wohnen")
    content = client.get(page.url).content.decode()
    assert f'<li><a class="kern-link" href="/de/">{home.title}</a></li>' in content
    assert '<li><a class="kern-link" href="/de/themen/">Themen</a></li>' in content
    assert '<li><span aria-current="page">Wohnen</span></li>' in content
    assert 'href="/de/themen/" aria-current="true">Themen</a>' in content


def test_footer_links_legal_pages_in_readers_language(client, site, home):
    imprint = StandardPageFactory(parent=home, title="Impressum", slug="impressum")
    accessibility = StandardPageFactory(parent=home, title="Barrierefreiheit", slug="bf")
    translate_page(home, "ar")
    translate_page(imprint, "ar")
    DistrictSettings.objects.filter(site=site).update(
        imprint_page=imprint, accessibility_page=accessibility
    )
    content = client.get("/ar/").content.decode()
    assert 'href="/ar/impressum/"' in content
    # accessibility statement not translated: links the German page and says it is German
    assert 'href="/de/bf/" hreflang="de"' in content


def test_report_a_barrier_on_every_page(client, site, home):
    page = StandardPageFactory(parent=home, slug="irgendwas")
    for url in ("/de/", page.url):
        content = client.get(url).content.decode()
        assert "mailto:integration@example.org?subject=Barriere%20melden" in content
    feedback = StandardPageFactory(parent=home, title="Barriere melden", slug="feedback")
    DistrictSettings.objects.filter(site=site).update(feedback_page=feedback)
    assert 'href="/de/feedback/">Barriere melden</a>' in client.get(page.url).content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


HOME_PAGE_QUERIES = 9  # site, locales, page, restrictions, settings, chrome pages, menu, news (2)


def test_home_page_query_count_is_pinned_and_does_not_grow_with_menu_pages(client, site, home):
    legal = [StandardPageFactory(parent=home, slug=f"pflicht-{i}") for i in range(6)]
    DistrictSettings.objects.filter(site=site).update(
        imprint_page=legal[0],
        privacy_page=legal[1],
        accessibility_page=legal[2],
        easy_language_page=legal[3],
        sign_language_page=legal[4],
        feedback_page=legal[5],
    )
    for i in range(3):
        StandardPageFactory(parent=home, slug=f"menu-{i}", show_in_menus=True)
    client.get("/de/")  # warm the per-process caches (site root paths)
    before = count_queries(client, "/de/")
    for i in range(50):
        StandardPageFactory(parent=home, slug=f"mehr-{i}", show_in_menus=True)
    client.get("/de/")
    after = count_queries(client, "/de/")
    assert before == after == HOME_PAGE_QUERIES
    assert client.get("/de/").content.decode().count('class="main-nav__link"') == 53
