"""API representations of a contact's organisation, address and directory entry."""

from rest_framework import serializers

from wagtail.models import Site


class OrganisationField(serializers.Field):
    def to_representation(self, organisation):
        return {
            "id": organisation.pk,
            "name": organisation.name,
            "kind": organisation.kind,
            "website": organisation.website,
        }


class AddressField(serializers.Field):
    def to_representation(self, location):
        return {
            "building": location.name,
            "street": location.street,
            "postcode": location.postcode,
            "city": location.city,
        }


class DirectoryURLField(serializers.Field):
    """The address of the contact's entry in the directory of its district."""

    def to_representation(self, contact):
        request = self.context.get("request")
        from contacts.directory import directory_page

        directory = directory_page(Site.find_for_request(request), request, contact.locale)
        if directory is None:
            return None
        return directory.full_url + directory.reverse_subpage(
            "contact", kwargs={"contact_id": contact.pk, "slug": contact.slug}
        )
