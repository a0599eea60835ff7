"""Admin for events: the registrations of every event, filterable and exportable."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Locale
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events.models import EventPage, Registration


def source_events(request):
    return EventPage.objects.filter(locale=Locale.get_default()).order_by("-start")


class RegistrationFilterSet(WagtailFilterSet):
    event = django_filters.ModelChoiceFilter(label=_("Veranstaltung"), queryset=source_events)
    created = django_filters.DateFromToRangeFilter(
        label=_("Angemeldet am"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Registration
        fields = ["event", "language", "created"]


class RegistrationViewSet(SnippetViewSet):
    """The office's list of registrations; exported as CSV or XLSX for the event's day."""

    model = Registration
    icon = "group"
    menu_label = _("Anmeldungen")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "event", "email", "topic_list", "language", "created"]
    list_export = [
        "event",
        "name",
        "email",
        "phone",
        "topic_list",
        "topic_numbers",
        "language",
        "consent",
        "created",
    ]
    export_headings = {"event": _("Veranstaltung"), "topic_list": _("Gewählte Themen")}
    export_filename = "anmeldungen"
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email"]
    search_backend_name = None
    ordering = ["-created"]


register_snippet(RegistrationViewSet)
