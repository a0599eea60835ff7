"""Languages a contact person speaks, each named in itself (shown as "العربية, Türkçe")."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

SPOKEN_LANGUAGES = [
    ("de", "Deutsch"),
    ("en", "English"),
    ("ar", "العربية"),
    ("fa", "فارسی"),
    ("prs", "دری"),
    ("ps", "پښتو"),
    ("ku", "Kurdî"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ru", "Русский"),
    ("pl", "Polski"),
    ("ro", "Română"),
    ("bg", "Български"),
    ("sq", "Shqip"),
    ("sr", "Српски"),
    ("hr", "Hrvatski"),
    ("bs", "Bosanski"),
    ("el", "Ελληνικά"),
    ("it", "Italiano"),
    ("fr", "Français"),
    ("es", "Español"),
    ("pt", "Português"),
    ("ti", "ትግርኛ"),
    ("so", "Soomaali"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("zh", "中文"),
    ("dgs", "Deutsche Gebärdensprache"),
]
LANGUAGE_NAMES = dict(SPOKEN_LANGUAGES)
RTL_SPOKEN = {"ar", "fa", "prs", "ps", "ur"}
# BCP 47 tags for lang="" where our short code is not one ("dgs" is Dogosé; DGS is "gsg").
LANGUAGE_TAGS = {"dgs": "gsg"}


def language_tag(code):
    """The value for a lang="" attribute of a spoken language."""
    return LANGUAGE_TAGS.get(code, code)


class LanguageListField(models.JSONField):
    """A list of language codes, edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=SPOKEN_LANGUAGES,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )

    def validate(self, value, model_instance):
        super().validate(value, model_instance)
        unknown = [code for code in value or [] if code not in LANGUAGE_NAMES]
        if unknown:
            raise forms.ValidationError(
                _("Unbekannte Sprache: %(codes)s"), params={"codes": ", ".join(unknown)}
            )
