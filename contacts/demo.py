"""Demo contacts of both districts: invented people at the districts' real public buildings,
the partner organisations the seeds name, the shared topics and a directory page.

No real names or numbers: the 0000 blocks of the districts' area codes are not handed out
to lines, the e-mail addresses are at example.org. Every step leaves existing objects alone.
"""

from dataclasses import dataclass, field

from wagtail.models import Locale

from contacts.models import (
    Contact,
    ContactDirectoryPage,
    ContactTopic,
    Location,
    Organisation,
    PageContact,
)
from home.demo import demo_step
from home.demo.districts import TRANSLATED_LANGUAGES
from home.demo.text import T
from home.demo.translate import sync_translations, translate
from home.models import Topic

Kind = Organisation.Kind

TOPICS = [
    (
        "bildung-sprache",
        T(
            "Bildung und Sprache",
            "Education and language",
            "التعليم واللغة",
            tr="Eğitim ve dil",
            uk="Освіта і мова",
        ),
    ),
    (
        "ausbildung-arbeit",
        T(
            "Ausbildung und Arbeit",
            "Training and work",
            "التدريب والعمل",
            tr="Meslek eğitimi ve iş",
            uk="Професійне навчання і робота",
        ),
    ),
    ("wohnen", T("Wohnen", "Housing", "السكن", tr="Konut", uk="Житло")),
    ("gesundheit", T("Gesundheit", "Health", "الصحة", tr="Sağlık", uk="Здоров’я")),
    (
        "teilhabe",
        T(
            "Gesellschaftliche Teilhabe und Zusammenleben",
            "Participation and living together",
            "المشاركة المجتمعية والعيش المشترك",
            tr="Toplumsal katılım ve birlikte yaşam",
            uk="Участь у суспільному житті та співжиття",
        ),
    ),
    ("freizeit", T("Freizeit", "Leisure", "أوقات الفراغ", tr="Boş zaman", uk="Дозвілля")),
]


@dataclass
class OrganisationSpec:
    name: str
    kind: str
    parent: str = ""
    website: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""


@dataclass
class ContactSpec:
    name: str
    position: T
    organisation: str
    phone: str = ""
    fax: str = ""
    email: str = ""
    room: str = ""
    languages: list = field(default_factory=lambda: ["de"])
    topics: list = field(default_factory=list)
    office_hours: list = field(default_factory=list)
    office_hours_note: T = None
    at_office: bool = True
    is_public: bool = True


@dataclass
class DistrictContacts:
    building: str
    street: str
    postcode: str
    city: str
    accessibility: T
    transport: T
    organisations: list
    contacts: list
    page_contact: str  # the contact named in the "Kontakt" box of the office page
    office_page_slug: str


MORNINGS = [(day, "08:30", "12:00") for day in ("mo", "tu", "we", "th", "fr")]
THURSDAY_AFTERNOON = [("th", "14:00", "17:00")]
BY_APPOINTMENT = T("und nach Vereinbarung", "and by appointment", "وبموعد مسبق")

ACCESSIBILITY = T(
    "Stufenloser Eingang, Aufzug in alle Stockwerke, barrierefreie Toilette im Erdgeschoss.",
    "Step-free entrance, lift to every floor, accessible toilet on the ground floor.",
    "مدخل بدون درج، ومصعد إلى جميع الطوابق، ودورة مياه مهيأة لذوي الإعاقة في الطابق الأرضي.",
)

