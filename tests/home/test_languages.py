"""Language prefixes, the redirect from "/", the language switcher and hreflang alternates."""

import re

import pytest

from django.utils import translation

from wagtail.models import Locale

from home.factories import StandardPageFactory, translate_page

pytestmark = pytest.mark.django_db


def switcher_links(content):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    return {
        m.group("code"): (m.group("href"), m.group("text"))
        for m in re.finditer(
            r'<a [^>]*href="(?P<href>[^"]+)" hreflang="(?P<code>[a-z]+)"[^>]*>(?P<text>.*?)</a>',
            nav,
            re.S,
        )
    }


def test_root_redirects_to_german_without_accept_language(client, home):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/de/"


@pytest.mark.parametrize(
    ("header", "expected"),
    [("ar,en;q=0.5", "/ar/"), ("fa", "/fa/"), ("en-GB,en;q=0.9", "/en/"), ("fr", "/de/")],
)
def test_root_redirects_to_best_language(client, home, header, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_every_page_url_carries_its_language_prefix(home):
    page = StandardPageFactory(parent=home, slug="kontakt")
    arabic = translate_page(page, "ar")
    assert page.url == "/de/kontakt/"
    assert arabic.url == "/ar/kontakt/"


def test_switcher_names_each_language_in_itself_and_links_translations(client, home):
    page = StandardPageFactory(parent=home, slug="beratung", title="Beratung")
    translate_page(page, "en")
    translate_page(page, "ar")
    translate_page(home, "tr")  # Turkish home exists, this page is not translated
    content = client.get("/de/beratung/").content.decode()
    links = switcher_links(content)
    assert list(links) == ["de", "en", "ar", "fa", "tr", "uk", "ru"]
    assert links["de"][0] == "/de/beratung/"
    assert links["en"][0] == "/en/beratung/"
    assert links["ar"][0] == "/ar/beratung/"
    # not translated: to that language's home page, saying so in that language
    assert links["tr"][0] == "/tr/"
    with translation.override("tr"):
        hint = translation.gettext("Startseite")
    assert hint in links["tr"][1]
    assert "Startseite" not in links["en"][1]
    for code, name in [("de", "Deutsch"), ("ar", "العربية"), ("fa", "فارسی"), ("uk", "Українська")]:
        assert name in links[code][1]
    assert 'lang="ar" dir="rtl"' in content and 'lang="fa" dir="rtl"' in content
    assert 'hreflang="de" lang="de" dir="ltr" aria-current="true"' in content


def test_hreflang_alternates_list_existing_translations(client, home):
    page = StandardPageFactory(parent=home, slug="wohnen")
    translate_page(page, "ar")
    content = client.get("/de/wohnen/").content.decode()
    alternates = dict(
        re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', content)
    )
    assert alternates == {
        "de": "http://testserver/de/wohnen/",
        "ar": "http://testserver/ar/wohnen/",
        "x-default": "http://testserver/de/wohnen/",
    }


def test_untranslated_page_in_another_language_says_so(client, home):
    """/fa/ without a Persian home shows the German home, marked as German and explained."""
    content = client.get("/fa/").content.decode()
    assert '<html lang="fa" dir="rtl">' in content
    assert '<div class="page-content" lang="de" dir="ltr">' in content
    with translation.override("fa"):
        notice = translation.gettext("Diese Seite gibt es noch nicht in Ihrer Sprache.")
    assert notice in content


def test_interface_strings_are_translated(client, home):
    translate_page(home, "ar")
    content = client.get("/ar/").content.decode()
    with translation.override("ar"):
        skip = translation.gettext("Zum Inhalt springen")
    assert skip != "Zum Inhalt springen"
    assert f'<a class="skip-link" href="#main">{skip}</a>' in content


def test_locale_of_translated_page_is_arabic(home):
    arabic = translate_page(home, "ar")
    assert arabic.locale == Locale.objects.get(language_code="ar")
