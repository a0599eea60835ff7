"""Right-to-left pages keep numbers, phone numbers, e-mail addresses, URLs, dates and German
names readable (issue #6, point 7): each such value sits in its own bidi isolate (<bdi>),
and the ones that always read left to right carry dir="ltr".

Rendered in Arabic and parsed with an HTML parser: a measure, a contact, the catalogue, an
event and a news item.
"""

import datetime
import decimal
import uuid

import pytest
from bs4 import BeautifulSoup

from django.utils import formats, translation

from wagtail.models import Locale

from concept.factories import MeasurePageFactory, concept_tree
from concept.models.pages import MeasureGoal
from contacts.factories import (
    ContactDirectoryPageFactory,
    ContactFactory,
    LocationFactory,
    OrganisationFactory,
)
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import translate_page
from news.factories import NewsIndexPageFactory, news_item

pytestmark = pytest.mark.django_db


def arabic_page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    assert (page.html["lang"], page.html["dir"]) == ("ar", "rtl")
    return page


def isolate_of(page, text, scope=None):
    """The innermost <bdi> (or element with dir) whose whole text is `text`."""
    root = page.select_one(scope) if scope else page
    assert root is not None, scope
    found = [
        element
        for element in root.find_all(lambda tag: tag.name == "bdi" or tag.has_attr("dir"))
        if element.get_text(strip=True) == text and element.name != "html"
    ]
    assert found, f"{text!r} is not isolated in {scope or 'the page'}"
    return found[-1]


def assert_ltr(page, text, scope=None):
    element = isolate_of(page, text, scope)
    assert element.get("dir") == "ltr", element
    return element


def arabic_date(value):
    with translation.override("ar"):
        return formats.date_format(value, "DATE_FORMAT")


@pytest.fixture
def measure(home):
    """Measure 2.5 with dates, funding and a goal, translated into Arabic."""
    tree = concept_tree(home, chapters=2, measures_per_chapter=0, slug="konzept")
    chapter = tree["chapters"][1]
    chapter.goals = [
        {
            "type": "goal",
            "id": str(uuid.uuid4()),
            "value": {"number": 3, "text": "Sprachkurse für alle"},
        }
    ]
    chapter.save_revision().publish()
    measure = MeasurePageFactory(
        parent=chapter,
        number=5,
        slug="sprachkurse",
        title="Sprachkurse mit Kinderbetreuung",
        start_date=datetime.date(2024, 6, 18),
        end_date=datetime.date(2026, 12, 31),
        funding_source="Bundesmittel",
        funding_amount=decimal.Decimal("12000"),
    )
    MeasureGoal.objects.create(page=measure, goal_number=3)
    measure.save_revision().publish()
    for page in (home, tree["catalogue"], measure):
        translate_page(page, "ar")
    return measure


def test_measure_page_keeps_its_number_dates_and_amount_readable(client, measure):
    page = arabic_page(client, measure.get_translation(Locale.objects.get(language_code="ar")).url)
    number = assert_ltr(page, "2.5", ".page-header")
    assert number.name == "bdi" and "measure-number" in number["class"]
    assert_ltr(page, "2.3", "#goals-heading + ul")  # goal 3 of chapter 2
    for day in (datetime.date(2024, 6, 18), datetime.date(2026, 12, 31)):
        element = isolate_of(page, arabic_date(day), ".measure-facts")
        assert element.name == "bdi" and element.time["datetime"] == day.isoformat()
    amount = next(bdi for bdi in page.select(".measure-facts bdi") if "€" in bdi.get_text())
    assert amount["dir"] == "ltr" and amount.get_text(strip=True).startswith("12")


def test_catalogue_numbers_read_left_to_right(client, measure):
    catalogue = measure.get_parent().get_parent().specific.catalogue()
    arabic = catalogue.get_translation(Locale.objects.get(language_code="ar"))
    page = arabic_page(client, arabic.url)
    cells = page.select(".catalogue-table__number")
    assert [cell.get_text(strip=True) for cell in cells] == ["2.5"]
    assert cells[0].bdi["dir"] == "ltr"