RASTATT = DistrictContacts(
    building="Landratsamt Rastatt",
    street="Am Schlossplatz 5",
    postcode="76437",
    city="Rastatt",
    accessibility=ACCESSIBILITY,
    transport=T(
        "Mit dem Bus bis zur Innenstadt; vom Bahnhof Rastatt sind es etwa 15 Minuten zu Fuß.",
        "By bus to the town centre; it is about 15 minutes on foot from Rastatt station.",
        "بالحافلة إلى وسط المدينة؛ وتبعد محطة قطار راشتات نحو 15 دقيقة سيرًا على الأقدام.",
    ),
    organisations=[
        OrganisationSpec(
            "Landratsamt Rastatt",
            Kind.ADMINISTRATION,
            street="Am Schlossplatz 5",
            postcode="76437",
            city="Rastatt",
        ),
        OrganisationSpec("Sachgebiet Integration", Kind.UNIT, parent="Landratsamt Rastatt"),
        OrganisationSpec("Jobcenter Landkreis Rastatt", Kind.JOBCENTER),
        OrganisationSpec("Agentur für Arbeit Rastatt", Kind.EMPLOYMENT_AGENCY),
        OrganisationSpec("Migrationsberatung der Wohlfahrtsverbände", Kind.COUNSELLING),
        OrganisationSpec("Welcome Center Technologieregion Karlsruhe", Kind.OTHER),
        OrganisationSpec("Sprachkursträger im Landkreis Rastatt", Kind.LANGUAGE_SCHOOL),
    ],
    contacts=[
        ContactSpec(
            "Miriam Beispiel",
            T("Integrationsbeauftragte", "Integration officer", "مسؤولة الاندماج"),
            "Sachgebiet Integration",
            phone="07222 0000-101",
            fax="07222 0000-199",
            email="m.beispiel@rastatt.example.org",
            room="D4.01",
            languages=["de", "en", "ar"],
            topics=["teilhabe", "bildung-sprache"],
            office_hours=MORNINGS[:4] + THURSDAY_AFTERNOON,
            office_hours_note=BY_APPOINTMENT,
        ),
        ContactSpec(
            "Jonas Muster",
            T(
                "Projekt- und Ehrenamtskoordination Integration",
                "Project and volunteer coordination for integration",
                "تنسيق المشاريع والعمل التطوعي في مجال الاندماج",
            ),
            "Sachgebiet Integration",
            phone="07222 0000-102",
            fax="07222 0000-199",
            email="j.muster@rastatt.example.org",
            room="D4.02",
            languages=["de", "en", "tr"],
            topics=["teilhabe", "freizeit"],
            office_hours=MORNINGS[:3],
            office_hours_note=BY_APPOINTMENT,
        ),
        ContactSpec(
            "Leyla Probe",
            T(
                "Bildungskoordination für Neuzugewanderte",
                "Education coordination for newcomers",
                "تنسيق التعليم للقادمين الجدد",
            ),
            "Sachgebiet Integration",
            phone="07222 0000-103",
            email="l.probe@rastatt.example.org",
            room="D4.03",
            languages=["de", "fa", "en"],
            topics=["bildung-sprache"],
            office_hours=[("tu", "09:00", "12:00"), ("th", "13:30", "16:00")],
        ),
        ContactSpec(
            "Andrii Exempel",
            T(
                "Arbeitsmarktintegration von Geflüchteten",
                "Labour market integration of refugees",
                "دمج اللاجئين في سوق العمل",
            ),
            "Jobcenter Landkreis Rastatt",
            phone="07222 0000-201",
            email="arbeit@jobcenter-rastatt.example.org",
            languages=["de", "uk", "ru"],
            topics=["ausbildung-arbeit"],
            at_office=False,
        ),
        ContactSpec(
            "Beratung für internationale Fachkräfte",
            T(
                "Willkommensberatung für Fachkräfte und ihre Familien",
                "Welcome advice for skilled workers and their families",
                "استشارات ترحيبية للعمالة الماهرة وأسرها",
            ),
            "Welcome Center Technologieregion Karlsruhe",
            phone="0721 0000-300",
            email="welcome@example.org",
            languages=["de", "en", "fr"],
            topics=["ausbildung-arbeit", "wohnen"],
            at_office=False,
        ),
        ContactSpec(
            "Migrationsberatung für Erwachsene",
            T(
                "Beratung zu Aufenthalt, Sprachkursen, Wohnen und Gesundheit",
                "Advice on residence, language courses, housing and health",
                "استشارات حول الإقامة ودورات اللغة والسكن والصحة",
            ),
            "Migrationsberatung der Wohlfahrtsverbände",
            phone="07222 0000-301",
            email="migrationsberatung@example.org",
            languages=["de", "ar", "ku", "tr"],
            topics=["wohnen", "gesundheit", "bildung-sprache"],
            office_hours=[("mo", "09:00", "12:00"), ("we", "14:00", "17:00")],
            at_office=False,
        ),
        ContactSpec(
            "Vertretung Sachgebietsleitung",
            T("Interne Vertretungsregelung", "Internal deputy", "نائب داخلي"),
            "Sachgebiet Integration",
            phone="07222 0000-109",
            email="vertretung@rastatt.example.org",
            room="D4.09",
            is_public=False,
        ),
    ],
    page_contact="Miriam Beispiel",
    office_page_slug="sachgebiet-integration",
)

