"""The public search: scope, kinds, filters, highlighting, the measure jump, visibility."""

from datetime import timedelta

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from concept.factories import MeasurePageFactory
from contacts.factories import ContactFactory
from home.factories import DocumentFactory, StandardPageFactory, translate_page
from news.factories import NewsPageFactory
from search.models import SearchTerm
from tests.search.conftest import REMS_MURR, district_collection, result_section, search, titles

pytestmark = pytest.mark.django_db


def test_header_of_every_page_has_a_search_form_that_works_without_javascript(client, district):
    html = client.get("/de/").content.decode()
    assert 'class="header-search"' in html
    assert 'action="/de/search/"' in html
    assert 'name="q"' in html
    assert '<label class="kern-label header-search__label" for="header-search-query">' in html


def test_finds_pages_contacts_and_documents_of_the_district(client, district):
    response = search(client, "Quokkasuche")
    assert response.status_code == 200
    found = titles(response)
    assert "Wohnraumlotsen für Geflüchtete" in found
    assert "Jobmesse" in found
    assert "Neue Quokkasuche gestartet" in found
    assert "Quirin Quokka" in found
    assert "Merkblatt Quokkasuche" in found
    html = result_section(response)
    # Type, measure number, document type and size.
    assert "Maßnahme" in html and "2.5" in html
    assert "PDF" in html and "KB" in html
    # Links: the measure page, the contact's entry in the directory, the document.
    assert 'href="/de/konzept/wohnen/wohnraumlotsen/"' in html
    assert f'href="/de/kontakte/{district["contact"].pk}-' in html
    assert f'href="{district["document"].url}"' in html


def test_internal_contacts_never_appear(client, district):
    response = search(client, "Quokkavertretung")
    assert titles(response) == []
    assert "Interne Quokkavertretung" not in response.content.decode()
    assert "Interne Quokkavertretung" not in search(client, "Quokkasuche").content.decode()


def test_results_are_limited_to_the_district(client, district, other_site):
    StandardPageFactory(parent=other_site.root_page, title="Quokkasuche im Rems-Murr-Kreis")
    ContactFactory(site=other_site, name="Rita Remsquokka", position="Quokkasuche")
    DocumentFactory(title="Quokkasuche Rems-Murr", collection=district_collection(other_site))

    rastatt = titles(search(client, "Quokkasuche"))
    rems_murr = titles(search(client, "Quokkasuche", host=REMS_MURR))

    assert "Quokkasuche im Rems-Murr-Kreis" not in rastatt
    assert "Rita Remsquokka" not in rastatt
    assert "Quokkasuche Rems-Murr" not in rastatt
    assert set(rems_murr) == {
        "Quokkasuche im Rems-Murr-Kreis",
        "Rita Remsquokka",
        "Quokkasuche Rems-Murr",
    }


def test_results_are_limited_to_the_language(client, district):
    measure = district["measure"]
    arabic = translate_page(measure, "ar")
    arabic.title = "مرشدو السكن للاجئين"
    arabic.intro = "يرافق المرشدون البحث عن السكن حتى عقد الإيجار."
    arabic.save_revision().publish()

    found = titles(search(client, "السكن", language="ar"))
    assert found == ["مرشدو السكن للاجئين"]
    # The German page is not found in Arabic, the Arabic one not in German.
    assert "Wohnraumlotsen für Geflüchtete" not in titles(
        search(client, "Wohnraumlotsen", language="ar")
    )
    assert titles(search(client, "السكن", language="de")) == []
    response = search(client, "السكن", language="ar")
    html = response.content.decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    assert 'href="/ar/konzept/wohnen/wohnraumlotsen/"' in html


def test_a_language_without_a_home_page_searches_the_german_pages_marked_as_german(
    client, district
):
    response = search(client, "Wohnraumlotsen", language="ru")
    html = result_section(response)
    # The title says, in Russian, that the page is German.
    assert titles(response) == ["Wohnraumlotsen für Geflüchtete (Немецкий)"]
    assert 'lang="de"' in html and 'hreflang="de"' in html


