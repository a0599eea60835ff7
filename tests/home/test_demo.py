"""The demo command builds both districts from the seeds and is idempotent."""

from io import StringIO

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringTranslation, Translation

from home.models import DistrictSettings

pytestmark = pytest.mark.django_db


def test_demo_builds_two_districts(demo, client):
    sites = {site.hostname: site for site in Site.objects.all()}
    assert set(sites) == {"localhost", "rems-murr.localhost"}
    assert sites["localhost"].is_default_site
    rastatt = client.get("/de/").content.decode()
    rems_murr = client.get("/de/", HTTP_HOST="rems-murr.localhost:8000").content.decode()
    assert "Ausschuss für soziale Angelegenheiten" in rastatt and "18. Juni 2024" in rastatt
    assert "8. Mai 2017" in rems_murr and "156 Seiten" in rems_murr
    # each district keeps its own facts
    assert "8. Mai 2017" not in rastatt
    assert "18. Juni 2024" not in rems_murr


def test_demo_has_legal_pages_linked_in_settings(demo, client):
    for district in DistrictSettings.objects.all():
        for field, _label in DistrictSettings.FOOTER_LINKS:
            assert getattr(district, field) is not None, (district, field)
    content = client.get("/de/").content.decode()
    for label in (
        "Impressum",
        "Datenschutz",
        "Erklärung zur Barrierefreiheit",
        "Leichte Sprache",
        "Gebärdensprache",
        "Barriere melden",
    ):
        assert label in content


def test_demo_translations_are_made_with_wagtail_localize(demo, client):
    english = Locale.objects.get(language_code="en")
    arabic = Locale.objects.get(language_code="ar")
    # every published German page (the scheduled news item waits for its go-live)
    german_pages = Page.objects.filter(locale__language_code="de", live=True).exclude(depth=1)
    for page in german_pages:
        assert page.get_translation_or_none(english) is not None, page
        assert page.get_translation_or_none(arabic) is not None, page
    translated_keys = set(
        Translation.objects.filter(target_locale=arabic).values_list("source__object_id", flat=True)
    )
    assert {page.translation_key for page in german_pages} <= translated_keys
    assert StringTranslation.objects.filter(locale=arabic).exists()
    content = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert "الاندماج في دائرة راشتات" in content
    assert "18 يونيو 2024" in content
    # the Arabic menu leads to the Arabic pages
    assert '<a class="main-nav__link" href="/ar/beteiligung/">المشاركة في التحديث</a>' in content


def test_demo_is_idempotent(demo, settings):
    counts = (Page.objects.count(), Site.objects.count(), StringTranslation.objects.count())
    call_command("load_demo", stdout=StringIO())
    assert (Page.objects.count(), Site.objects.count(), StringTranslation.objects.count()) == counts


def test_demo_admin_login(demo, client):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password("demo-passwort")
    assert client.login(username="admin", password="demo-passwort")
    assert client.get("/admin/").status_code == 200