REMS_MURR = DistrictContacts(
    building="Landratsamt Rems-Murr-Kreis",
    street="Alter Postplatz 10",
    postcode="71332",
    city="Waiblingen",
    accessibility=ACCESSIBILITY,
    transport=T(
        "Vom Bahnhof Waiblingen mit dem Bus in die Innenstadt.",
        "From Waiblingen station by bus to the town centre.",
        "من محطة قطار فايبلينغن بالحافلة إلى وسط المدينة.",
    ),
    organisations=[
        OrganisationSpec(
            "Landratsamt Rems-Murr-Kreis",
            Kind.ADMINISTRATION,
            street="Alter Postplatz 10",
            postcode="71332",
            city="Waiblingen",
        ),
        OrganisationSpec(
            "Stabsstelle Integration", Kind.UNIT, parent="Landratsamt Rems-Murr-Kreis"
        ),
        OrganisationSpec(
            "Stabsstelle Wirtschaftsförderung", Kind.UNIT, parent="Landratsamt Rems-Murr-Kreis"
        ),
        OrganisationSpec(
            "Amt für Schulen, Bildung und Kultur",
            Kind.UNIT,
            parent="Landratsamt Rems-Murr-Kreis",
        ),
        OrganisationSpec("Agentur für Arbeit Waiblingen", Kind.EMPLOYMENT_AGENCY),
        OrganisationSpec("Kammern (IHK und Handwerkskammer)", Kind.CHAMBER),
    ],
    contacts=[
        ContactSpec(
            "Sabine Beispiel",
            T("Integrationsbeauftragte", "Integration officer", "مسؤولة الاندماج"),
            "Stabsstelle Integration",
            phone="07151 0000-101",
            fax="07151 0000-199",
            email="s.beispiel@rems-murr.example.org",
            room="2.14",
            languages=["de", "en", "ar"],
            topics=["teilhabe", "wohnen"],
            office_hours=MORNINGS[:4],
            office_hours_note=BY_APPOINTMENT,
        ),
        ContactSpec(
            "Tobias Muster",
            T(
                "Koordination Ehrenamt und Beteiligung",
                "Coordination of volunteering and participation",
                "تنسيق العمل التطوعي والمشاركة",
            ),
            "Stabsstelle Integration",
            phone="07151 0000-102",
            email="t.muster@rems-murr.example.org",
            room="2.15",
            languages=["de", "en"],
            topics=["teilhabe", "freizeit"],
            office_hours=[("tu", "09:00", "12:00")],
            office_hours_note=BY_APPOINTMENT,
        ),
        ContactSpec(
            "Elif Probe",
            T(
                "Bildungskoordination: Sprachkurse und Bildungsangebote für Neuzugewanderte",
                "Education coordination: language courses and educational offers for newcomers",
                "تنسيق التعليم: دورات اللغة والعروض التعليمية للقادمين الجدد",
            ),
            "Amt für Schulen, Bildung und Kultur",
            phone="07151 0000-201",
            email="e.probe@rems-murr.example.org",
            room="3.02",
            languages=["de", "tr", "en"],
            topics=["bildung-sprache"],
        ),
        ContactSpec(
            "Marco Exempel",
            T(
                "Fachkräftesicherung und Arbeitsmarkt",
                "Skilled labour and the labour market",
                "تأمين العمالة الماهرة وسوق العمل",
            ),
            "Stabsstelle Wirtschaftsförderung",
            phone="07151 0000-301",
            email="m.exempel@rems-murr.example.org",
            room="1.08",
            languages=["de", "it", "en"],
            topics=["ausbildung-arbeit"],
        ),
        ContactSpec(
            "Berufsberatung für Zugewanderte",
            T(
                "Beratung zu Ausbildung, Anerkennung und Arbeit",
                "Advice on training, recognition of qualifications and work",
                "استشارات حول التدريب والاعتراف بالمؤهلات والعمل",
            ),
            "Agentur für Arbeit Waiblingen",
            phone="07151 0000-401",
            email="berufsberatung@example.org",
            languages=["de", "ar", "uk"],
            topics=["ausbildung-arbeit"],
            at_office=False,
        ),
        ContactSpec(
            "Vertretung Stabsstellenleitung",
            T("Interne Vertretungsregelung", "Internal deputy", "نائب داخلي"),
            "Stabsstelle Integration",
            phone="07151 0000-109",
            email="vertretung@rems-murr.example.org",
            is_public=False,
        ),
    ],
    page_contact="Sabine Beispiel",
    office_page_slug="stabsstelle-integration",
)

DISTRICT_CONTACTS = {"rastatt": RASTATT, "rems-murr": REMS_MURR}


def _mapping(*texts):
    """Translation mappings per language for the demo texts of one snippet: English and
    Arabic always, further languages where its texts carry them."""
    texts = [text for text in texts if text is not None]
    codes = dict.fromkeys([*TRANSLATED_LANGUAGES, *(c for t in texts for c in t.languages())])
    return {code: {text.de: text.get(code) for text in texts if text.get(code)} for code in codes}


