"""Read-only JSON of the public contacts of the requested district: /api/v2/contacts/.

Filters: ?organisation=<id>, ?language=<code of a language spoken>, ?locale=<reader language>.
Internal contacts and other districts' contacts are never part of it.
"""

from rest_framework.filters import BaseFilterBackend

from django.db.models import Q

from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet
from wagtail.models import Locale, Site

from contacts.directory import public_contacts
from contacts.languages import LANGUAGE_NAMES
from contacts.models import Contact, Organisation


class ContactFilter(BaseFilterBackend):
    def filter_queryset(self, request, queryset, view):
        organisation = request.GET.get("organisation")
        if organisation:
            if not organisation.isdigit():
                raise BadRequestError("organisation must be a number")
            keys = Organisation.objects.filter(pk=organisation).values("translation_key")
            queryset = queryset.filter(organisation__translation_key__in=keys)
        language = request.GET.get("language")
        if language:
            if language not in LANGUAGE_NAMES:
                raise BadRequestError(f"unknown language: {language}")
            queryset = queryset.filter(languages__icontains=f'"{language}"')
        search = request.GET.get("search")
        if search:
            queryset = queryset.filter(Q(name__icontains=search) | Q(position__icontains=search))
        return queryset


class ContactsAPIViewSet(BaseAPIViewSet):
    name = "contacts"
    model = Contact
    filter_backends = [ContactFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        ["organisation", "language", "locale"]
    )
    body_fields = BaseAPIViewSet.body_fields + [
        "name",
        "position",
        "organisation",
        "phone",
        "phone_display",
        "fax",
        "mobile",
        "email",
        "website",
        "address",
        "room",
        "office_hours",
        "office_hours_note",
        "languages",
        "language",
        "directory_url",
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "name",
        "position",
        "organisation",
        "phone",
        "email",
        "languages",
        "directory_url",
    ]

    def get_queryset(self):
        site = Site.find_for_request(self.request)
        if site is None:
            return Contact.objects.none()
        locale = None
        code = self.request.GET.get("locale")
        if code:
            locale = Locale.objects.filter(language_code=code).first()
            if locale is None:
                raise BadRequestError(f"unknown locale: {code}")
        return (
            public_contacts(site, locale or Locale.get_default())
            .select_related("organisation", "location", "locale")
            .order_by("name", "pk")
        )
