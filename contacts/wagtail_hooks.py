"""Admin: organisations, buildings and contacts under one menu item "Kontakte"."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from contacts.filters import ContactFilterSet
from contacts.models import Contact, Location, Organisation
from contacts.views import ContactImportView


class ContactIndexView(IndexView):
    """The contacts listing, with a button to the CSV import."""

    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        namespace = self.index_url_name.rsplit(":", 1)[0]
        buttons.append(
            Button(
                _("Aus CSV importieren"),
                url=reverse(f"{namespace}:import"),
                icon_name="upload",
                priority=60,
            )
        )
        return buttons


class ContactViewSet(SnippetViewSet):
    model = Contact
    icon = "user"
    menu_label = _("Ansprechpersonen")
    index_view_class = ContactIndexView
    list_display = ["name", "position", "organisation", "phone", "email", "is_public", "site"]
    filterset_class = ContactFilterSet
    list_export = [
        "name",
        "position",
        "organisation",
        "phone",
        "fax",
        "mobile",
        "email",
        "website",
        "location",
        "room",
        "languages",
        "office_hours_note",
        "is_public",
        "site",
    ]
    export_filename = "kontakte"
    ordering = ["name"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "import/",
                ContactImportView.as_view(index_url_name=self.get_url_name("list")),
                name="import",
            )
        ]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisationen")
    list_display = ["name", "kind", "parent", "city", "site"]
    list_filter = ["kind", "site"]
    list_export = ["name", "kind", "parent", "website", "street", "postcode", "city", "site"]
    export_filename = "organisationen"


class LocationViewSet(SnippetViewSet):
    model = Location
    icon = "home"
    menu_label = _("Gebäude")
    list_display = ["name", "street", "postcode", "city", "site"]
    list_filter = ["site"]
    list_export = ["name", "street", "postcode", "city", "accessibility", "transport", "site"]
    export_filename = "gebaeude"


class ContactsGroup(SnippetViewSetGroup):
    menu_label = _("Kontakte")
    menu_icon = "user"
    menu_order = 250
    items = (ContactViewSet, OrganisationViewSet, LocationViewSet)


register_snippet(ContactsGroup)
