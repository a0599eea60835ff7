import pytest

from wagtail.models import Locale

from contacts.factories import ContactDirectoryPageFactory, ContactFactory, OrganisationFactory
from contacts.models import ContactTopic
from home.factories import translate_page
from home.models import Topic


def translate_contact(contact, language_code, **changes):
    """A published translation of a contact (as wagtail-localize would store it)."""
    locale = Locale.objects.get(language_code=language_code)
    existing = contact.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = contact.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(translation, name, value)
    translation.save()
    return translation


@pytest.fixture
def directory(home):
    """The district's contacts directory in German, English and Arabic."""
    page = ContactDirectoryPageFactory(parent=home, title="Kontakte", slug="kontakte")
    page.save_revision().publish()
    for code in ("en", "ar"):
        translate_page(home, code)
        translate_page(page, code)
    return page


@pytest.fixture
def topic(db):
    topic = Topic.objects.create(name="Ausbildung und Arbeit", slug="ausbildung-arbeit")
    Topic.objects.create(
        name="التدريب والعمل",
        slug="ausbildung-arbeit",
        translation_key=topic.translation_key,
        locale=Locale.objects.get(language_code="ar"),
    )
    return topic


@pytest.fixture
def contacts(site, topic):
    """Three public contacts and one internal one of Rastatt."""
    office = OrganisationFactory(name="Sachgebiet Integration", site=site)
    jobcenter = OrganisationFactory(name="Jobcenter Landkreis Rastatt", site=site)
    officer = ContactFactory(
        name="Amira Beispiel",
        position="Integrationsbeauftragte",
        organisation=office,
        phone="07222 0000-123",
        fax="07222 0000-199",
        email="integration@example.org",
        room="D4.01",
        languages=["de", "ar", "en"],
        office_hours=[
            ("slot", {"day": "mo", "opens": "08:30", "closes": "12:00"}),
            ("slot", {"day": "th", "opens": "14:00", "closes": "17:30"}),
        ],
        office_hours_note="und nach Vereinbarung",
        site=site,
    )
    volunteer = ContactFactory(
        name="Özlem Muster",
        position="Ehrenamtskoordination",
        organisation=office,
        phone="07222 0000-124",
        languages=["de", "tr"],
        site=site,
    )
    labour = ContactFactory(
        name="Jonas Probe",
        position="Arbeitsmarktintegration",
        organisation=jobcenter,
        phone="07222 0000-200",
        languages=["de", "uk", "ru"],
        site=site,
    )
    ContactTopic.objects.create(contact=labour, topic=topic)
    internal = ContactFactory(
        name="Interna Geheim",
        position="Nur intern",
        organisation=office,
        phone="07222 0000-999",
        email="intern@example.org",
        languages=["de", "ar"],
        is_public=False,
        site=site,
    )
    return {
        "office": office,
        "jobcenter": jobcenter,
        "officer": officer,
        "volunteer": volunteer,
        "labour": labour,
        "internal": internal,
    }
