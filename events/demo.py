"""Demo events of Landkreis Rastatt: the three workshops of summer 2023 on the new integration
concept, and one upcoming workshop so the registration can be tried."""

import datetime
import uuid
import zoneinfo

from django.utils import timezone

from wagtail.models import Locale

from events.models import EventIndexPage, EventPage, EventTopic
from home.demo import demo_step
from home.demo.text import T

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")

WORKSHOP_TOPICS = [
    T("Bildung & Sprache", "Education & language", "التعليم واللغة"),
    T("Ausbildung & Arbeit", "Training & work", "التدريب المهني والعمل"),
    T("Wohnen", "Housing", "السكن"),
    T("Gesundheit", "Health", "الصحة"),
    T(
        "Gesellschaftliche Teilhabe / Zusammenleben / Antidiskriminierung",
        "Participation / living together / anti-discrimination",
        "المشاركة المجتمعية / العيش المشترك / مناهضة التمييز",
    ),
]
TOPIC_SLUGS = ["bildung-sprache", "ausbildung-arbeit", "wohnen", "gesundheit", "teilhabe"]

WORKSHOP_INTRO = T(
    "Ein Workshop zum neuen Integrationskonzept des Landkreises Rastatt. Alle Menschen können "
    "mitdiskutieren und ihre Ideen einbringen.",
    "A workshop on the new integration concept of the district of Rastatt. Everyone can join "
    "the discussion and contribute ideas.",
    "ورشة عمل حول مفهوم الاندماج الجديد لدائرة راشتات. يمكن للجميع المشاركة في النقاش وتقديم "
    "أفكارهم.",
)
WORKSHOP_BODY = T(
    "Nach einer Einführung durch die Integrationsbeauftragte folgen zwei Workshop-Runden. Bei "
    "der Anmeldung wählen Sie 2 der 5 Themen. Zum Schluss werden die Ergebnisse im Plenum "
    "vorgestellt.",
    "After an introduction by the integration commissioner there are two workshop rounds. "
    "When you register, you choose 2 of the 5 topics. At the end the results are presented to "
    "everyone.",
    "بعد مقدمة من مفوضة الاندماج تُعقد جولتان من ورش العمل. عند التسجيل تختار موضوعين من "
    "المواضيع الخمسة. وفي الختام تُعرض النتائج على جميع المشاركين.",
)
ACCESSIBILITY = T(
    "Stufenloser Zugang. Bitte melden Sie uns vorab, wenn Sie Unterstützung brauchen.",
    "Step-free access. Please tell us in advance if you need support.",
    "مدخل بدون درج. يرجى إبلاغنا مسبقًا إذا كنت بحاجة إلى مساعدة.",
)

# (slug, town, start) of the three workshops; the seed names the summer, the days are ours.
SUMMER_2023 = [
    ("workshop-rastatt-2023", "Rastatt", datetime.datetime(2023, 7, 5, 17, 0)),
    ("workshop-buehl-2023", "Bühl", datetime.datetime(2023, 7, 12, 17, 0)),
    ("workshop-gaggenau-2023", "Gaggenau", datetime.datetime(2023, 7, 19, 17, 0)),
]


def _id():
    return str(uuid.uuid4())


def _rich(glossary, text):
    return f"<p>{glossary.add(text)}</p>"


def topic_blocks(glossary):
    return [{"type": "topic", "value": glossary.add(text), "id": _id()} for text in WORKSHOP_TOPICS]


def workshop_title(town):
    return T(
        f"Workshop zum Integrationskonzept in {town}",
        f"Workshop on the integration concept in {town}",
        f"ورشة عمل حول مفهوم الاندماج في {town}",
    )


def organiser(site):
    from contacts.models import Contact

    contacts = Contact.objects.filter(site=site, locale=Locale.get_default(), is_public=True)
    return contacts.filter(organisation__name__icontains="Integration").first() or contacts.first()


def topics():
    from home.models import Topic

    found = Topic.objects.filter(slug__in=TOPIC_SLUGS, locale=Locale.get_default())
    return sorted(found, key=lambda topic: TOPIC_SLUGS.index(topic.slug))


def build_event(builder, index, slug, title, town, start, hours, status, capacity, contact):
    def make(glossary):
        page = EventPage(
            title=glossary.add(title),
            intro=glossary.add(WORKSHOP_INTRO),
            body=[{"type": "paragraph", "value": _rich(glossary, WORKSHOP_BODY), "id": _id()}],
            start=start,
            end=start + datetime.timedelta(hours=hours),
            place=glossary.add(T(town, town, town)),
            address="",
            accessibility=glossary.add(ACCESSIBILITY),
            organiser=contact,
            registration_status=status,
            capacity=capacity,
            topic_count=2,
            workshop_topics=topic_blocks(glossary),
        )
        page.event_topics = [EventTopic(topic=topic) for topic in topics()]
        return page

    return builder.ensure_page(index, slug, make)


@demo_step(order=60)
def build_events(builder, district, site, home):
    if district.key != "rastatt":
        return

    def make_index(glossary):
        return EventIndexPage(
            title=glossary.add(T("Veranstaltungen", "Events", "الفعاليات")),
            intro=glossary.add(
                T(
                    "Workshops und Treffen des Sachgebiets Integration.",
                    "Workshops and meetings of the integration office.",
                    "ورش عمل ولقاءات قسم الاندماج.",
                )
            ),
            show_in_menus=True,
        )

    index = builder.ensure_page(home, "veranstaltungen", make_index)
    contact = organiser(site)
    for slug, town, start in SUMMER_2023:
        build_event(
            builder,
            index,
            slug,
            workshop_title(town),
            town,
            start.replace(tzinfo=BERLIN),
            3,
            "closed",
            None,
            contact,
        )
    upcoming = (timezone.localtime() + datetime.timedelta(days=60)).replace(
        hour=17, minute=0, second=0, microsecond=0
    )
    build_event(
        builder,
        index,
        "offener-workshop-jahresbericht",
        T(
            "Offener Workshop: Jahresbericht",
            "Open workshop: annual report",
            "ورشة عمل مفتوحة: التقرير السنوي",
        ),
        "Bühl",
        upcoming,
        3,
        "open",
        40,
        contact,
    )
    builder.translate_subtree(index)