def test_the_matched_words_are_highlighted_and_everything_is_escaped(client, district):
    StandardPageFactory(
        parent=district["home"],
        title="Quokka <script>alert(1)</script> & Co",
        intro="Ein <b>fetter</b> Quokkaabsatz über Wohnungen.",
    )
    html = search(client, "Quokka").content.decode()
    assert "<script>alert" not in html
    assert "<mark>Quokka</mark> &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    # The excerpt shows text, never markup, with the words marked that begin like the query.
    assert "Ein fetter <mark>Quokkaabsatz</mark> über Wohnungen." in html
    assert "<b>fetter</b>" not in html


def test_the_query_is_echoed_escaped(client, district):
    html = search(client, '<script>alert("x")</script>').content.decode()
    assert "<script>alert" not in html
    assert 'value="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"' in html
    assert "„<bdi>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</bdi>“" in html


@pytest.mark.parametrize("query", ["2.5", "Maßnahme 2.5", "maßnahme 2,5", " 2.5 ", "Massnahme 2.5"])
def test_a_measure_number_opens_the_measure(client, district, query):
    response = search(client, query)
    assert response.status_code == 302
    assert response["Location"] == "/de/konzept/wohnen/wohnraumlotsen/"


def test_a_measure_number_in_arabic_digits_opens_the_arabic_measure(client, district):
    translate_page(district["measure"], "ar")
    response = search(client, "٢٫٥", language="ar")
    assert response.status_code == 302
    assert response["Location"] == "/ar/konzept/wohnen/wohnraumlotsen/"


def test_a_measure_number_in_two_editions_lists_the_adopted_edition_first(client, district):
    from concept.factories import ChapterPageFactory, ConceptPageFactory

    draft = ConceptPageFactory(
        parent=district["home"], title="Fortschreibung", slug="neu", edition_status="draft"
    )
    chapter = ChapterPageFactory(parent=draft, title="Wohnen neu", slug="wohnen", number=2)
    MeasurePageFactory(parent=chapter, title="Wohnraumlotsen (Entwurf)", slug="lotsen", number=5)

    response = search(client, "2.5")
    assert response.status_code == 200
    assert titles(response)[:2] == ["Wohnraumlotsen für Geflüchtete", "Wohnraumlotsen (Entwurf)"]


def test_a_number_without_a_measure_is_an_ordinary_search(client, district):
    response = search(client, "9.9")
    assert response.status_code == 200


def test_filter_by_type(client, district):
    assert titles(search(client, "Quokkasuche", typ="contact")) == ["Quirin Quokka"]
    assert titles(search(client, "Quokkasuche", typ="document")) == ["Merkblatt Quokkasuche"]
    assert set(titles(search(client, "Quokkasuche", typ="measure"))) == {
        "Wohnraumlotsen für Geflüchtete",
        "Jobmesse",
    }
    assert titles(search(client, "Quokkasuche", typ="news")) == ["Neue Quokkasuche gestartet"]
    # An unknown type is ignored, not an error.
    assert len(titles(search(client, "Quokkasuche", typ="<x>"))) == 5


def test_filter_by_field_of_action(client, district, topic):
    from contacts.models import ContactTopic
    from news.models import NewsTopic

    NewsTopic.objects.create(page=district["news"], topic=topic)
    ContactTopic.objects.create(contact=district["contact"], topic=topic)

    found = titles(search(client, "Quokkasuche", thema="wohnen"))
    assert set(found) == {
        "Wohnraumlotsen für Geflüchtete",
        "Neue Quokkasuche gestartet",
        "Quirin Quokka",
    }
    html = search(client, "Quokkasuche").content.decode()
    assert '<option value="wohnen"' in html


def test_pagination_and_out_of_range_pages(client, district):
    index = district["news"].get_parent()
    for number in range(25):
        NewsPageFactory(parent=index, title=f"Zebrameldung {number}", slug=f"zebra-{number}")
    first = search(client, "Zebrameldung")
    assert len(titles(first)) == 10
    assert "<bdi>25</bdi> Ergebnisse" in first.content.decode()
    third = search(client, "Zebrameldung", page="3")
    assert len(titles(third)) == 5
    assert set(titles(first)).isdisjoint(titles(third))
    for page in ("999", "-1", "abc", "2.5", ""):
        response = search(client, "Zebrameldung", page=page)
        assert response.status_code == 200
        assert titles(response)


