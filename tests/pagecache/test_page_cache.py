"""The page cache: anonymous readers get cached pages, and a change drops exactly the pages
that show it, in every language."""

import pytest

from wagtail.models import Page

from concept.factories import (
    MeasurePageFactory,
)
from home.factories import translate_page
from news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def get(client, url, **extra):
    return client.get(url, **extra)


def cached(client, url):
    """Request twice; the second answer must come from the cache."""
    first = client.get(url)
    assert first.status_code == 200, url
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit", url
    return second.content.decode()


def is_hit(client, url):
    return client.get(url).get("X-Page-Cache") == "hit"


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def test_a_cached_page_needs_no_database_query(client, tree, django_assert_num_queries):
    url = tree["measure"].url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_publishing_an_edit_changes_the_page_in_german_and_in_its_translation(client, tree):
    arabic = translate_page(tree["measure"], "ar")
    german_url, arabic_url = tree["measure"].url, arabic.url
    assert "Wohnraumlotsen" in cached(client, german_url)
    assert "Die deutsche Fassung dieser Seite ist neuer" not in cached(client, arabic_url)
    chapter_html = cached(client, tree["chapter"].url)
    assert "Wohnraumlotsen" in chapter_html

    measure = fresh(tree["measure"])
    measure.title = "Wohnraumlotsinnen"
    measure.save_revision().publish()

    assert "Wohnraumlotsinnen" in cached(client, german_url)
    assert "Wohnraumlotsinnen" in cached(client, tree["chapter"].url)
    assert "Wohnraumlotsinnen" in cached(client, tree["catalogue"].url)
    # The Arabic page now says that the German version is newer.
    assert "Die deutsche Fassung dieser Seite ist neuer" in cached(client, arabic_url) or (
        "النسخة الألمانية" in cached(client, arabic_url)
    )

    arabic = fresh(arabic)
    arabic.title = "مرشدو السكن"
    arabic.save_revision().publish()
    assert "مرشدو السكن" in cached(client, arabic_url)


def test_a_draft_does_not_change_the_cached_page(client, tree):
    url = tree["measure"].url
    cached(client, url)
    measure = fresh(tree["measure"])
    measure.title = "Entwurfstitel"
    measure.save_revision()
    html = client.get(url).content.decode()
    assert "Entwurfstitel" not in html


def test_unpublishing_removes_the_page_and_its_entries_in_listings(client, tree):
    news_url = tree["news"].url
    cached(client, news_url)
    assert "Erste Meldung" in cached(client, tree["news_index"].url)
    assert "Erste Meldung" in cached(client, tree["home"].url)

    fresh(tree["news"]).unpublish()

    assert client.get(news_url).status_code == 404
    assert "Erste Meldung" not in cached(client, tree["news_index"].url)
    assert "Erste Meldung" not in cached(client, tree["home"].url)


def test_a_new_page_appears_in_its_listings_feeds_and_the_sitemap(client, tree):
    index_url = tree["news_index"].url
    feed_url = index_url + "feed/rss/"
    for url in (index_url, tree["home"].url, feed_url, "/sitemap.xml"):
        cached(client, url)

    news = NewsPageFactory(parent=tree["news_index"], title="Zweite Meldung", slug="zweite")

    assert "Zweite Meldung" in cached(client, index_url)
    assert "Zweite Meldung" in cached(client, tree["home"].url)
    assert "Zweite Meldung" in cached(client, feed_url)
    assert news.url in cached(client, "/sitemap.xml")


def test_a_new_measure_appears_in_the_catalogue_and_its_chapter(client, tree):
    catalogue_url = tree["catalogue"].url
    cached(client, catalogue_url)
    cached(client, tree["other_chapter"].url)

    MeasurePageFactory(parent=tree["other_chapter"], title="Sprachpatenschaften", number=2)

    assert "Sprachpatenschaften" in cached(client, catalogue_url)
    assert "Sprachpatenschaften" in cached(client, tree["other_chapter"].url)
    assert "Sprachpatenschaften" in cached(client, catalogue_url + "export/csv/")


