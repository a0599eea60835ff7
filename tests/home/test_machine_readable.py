"""API v2, sitemap.xml and robots.txt."""

import xml.etree.ElementTree as ET

import pytest

from home.factories import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_api_lists_live_pages_of_every_language(client, home):
    page = StandardPageFactory(parent=home, title="Beratung", slug="beratung")
    StandardPageFactory(parent=home, title="Entwurf", slug="entwurf", live=False)
    translate_page(page, "ar")
    data = client.get("/api/v2/pages/?limit=50").json()
    titles = {item["title"] for item in data["items"]}
    assert "Beratung" in titles
    assert "Entwurf" not in titles
    arabic = client.get("/api/v2/pages/?locale=ar").json()
    assert {item["meta"]["locale"] for item in arabic["items"]} == {"ar"}
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["intro"] == page.intro
    assert detail["meta"]["type"] == "home.StandardPage"


def test_api_images_and_documents_endpoints(client, image, document):
    images = client.get("/api/v2/images/").json()
    documents = client.get("/api/v2/documents/").json()
    assert [item["title"] for item in images["items"]] == ["Workshop"]
    assert [item["title"] for item in documents["items"]] == [document.title]


def test_api_is_read_only(client, home):
    response = client.post("/api/v2/pages/", {"title": "x"})
    assert response.status_code == 405


def test_sitemap_lists_every_language_of_the_requested_district(client, home, other_site):
    page = StandardPageFactory(parent=home, slug="beratung")
    translate_page(page, "en")
    translate_page(page, "ar")
    StandardPageFactory(parent=home, slug="entwurf", live=False)
    StandardPageFactory(parent=other_site.root_page, slug="rems-murr-seite")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    locations = {
        loc.text for loc in ET.fromstring(response.content).findall("sm:url/sm:loc", SITEMAP_NS)
    }
    assert {
        "http://testserver/de/",
        "http://testserver/de/beratung/",
        "http://testserver/en/beratung/",
        "http://testserver/ar/beratung/",
    } <= locations
    assert not any("entwurf" in url or "rems-murr-seite" in url for url in locations)
    other = client.get("/sitemap.xml", HTTP_HOST="rems-murr.localhost").content.decode()
    assert "http://rems-murr.localhost/de/rems-murr-seite/" in other


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