def test_promotions_come_first_for_their_district_and_language(client, district, other_site):
    promoted = district["page"]
    translate_page(promoted, "ar")
    other = StandardPageFactory(parent=other_site.root_page, title="Fremde Empfehlung")
    query = Query.get("quokkasuche")
    SearchPromotion.objects.create(
        query=query, page=promoted, description="Alles über uns", sort_order=0
    )
    SearchPromotion.objects.create(query=query, page=other, sort_order=1)
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://www.example.org/quokka",
        external_link_text="Landesportal",
        sort_order=2,
    )

    response = search(client, "Quokkasuche")
    html = response.content.decode()
    promotions = html[html.find("search-promotions") : html.find('class="search-results"')]
    assert "Über uns" in promotions and "Alles über uns" in promotions
    assert "Landesportal" in promotions
    assert "Fremde Empfehlung" not in html
    assert html.find("search-promotions") < html.find("search-results__list")
    assert promotions.find("Über uns") < promotions.find("Landesportal")

    arabic = search(client, "Quokkasuche", language="ar").content.decode()
    assert 'href="/ar/ueber-uns/"' in arabic


def test_unpublished_drafts_private_and_expired_pages_never_appear(client, district):
    measure = Page.objects.get(pk=district["measure"].pk).specific
    assert "Wohnraumlotsen für Geflüchtete" in titles(search(client, "Wohnraumlotsen"))

    measure.unpublish()
    assert titles(search(client, "Wohnraumlotsen")) == []
    assert search(client, "2.5").status_code == 200  # no jump to an unpublished measure

    measure = Page.objects.get(pk=measure.pk).specific
    measure.save_revision().publish()
    assert titles(search(client, "Wohnraumlotsen")) == ["Wohnraumlotsen für Geflüchtete"]

    # A draft's words are not searchable before they are published.
    measure.intro = "Ein Geheimwortentwurf im Entwurf."
    measure.save_revision()
    assert titles(search(client, "Geheimwortentwurf")) == []
    Page.objects.get(pk=measure.pk).specific.get_latest_revision().publish()
    assert titles(search(client, "Geheimwortentwurf")) == ["Wohnraumlotsen für Geflüchtete"]

    PageViewRestriction.objects.create(
        page=district["news"], restriction_type="password", password="x"
    )
    assert "Neue Quokkasuche gestartet" not in titles(search(client, "Quokkasuche"))

    measure = Page.objects.get(pk=district["other_measure"].pk)
    measure.expire_at = timezone.now() - timedelta(minutes=1)
    measure.save()
    assert "Jobmesse" not in titles(search(client, "Quokkasuche"))
    assert titles(search(client, "Jobmesse")) == []


def test_an_alias_of_a_private_page_never_appears(client, district):
    news = Page.objects.get(pk=district["news"].pk)
    news.create_alias(parent=news.get_parent(), update_slug="quokka-kopie")  # live, indexed
    assert titles(search(client, "Quokkasuche")).count("Neue Quokkasuche gestartet") == 2
    PageViewRestriction.objects.create(page=news, restriction_type="password", password="x")
    assert "Neue Quokkasuche gestartet" not in titles(search(client, "Quokkasuche"))


def test_documents_in_restricted_collections_never_appear(client, district):
    CollectionViewRestriction.objects.create(
        collection=district_collection(district["site"]), restriction_type="password", password="x"
    )
    assert "Merkblatt Quokkasuche" not in titles(search(client, "Quokkasuche"))


