"""Validation and formatting of contacts: phone numbers, e-mail, languages, office hours."""

import pytest
import vobject

from django.core.exceptions import ValidationError
from django.template import Context, Template

from contacts.blocks import OfficeHoursBlock
from contacts.factories import ContactFactory
from contacts.models import Contact
from contacts.phone import display_phone, normalize_phone
from contacts.vcard import contact_vcard

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "typed",
    ["07222 0000-123", "07222/0000123", "+49 7222 0000123", "0049 7222 0000123", "(07222) 0000123"],
)
def test_phone_numbers_are_stored_in_one_form(typed):
    assert normalize_phone(typed) == "+4972220000123"


def test_phone_display_is_german_national_for_german_numbers_and_international_else():
    assert display_phone("+4972220000123") == "07222 0000123"
    assert display_phone("+33142685300").startswith("+33 ")


def test_invalid_phone_is_refused_with_a_message_on_the_field(site):
    contact = ContactFactory.build(phone="12345", fax="abc", site=site)
    contact.organisation.save()
    contact.location.save()
    contact.organisation = contact.organisation
    contact.location = contact.location
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "phone" in error.value.message_dict
    assert "keine gültige Telefonnummer" in error.value.message_dict["phone"][0]
    assert "fax" in error.value.message_dict


def test_full_clean_normalises_the_phone_number(site):
    contact = ContactFactory(phone="+4972220000123")
    contact.phone = "07222 0000-124"
    contact.full_clean()
    assert contact.phone == "+4972220000124"


def test_invalid_email_and_unknown_language_are_refused(site):
    contact = ContactFactory()
    contact.email = "kein-at-zeichen"
    contact.languages = ["ar", "xx"]
    with pytest.raises(ValidationError) as error:
        contact.full_clean()
    assert "email" in error.value.message_dict
    assert "languages" in error.value.message_dict
    assert "xx" in error.value.message_dict["languages"][0]


def test_office_hours_must_end_after_they_start():
    block = OfficeHoursBlock()
    value = block.to_python({"day": "mo", "opens": "12:00", "closes": "08:00"})
    with pytest.raises(Exception) as error:
        block.clean(value)
    assert "Ende" in str(error.value.block_errors["closes"])


def test_spoken_languages_are_named_in_themselves_with_lang_and_dir(site):
    contact = ContactFactory(languages=["ar", "tr", "dgs"])
    languages = contact.spoken_languages()
    assert [(item.name, item.tag, item.direction) for item in languages] == [
        ("العربية", "ar", "rtl"),
        ("Türkçe", "tr", "ltr"),
        ("Deutsche Gebärdensprache", "gsg", "ltr"),
    ]


def test_phone_link_is_tel_in_e164_and_isolated_left_to_right():
    html = Template("{% load contacts_tags %}{{ number|phone_link }}").render(
        Context({"number": "+4972220000123"})
    )
    assert html == (
        '<a class="kern-link" href="tel:+4972220000123"><bdi dir="ltr">07222 0000123</bdi></a>'
    )
    html = Template("{% load contacts_tags %}{{ address|email_link }}").render(
        Context({"address": "a.b@example.org"})
    )
    assert 'href="mailto:a.b@example.org"' in html and "(@)" not in html


def test_vcard_is_utf8_and_parses_back(site):
    contact = ContactFactory(
        name="Özlem Şahin-Müller",
        position="Bildungskoordination",
        phone="07222 0000-123",
        fax="07222 0000-199",
        email="oezlem@example.org",
        room="D4.01",
        languages=["de", "tr", "ar"],
        office_hours=[("slot", {"day": "mo", "opens": "08:30", "closes": "12:00"})],
    )
    contact = Contact.objects.get(pk=contact.pk)
    text = contact_vcard(contact)
    card = vobject.readOne(text.encode("utf-8").decode("utf-8"))
    assert card.fn.value == "Özlem Şahin-Müller"
    assert card.n.value.family == "Şahin-Müller"
    assert card.title.value == "Bildungskoordination"
    numbers = {tel.value: tel.type_paramlist for tel in card.contents["tel"]}
    assert "+4972220000123" in numbers and "FAX" in numbers["+4972220000199"]
    assert card.email.value == "oezlem@example.org"
    assert card.adr.value.city == contact.location.city
    assert "D4.01" in card.adr.value.extended
    assert "العربية" in card.note.value and "Montag 08:30–12:00" in card.note.value
    assert card.org.value == [contact.organisation.name]
