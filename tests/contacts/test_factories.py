import pytest

from contacts.factories import ContactFactory, LocationFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_factories_make_valid_objects_of_the_default_district(site):
    organisation = OrganisationFactory()
    location = LocationFactory()
    first, second = ContactFactory(), ContactFactory()
    for item in (organisation, location, first, second):
        item.full_clean()
        assert item.site == site
    # Faker is evaluated per instance, not once at import
    assert first.name != second.name or first.email != second.email
    assert first.organisation.site == site and first.location.site == site
    assert first.is_public and first.email.endswith("@example.org")


def test_factory_contacts_follow_the_given_site(site, other_site):
    contact = ContactFactory(site=other_site)
    assert contact.organisation.site == other_site
    assert contact.location.site == other_site
