"""Demo contacts: invented people of both districts, translated, idempotent."""

from io import StringIO

import pytest

from django.core.management import call_command

from wagtail.models import Locale

from contacts.models import Contact, ContactDirectoryPage, Organisation
from home.models import Topic

pytestmark = pytest.mark.django_db


def test_demo_contacts(settings, tmp_path, monkeypatch, client):
    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", "demo-passwort")
    call_command("load_demo", stdout=StringIO())
    counts = (Contact.objects.count(), Organisation.objects.count(), Topic.objects.count())
    german = Contact.objects.filter(locale=Locale.get_default())
    assert german.filter(site__hostname="localhost", is_public=False).count() == 1
    assert german.filter(site__hostname="rems-murr.localhost", is_public=False).count() == 1
    for contact in german:
        assert contact.email.endswith("example.org")
        assert "0000" in contact.phone
        for code in ("en", "ar"):
            assert contact.get_translation_or_none(Locale.objects.get(language_code=code))
    assert Topic.objects.filter(locale=Locale.get_default()).count() == 6
    directories = ContactDirectoryPage.objects
    # two districts × German, English, Arabic; Turkish and Ukrainian for this key page too
    assert directories.filter(locale__language_code__in=["de", "en", "ar"]).count() == 6
    assert directories.filter(locale__language_code__in=["tr", "uk"]).count() == 4
    assert Organisation.objects.filter(name="Welcome Center Technologieregion Karlsruhe").exists()
    assert Organisation.objects.filter(name="Stabsstelle Wirtschaftsförderung").exists()

    arabic = client.get("/ar/kontakte/?language=ar").content.decode()
    assert "مسؤولة الاندماج" in arabic and "Vertretung" not in arabic
    rems_murr = client.get("/de/kontakte/", HTTP_HOST="rems-murr.localhost").content.decode()
    assert "Alter Postplatz" not in rems_murr or "Waiblingen" in rems_murr
    assert "Miriam Beispiel" not in rems_murr and "Sabine Beispiel" in rems_murr
    office = client.get("/ar/sachgebiet-integration/").content.decode()
    assert "contact-box" in office and "Miriam Beispiel" in office

    call_command("load_demo", stdout=StringIO())
    assert (Contact.objects.count(), Organisation.objects.count(), Topic.objects.count()) == counts
