"""/api/v2/contacts/: public contacts of the requested district, read-only."""

import pytest

from contacts.factories import ContactFactory
from tests.contacts.conftest import translate_contact

pytestmark = pytest.mark.django_db


def items(client, query="", **extra):
    response = client.get("/api/v2/contacts/" + query, **extra)
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


def test_lists_public_contacts_of_the_district(client, directory, contacts, other_site):
    ContactFactory(name="Zora Rems", site=other_site)
    assert items(client) == ["Amira Beispiel", "Jonas Probe", "Özlem Muster"]
    assert items(client, HTTP_HOST="rems-murr.localhost") == ["Zora Rems"]


def test_filters_by_language_and_organisation(client, directory, contacts):
    assert items(client, "?language=ar") == ["Amira Beispiel"]
    assert items(client, f"?organisation={contacts['jobcenter'].pk}") == ["Jonas Probe"]
    assert client.get("/api/v2/contacts/?language=xx").status_code == 400
    assert client.get("/api/v2/contacts/?colour=blue").status_code == 400


def test_detail_has_all_public_fields(client, directory, contacts):
    officer = contacts["officer"]
    data = client.get(f"/api/v2/contacts/{officer.pk}/").json()
    assert data["phone"] == "+4972220000123"
    assert data["phone_display"] == "07222 0000123"
    assert data["organisation"]["name"] == "Sachgebiet Integration"
    assert data["address"]["street"] == officer.location.street
    assert data["languages"] == ["de", "ar", "en"]
    assert data["office_hours"][0]["value"]["day"] == "mo"
    assert data["directory_url"].endswith(f"/de/kontakte/{officer.pk}-amira-beispiel/")


def test_internal_contacts_are_not_in_the_api(client, directory, contacts):
    internal = contacts["internal"]
    assert "Interna Geheim" not in items(client)
    assert "Interna Geheim" not in items(client, "?language=ar")
    response = client.get(f"/api/v2/contacts/{internal.pk}/", follow=True)
    assert response.status_code == 404


def test_locale_parameter_gives_translated_versions(client, directory, contacts):
    translate_contact(contacts["officer"], "ar", position="مسؤولة الاندماج")
    response = client.get("/api/v2/contacts/?locale=ar&fields=position,language")
    officer = response.json()["items"][0]
    assert officer["position"] == "مسؤولة الاندماج" and officer["language"] == "ar"
    assert client.get("/api/v2/contacts/?locale=xx").status_code == 400
