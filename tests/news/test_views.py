"""The news index: order, filters, pagination, tag archive, feeds; news on other pages."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from concept.factories import concept_tree
from home.factories import translate_page
from home.models import Topic
from news.factories import NewsPageFactory, news_item

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def titles(response):
    return [item.title for item in response.context["results"].object_list]


def test_newest_first_and_paginated(client, news_index):
    for day in range(1, 13):
        news_item(news_index, title=f"Tag {day}", date=datetime.date(2024, 1, day))
    response = client.get(news_index.url)
    assert response.status_code == 200
    assert titles(response)[:2] == ["Tag 12", "Tag 11"]
    assert len(titles(response)) == 10
    second = client.get(news_index.url, {"page": 2})
    assert titles(second) == ["Tag 2", "Tag 1"]
    assert 'rel="next"' in response.content.decode()


@pytest.mark.parametrize("page", ["99", "-1", "abc", ""])
def test_out_of_range_page_shows_the_last_page_and_junk_the_first(client, news_index, page):
    for day in range(1, 13):
        news_item(news_index, title=f"Tag {day}", date=datetime.date(2024, 1, day))
    response = client.get(news_index.url, {"page": page})
    assert response.status_code == 200
    expected = 2 if page in {"99", "-1"} else 1
    assert response.context["results"].number == expected


def test_filter_by_tag_and_tag_archive(client, news_index):
    news_item(news_index, title="Beschluss 2024", tags=["Beschluss"])
    news_item(news_index, title="Workshop Bühl", tags=["Workshop"])
    response = client.get(news_index.url, {"tag": "beschluss"})
    assert titles(response) == ["Beschluss 2024"]
    content = response.content.decode()
    assert '<option value="beschluss" selected>Beschluss</option>' in content
    archive = client.get(f"{news_index.url}tag/workshop/")
    assert archive.status_code == 200
    assert titles(archive) == ["Workshop Bühl"]
    assert "<h1" in archive.content.decode() and "Workshop</h1>" in archive.content.decode()
    assert client.get(f"{news_index.url}tag/gibt-es-nicht/").status_code == 404


def test_filter_by_field_of_action_through_topics_and_chapters(client, home, news_index):
    german = Locale.get_default()
    housing = Topic.objects.create(name="Wohnen", slug="wohnen", locale=german)
    work = Topic.objects.create(name="Arbeit", slug="arbeit", locale=german)
    tree = concept_tree(home, chapters=1, measures_per_chapter=0)
    chapter = tree["chapters"][0]
    chapter.topic = work
    chapter.save_revision().publish()
    news_item(news_index, title="Wohnungsmarkt", topics=[housing])
    news_item(news_index, title="Jobmesse", related=[chapter])
    news_item(news_index, title="Ohne Thema")
    assert titles(client.get(news_index.url, {"thema": "wohnen"})) == ["Wohnungsmarkt"]
    assert titles(client.get(news_index.url, {"thema": "arbeit"})) == ["Jobmesse"]
    both = client.get(news_index.url, {"thema": "arbeit", "tag": "nichts"})
    assert titles(both) == []
    assert "Keine Nachricht entspricht diesen Filtern." in both.content.decode()
    content = client.get(news_index.url).content.decode()
    assert '<option value="wohnen">Wohnen</option>' in content
    assert '<option value="arbeit">Arbeit</option>' in content


def test_filter_keeps_query_in_pagination_links(client, news_index):
    for day in range(1, 13):
        news_item(news_index, date=datetime.date(2024, 1, day), tags=["Beschluss"])
    content = client.get(news_index.url, {"tag": "beschluss"}).content.decode()
    assert 'href="?tag=beschluss&amp;page=2"' in content


def test_only_live_public_news_are_listed(client, news_index):
    news_item(news_index, title="Öffentlich")
    draft = news_item(news_index, title="Entwurf")
    draft.unpublish()
    assert titles(client.get(news_index.url)) == ["Öffentlich"]


def _feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response, ET.fromstring(response.content)


def test_rss_and_atom_feeds_hold_only_their_language(client, home, news_index):
    news_item(news_index, title="Beschluss", date=datetime.date(2024, 6, 18), tags=["Beschluss"])
    german_only = news_item(news_index, title="Nur Deutsch", date=datetime.date(2024, 6, 1))
    translate_page(home, "ar")
    arabic_index = translate_page(news_index, "ar")
    translated = translate_page(news_index.get_children().get(title="Beschluss").specific, "ar")
    assert german_only.get_translation_or_none(Locale.objects.get(language_code="ar")) is None

    response, rss = _feed(client, f"{news_index.url}feed/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    assert rss.findtext("channel/language") == "de"
    items = rss.findall("channel/item")
    assert [item.findtext("title") for item in items] == ["Beschluss", "Nur Deutsch"]
    assert items[0].findtext("link").startswith("http://testserver/de/aktuelles/")
    assert items[0].findtext("category") == "Beschluss"

    _response, rss_ar = _feed(client, f"{arabic_index.url}feed/rss/")
    assert rss_ar.findtext("channel/language") == "ar"
    assert [i.findtext("title") for i in rss_ar.findall("channel/item")] == [translated.title]
    assert rss_ar.find("channel/item/link").text == f"http://testserver{translated.url}"

    response, atom = _feed(client, f"{arabic_index.url}feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = atom.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == [translated.title]
    assert entries[0].find(f"{ATOM}link").get("href") == f"http://testserver{translated.url}"


def test_feeds_are_per_site(client, news_index, other_site):
    from news.factories import NewsIndexPageFactory

    news_item(news_index, title="Rastatt")
    other_index = NewsIndexPageFactory(parent=other_site.root_page)
    news_item(other_index, title="Rems-Murr")
    response = client.get("/de/aktuelles/feed/rss/", HTTP_HOST="rems-murr.localhost")
    rss = ET.fromstring(response.content)
    assert [i.findtext("title") for i in rss.findall("channel/item")] == ["Rems-Murr"]
    assert rss.find("channel/item/link").text.startswith("http://rems-murr.localhost/de/")


def test_index_links_its_feeds(client, news_index):
    content = client.get(news_index.url).content.decode()
    assert (
        f'type="application/rss+xml" title="Aktuelles (RSS)" href="{news_index.url}feed/rss/"'
        in (content)
    )
    assert f'href="{news_index.url}feed/atom/"' in content


def test_news_about_chapter_and_measure_in_the_readers_language(client, home, news_index):
    tree = concept_tree(home, chapters=1, measures_per_chapter=2)
    chapter, measure, other = tree["chapters"][0], tree["measures"][0], tree["measures"][1]
    about_measure = news_item(news_index, title="Neu bei 1.1", related=[measure])
    news_item(news_index, title="Neu im Kapitel", related=[chapter])
    content = client.get(measure.url).content.decode()
    assert "Aktuelles zu dieser Maßnahme" in content and "Neu bei 1.1" in content
    assert "Neu im Kapitel" not in content
    assert "Aktuelles zu dieser Maßnahme" not in client.get(other.url).content.decode()
    chapter_content = client.get(chapter.url).content.decode()
    assert "Aktuelles zu diesem Kapitel" in chapter_content and "Neu im Kapitel" in chapter_content

    for page in (home, tree["concept"], chapter, measure, news_index, about_measure):
        translate_page(page, "en")
    english_measure = measure.get_translation(Locale.objects.get(language_code="en"))
    english_news = about_measure.get_translation(Locale.objects.get(language_code="en"))
    content = client.get(english_measure.url).content.decode()
    assert english_news.title in content and f'href="{english_news.url}"' in content


def test_news_about_page_uses_a_fixed_number_of_queries(home, news_index):
    from news.models import news_about

    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    measure = tree["measures"][0]
    news_item(news_index, related=[measure])
    with CaptureQueriesContext(connection) as few:
        news_about(measure)
    for _ in range(5):
        news_item(news_index, related=[measure])
    with CaptureQueriesContext(connection) as many:
        assert len(news_about(measure)) == 5
    assert len(many) == len(few) <= 2


def test_home_shows_latest_three_news_of_its_site_and_language(client, home, news_index):
    for day in range(1, 5):
        news_item(news_index, title=f"Meldung {day}", date=datetime.date(2024, 3, day))
    content = client.get(home.url).content.decode()
    assert "Aktuelles" in content
    assert "Meldung 4" in content and "Meldung 2" in content and "Meldung 1" not in content
    assert f'href="{news_index.url}">Alle Nachrichten</a>' in content
    translate_page(home, "en")
    english_home = home.get_translation(Locale.objects.get(language_code="en"))
    assert "Meldung 4" not in client.get(english_home.url).content.decode()


def _create_news(index, count):
    from news.models import NewsPage

    existing = NewsPage.objects.child_of(index).count()
    for number in range(existing, count):
        page = NewsPageFactory.build(
            date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
            title=f"Massennachricht {number}",
            slug=f"massennachricht-{number}",
        )
        page.tags.add("Beschluss", f"Schlagwort {number % 7}")
        index.add_child(instance=page)


def test_index_query_count_does_not_grow_with_news(client, news_index, image):
    _create_news(news_index, 10)
    client.get(news_index.url)  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(news_index.url).status_code == 200
    _create_news(news_index, 300)
    with CaptureQueriesContext(connection) as many:
        response = client.get(news_index.url, {"page": 7})
    assert response.status_code == 200
    assert len(many) == len(ten), [q["sql"] for q in many.captured_queries]
    with CaptureQueriesContext(connection) as filtered:
        assert client.get(news_index.url, {"tag": "beschluss", "page": 3}).status_code == 200
    assert len(filtered) == len(ten)