def test_the_index_follows_moves_and_deletions(client, district, other_site):
    page = StandardPageFactory(parent=district["home"], title="Wanderseite Quokka")
    assert titles(search(client, "Wanderseite")) == ["Wanderseite Quokka"]

    page.move(other_site.root_page, pos="last-child")
    assert titles(search(client, "Wanderseite")) == []
    assert titles(search(client, "Wanderseite", host=REMS_MURR)) == ["Wanderseite Quokka"]

    Page.objects.get(pk=page.pk).delete()
    assert titles(search(client, "Wanderseite", host=REMS_MURR)) == []

    contact = district["contact"]
    contact.name = "Quentin Umbenannt"
    contact.save()
    assert titles(search(client, "Umbenannt")) == ["Quentin Umbenannt"]
    contact.is_public = False
    contact.save()
    assert titles(search(client, "Umbenannt")) == []


BAD_QUERIES = [
    "",
    "   ",
    "x" * 10_000,
    '"Quokka suche"',
    "Quokka AND OR NOT -x +y ~z *",
    "'; DROP TABLE wagtailcore_page; --",
    "Quokka' OR '1'='1",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "🙂🏠 Quokka 🙂",
    "السكن Quokkasuche مرحبا",
    "\u202eQuokka\u202c",
    "Quokka\x00suche",
    "a:b (c) [d] {e} ^f $g |h \\i",
    "%",
    "_",
    "Quokka" * 300,
]


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_bad_input_gets_a_normal_page_with_the_query_escaped(client, district, query):
    response = search(client, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    if query.strip() and "\x00" not in query:
        from django.utils.html import escape

        assert escape(query.strip()[:50]) in html or "sehr lang" in html


def test_a_very_long_query_is_shortened_and_says_so(client, district):
    response = search(client, "Quokkasuche " + "x" * 10_000)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ihre Suchanfrage war sehr lang" in html
    # Shown back: at most 400 characters in the box, the searched 200 in the results.
    assert "x" * 401 not in html.split('id="search-page-query"')[1].split(">")[0]
    assert "x" * 201 not in result_section(response)
    # The beginning is still searched.
    assert "Merkblatt Quokkasuche" in titles(response)


def test_an_empty_search_shows_the_form_and_no_results_list(client, district):
    response = search(client, None)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="search-page-query"' in html
    assert "search-results__list" not in html
    assert SearchTerm.objects.count() == 0


def test_no_results_offers_the_office_and_popular_terms(client, district):
    search(client, "Quokkasuche")
    search(client, "Quokkasuche")
    search(client, "Wohnraumlotsen")
    search(client, "nixdergleichen")  # no results: never suggested
    response = search(client, "Zzyzxwort")
    html = response.content.decode()
    assert "Zu „<bdi>Zzyzxwort</bdi>“ haben wir nichts gefunden." in html
    assert "01234 0000-0" in html and "mailto:integration@example.org" in html
    popular = html[html.find("search-popular") :]
    assert popular.find("quokkasuche") < popular.find("wohnraumlotsen")
    assert "nixdergleichen" not in popular
    assert 'href="/de/search/?q=quokkasuche"' in html


def test_searches_are_counted_per_district_language_and_day(client, district, other_site):
    search(client, "Quokkasuche")
    search(client, "  QUOKKASUCHE ")
    search(client, "Quokkasuche", language="ar")
    search(client, "Quokkasuche", host=REMS_MURR)
    search(client, "Quokkasuche", page="2")  # the same search, another page: not counted
    german = SearchTerm.objects.get(site=district["site"], language="de")
    assert (german.term, german.hits, german.results) == ("quokkasuche", 2, 5)
    assert SearchTerm.objects.get(site=district["site"], language="ar").hits == 1
    assert SearchTerm.objects.filter(site=other_site).count() == 1


def test_one_word_of_several_is_enough_when_no_result_has_all(client, district):
    response = search(client, "Wohnraumlotsen Jobmesse")
    assert set(titles(response)) == {"Wohnraumlotsen für Geflüchtete", "Jobmesse"}
    assert "Keine Seite enthält alle Wörter" in response.content.decode()
    assert titles(search(client, "Wohnraumlotsen Geflüchtete")) == [
        "Wohnraumlotsen für Geflüchtete"
    ]


def _query_count(client, query, **params):
    with CaptureQueriesContext(connection) as queries:
        response = search(client, query, **params)
    assert response.status_code == 200
    return len(queries), len(titles(response))


def _add_yak_content(district, numbers):
    home = district["home"]
    index = district["news"].get_parent()
    for number in numbers:
        NewsPageFactory(parent=index, title=f"Yak Meldung {number}", slug=f"yak-{number}")
        MeasurePageFactory(
            parent=district["chapter"], title=f"Yak Maßnahme {number}", number=10 + number
        )
        ContactFactory(site=district["site"], name=f"Yak Kontakt {number}", position="Beratung")
        DocumentFactory(
            title=f"Yak Dokument {number}", collection=district_collection(district["site"])
        )
        StandardPageFactory(parent=home, title=f"Yak Seite {number}")


def test_queries_per_search_do_not_grow_with_the_number_of_results(client, district):
    _add_yak_content(district, range(3))
    search(client, "Yak")  # content types and site root paths are cached after the first
    few = _query_count(client, "Yak")
    few_news = _query_count(client, "Yak", typ="news")

    _add_yak_content(district, range(3, 20))
    many = _query_count(client, "Yak")
    many_news = _query_count(client, "Yak", typ="news")

    assert few[1] == many[1] == 10
    assert (few_news[1], many_news[1]) == (3, 10)
    # At most one query more per page type on the page; never per result.
    assert many[0] <= few[0] <= 25
    assert many_news[0] == few_news[0]


def test_suggestions_return_titles_and_contacts_as_json(client, district):
    response = client.get("/de/search/vorschlaege/", {"q": "Wohnraum"})
    assert response.status_code == 200
    data = response.json()
    assert data["query"] == "Wohnraum"
    assert {
        "label": "Wohnraumlotsen für Geflüchtete",
        "type": "measure",
        "url": "/de/konzept/wohnen/wohnraumlotsen/",
    } in data["suggestions"]
    names = [
        item["label"]
        for item in client.get("/de/search/vorschlaege/", {"q": "Quirin"}).json()["suggestions"]
    ]
    assert names == ["Quirin Quokka"]
    internal = client.get("/de/search/vorschlaege/", {"q": "Interne"}).json()["suggestions"]
    assert internal == []


@pytest.mark.parametrize("query", ["", "a", " ", "🙂", "<>", "x" * 10_000])
def test_suggestions_refuse_bad_input_with_a_message(client, district, query):
    response = client.get("/de/search/vorschlaege/", {"q": query})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


def test_suggestions_refuse_a_missing_query_and_post(client, district):
    assert client.get("/de/search/vorschlaege/").status_code == 400
    assert client.post("/de/search/vorschlaege/", {"q": "Wohn"}).status_code == 405


def test_suggestion_error_messages_are_in_the_readers_language(client, district):
    german = client.get("/de/search/vorschlaege/", {"q": "a"}).json()["error"]
    english = client.get("/en/search/vorschlaege/", {"q": "a"}).json()["error"]
    assert german != english


def test_api_search_works_per_language(client, district):
    translate_page(district["measure"], "ar")
    german = client.get("/api/v2/pages/", {"search": "Wohnraumlotsen", "locale": "de"}).json()
    arabic = client.get("/api/v2/pages/", {"search": "Wohnraumlotsen", "locale": "ar"}).json()
    assert [item["title"] for item in german["items"]] == ["Wohnraumlotsen für Geflüchtete"]
    assert [item["meta"]["locale"] for item in arabic["items"]] == ["ar"]


def test_contacts_are_found_by_topic_and_by_the_language_they_speak(client, district, topic):
    from contacts.models import ContactTopic

    contact = district["contact"]
    contact.languages = ["de", "ar", "uk"]
    ContactTopic.objects.create(contact=contact, topic=topic)
    contact.save()

    assert "Quirin Quokka" in titles(search(client, "Wohnen", typ="contact"))
    assert titles(search(client, "Arabisch", typ="contact")) == ["Quirin Quokka"]
    assert titles(search(client, "Українська", typ="contact")) == ["Quirin Quokka"]
    assert titles(search(client, "Türkisch", typ="contact")) == []
