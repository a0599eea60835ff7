"""Public notice "Die deutsche Fassung dieser Seite ist neuer." on outdated translations."""

import pytest
from bs4 import BeautifulSoup

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import Page

from concept.factories import ChapterPageFactory
from home.factories import StandardPageFactory, translate_page
from tests.translations.status_scenario import (
    measure_in_a_translated_concept,
    publish,
    sync,
    translate,
)
from translations.status import source_is_newer

pytestmark = pytest.mark.django_db

NEWER = "Die deutsche Fassung dieser Seite ist neuer."
READ_GERMAN = "Deutsche Fassung lesen"


def notice(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").select_one(".source-newer-notice")


@pytest.fixture
def measure(home):
    measure = measure_in_a_translated_concept(home, languages=("ar", "tr"))
    translate(measure, "ar")
    translate(measure, "tr")
    return measure


def arabic(measure):
    return Page.objects.get(translation_key=measure.translation_key, locale__language_code="ar")


def test_no_notice_on_an_up_to_date_translation_or_a_german_page(client, measure):
    assert notice(client, arabic(measure).url) is None
    publish(measure, intro="Neu")
    assert notice(client, measure.url) is None


def test_notice_in_the_readers_language_links_the_german_page(client, measure):
    german = publish(measure, intro="Sprachkurse für Eltern, auch am Abend.")
    box = notice(client, arabic(measure).url)
    assert box is not None
    with translation.override("ar"):
        title, link_text = gettext(NEWER), gettext(READ_GERMAN)
    assert box.get_text(" ", strip=True).startswith(title)
    assert "kern-alert" in box["class"] and box["role"] == "note"
    link = box.select_one("a")
    assert link["href"] == german.url
    assert german.url.startswith("/de/") and german.url.endswith("/kapitel-1/massnahme-1-1/")
    assert link["hreflang"] == "de"
    assert link.get_text(" ", strip=True).startswith(link_text)
    assert link.select_one('[lang="de"]').get_text() == "Deutsch"


def test_notice_goes_when_the_translation_is_synced_and_saved_and_stays_elsewhere(client, measure):
    measure = publish(measure, intro="Sprachkurse für Eltern, auch am Abend.")
    sync(measure)
    translate(measure, "ar", only_new=True)
    assert notice(client, arabic(measure).url) is None
    turkish = Page.objects.get(translation_key=measure.translation_key, locale__language_code="tr")
    assert notice(client, turkish.url) is not None


def test_a_german_draft_or_a_move_shows_no_notice(client, measure):
    german = Page.objects.get(pk=measure.pk).specific
    german.intro = "Entwurf, nicht veröffentlicht"
    german.save_revision()
    assert notice(client, arabic(measure).url) is None

    concept = german.get_parent().get_parent()
    other_chapter = ChapterPageFactory(parent=concept, number=2, slug="kapitel-2")
    Page.objects.get(pk=measure.pk).move(other_chapter, pos="last-child")
    assert Page.objects.get(pk=measure.pk).get_parent().pk == other_chapter.pk
    assert notice(client, arabic(measure).url) is None


def test_a_german_page_shown_as_fallback_has_only_the_fallback_notice(client, home):
    # no Arabic home page: /ar/ serves the German tree in the Arabic interface
    page = StandardPageFactory(parent=home, title="Nur Deutsch", slug="nur-deutsch")
    page.save_revision().publish()
    response = client.get("/ar/nur-deutsch/")
    content = BeautifulSoup(response.content, "html.parser")
    assert content.select_one(".fallback-notice") is not None
    assert content.select_one(".source-newer-notice") is None


def test_translations_made_without_wagtail_localize_compare_publication_dates(client, home):
    translate_page(home, "en")
    page = publish(StandardPageFactory(parent=home, title="Wohnen", slug="wohnen"))
    english = translate_page(page, "en")
    assert notice(client, english.url) is None
    publish(page, intro="Neu")
    assert notice(client, english.url) is not None
    publish(english, intro="New")
    assert notice(client, english.url) is None


def test_source_is_newer_costs_one_query_and_none_on_german_pages(measure):
    german = publish(measure, intro="Neu")
    translated = arabic(measure)
    translated.locale  # noqa: B018 - loaded with the page by the site chrome already
    with CaptureQueriesContext(connection) as queries:
        assert source_is_newer(translated).pk == german.pk
    assert len(queries) == 1
    german = Page.objects.select_related("locale").get(pk=german.pk)
    with CaptureQueriesContext(connection) as queries:
        assert source_is_newer(german) is None
    assert len(queries) == 0


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_notice_costs_one_query_on_translated_pages_only(client, measure):
    url = arabic(measure).url
    client.get(url)  # warm the per-process caches
    up_to_date = count_queries(client, url)
    publish(measure, intro="Neu")
    client.get(url)
    outdated = count_queries(client, url)
    assert outdated == up_to_date  # showing the notice itself costs nothing more
    assert notice(client, url) is not None
