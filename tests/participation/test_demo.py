"""The demo's suggestion form of Rastatt, with translated field labels."""

from io import StringIO

import pytest

from django.core.management import call_command

from wagtail.models import Locale, Site

from participation.models import SuggestionFormPage

pytestmark = pytest.mark.django_db


def rastatt_form():
    site = Site.objects.get(is_default_site=True)
    return SuggestionFormPage.objects.descendant_of(site.root_page).get(slug="vorschlaege")


def test_demo_suggestion_form(demo):
    page = rastatt_form()
    assert page.title == "Vorschläge und Bedarfe melden"
    assert page.to_address == "integration@rastatt.example.org"
    assert [(f.clean_name, f.field_type, f.required) for f in page.form_fields.all()] == [
        ("name", "singleline", False),
        ("email", "email", False),
        ("suggestion", "multiline", True),
    ]
    arabic = page.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.title == "أرسل اقتراحاتك واحتياجاتك"
    assert [f.label for f in arabic.form_fields.all()] == [
        "اسمك",
        "عنوان بريدك الإلكتروني",
        "اقتراحك أو حاجتك",
    ]
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert english.form_fields.last().label == "Your suggestion or need"
    assert english.to_address == "integration@rastatt.example.org"


def test_demo_form_only_in_rastatt(demo):
    other = Site.objects.get(hostname="rems-murr.localhost")
    assert not SuggestionFormPage.objects.descendant_of(other.root_page).exists()


def test_demo_is_idempotent(demo):
    count = SuggestionFormPage.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert SuggestionFormPage.objects.count() == count == 3


def test_demo_form_renders_with_topics_and_privacy_link(demo, client):
    page = rastatt_form()
    content = client.get(page.url).content.decode()
    assert '<option value="wohnen">Wohnen</option>' in content
    assert 'href="/de/datenschutz/">Zur Datenschutzerklärung</a>' in content
    arabic = page.get_translation(Locale.objects.get(language_code="ar"))
    content = client.get(arabic.url).content.decode()
    assert "السكن" in content and "اسمك" in content
    assert 'href="/ar/datenschutz/"' in content
