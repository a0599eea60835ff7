"""Phone numbers: one stored form (E.164), German display form, international tel: links."""

import phonenumbers

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "DE"


def normalize_phone(value):
    """Return the E.164 form ("+4972223814336") of a number typed in any common way."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(str(value), DEFAULT_REGION)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(
            _("„%(value)s“ ist keine Telefonnummer."), code="invalid_phone", params={"value": value}
        ) from error
    if not phonenumbers.is_possible_number(number) or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("„%(value)s“ ist keine gültige Telefonnummer."),
            code="invalid_phone",
            params={"value": value},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164):
    """German numbers in national form ("07222 3814336"), others in international form."""
    if not e164:
        return ""
    number = phonenumbers.parse(e164, DEFAULT_REGION)
    if number.country_code == 49:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


class PhoneNumberField(models.CharField):
    """Stores a validated phone number in E.164; forms show the error on the field."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return normalize_phone(super().to_python(value))
