"""The contacts directory page and the contacts a page names in its "Kontakt" box."""

from django.db import models
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable

from home.models import BasePage


class PageContact(Orderable):
    """One contact named in a page's "Kontakt" box; synchronised, not translated."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="page_contacts")
    contact = models.ForeignKey(
        "contacts.Contact",
        verbose_name=_("Kontakt"),
        on_delete=models.CASCADE,
        related_name="page_links",
    )

    panels = [FieldPanel("contact")]

    class Meta(Orderable.Meta):
        verbose_name = _("Ansprechperson")
        verbose_name_plural = _("Ansprechpersonen")


class ContactDirectoryPage(RoutablePageMixin, BasePage):
    """The district's A–Z directory of public contacts, with one address per contact."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Kontaktverzeichnis")
        verbose_name_plural = _("Kontaktverzeichnisse")

    @path("")
    def directory_view(self, request):
        from contacts.directory import DirectoryListing

        return self.render(request, context_overrides={"listing": DirectoryListing(request, self)})

    def _public_contact(self, request, contact_id, slug, related=()):
        """The contact in the reader's language, or a redirect to its canonical address."""
        from contacts.directory import find_public_contact

        contact = find_public_contact(request, contact_id, related)
        if contact is None:
            raise Http404
        if contact.pk != int(contact_id) or contact.slug != slug:
            return contact, True
        return contact, False

    @re_path(r"^(?P<contact_id>\d+)-(?P<slug>[-a-z0-9]*)/$", name="contact")
    def contact_view(self, request, contact_id, slug):
        from contacts.directory import ContactDetail

        # The entry also shows the parent organisation and the photo.
        contact, moved = self._public_contact(
            request, contact_id, slug, related=("organisation__parent", "photo")
        )
        if moved:
            return HttpResponsePermanentRedirect(self.contact_url(contact, request))
        return self.render(
            request,
            template="contacts/contact_page.html",
            context_overrides={"detail": ContactDetail(request, self, contact)},
        )

    @re_path(r"^(?P<contact_id>\d+)-(?P<slug>[-a-z0-9]*)/vcard/$", name="vcard")
    def vcard_view(self, request, contact_id, slug):
        from contacts.vcard import contact_vcard

        contact, moved = self._public_contact(request, contact_id, slug)
        if moved:
            return HttpResponsePermanentRedirect(self.vcard_url(contact, request))
        response = HttpResponse(
            contact_vcard(contact).encode("utf-8"), content_type="text/vcard; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{contact.slug}.vcf"'
        return response

    def contact_url(self, contact, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "contact", kwargs={"contact_id": contact.pk, "slug": contact.slug}
        )

    def vcard_url(self, contact, request=None):
        return self.get_url(request) + self.reverse_subpage(
            "vcard", kwargs={"contact_id": contact.pk, "slug": contact.slug}
        )
