"""Admin filters for the contacts listing, including languages spoken (a JSON list)."""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import Locale

from contacts.languages import SPOKEN_LANGUAGES
from contacts.models import Contact, Organisation


def filter_language(queryset, name, value):
    """Contacts who speak a language; the JSON text holds each code in quotes."""
    if not value:
        return queryset
    return queryset.filter(languages__icontains=f'"{value}"')


class ContactFilterSet(WagtailFilterSet):
    organisation = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=lambda request: Organisation.objects.filter(locale=Locale.get_default()),
        method="filter_organisation",
    )
    language = django_filters.ChoiceFilter(
        label=_("Gesprochene Sprache"),
        choices=SPOKEN_LANGUAGES,
        method=lambda queryset, name, value: filter_language(queryset, name, value),
        widget=forms.Select,
        empty_label=_("Alle"),
    )
    is_public = django_filters.BooleanFilter(label=_("Öffentlich"), widget=BooleanRadioSelect)

    class Meta:
        model = Contact
        fields = ["organisation", "site", "language", "is_public"]

    def filter_organisation(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(organisation__translation_key=value.translation_key)
