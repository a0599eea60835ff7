"""The page-level "Kontakt" box: a mixin for page types that name their contact persons.

Kept apart from contacts.models so that home.models can use it without an import cycle.
"""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import InlinePanel


class PageContactsMixin:
    """Adds the "Kontakt" box to a page type; the contacts are chosen once and kept in sync
    across languages, and each reader sees the contacts' version in their language."""

    contact_panels = [
        InlinePanel(
            "page_contacts",
            label=_("Kontakt"),
            heading=_("Ansprechpersonen"),
            help_text=_("Erscheinen unten auf der Seite im Kasten „Kontakt“."),
        )
    ]

    def get_contacts(self):
        """The chosen contacts in their order, each in the reader's version (internal ones
        left out): what the "Kontakt" box shows, in one query."""
        return self.contact_lists()["contacts"]

    def contact_lists(self, **fields):
        """{"contacts": the page's "Kontakt" box, and for each keyword the contact with that
        id (e.g. `organisers=self.organiser_id`)}, each list in the reader's versions – all
        in one query."""
        from contacts.directory import (
            LocalizedContacts,
            link_place,
            localize_chosen,
            localize_contacts,
            single_place,
        )
        from contacts.models import Contact

        links = self.page_contacts.all()
        ids = {name: pk for name, pk in fields.items() if pk}
        if not isinstance(links, QuerySet):
            # A preview: the links are in memory, not (yet) in the database.
            lists = {
                "contacts": localize_contacts(link.contact for link in links if link.contact_id)
            }
            for name, pk in ids.items():
                lists[name] = localize_contacts(Contact.objects.filter(pk=pk))
        else:
            chosen = Q(pk__in=links.values("contact_id"))
            places = {"contacts": link_place(links)}
            for name, pk in ids.items():
                chosen |= Q(pk=pk)
                places[name] = single_place(pk)
            lists = localize_chosen(Contact.objects.filter(chosen), **places)
        return {name: lists.get(name, LocalizedContacts()) for name in ("contacts", *fields)}