def _translate(instance, *texts, user=None):
    for code, mapping in _mapping(*texts).items():
        translate(instance, code, mapping, user)


@demo_step(order=10)
def build_topics(builder, district, site, home):
    """The fields of action both concepts share, in German, English and Arabic."""
    german = Locale.get_default()
    for slug, name in TOPICS:
        topic = Topic.objects.filter(slug=slug, locale=german).first()
        if topic is None:
            topic = Topic.objects.create(slug=slug, name=name.de, locale=german)
            builder.created += 1
        _translate(topic, name, user=builder.admin)


@demo_step(order=20)
def build_contacts(builder, district, site, home):
    """Organisations, the office building, contacts and the directory page of a district."""
    spec = DISTRICT_CONTACTS.get(district.key)
    if spec is None:
        return
    german = Locale.get_default()

    location = Location.objects.filter(site=site, locale=german, name=spec.building).first()
    if location is None:
        location = Location.objects.create(
            site=site,
            locale=german,
            name=spec.building,
            street=spec.street,
            postcode=spec.postcode,
            city=spec.city,
            accessibility=spec.accessibility.de,
            transport=spec.transport.de,
        )
        builder.created += 1
    _translate(location, spec.accessibility, spec.transport, user=builder.admin)

    organisations = {}
    for item in spec.organisations:
        organisation = Organisation.objects.filter(site=site, locale=german, name=item.name).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                site=site,
                locale=german,
                name=item.name,
                kind=item.kind,
                parent=organisations.get(item.parent),
                website=item.website,
                street=item.street,
                postcode=item.postcode,
                city=item.city,
            )
            builder.created += 1
        organisations[item.name] = organisation

    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=german)}
    contacts = {}
    for item in spec.contacts:
        contact = Contact.objects.filter(site=site, locale=german, name=item.name).first()
        if contact is None:
            contact = Contact(
                site=site,
                locale=german,
                name=item.name,
                position=item.position.de,
                organisation=organisations[item.organisation],
                phone=item.phone,
                fax=item.fax,
                email=item.email,
                room=item.room,
                location=location if item.at_office else None,
                languages=item.languages,
                office_hours=[
                    ("slot", {"day": day, "opens": opens, "closes": closes})
                    for day, opens, closes in item.office_hours
                ],
                office_hours_note=item.office_hours_note.de if item.office_hours_note else "",
                is_public=item.is_public,
            )
            contact.topic_links = [
                ContactTopic(topic=topics[slug]) for slug in item.topics if slug in topics
            ]
            contact.full_clean()
            contact.save()
            builder.created += 1
        _translate(contact, item.position, item.office_hours_note, user=builder.admin)
        contacts[item.name] = contact

    def make_directory(glossary):
        return ContactDirectoryPage(
            title=glossary.add(
                T("Kontakte", "Contacts", "جهات الاتصال", tr="İletişim", uk="Контакти")
            ),
            intro=glossary.add(
                T(
                    "Ansprechpersonen im Landratsamt und bei unseren Partnern: wer Ihnen "
                    "weiterhilft, wann und in welchen Sprachen.",
                    "Contact persons at the district administration and our partners: who "
                    "can help you, when and in which languages.",
                    "الأشخاص المسؤولون في إدارة الدائرة ولدى شركائنا: من يمكنه مساعدتك، "
                    "ومتى، وبأي لغات.",
                    tr="İlçe idaresindeki ve ortaklarımızdaki irtibat kişileri: size kimin, "
                    "ne zaman ve hangi dillerde yardımcı olabileceği.",
                    uk="Контактні особи в районній адміністрації та в наших партнерів: хто "
                    "вам допоможе, коли і якими мовами.",
                )
            ),
            show_in_menus=True,
        )

    directory = builder.ensure_page(home, "kontakte", make_directory)
    builder.translate_subtree(directory)

    office_page = home.get_children().filter(slug=spec.office_page_slug).first()
    if office_page is not None:
        contact = contacts[spec.page_contact]
        office_page = office_page.specific
        if not PageContact.objects.filter(page=office_page, contact=contact).exists():
            # The "Kontakt" box is a synchronised field: the German page gets it, and the
            # translations follow through wagtail-localize's sync, as an editor would do it.
            PageContact.objects.create(page=office_page, contact=contact, sort_order=0)
            office_page.save_revision(user=builder.admin).publish(user=builder.admin)
            sync_translations(office_page, builder.admin)
            builder.created += 1
