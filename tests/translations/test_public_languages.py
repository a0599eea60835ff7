"""A reader in one language sees only what exists in that language, and is told whenever a
link or entry leads to German text (issue #6, point 6).

One district with German content of every kind, of which only some is translated into
Arabic: the Arabic listings, feeds, exports, sitemap and API list exactly the Arabic items,
the German ones stay German-only, and German fallbacks are marked.
"""

import csv
import io
import re
import uuid
import xml.etree.ElementTree as ET

import pytest
import vobject
from bs4 import BeautifulSoup
from icalendar import Calendar
from openpyxl import load_workbook

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale

from concept.factories import concept_tree
from concept.models.pages import RelatedMeasure
from contacts.factories import ContactDirectoryPageFactory, ContactFactory, OrganisationFactory
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import StandardPageFactory, district_site, translate_page
from home.models import DistrictSettings
from news.factories import NewsIndexPageFactory, news_item

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def in_language(code, message):
    with translation.override(code):
        return translation.gettext(message)


def german_in(code):
    """How the hint after a German link reads in language `code` ("(الألمانيّة)")."""
    with translation.override(code):
        return f"({translation.get_language_info('de')['name_translated']})"


def translate_contact(contact, code, **changes):
    translation_ = contact.copy_for_translation(Locale.objects.get(language_code=code))
    for name, value in changes.items():
        setattr(translation_, name, value)
    translation_.save()
    return translation_


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content.decode(), "html.parser")


