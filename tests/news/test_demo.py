"""The demo news of both districts: facts from the seeds, translations, idempotence."""

import datetime

import pytest

from django.core.management import call_command

from wagtail.models import Locale, Site

from news.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def district_home(hostname):
    return Site.objects.get(hostname=hostname).root_page


def test_rastatt_news_on_the_approval_with_gallery(demo, client):
    home = district_home("localhost")
    news = NewsPage.objects.descendant_of(home).get(
        slug="integrationskonzept-beschlossen", locale=Locale.get_default()
    )
    assert news.date == datetime.date(2024, 6, 18)
    assert news.concept.slug == "integrationskonzept-2024"
    gallery = next(block for block in news.body if block.block_type == "gallery")
    alts = [item.value["alt_text"] for item in gallery.value["images"]]
    assert len(alts) == 3 and all(len(alt) > 20 for alt in alts)
    for code in ("de", "en", "ar"):
        translated = news.get_translation(Locale.objects.get(language_code=code))
        assert client.get(translated.url).status_code == 200
    arabic = news.get_translation(Locale.objects.get(language_code="ar"))
    assert arabic.title == "اللجنة توافق على مفهوم الاندماج الجديد"


def test_rems_murr_news_on_adoption_working_group_and_press(demo, client):
    home = district_home("rems-murr.localhost")
    german = Locale.get_default()
    adoption = NewsPage.objects.descendant_of(home).get(
        slug="integrationsplan-verabschiedet", locale=german
    )
    assert adoption.date == datetime.date(2017, 5, 8)
    assert adoption.concept.slug == "integrationsplan-2017"
    press = next(block for block in adoption.body if block.block_type == "press")
    outlets = [item.value["outlet"] for item in press.value["mentions"]]
    assert outlets == ["Backnanger Kreiszeitung", "Stuttgarter Zeitung"]
    assert all(
        item.value["url"].startswith("https://example.org/") for item in press.value["mentions"]
    )
    group = NewsPage.objects.descendant_of(home).get(
        slug="arbeitsgruppe-arbeitsmarkt-erste-sitzung", locale=german
    )
    measure = group.related_page_links.get().target
    assert measure.slug == "arbeitsgruppe-arbeitsmarkt"
    content = client.get(measure.url, HTTP_HOST="rems-murr.localhost").content.decode()
    assert "Aktuelles zu dieser Maßnahme" in content and group.title in content


def test_each_district_and_language_has_one_news_index(demo):
    for hostname in ("localhost", "rems-murr.localhost"):
        home = district_home(hostname)
        for code in ("de", "en", "ar"):
            localized_home = home.get_translation(Locale.objects.get(language_code=code))
            assert NewsIndexPage.objects.child_of(localized_home).count() == 1


def test_home_shows_the_latest_news(demo, client):
    content = client.get("/de/", HTTP_HOST="rems-murr.localhost").content.decode()
    assert "Kreistagsausschüsse verabschieden den Integrationsplan" in content
    assert "Ausschuss stimmt dem neuen Integrationskonzept zu" not in content


def test_demo_is_idempotent(demo):
    from io import StringIO

    before = NewsPage.objects.count()
    call_command("load_demo", stdout=StringIO())
    # three items in German, English and Arabic, and the scheduled one in German
    assert NewsPage.objects.count() == before == 10
