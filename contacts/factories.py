"""Test data for contacts: organisations, buildings and contacts of a district."""

import factory

from wagtail.models import Locale, Site

from contacts.models import Contact, ContactDirectoryPage, Location, Organisation
from home.factories import StandardPageFactory

__all__ = [
    "ContactDirectoryPageFactory",
    "ContactFactory",
    "LocationFactory",
    "OrganisationFactory",
    "StandardPageFactory",
]


def _default_site():
    return Site.objects.get(is_default_site=True)


def _default_locale():
    return Locale.get_default()


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Sachgebiet {n}")
    kind = Organisation.Kind.UNIT
    website = "https://example.org/"
    site = factory.LazyFunction(_default_site)
    locale = factory.LazyFunction(_default_locale)

    class Meta:
        model = Organisation


class LocationFactory(factory.django.DjangoModelFactory):
    name = "Landratsamt"
    street = factory.Faker("street_address", locale="de_DE")
    postcode = factory.Faker("postcode", locale="de_DE")
    city = factory.Faker("city", locale="de_DE")
    site = factory.LazyFunction(_default_site)
    locale = factory.LazyFunction(_default_locale)

    class Meta:
        model = Location


class ContactFactory(factory.django.DjangoModelFactory):
    """A public contact with invented data: numbers in the 0000 block, e-mail at example.org."""

    name = factory.Faker("name", locale="de_DE")
    position = factory.Faker("job", locale="de_DE")
    organisation = factory.SubFactory(OrganisationFactory, site=factory.SelfAttribute("..site"))
    phone = factory.Sequence(lambda n: f"+49722200{n % 10000:04d}")
    email = factory.Sequence(lambda n: f"kontakt{n}@example.org")
    location = factory.SubFactory(LocationFactory, site=factory.SelfAttribute("..site"))
    room = factory.Sequence(lambda n: f"D{n % 9 + 1}.{n % 100:02d}")
    languages = factory.LazyFunction(lambda: ["de"])
    is_public = True
    site = factory.LazyFunction(_default_site)
    locale = factory.LazyFunction(_default_locale)

    class Meta:
        model = Contact


class ContactDirectoryPageFactory(StandardPageFactory):
    title = "Kontakte"
    slug = "kontakte"

    class Meta:
        model = ContactDirectoryPage
