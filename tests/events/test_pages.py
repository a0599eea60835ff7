import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from contacts.factories import ContactFactory
from events.factories import EventIndexPageFactory, EventPageFactory, berlin
from events.models import EventIndexPage, EventPage, EventTopic
from home.factories import translate_page
from home.models import HomePage, StandardPage, Topic

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def test_page_rules():
    assert EventIndexPage.parent_page_types == ["home.HomePage"]
    assert EventIndexPage.subpage_types == ["events.EventPage"]
    assert EventPage.parent_page_types == ["events.EventIndexPage"]
    assert EventPage.subpage_types == []
    assert "events.EventIndexPage" in HomePage.subpage_types
    assert "events.EventIndexPage" not in StandardPage.subpage_types


def test_one_index_per_home(home, index):
    assert not EventIndexPage.can_create_at(home)


def test_end_must_be_after_start(index):
    page = EventPage(
        title="Falsch",
        slug="falsch",
        place="Bühl",
        start=berlin(2025, 7, 1, 18),
        end=berlin(2025, 7, 1, 17),
    )
    index.add_child(
        instance=EventPage(
            title="x", slug="x", place="x", start=berlin(2025, 7, 1, 17), end=berlin(2025, 7, 1, 18)
        )
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end" in error.value.message_dict


def test_index_lists_upcoming_and_past(client, index):
    now = timezone.now()
    EventPageFactory(parent=index, title="Morgen", start=now + datetime.timedelta(days=1))
    EventPageFactory(parent=index, title="Übermorgen", start=now + datetime.timedelta(days=2))
    EventPageFactory(parent=index, title="Gestern", start=now - datetime.timedelta(days=1))
    EventPageFactory(
        parent=index, title="Entwurf", start=now + datetime.timedelta(days=1), live=False
    )
    response = client.get("/de/veranstaltungen/")
    content = response.content.decode()
    assert response.status_code == 200
    upcoming, past = content.split('id="past-heading"')
    assert upcoming.index("Morgen") < upcoming.index("Übermorgen")
    assert "Gestern" in past and "Gestern" not in upcoming
    assert "Entwurf" not in content
    assert content.count("<h1") == 1


def test_index_is_paginated(client, index):
    start = timezone.now() + datetime.timedelta(days=1)
    for number in range(12):
        EventPageFactory(
            parent=index,
            title=f"Termin {number:02d}",
            start=start + datetime.timedelta(days=number),
        )
    first = client.get("/de/veranstaltungen/").content.decode()
    second = client.get("/de/veranstaltungen/?page=2").content.decode()
    assert "Termin 09" in first and "Termin 10" not in first
    assert "Termin 10" in second and "Termin 11" in second


def test_event_page_shows_local_times_topics_and_organiser(client, index):
    topic = Topic.objects.create(name="Wohnen", slug="wohnen")
    contact = ContactFactory(name="Mira Muster")
    event = EventPageFactory(
        parent=index,
        title="Sommerworkshop",
        start=berlin(2030, 7, 5, 17, 0),
        end=berlin(2030, 7, 5, 20, 0),
        organiser=contact,
    )
    EventTopic.objects.create(page=event, topic=topic)
    content = client.get(event.url).content.decode()
    assert "5. Juli 2030, 17:00" in content and "20:00" in content
    assert "Wohnen" in content and "Mira Muster" in content
    assert "Veranstalter" in content


def test_daylight_saving_change_shows_and_exports_local_times(client, index):
    # The clocks go back on the last Sunday of October 2030 (27th), 03:00 CEST → 02:00 CET.
    start = berlin(2030, 10, 27, 1, 0)
    end = berlin(2030, 10, 27, 5, 0)
    assert (end - start) == datetime.timedelta(hours=4)  # wall clock difference
    assert end.astimezone(datetime.UTC) - start.astimezone(datetime.UTC) == datetime.timedelta(
        hours=5
    )
    event = EventPageFactory(parent=index, title="Nachtcafé", start=start, end=end)
    content = client.get(event.url).content.decode()
    assert "27. Oktober 2030, 01:00" in content and "– <time" in content and "05:00" in content

    response = client.get(event.url + "ical/")
    assert response["Content-Type"].startswith("text/calendar")
    assert 'filename="' in response["Content-Disposition"]
    assert b"DTSTART;TZID=Europe/Berlin:20301027T010000" in response.content
    assert b"DTEND;TZID=Europe/Berlin:20301027T050000" in response.content
    calendar = Calendar.from_ical(response.content)
    vevent = calendar.walk("VEVENT")[0]
    assert vevent.decoded("dtstart").astimezone(datetime.UTC) == datetime.datetime(
        2030, 10, 26, 23, 0, tzinfo=datetime.UTC
    )
    assert vevent.decoded("dtend").astimezone(datetime.UTC) == datetime.datetime(
        2030, 10, 27, 4, 0, tzinfo=datetime.UTC
    )
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Berlin"


def test_ics_of_an_event_is_importable(client, index):
    event = EventPageFactory(
        parent=index, title="Workshop Gaggenau", place="Rathaus", address="Hauptstraße 1"
    )
    calendar = Calendar.from_ical(client.get(event.url + "ical/").content)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (vevent,) = calendar.walk("VEVENT")
    for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "URL"):
        assert key in vevent
    assert str(vevent["SUMMARY"]) == "Workshop Gaggenau"
    assert str(vevent["LOCATION"]) == "Rathaus, Hauptstraße 1"
    assert str(vevent["URL"]).endswith(event.url)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Berlin"


