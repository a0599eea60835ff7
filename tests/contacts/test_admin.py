"""The contacts admin: one menu group, listing, filters, export, and deleting with usage."""

import io
import uuid

import pytest
from openpyxl import load_workbook

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/contacts/contact/"


def listed(admin_client, query=""):
    response = admin_client.get(LIST + query)
    assert response.status_code == 200
    return response.content.decode()


def test_one_menu_group_with_contacts_organisations_and_buildings(admin_client, contacts):
    content = admin_client.get("/admin/").content.decode()
    assert content.count('"name": "kontakte"') <= 1
    for url in (
        LIST,
        "/admin/snippets/contacts/organisation/",
        "/admin/snippets/contacts/location/",
    ):
        assert admin_client.get(url).status_code == 200


def test_listing_shows_internal_contacts_to_editors(admin_client, contacts):
    content = listed(admin_client)
    assert "Amira Beispiel" in content and "Interna Geheim" in content
    assert "Aus CSV importieren" in content


@pytest.mark.parametrize(
    "query, present, absent",
    [
        ("?language=ar", ["Amira Beispiel", "Interna Geheim"], ["Özlem Muster", "Jonas Probe"]),
        ("?is_public=false", ["Interna Geheim"], ["Amira Beispiel"]),
        ("?organisation={jobcenter}", ["Jonas Probe"], ["Amira Beispiel"]),
        ("?site={other_site}", [], ["Amira Beispiel", "Jonas Probe"]),
        ("?q=Özlem", ["Özlem Muster"], ["Amira Beispiel"]),
    ],
)
def test_listing_filters(admin_client, contacts, other_site, query, present, absent):
    content = listed(
        admin_client, query.format(jobcenter=contacts["jobcenter"].pk, other_site=other_site.pk)
    )
    for name in present:
        assert name in content
    for name in absent:
        assert name not in content


def test_export_csv_and_xlsx(admin_client, contacts):
    response = admin_client.get(LIST + "?export=csv&is_public=true")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("Name,Funktion / Aufgabe,Organisation,Telefon")
    assert "Amira Beispiel" in text and "+4972220000123" in text
    assert "Interna Geheim" not in text
    response = admin_client.get(LIST + "?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][0] == "Name" and {row[0] for row in rows[1:]} >= {"Amira Beispiel"}


def test_invalid_phone_in_the_edit_form_is_shown_on_the_field(admin_client, contacts):
    officer = contacts["officer"]
    response = admin_client.get(f"{LIST}edit/{officer.pk}/")
    assert response.status_code == 200
    form = response.context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if isinstance(value, (str, int, bool)) and value is not None
    }
    data.update(
        {
            "name": officer.name,
            "phone": "0123",
            "site": officer.site_id,
            "organisation": officer.organisation_id,
            "office_hours-count": 0,
            "topic_links-TOTAL_FORMS": 0,
            "topic_links-INITIAL_FORMS": 0,
            "topic_links-MIN_NUM_FORMS": 0,
            "topic_links-MAX_NUM_FORMS": 1000,
        }
    )
    response = admin_client.post(f"{LIST}edit/{officer.pk}/", data)
    assert response.status_code == 200
    assert "phone" in response.context["form"].errors
    assert "keine gültige Telefonnummer" in response.context["form"].errors["phone"][0]


def test_delete_view_says_where_a_referenced_contact_is_used(admin_client, home, contacts):
    officer = contacts["officer"]
    page = StandardPageFactory(
        parent=home,
        title="Sprachkurse im Landkreis",
        slug="sprachkurse",
        body=[
            {
                "type": "contact",
                "value": {"heading": "", "contact": officer.pk},
                "id": str(uuid.uuid4()),
            }
        ],
    )
    other = StandardPageFactory(parent=home, title="Arbeit", slug="arbeit")
    other.page_contacts.create(contact=officer)
    other.save()
    response = admin_client.get(f"{LIST}delete/{officer.pk}/")
    content = response.content.decode()
    usage_url = f"{LIST}usage/{officer.pk}/"
    assert usage_url in content
    assert "2" in content.split(usage_url, 1)[1][:300]
    usage = admin_client.get(usage_url).content.decode()
    assert page.title in usage and other.title in usage
