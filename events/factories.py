"""Test data for events: an index, events at given times and registrations."""

import datetime
import uuid
import zoneinfo

import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage, Registration

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

FIVE_TOPICS = [
    "Bildung & Sprache",
    "Ausbildung & Arbeit",
    "Wohnen",
    "Gesundheit",
    "Gesellschaftliche Teilhabe / Zusammenleben / Antidiskriminierung",
]


def berlin(*args):
    """An aware datetime on the wall clock of Europe/Berlin."""
    return datetime.datetime(*args, tzinfo=BERLIN)


def topic_blocks(texts=FIVE_TOPICS):
    return [{"type": "topic", "value": text, "id": str(uuid.uuid4())} for text in texts]


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    intro = factory.Faker("sentence", locale="de_DE")
    live = True

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    intro = factory.Faker("sentence", locale="de_DE")
    start = factory.LazyFunction(
        lambda: (datetime.datetime.now(BERLIN) + datetime.timedelta(days=30)).replace(
            hour=17, minute=0, second=0, microsecond=0
        )
    )
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=3))
    place = "Landratsamt, Großer Saal"
    address = "Am Schlossplatz 5, 76437 Rastatt"
    accessibility = "Stufenloser Zugang, Aufzug"
    live = True

    class Meta:
        model = EventPage

    class Params:
        workshop = factory.Trait(
            registration_status="open",
            capacity=20,
            topic_count=2,
            workshop_topics=factory.LazyFunction(topic_blocks),
        )


class RegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Faker("name", locale="de_DE")
    email = factory.Sequence(lambda n: f"teilnehmer{n}@example.org")
    topics = factory.LazyFunction(lambda: FIVE_TOPICS[:2])
    topic_indices = factory.LazyFunction(lambda: [0, 1])
    language = "de"
    consent = True

    class Meta:
        model = Registration
