"""Admin filters for the flat listing of measures ("all planned measures led by the Jobcenter")."""

import django_filters

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views.pages.listing import PageFilterSet

from concept.models import Kind, MeasurePage, Status, Timeframe


def lead_organisations(request):
    """Organisations that lead at least one measure, in every language."""
    from contacts.models import Organisation

    return Organisation.objects.filter(
        pk__in=MeasurePage.objects.exclude(lead_organisation=None).values("lead_organisation_id")
    ).select_related("locale")


class LeadOrganisationFilter(django_filters.ModelChoiceFilter):
    """Matches the chosen organisation in any language (translations share a translation key)."""

    def filter(self, qs, value):
        if value:
            return qs.filter(lead_organisation__translation_key=value.translation_key)
        return qs


class MeasureFilterSet(PageFilterSet):
    measure_status = django_filters.ChoiceFilter(
        field_name="status",
        label=_("Umsetzungsstand"),
        choices=Status.choices,
        empty_label=_("Alle"),
        widget=forms.RadioSelect,
    )
    lead_organisation = LeadOrganisationFilter(
        label=_("Federführung"), queryset=lead_organisations, empty_label=_("Alle")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=Kind.choices, empty_label=_("Alle"), widget=forms.RadioSelect
    )
    timeframe = django_filters.ChoiceFilter(
        label=_("Zeitrahmen"),
        choices=Timeframe.choices,
        empty_label=_("Alle"),
        widget=forms.RadioSelect,
    )
    chapter_number = django_filters.NumberFilter(label=_("Kapitelnummer"))

    class Meta:
        model = MeasurePage
        fields = []
