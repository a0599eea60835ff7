import pytest

from events.models import EventIndexPage, EventPage

pytestmark = pytest.mark.django_db


def test_demo_has_the_three_workshops_of_summer_2023_and_an_upcoming_one(demo, client):
    index = EventIndexPage.objects.get(locale__language_code="de")
    events = EventPage.objects.child_of(index).order_by("start")
    towns = [event.place for event in events]
    assert towns == ["Rastatt", "Bühl", "Gaggenau", "Bühl"]
    for event in events[:3]:
        assert (event.start.year, event.start.month) == (2023, 7) and event.is_past
    for event in events:
        assert event.topic_count == 2 and len(event.topic_choices()) == 5
    assert events[3].registration_is_open()
    for language in ("en", "ar"):
        assert EventPage.objects.filter(locale__language_code=language).count() == 4
    content = client.get("/ar/veranstaltungen/offener-workshop-jahresbericht/").content.decode()
    assert "التعليم واللغة" in content


def test_demo_is_idempotent(demo):
    from home.demo.build import DemoBuilder

    assert DemoBuilder(password="x").build() == 0