@pytest.fixture(scope="module")
def district(django_db_setup, django_db_blocker):
    """German content of every kind; Arabic: the home page and one item of each kind.

    Built once per module inside a transaction that is rolled back afterwards; each test
    still runs in its own savepoint."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_district()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def build_district():
    site = district_site()
    home = site.root_page.specific
    built = {"site": site, "home": home}
    # menu: two sections, one translated
    built["advice"] = StandardPageFactory(
        parent=home, title="Beratung", slug="beratung", show_in_menus=True
    )
    built["housing"] = StandardPageFactory(
        parent=home, title="Wohnen", slug="wohnen", show_in_menus=True
    )
    # news: three items, one translated
    news_index = NewsIndexPageFactory(parent=home)
    built["news"] = [
        news_item(news_index, title=f"Nachricht {number}", slug=f"nachricht-{number}")
        for number in (1, 2, 3)
    ]
    # events: two upcoming, one translated
    event_index = EventIndexPageFactory(parent=home)
    built["events"] = [
        EventPageFactory(parent=event_index, title=f"Workshop {number}", slug=f"ws-{number}")
        for number in (1, 2)
    ]
    # concept: 2 chapters with 2 measures each; 1.1 translated and related to 1.2
    tree = concept_tree(home, chapters=2, measures_per_chapter=2, slug="konzept")
    built.update(tree)
    first, second = tree["measures"][0], tree["measures"][1]
    RelatedMeasure.objects.create(page=first, measure=second)
    first.save_revision().publish()
    # contacts: two public ones, one translated
    office = OrganisationFactory(name="Sachgebiet Integration", site=site)
    built["officer"] = ContactFactory(
        name="Amira Beispiel", position="Integrationsbeauftragte", organisation=office, site=site
    )
    built["volunteer"] = ContactFactory(
        name="Özlem Muster", position="Ehrenamtskoordination", organisation=office, site=site
    )
    directory = ContactDirectoryPageFactory(parent=home, title="Kontakte", slug="kontakte")
    built["directory"] = directory

    for page in (
        home,
        built["advice"],
        news_index,
        built["news"][0],
        event_index,
        built["events"][0],
        tree["catalogue"],
        first,
        directory,
    ):
        translate_page(page, "ar")
    built["officer_ar"] = translate_contact(built["officer"], "ar", position="مسؤولة الاندماج")
    return built


# --- menu and home page -----------------------------------------------------------------


def menu(response):
    return [
        (link["href"], link.get("hreflang"), link.get_text(strip=True))
        for link in soup(response).select(".main-nav__link")
    ]


def test_menu_lists_only_pages_of_the_readers_language(client, district):
    assert menu(client.get("/ar/")) == [("/ar/beratung/", None, "Beratung [ar]")]
    german = menu(client.get("/de/"))
    assert [href for href, _lang, _text in german] == ["/de/beratung/", "/de/wohnen/"]
    assert not any("[ar]" in text for _href, _lang, text in german)


def test_menu_of_a_language_without_home_says_that_its_links_are_german(client, district):
    """No Persian home page: /fa/ shows the German menu, each link marked and explained."""
    page = soup(client.get("/fa/"))
    links = page.select(".main-nav__link")
    assert [link["href"] for link in links] == ["/de/beratung/", "/de/wohnen/"]
    for link in links:
        assert (link["lang"], link["hreflang"], link["dir"]) == ("de", "de", "ltr")
        hint = link.select_one(".language-hint")
        assert hint.get_text(strip=True) == german_in("fa")
        assert (hint["lang"], hint["dir"]) == ("fa", "rtl")


def test_arabic_reader_never_meets_an_unannounced_german_menu_link(client, district):
    """Done-when of issue #6: on every Arabic page, each menu link stays in Arabic or says
    that it leads to German text."""
    urls = ["/ar/", "/ar/beratung/", district["catalogue"].get_translation(arabic()).url]
    for url in urls:
        for link in soup(client.get(url)).select(".main-nav__link"):
            assert link["href"].startswith("/ar/") or (
                link.get("hreflang") == "de" and link.select_one(".language-hint")
            )


def arabic():
    return Locale.objects.get(language_code="ar")


def test_home_page_latest_news_in_the_readers_language_only(client, district):
    arabic_titles = [
        a.get_text(strip=True) for a in soup(client.get("/ar/")).select(".news-teaser__title a")
    ]
    assert arabic_titles == ["Nachricht 1 [ar]"]
    german_titles = [
        a.get_text(strip=True) for a in soup(client.get("/de/")).select(".news-teaser__title a")
    ]
    assert sorted(german_titles) == ["Nachricht 1", "Nachricht 2", "Nachricht 3"]


# --- news and feeds ---------------------------------------------------------------------


def test_news_index_and_feeds_per_language(client, district):
    arabic_index = soup(client.get("/ar/aktuelles/"))
    assert [a.get_text(strip=True) for a in arabic_index.select(".news-teaser__title a")] == [
        "Nachricht 1 [ar]"
    ]
    german_index = soup(client.get("/de/aktuelles/"))
    assert len(german_index.select(".news-teaser__title a")) == 3

    rss = ET.fromstring(client.get("/ar/aktuelles/feed/rss/").content)
    assert rss.findtext("channel/language") == "ar"
    assert [item.findtext("title") for item in rss.iter("item")] == ["Nachricht 1 [ar]"]
    assert all("/ar/" in item.findtext("link") for item in rss.iter("item"))
    atom = ET.fromstring(client.get("/ar/aktuelles/feed/atom/").content)
    assert [entry.findtext(f"{ATOM}title") for entry in atom.iter(f"{ATOM}entry")] == [
        "Nachricht 1 [ar]"
    ]
    german_rss = ET.fromstring(client.get("/de/aktuelles/feed/rss/").content)
    german_titles = [item.findtext("title") for item in german_rss.iter("item")]
    assert sorted(german_titles) == ["Nachricht 1", "Nachricht 2", "Nachricht 3"]


# --- events and iCal ----------------------------------------------------------------------


def test_event_index_and_ical_feed_per_language(client, district):
    arabic_titles = [
        a.get_text(strip=True)
        for a in soup(client.get("/ar/veranstaltungen/")).select(".event-item__title a")
    ]
    assert arabic_titles == ["Workshop 1 [ar]"]
    calendar = Calendar.from_ical(client.get("/ar/veranstaltungen/ical/").content)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Workshop 1 [ar]"]
    assert all("/ar/" in str(event["URL"]) for event in calendar.walk("VEVENT"))
    german = Calendar.from_ical(client.get("/de/veranstaltungen/ical/").content)
    assert sorted(str(event["SUMMARY"]) for event in german.walk("VEVENT")) == [
        "Workshop 1",
        "Workshop 2",
    ]


# --- concept: catalogue, exports, chapter lists -------------------------------------------


def test_catalogue_and_its_exports_list_only_translated_measures(client, district):
    url = district["catalogue"].get_translation(arabic()).url
    page = soup(client.get(url))
    rows = page.select(".catalogue-table tbody tr")
    assert [row.select_one(".catalogue-table__title").get_text(strip=True) for row in rows] == [
        "Maßnahme 1.1 [ar]"
    ]
    assert rows[0].select_one("a")["href"].startswith("/ar/")

    exported = client.get(f"{url}export/csv/").content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(exported)))
    assert [line[1] for line in lines[1:]] == ["Maßnahme 1.1 [ar]"]
    workbook = load_workbook(io.BytesIO(client.get(f"{url}export/xlsx/").content))
    sheet = workbook.active
    assert [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Maßnahme 1.1 [ar]"]
    assert sheet.sheet_view.rightToLeft is True

    german = soup(client.get(district["catalogue"].url))
    german_titles = [cell.get_text(strip=True) for cell in german.select(".catalogue-table__title")]
    assert german_titles == ["Maßnahme 1.1", "Maßnahme 1.2", "Maßnahme 2.1", "Maßnahme 2.2"]


def test_chapter_lists_only_its_translated_measures(client, district):
    chapter = district["chapters"][0]
    arabic_chapter = soup(client.get(chapter.get_translation(arabic()).url))
    items = [a.get_text(" ", strip=True) for a in arabic_chapter.select(".measure-list__item a")]
    assert items == ["1.1 Maßnahme 1.1 [ar]"]
    german_chapter = soup(client.get(chapter.url))
    assert len(german_chapter.select(".measure-list__item a")) == 2


def test_related_measure_without_translation_is_marked_german(client, district):
    first, second = district["measures"][0], district["measures"][1]
    page = soup(client.get(first.get_translation(arabic()).url))
    link = page.find("a", href=second.url)
    assert link is not None, "the untranslated related measure links its German page"
    assert (link["lang"], link["hreflang"], link["dir"]) == ("de", "de", "ltr")
    assert link.select_one(".language-hint").get_text(strip=True) == german_in("ar")
    # the German page itself has no hints
    assert not soup(client.get(first.url)).select(".language-hint")


def test_marking_german_fallbacks_costs_no_query_per_item(client, district):
    first = district["measures"][0]
    url = first.get_translation(arabic()).url

    def queries():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    one = queries()
    source = first.specific
    for measure in district["measures"][2:]:
        RelatedMeasure.objects.create(page=source, measure=measure)
    source.save_revision().publish()
    arabic_copy = first.get_translation(arabic()).specific
    for measure in district["measures"][2:]:
        RelatedMeasure.objects.create(page=arabic_copy, measure=measure)
    arabic_copy.save_revision().publish()
    assert len(soup(client.get(url)).select("a[hreflang=de] .language-hint")) >= 3
    assert queries() == one


# --- contacts ---------------------------------------------------------------------------


def test_contact_directory_shows_each_contact_once_and_marks_german_entries(client, district):
    officer_ar, volunteer = district["officer_ar"], district["volunteer"]
    page = soup(client.get("/ar/kontakte/"))
    entries = page.select(".contact-list__item")
    names = [entry.select_one("h3 a") for entry in entries]
    assert sorted(name.get_text(strip=True) for name in names) == [
        "Amira Beispiel",
        "Özlem Muster",
    ]
    text = page.get_text()
    assert "مسؤولة الاندماج" in text and "Integrationsbeauftragte" not in text
    untranslated = next(entry for entry in entries if "Özlem" in entry.get_text())
    position = untranslated.find(string="Ehrenamtskoordination").parent
    assert (position["lang"], position["dir"]) == ("de", "ltr")
    assert untranslated.select_one(".language-hint").get_text(strip=True) == german_in("ar")
    translated = next(entry for entry in entries if "Amira" in entry.get_text())
    assert not translated.select(".language-hint")
    assert not translated.find(string="مسؤولة الاندماج").parent.get("lang")
    # its organisation has no Arabic name yet: a German proper noun, marked as such
    assert translated.find(string="Sachgebiet Integration").parent["lang"] == "de"
    assert translated.select_one("h3 a")["href"].startswith(f"/ar/kontakte/{officer_ar.pk}-")
    assert untranslated.select_one("h3 a")["href"].startswith(f"/ar/kontakte/{volunteer.pk}-")

    german = soup(client.get("/de/kontakte/")).get_text()
    assert "مسؤولة الاندماج" not in german and "Integrationsbeauftragte" in german


def test_contact_entry_without_translation_is_marked_german(client, district):
    directory_ar = district["directory"].get_translation(arabic()).specific
    page = soup(client.get(directory_ar.contact_url(district["volunteer"])))
    # the name keeps the page's alignment; the German position reads left to right
    assert page.h1["lang"] == "de" and not page.h1.get("dir")
    position = page.find(string="Ehrenamtskoordination").parent
    assert (position["lang"], position["dir"]) == ("de", "ltr")
    assert position.parent.select_one(".language-hint").get_text(strip=True) == german_in("ar")
    translated = soup(client.get(directory_ar.contact_url(district["officer_ar"])))
    assert not translated.h1.get("lang") and not translated.select(".page-header .language-hint")


def test_vcard_in_the_readers_language_or_german(client, district):
    directory_ar = district["directory"].get_translation(arabic()).specific
    officer_ar, volunteer = district["officer_ar"], district["volunteer"]
    arabic_card = vobject.readOne(
        client.get(directory_ar.vcard_url(officer_ar)).content.decode("utf-8")
    )
    assert arabic_card.title.value == "مسؤولة الاندماج"
    german_card = vobject.readOne(
        client.get(district["directory"].vcard_url(district["officer"])).content.decode()
    )
    assert german_card.title.value == "Integrationsbeauftragte"
    fallback = vobject.readOne(client.get(directory_ar.vcard_url(volunteer)).content.decode())
    assert fallback.title.value == "Ehrenamtskoordination"


def test_contact_box_on_an_arabic_page_marks_the_german_entry(client, district):
    page = StandardPageFactory(parent=district["advice"], title="Sprachkurse", slug="kurse")
    page.page_contacts.create(contact=district["officer"])
    page.page_contacts.create(contact=district["volunteer"])
    page.save_revision().publish()
    arabic_page = translate_page(page, "ar")
    box = soup(client.get(arabic_page.url)).select_one(".contact-box")
    people = box.select(".contact-box__person")
    assert len(people) == 2
    officer, volunteer = people
    assert "مسؤولة الاندماج" in officer.get_text() and not officer.select(".language-hint")
    assert not officer.select_one(".contact-box__name strong").get("lang")
    assert volunteer.select_one(".contact-box__name strong")["lang"] == "de"
    assert volunteer.find(string="Ehrenamtskoordination").parent["lang"] == "de"
    assert volunteer.select_one(".language-hint").get_text(strip=True) == german_in("ar")


# --- sitemap and API ----------------------------------------------------------------------


def test_sitemap_lists_a_language_only_with_its_translated_pages(client, district):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    urls = {
        loc.text.removeprefix("http://testserver") for loc in root.findall(".//sm:loc", SITEMAP)
    }
    arabic_urls = {url for url in urls if url.startswith("/ar/")}
    expected = {
        page.get_translation(arabic()).url
        for page in (
            district["advice"],
            district["news"][0],
            district["events"][0],
            district["catalogue"],
            district["measures"][0],
            district["directory"],
        )
    }
    assert expected <= arabic_urls
    assert "/ar/wohnen/" not in urls and "/ar/aktuelles/nachricht-2/" not in urls
    assert not any(url.startswith("/ar/") and url.endswith(("-1-2/", "-2-1/")) for url in urls)
    assert {"/de/wohnen/", "/de/aktuelles/nachricht-2/"} <= urls
    assert not any(url.startswith(("/fa/", "/tr/")) for url in urls)


def test_pages_api_per_locale(client, district):
    arabic_items = client.get("/api/v2/pages/?locale=ar&limit=100").json()["items"]
    assert {item["meta"]["locale"] for item in arabic_items} == {"ar"}
    titles = {item["title"] for item in arabic_items}
    assert "Maßnahme 1.1 [ar]" in titles and "Nachricht 1 [ar]" in titles
    assert not any(title in titles for title in ("Wohnen", "Nachricht 2", "Maßnahme 1.2"))
    german_items = client.get("/api/v2/pages/?locale=de&limit=100").json()["items"]
    assert {item["meta"]["locale"] for item in german_items} == {"de"}
    assert not any("[ar]" in item["title"] for item in german_items)


def test_contacts_api_per_locale(client, district):
    arabic_items = client.get(
        "/api/v2/contacts/?locale=ar&fields=position,language&limit=50"
    ).json()["items"]
    by_name = {item["name"]: item for item in arabic_items}
    assert len(arabic_items) == len(by_name) == 2  # each contact once
    assert by_name["Amira Beispiel"]["position"] == "مسؤولة الاندماج"
    assert by_name["Amira Beispiel"]["language"] == "ar"
    # no Arabic version yet: the German one, saying that it is German
    assert by_name["Özlem Muster"]["language"] == "de"
    german_items = client.get("/api/v2/contacts/?fields=position,language").json()["items"]
    assert {item["language"] for item in german_items} == {"de"}
    assert "مسؤولة الاندماج" not in {item["position"] for item in german_items}


# --- language switcher, rich text and footer links -----------------------------------------


def test_switcher_on_an_untranslated_page_links_the_home_and_says_so(client, district):
    translate_page(district["home"], "fa")  # a Persian home, no Persian page
    page = soup(client.get("/ar/beratung/"))
    switcher = {link["hreflang"]: link for link in page.select(".language-switcher__link")}
    assert switcher["ar"]["href"] == "/ar/beratung/" and switcher["ar"]["aria-current"]
    assert switcher["de"]["href"] == "/de/beratung/"
    persian = switcher["fa"]
    assert persian["href"] == "/fa/"
    assert persian["lang"] == "fa"
    visible = persian.select_one(".language-switcher__hint").get_text(strip=True)
    assert visible == f"({in_language('fa', 'Startseite')})"
    hidden = persian.select_one(".kern-sr-only").get_text(strip=True)
    assert in_language("fa", "diese Seite ist nicht übersetzt") in hidden
    assert switcher["tr"]["href"] == "/tr/"  # no Turkish home: that language's address


def test_rich_text_links_to_untranslated_pages_say_they_lead_to_german(client, district):
    advice, housing = district["advice"], district["housing"]
    body = [
        {
            "type": "paragraph",
            "id": "a8b6c1e4-8b73-4a55-9d36-6f1e8f6d1a01",
            "value": (
                f'<p>Siehe <a linktype="page" id="{advice.pk}">Beratung</a> und '
                f'<a linktype="page" id="{housing.pk}">Wohnungssuche</a>.</p>'
            ),
        }
    ]
    page = StandardPageFactory(parent=advice, title="Hilfe", slug="hilfe", body=body)
    page.save_revision().publish()
    arabic_page = translate_page(page, "ar")
    content = soup(client.get(arabic_page.url)).select_one(".page-body")
    translated = content.find("a", string="Beratung")
    assert translated["href"] == "/ar/beratung/" and not translated.get("hreflang")
    german = content.find("a", href="/de/wohnen/")
    assert german["hreflang"] == "de"
    # the link text is the translator's, so only the target is marked German, with a hint
    assert german.get_text(strip=True).startswith("Wohnungssuche")
    assert german.select_one(".language-hint").get_text(strip=True) == german_in("ar")
    assert german.select_one(".language-hint")["lang"] == "ar"
    # in German nothing is marked
    german_page = soup(client.get(page.url)).select_one(".page-body")
    assert not german_page.select("[hreflang], .language-hint")
    assert german_page.find("a", href="/de/wohnen/") is not None


def test_link_list_marks_links_to_untranslated_pages(client, district):
    advice, housing = district["advice"], district["housing"]

    def link(page, text=""):
        return {"type": "link", "id": str(uuid.uuid4()), "value": {"text": text, "page": page.pk}}

    body = [
        {
            "type": "link_list",
            "id": str(uuid.uuid4()),
            "value": {
                "heading": "Weiter",
                "links": [link(advice), link(housing), link(housing, "Wohnungen finden")],
            },
        }
    ]
    page = StandardPageFactory(parent=advice, title="Links", slug="links", body=body)
    page.save_revision().publish()
    links = soup(client.get(translate_page(page, "ar").url)).select(".link-list-block a")
    translated, german_title, own_text = links
    assert translated["href"] == "/ar/beratung/" and not translated.get("hreflang")
    assert not translated.select(".language-hint")
    # the German page's title is shown: the link is German text, marked so
    assert german_title["href"] == "/de/wohnen/"
    assert (german_title["lang"], german_title["hreflang"]) == ("de", "de")
    assert german_title.select_one(".language-hint").get_text(strip=True) == german_in("ar")
    # a link text of the translator's own stays in the page's language; only the target
    # is German
    assert own_text["hreflang"] == "de" and not own_text.get("lang")
    assert own_text.select_one(".language-hint").get_text(strip=True) == german_in("ar")


def test_footer_links_to_german_legal_pages_show_it(client, district):
    home, site = district["home"], district["site"]
    imprint = StandardPageFactory(parent=home, title="Impressum", slug="impressum")
    accessibility = StandardPageFactory(parent=home, title="Barrierefreiheit", slug="bf")
    translate_page(imprint, "ar")
    DistrictSettings.objects.filter(site=site).update(
        imprint_page=imprint, accessibility_page=accessibility
    )
    links = {link["href"]: link for link in soup(client.get("/ar/")).select(".footer-links a")}
    assert not links["/ar/impressum/"].get("hreflang")
    assert not links["/ar/impressum/"].select(".language-hint")
    statement = links["/de/bf/"]
    assert statement["hreflang"] == "de"
    assert statement.select_one(".language-hint").get_text(strip=True) == german_in("ar")
    german = soup(client.get("/de/")).select(".footer-links .language-hint")
    assert german == []


def test_hint_names_german_in_the_readers_language():
    assert german_in("ar") == "(الألمانيّة)"
    assert german_in("fa") == "(آلمانی)"
    assert german_in("en") == "(German)"
    assert re.fullmatch(r"\(\w+\)", german_in("tr"))
