"""Page rules of the suggestion form and translatable form fields."""

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from home.factories import translate_page
from home.models import HomePage, StandardPage
from participation.models import SuggestionFormField, SuggestionFormPage

pytestmark = pytest.mark.django_db


def test_page_rules():
    assert SuggestionFormPage in HomePage.allowed_subpage_models()
    assert SuggestionFormPage not in StandardPage.allowed_subpage_models()
    assert SuggestionFormPage.allowed_subpage_models() == []
    assert SuggestionFormPage.max_count_per_parent == 1


def test_one_form_per_home_page(form_page, home):
    assert not SuggestionFormPage.can_create_at(home)


def test_form_fields_are_translatable_and_keep_their_names(form_page):
    source, _created = TranslationSource.get_or_create_from_instance(form_page)
    strings = set(source.stringsegment_set.values_list("string__data", flat=True))
    assert {"Name", "E-Mail-Adresse", "Ihr Vorschlag"} <= strings
    assert "integration@example.org" not in strings  # the office's address is synchronised

    english = translate_page(form_page, "en")
    fields = list(english.form_fields.all())
    assert [field.clean_name for field in fields] == ["name", "email", "suggestion"]
    assert {field.locale.language_code for field in fields} == {"en"}
    assert english.to_address == "integration@example.org"


def test_built_in_names_are_reserved(form_page):
    field = SuggestionFormField(
        page=form_page, label="Topic", field_type="singleline", locale=Locale.get_default()
    )
    with pytest.raises(ValidationError):
        field.full_clean(exclude=["page", "translation_key"])


def test_submissions_are_kept_on_the_german_page(form_page):
    arabic = translate_page(form_page, "ar")
    assert arabic.get_source_page().pk == form_page.pk
    assert form_page.get_source_page().pk == form_page.pk