def test_a_move_changes_the_old_and_the_new_place(client, tree, other_site):
    old_url = tree["news"].url
    cached(client, old_url)
    assert "Erste Meldung" in cached(client, tree["news_index"].url)
    other_index = NewsIndexPageFactory(parent=other_site.root_page, title="News", slug="news")
    other_url = "/de/news/"
    assert (
        "Erste Meldung"
        not in client.get(other_url, HTTP_HOST="rems-murr.localhost").content.decode()
    )

    fresh(tree["news"]).move(other_index, pos="last-child")

    assert client.get(old_url).status_code == 404
    assert "Erste Meldung" not in cached(client, tree["news_index"].url)
    moved = client.get(other_url, HTTP_HOST="rems-murr.localhost")
    assert "Erste Meldung" in moved.content.decode()


def test_a_contact_change_shows_on_every_page_with_its_box(client, tree):
    chapter_url = tree["chapter"].url
    directory_url = tree["directory"].url
    entry_url = tree["directory"].contact_url(tree["contact"])
    for url in (chapter_url, directory_url, entry_url):
        assert "0000 111" in cached(client, url) or "0000111" in cached(client, url)

    contact = tree["contact"]
    contact.phone = "+4972220000999"
    contact.save()

    for url in (chapter_url, directory_url, entry_url):
        html = cached(client, url)
        assert "0000 999" in html or "0000999" in html, url
        assert "0000 111" not in html and "0000111" not in html, url


def test_a_change_drops_only_the_pages_that_show_it(client, tree):
    unrelated = [tree["news"].url, tree["other_measure"].url, tree["directory"].url]
    for url in unrelated:
        cached(client, url)

    measure = fresh(tree["measure"])
    measure.intro = "Ein neuer Einleitungstext."
    measure.save_revision().publish()

    for url in unrelated:
        assert is_hit(client, url), url


def test_logged_in_users_and_previews_bypass_the_cache(client, tree, admin_user):
    url = tree["measure"].url
    cached(client, url)
    client.force_login(admin_user)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    assert response.status_code == 200
    preview = client.get(f"/admin/pages/{tree['measure'].pk}/edit/preview/")
    assert "X-Page-Cache" not in preview
    # Nothing the logged-in user saw is stored for others.
    client.logout()
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_a_form_page_is_never_stored_and_still_works(client, site, home):
    from participation.factories import SuggestionFormPageFactory

    page = SuggestionFormPageFactory(parent=home, slug="vorschlaege")
    first = client.get(page.url)
    second = client.get(page.url)
    assert first.status_code == second.status_code == 200
    assert "X-Page-Cache" not in second
    assert "csrfmiddlewaretoken" in second.content.decode()


def test_search_is_never_cached_so_every_search_is_counted(client, tree):
    from search.models import SearchTerm

    for _ in range(3):
        response = client.get("/de/search/", {"q": "Wohnraumlotsen"})
        assert "X-Page-Cache" not in response
    assert SearchTerm.objects.get().hits == 3


def test_the_cache_can_be_switched_off(client, tree, settings):
    settings.PAGE_CACHE_ENABLED = False
    assert "X-Page-Cache" not in client.get(tree["measure"].url)
    assert "X-Page-Cache" not in client.get(tree["measure"].url)


def test_with_redis_a_hit_needs_no_query_and_publishing_drops_the_page(
    client, tree, redis_cache, django_assert_num_queries
):
    url = tree["measure"].url
    assert client.get(url)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get(url)["X-Page-Cache"] == "hit"
    cached(client, tree["news"].url)

    measure = fresh(tree["measure"])
    measure.title = "Wohnraumlotsinnen"
    measure.save_revision().publish()

    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Wohnraumlotsinnen" in response.content.decode()
    assert is_hit(client, tree["news"].url)


def test_making_a_page_private_drops_it_and_lifting_the_restriction_brings_it_back(client, tree):
    from wagtail.models import PageViewRestriction

    url = tree["measure"].url
    assert "Wohnraumlotsen" in cached(client, url)
    restriction = PageViewRestriction.objects.create(
        page=tree["chapter"], restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    response = client.get(url)
    assert response.get("X-Page-Cache") != "hit"
    assert 'name="password"' in response.content.decode()
    assert "Wohnraumlotsen</h1>" not in response.content.decode()

    restriction.delete()
    assert "Wohnraumlotsen" in cached(client, url)