def test_feed_has_upcoming_events_only_with_one_uid_per_event_in_all_languages(client, index):
    now = timezone.now()
    soon = EventPageFactory(parent=index, title="Bald", start=now + datetime.timedelta(days=3))
    EventPageFactory(parent=index, title="Vorbei", start=now - datetime.timedelta(days=3))
    response = client.get("/de/veranstaltungen/ical/")
    calendar = Calendar.from_ical(response.content)
    assert [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")] == ["Bald"]
    german_uid = str(calendar.walk("VEVENT")[0]["UID"])
    translate_page(soon, "en")
    english = Calendar.from_ical(client.get("/en/veranstaltungen/ical/").content)
    assert [str(event["UID"]) for event in english.walk("VEVENT")] == [german_uid]


def test_empty_feed_is_valid(client, index):
    calendar = Calendar.from_ical(client.get("/de/veranstaltungen/ical/").content)
    assert calendar.walk("VEVENT") == []


@pytest.mark.parametrize("language", ["de", "en", "ar", "fa", "tr", "uk", "ru"])
def test_every_page_type_renders_in_every_language(client, workshop, language):
    index = workshop.get_parent().specific
    if language != "de":
        translate_page(workshop, language)
    prefix = f"/{language}/veranstaltungen/"
    event = prefix + "workshop-buehl/"
    for path in (prefix, event, event + "anmeldung/", event + "angemeldet/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.content.decode().count("<h1") == 1
    assert index.url.startswith("/de/")


def _count_index_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/de/veranstaltungen/")
    assert response.status_code == 200
    return len(queries)


def test_index_queries_do_not_grow_with_events(client, index):
    now = timezone.now()
    for number in range(10):
        EventPageFactory(parent=index, start=now + datetime.timedelta(days=number + 1))
        EventPageFactory(parent=index, start=now - datetime.timedelta(days=number + 1))
    _count_index_queries(client)  # warm caches
    few = _count_index_queries(client)
    for number in range(290):
        EventPageFactory(parent=index, start=now + datetime.timedelta(days=number + 20))
    many = _count_index_queries(client)
    assert many == few


def test_factories_build_pages(home):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index, workshop=True)
    assert event.end > event.start
    assert event.topic_count == 2 and len(event.topic_choices()) == 5


def test_api_exposes_event_fields(client, workshop):
    data = client.get(
        "/api/v2/pages/?type=events.EventPage&fields=start,end,place,registration_status"
    ).json()
    item = next(entry for entry in data["items"] if entry["id"] == workshop.pk)
    assert item["place"] == workshop.place
    assert item["registration_status"] == workshop.registration_status
    assert item["start"].startswith(workshop.start.astimezone().isoformat()[:10])