@pytest.fixture
def contact_entry(site, home):
    directory = ContactDirectoryPageFactory(parent=home, title="Kontakte", slug="kontakte")
    for page in (home, directory):
        translate_page(page, "ar")
    contact = ContactFactory(
        name="Amira Beispiel",
        position="Integrationsbeauftragte",
        organisation=OrganisationFactory(name="Sachgebiet Integration", site=site),
        location=LocationFactory(
            name="Landratsamt", street="Am Schlossplatz 5", postcode="76437", city="Rastatt"
        ),
        phone="07222 0000-123",
        fax="07222 0000-199",
        email="integration@example.org",
        website="https://example.org/integration/",
        room="D4.01",
        office_hours=[("slot", {"day": "mo", "opens": "08:30", "closes": "12:00"})],
        site=site,
    )
    arabic = contact.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.position = "مسؤولة الاندماج"
    arabic.save()
    return directory.get_translation(Locale.objects.get(language_code="ar")).url + (
        f"{arabic.pk}-amira-beispiel/"
    )


def test_contact_keeps_numbers_addresses_and_times_readable(client, contact_entry):
    page = arabic_page(client, contact_entry)
    detail = ".contact-detail"
    phone = assert_ltr(page, "07222 0000123", detail)
    assert phone.parent.name == "a" and phone.parent["href"] == "tel:+4972220000123"
    assert_ltr(page, "07222 0000199", detail)  # fax
    assert_ltr(page, "integration@example.org", detail)
    assert_ltr(page, "https://example.org/integration/", detail)
    hours = assert_ltr(page, "08:30–12:00", ".office-hours")
    assert [time["datetime"] for time in hours.find_all("time")] == ["08:30", "12:00"]
    # German names and the room are isolated, direction from their own letters
    for text in ("Landratsamt", "Am Schlossplatz 5", "76437 Rastatt", "D4.01"):
        assert isolate_of(page, text, ".contact-address").name == "bdi"
    # the footer's district phone and e-mail too, on every page
    assert_ltr(page, "01234 0000-0", ".site-footer")
    assert_ltr(page, "integration@example.org", ".site-footer")


def test_event_keeps_its_date_time_and_address_readable(client, home):
    index = EventIndexPageFactory(parent=home)
    start = datetime.datetime(2030, 3, 14, 17, 0, tzinfo=datetime.UTC)
    event = EventPageFactory(
        parent=index,
        slug="workshop",
        start=start,
        end=start + datetime.timedelta(hours=2),
        address="Am Schlossplatz 5, 76437 Rastatt",
    )
    for item in (home, index, event):
        translate_page(item, "ar")
    page = arabic_page(client, event.get_translation(Locale.objects.get(language_code="ar")).url)
    facts = ".event-facts"
    when = page.select_one(facts).find_all("time")
    assert len(when) == 2
    for element in when:
        assert element.bdi is not None and element.bdi.get_text(strip=True)
    assert when[0]["datetime"].startswith("2030-03-14T18:00")  # Berlin wall clock
    assert isolate_of(page, "Am Schlossplatz 5, 76437 Rastatt", facts).name == "bdi"


def test_news_item_keeps_its_date_and_measure_number_readable(client, measure):
    home = measure.get_parent().get_parent().get_parent()
    index = NewsIndexPageFactory(parent=home)
    news = news_item(
        index, title="Kurse starten", date=datetime.date(2024, 6, 18), related=[measure]
    )
    for item in (index, news):
        translate_page(item, "ar")
    page = arabic_page(client, news.get_translation(Locale.objects.get(language_code="ar")).url)
    date = isolate_of(page, arabic_date(datetime.date(2024, 6, 18)), ".page-header")
    assert date.name == "bdi" and date.time["datetime"] == "2024-06-18"
    number = assert_ltr(page, "2.5", "#news-context-heading + ul")
    assert "measure-number" in number["class"]
