"""The admin speaks German to editors, whatever reader language their browser prefers
(issue #6, point 8)."""

import re

import pytest

from django.conf import settings
from django.test import Client
from django.utils import translation

from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_settings_keep_the_admin_to_the_editors_languages():
    assert settings.WAGTAIL_I18N_ENABLED is True
    assert settings.LANGUAGE_CODE == "de"
    # readers' languages are content languages ...
    content = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    assert {"de", "en", "ar", "fa", "tr", "uk", "ru"} <= set(content)
    # ... but the admin is offered in German (and English) only
    assert [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == ["de", "en"]


@pytest.mark.parametrize("accept_language", ["", "de-DE,de;q=0.9", "ar", "fa,de;q=0.5", "tr"])
def test_dashboard_is_german_for_an_editor_with_any_reader_language_browser(
    admin_client, home, accept_language
):
    headers = {"HTTP_ACCEPT_LANGUAGE": accept_language} if accept_language else {}
    response = admin_client.get("/admin/", **headers)
    assert response.status_code == 200
    assert html_tag(response).startswith('<html lang="de" dir="ltr"')
    content = response.content.decode()
    with translation.override("de"):
        pages = translation.gettext("Pages")
    assert pages == "Seiten" and pages in content
    assert "الصفحات" not in content and "صفحه‌ها" not in content


def test_login_page_is_german_for_an_arabic_browser(home):
    response = Client().get("/admin/login/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert html_tag(response).startswith('<html lang="de" dir="ltr"')
    assert "Anmelden" in response.content.decode()


def test_an_editor_may_choose_english_and_keeps_it(admin_client, admin_user, home):
    # a browser asking for English gets the permitted English admin
    assert html_tag(admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")).startswith(
        '<html lang="en"'
    )
    # a chosen preference wins over an Arabic browser
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    assert html_tag(admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ar")).startswith(
        '<html lang="en"'
    )


def test_public_pages_still_follow_the_readers_language(client, home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response["Location"] == "/ar/"
