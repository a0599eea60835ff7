"""The office finds submissions in Wagtail's admin and exports them."""

import csv
import io

import pytest

from django.urls import reverse

from home.factories import translate_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("office", "office@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def submitted(client, form_page, valid_data):
    client.post(form_page.url, valid_data, REMOTE_ADDR="192.0.2.1")
    arabic = translate_page(form_page, "ar")
    client.post(arabic.url, dict(valid_data, name="سارة"), REMOTE_ADDR="192.0.2.2")
    return form_page


def test_submissions_listing(admin_client, submitted):
    url = reverse("wagtailforms:list_submissions", args=[submitted.pk])
    response = admin_client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mehr bezahlbare Wohnungen" in content and "سارة" in content
    assert "Handlungsfeld" in content


def test_submissions_csv_export(admin_client, submitted):
    url = reverse("wagtailforms:list_submissions", args=[submitted.pk])
    response = admin_client.get(url + "?export=csv")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][1:] == [
        "Handlungsfeld",
        "Name",
        "E-Mail-Adresse",
        "Ihr Vorschlag",
        "Einwilligung Datenschutz",
        "Sprache",
    ]
    assert len(rows) == 3
    assert {row[-1] for row in rows[1:]} == {"de", "ar"}
    assert all(row[1] == "Wohnen" for row in rows[1:])


def test_submissions_xlsx_export(admin_client, submitted):
    url = reverse("wagtailforms:list_submissions", args=[submitted.pk])
    response = admin_client.get(url + "?export=xlsx")
    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_anonymous_cannot_see_submissions(client, submitted):
    url = reverse("wagtailforms:list_submissions", args=[submitted.pk])
    response = client.get(url)
    assert response.status_code == 302


def test_form_page_is_editable_in_the_admin(admin_client, form_page):
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[form_page.pk]))
    assert response.status_code == 200
    assert "Formularfelder" in response.content.decode()
