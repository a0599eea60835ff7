"""The page-level "Kontakt" box: a mixin for page types that name their contact persons.

Kept apart from contacts.models so that home.models can use it without an import cycle.
"""

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
        """The chosen contacts in their order (as chosen, not yet localised)."""
        return [
            link.contact
            for link in self.page_contacts.all().select_related("contact")
            if link.contact is not None
        ]
