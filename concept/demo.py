"""Demo concepts of both districts, from the facts in shared/seeds/, in our own words."""

import datetime
import html
import uuid
from dataclasses import dataclass

from wagtail.models import Locale

from concept.models import (
    ChapterPage,
    ConceptPage,
    CrossCuttingNeed,
    DecidingBody,
    MeasureCatalogPage,
    MeasurePage,
    ProgressReportPage,
    TargetGroup,
)
from concept.models.pages import MeasurePartner, MeasureTargetGroup
from home.demo import demo_step
from home.demo.text import T
from home.demo.translate import translate


def _id():
    return str(uuid.uuid4())


def snippet(builder, model, text):
    """A translatable vocabulary entry in German, translated into the demo languages."""
    german = Locale.get_default()
    obj = model.objects.filter(name=text.de, locale=german).first()
    if obj is None:
        obj = model.objects.create(name=text.de, locale=german)
        builder.created += 1
    for code in text.languages():
        if obj.get_translation_or_none(Locale.objects.get(language_code=code)) is None:
            translate(obj, code, {text.de: text.get(code)}, builder.admin)
    return obj


def organisation(site, *names):
    from contacts.models import Organisation

    for name in names:
        found = Organisation.objects.filter(
            site=site, locale=Locale.get_default(), name__icontains=name
        ).first()
        if found:
            return found
    return None


def contacts_named(site, *names):
    """Page-level "Kontakt" box entries for the demo contacts with these names."""
    from contacts.models import Contact, PageContact

    found = Contact.objects.filter(site=site, locale=Locale.get_default(), name__in=names)
    return [PageContact(contact=contact) for contact in found]


def topic(slug):
    from home.models import Topic

    return Topic.objects.filter(slug=slug, locale=Locale.get_default()).first()


def rich(glossary, *paragraphs):
    return "".join(f"<p>{html.escape(glossary.add(p), quote=False)}</p>" for p in paragraphs)


def decision(bodies, date, subject, date_text=""):
    return {
        "type": "decision",
        "id": _id(),
        "value": {
            "bodies": [{"type": "body", "value": body.pk, "id": _id()} for body in bodies],
            "date": date.isoformat(),
            "date_text": date_text,
            "subject": subject,
            "outcome": "approved",
            "document": None,
            "minutes_url": "",
        },
    }


def figures(glossary, *pairs):
    return [
        {
            "type": "figure",
            "id": _id(),
            "value": {"value": glossary.add(T.same(value)), "label": glossary.add(label)},
        }
        for value, label in pairs
    ]


def goals(glossary, *texts):
    return [
        {"type": "goal", "id": _id(), "value": {"number": number, "text": glossary.add(text)}}
        for number, text in enumerate(texts, start=1)
    ]


# --- Rems-Murr-Kreis: Integrationsplan 2017 ------------------------------------------

RM_CHAPTERS = [
    (
        1,
        "bildung-und-sprache",
        T("Bildung und Sprache", "Education and language", "التعليم واللغة"),
        T(
            "Wie Neuzugewanderte passende Sprachkurse und Bildungsangebote finden.",
            "How newcomers find suitable language courses and educational offers.",
            "كيف يجد القادمون الجدد دورات اللغة والعروض التعليمية المناسبة.",
        ),
    ),
    (
        2,
        "arbeitsmarkt",
        T("Arbeitsmarkt", "Labour market", "سوق العمل"),
        T(
            "Wege von der Kompetenzanalyse bis in Ausbildung und Arbeit.",
            "Paths from the skills assessment into training and work.",
            "المسارات من تحليل الكفاءات إلى التدريب المهني والعمل.",
        ),
    ),
    (
        3,
        "wohnen",
        T("Wohnen", "Housing", "السكن"),
        T(
            "Wohnraum finden und gut zusammenleben.",
            "Finding a home and living well together.",
            "إيجاد مسكن والعيش معًا بشكل جيد.",
        ),
    ),
    (
        4,
        "freizeit",
        T("Freizeit", "Leisure", "أوقات الفراغ"),
        T(
            "Vereine, Sport und Kultur als Orte der Begegnung.",
            "Clubs, sport and culture as places to meet.",
            "النوادي والرياضة والثقافة أماكن للقاء.",
        ),
    ),
]

RM_TOPICS = {1: "bildung-sprache", 2: "ausbildung-arbeit", 3: "wohnen", 4: "freizeit"}
# Invented persons of contacts/demo.py, named in the "Kontakt" boxes of chapters and measures
RM_CONTACTS = {1: ("Elif Probe",), 2: ("Marco Exempel",)}

RM_MEASURES = {
    1: [
        (
            1,
            T(
                "Bildungsstand der Kursteilnehmenden erfassen",
                "Recording the educational background of course participants",
                "تسجيل المستوى التعليمي للمشاركين في الدورات",
            ),
            T(
                "Beim Deutschkurs wird festgehalten, welche Bildung die Teilnehmenden mitbringen.",
                "The German course records what education participants bring with them.",
                "تُسجَّل في دورة اللغة الألمانية الخلفية التعليمية للمشاركين.",
            ),
            "in_progress",
        ),
        (
            2,
            T(
                "In weiterführende Kurse vermitteln",
                "Referral to follow-up courses",
                "الإحالة إلى دورات متقدمة",
            ),
            T(
                "Teilnehmende werden nach ihren Fähigkeiten in passende Sprach- oder Bildungsangebote vermittelt.",
                "Participants are referred to suitable language or education offers according to their skills.",
                "يُحال المشاركون بحسب قدراتهم إلى عروض لغوية أو تعليمية مناسبة.",
            ),
            "in_progress",
        ),
        (
            3,
            T(
                "Bildungsangebote systematisch erfassen",
                "Systematic record of educational offers",
                "حصر العروض التعليمية بشكل منهجي",
            ),
            T(
                "Alle bestehenden Bildungsangebote für Zugewanderte werden gesammelt, damit der Zugang leichter wird.",
                "All existing educational offers for immigrants are collected to make access easier.",
                "تُجمع جميع العروض التعليمية القائمة للمهاجرين لتسهيل الوصول إليها.",
            ),
            "implemented",
        ),
        (
            5,
            T(
                "Übersicht für alle Beteiligten",
                "An overview for everyone involved",
                "نظرة شاملة لجميع المعنيين",
            ),
            T(
                "Eine gemeinsame Übersicht hilft Beratungsstellen, Ehrenamtlichen und Kursträgern.",
                "A shared overview helps counselling services, volunteers and course providers.",
                "تساعد نظرة شاملة مشتركة مراكز الاستشارة والمتطوعين ومقدمي الدورات.",
            ),
            "planned",
        ),
        (
            6,
            T(
                "Material für ehrenamtliche Sprachhelfende",
                "Teaching material for volunteer language helpers",
                "مواد تعليمية للمتطوعين في دعم اللغة",
            ),
            T(
                "Gemeinsam mit den Bildungsträgern wird Unterrichtsmaterial entwickelt oder beschafft.",
                "Teaching material is developed or obtained together with the education providers.",
                "تُطوَّر المواد التعليمية أو تُوفَّر بالتعاون مع الجهات التعليمية.",
            ),
            "planned",
        ),
    ],
    2: [
        (
            3,
            T(
                "Berufsorientierung in Gemeinschaftsunterkünften",
                "Career orientation in shared accommodation",
                "التوجيه المهني في أماكن الإقامة المشتركة",
            ),
            T(
                "Mit den Kammern und der Agentur für Arbeit finden Angebote zur Berufsorientierung direkt in den Unterkünften statt.",
                "Together with the chambers and the employment agency, career orientation takes place directly in the accommodation.",
                "بالتعاون مع الغرف المهنية ووكالة العمل تُقدَّم عروض التوجيه المهني مباشرة في أماكن الإقامة.",
            ),
            "planned",
        ),
        (
            5,
            T(
                "Standardprozess bis zur Arbeitsmarktintegration",
                "A standard process up to labour market integration",
                "إجراء موحّد حتى الاندماج في سوق العمل",
            ),
            T(
                "Ein verlässlicher Ablauf von der Kompetenzanalyse bis zur gelungenen Arbeitsaufnahme.",
                "A reliable process from the skills assessment to taking up work successfully.",
                "مسار موثوق من تحليل الكفاءات حتى بدء العمل بنجاح.",
            ),
            "in_progress",
        ),
        (
            6,
            T(
                "Berufsfeldspezifische Pilotprojekte",
                "Pilot projects for specific occupations",
                "مشاريع تجريبية لمجالات مهنية محددة",
            ),
            T(
                "Pilotprojekte für einzelne Berufsfelder werden geplant und umgesetzt.",
                "Pilot projects for individual occupational fields are planned and carried out.",
                "تُخطَّط مشاريع تجريبية لمجالات مهنية بعينها وتُنفَّذ.",
            ),
            "proposed",
        ),
    ],
}


def linked_item(g, refs, before, links, joiner):
    """A list item with links to measures, stored with real page links.

    The translation is registered for the whole segment, in the form wagtail-localize
    extracts it (links become <a id="a1">…</a>), so translators' text keeps its links.
    """

    def compose(language, anchor):
        parts = [
            anchor(index, key, text.get(language) or text.de)
            for index, (key, text) in enumerate(links, start=1)
        ]
        return (
            f"{before.get(language) or before.de} "
            + f" {joiner.get(language) or joiner.de} ".join(parts)
        )

    g.texts.append(
        T(*(compose(code, lambda i, k, t: f'<a id="a{i}">{t}</a>') for code in ("de", "en", "ar")))
    )
    return (
        "<li>"
        + compose("de", lambda i, k, t: f'<a linktype="page" id="{refs[k].pk}">{t}</a>')
        + "</li>"
    )


AND = T("und", "and", "و")


def measure_ref(number):
    return (number, T(f"Maßnahme {number}", f"measure {number}", f"الإجراء {number}"))


def rm_coordination_body(g, refs):
    """Body of the coordination office measure, with real links to the measures it serves."""
    intro = T(
        "Die Koordinierungsstelle im Amt für Schulen, Bildung und Kultur bündelt die Bildungsangebote für Neuzugewanderte. Ihre Aufgaben:",
        "The coordination office at the schools, education and culture department brings together the educational offers for newcomers. Its tasks:",
        "يجمع مكتب التنسيق في إدارة المدارس والتعليم والثقافة العروض التعليمية للقادمين الجدد. ومهامه:",
    )
    items = [
        linked_item(
            g,
            refs,
            T(
                "Bildungsangebote erfassen, vgl.",
                "Record educational offers, see",
                "حصر العروض التعليمية، انظر",
            ),
            [measure_ref("1.3"), measure_ref("1.5")],
            AND,
        ),
        linked_item(
            g,
            refs,
            T(
                "Bildungsstand erfassen und in passende Sprachkurs- oder Bildungsangebote vermitteln, vgl.",
                "Record educational background and refer to suitable language courses or educational offers, see",
                "تسجيل المستوى التعليمي والإحالة إلى دورات اللغة أو العروض التعليمية المناسبة، انظر",
            ),
            [measure_ref("1.1"), measure_ref("1.2")],
            AND,
        ),
        linked_item(
            g,
            refs,
            T(
                "Material für Sprachhelfende, vgl.",
                "Material for language helpers, see",
                "مواد لمساعدي اللغة، انظر",
            ),
            [measure_ref("1.6")],
            AND,
        ),
    ]
    return [
        {"type": "paragraph", "id": _id(), "value": rich(g, intro)},
        {"type": "paragraph", "id": _id(), "value": "<ul>" + "".join(items) + "</ul>"},
    ]


def rm_working_group_body(g, refs):
    intro = T(
        "Eine Arbeitsgruppe aus Menschen mit Fluchterfahrung und Fachleuten aus Verwaltung und Arbeitsmarkt soll:",
        "A working group of people with refugee experience and experts from the administration and the labour market is to:",
        "من المقرر أن تقوم مجموعة عمل تضم أشخاصًا لديهم تجربة لجوء وخبراء من الإدارة وسوق العمل بما يلي:",
    )
    items = [
        linked_item(
            g,
            refs,
            T(
                "einen Standardprozess festlegen, vgl.",
                "define a standard process, see",
                "وضع إجراء موحّد، انظر",
            ),
            [measure_ref("2.5")],
            AND,
        ),
        linked_item(
            g,
            refs,
            T(
                "Pilotprojekte planen und umsetzen, vgl.",
                "plan and carry out pilot projects, see",
                "تخطيط مشاريع تجريبية وتنفيذها، انظر",
            ),
            [measure_ref("2.6")],
            AND,
        ),
        linked_item(
            g,
            refs,
            T(
                "Berufsorientierung in Unterkünften organisieren, vgl.",
                "organise career orientation in accommodation, see",
                "تنظيم التوجيه المهني في أماكن الإقامة، انظر",
            ),
            [measure_ref("2.3")],
            AND,
        ),
    ]
    return [
        {"type": "paragraph", "id": _id(), "value": rich(g, intro)},
        {"type": "paragraph", "id": _id(), "value": "<ul>" + "".join(items) + "</ul>"},
    ]


def build_rems_murr(builder, site, home):
    council_admin = snippet(
        builder,
        DecidingBody,
        T(
            "Verwaltungs-, Schul- und Kulturausschuss",
            "Administration, Schools and Culture Committee",
            "لجنة الإدارة والمدارس والثقافة",
            tr="İdari İşler, Okullar ve Kültür Komisyonu",
        ),
    )
    council_social = snippet(
        builder,
        DecidingBody,
        T(
            "Sozialausschuss",
            "Social Affairs Committee",
            "لجنة الشؤون الاجتماعية",
            tr="Sosyal İşler Komisyonu",
        ),
    )
    refugees = snippet(builder, TargetGroup, T("Geflüchtete", "Refugees", "اللاجئون"))
    learners = snippet(
        builder,
        TargetGroup,
        T(
            "Teilnehmende an Deutschkursen",
            "German course participants",
            "المشاركون في دورات اللغة الألمانية",
        ),
    )
    volunteers = snippet(builder, TargetGroup, T("Ehrenamtliche", "Volunteers", "المتطوعون"))
    needs = [
        snippet(builder, CrossCuttingNeed, text)
        for text in (
            T(
                "Information und Kommunikation",
                "Information and communication",
                "المعلومات والتواصل",
                tr="Bilgilendirme ve iletişim",
            ),
            T("Prozesse", "Processes", "الإجراءات", tr="Süreçler"),
            T("Ehrenamt", "Volunteering", "العمل التطوعي", tr="Gönüllülük"),
            T("Beteiligung", "Participation", "المشاركة", tr="Katılım"),
            T("Eigeninitiative", "Self-initiative", "المبادرة الذاتية", tr="Kişisel inisiyatif"),
        )
    ]

    def make_concept(g):
        from concept.models.pages import ConceptCrossCuttingNeed

        page = ConceptPage(
            title=g.add(
                T(
                    "Integrationsplan für den Rems-Murr-Kreis",
                    "Integration plan for the Rems-Murr district",
                    "خطة الاندماج لدائرة رمس-مور",
                    tr="Rems-Murr İlçesi Uyum Planı",
                    uk="План інтеграції для району Ремс-Мурр",
                )
            ),
            short_title=g.add(
                T(
                    "Integrationsplan 2017",
                    "Integration plan 2017",
                    "خطة الاندماج 2017",
                    tr="Uyum Planı 2017",
                    uk="План інтеграції 2017",
                )
            ),
            period="2017",
            edition_status="adopted",
            intro=g.add(
                T(
                    "Über 60 Empfehlungen für den Landkreis, die Städte und Gemeinden und ihre Partner in vier Themenfeldern.",
                    "More than 60 recommendations for the district, its towns and municipalities and their partners in four fields of action.",
                    "أكثر من 60 توصية للدائرة ومدنها وبلدياتها وشركائها في أربعة مجالات عمل.",
                    tr="İlçe, şehirler, belediyeler ve ortakları için dört eylem alanında 60'tan fazla öneri.",
                    uk="Понад 60 рекомендацій для району, міст і громад та їхніх партнерів у чотирьох напрямах діяльності.",
                )
            ),
            key_figures=figures(
                g,
                ("156", T("Seiten", "pages", "صفحة", tr="sayfa")),
                ("60+", T("Handlungsempfehlungen", "recommendations", "توصية", tr="öneri")),
                ("4", T("Themenfelder", "fields of action", "مجالات عمل", tr="eylem alanı")),
            ),
            participation_period=g.add(
                T(
                    "Oktober 2016 bis März 2017",
                    "October 2016 to March 2017",
                    "من أكتوبر 2016 إلى مارس 2017",
                    tr="Ekim 2016 – Mart 2017",
                )
            ),
            participation_text=rich(
                g,
                T(
                    "Das Landratsamt erarbeitete den Plan mit Geflüchteten und mit Fachleuten aus Kammern, Verbänden, Bildungseinrichtungen, Unternehmen, Institutionen und Initiativen.",
                    "The district administration worked out the plan with refugees and with experts from chambers, associations, educational institutions, companies, institutions and initiatives.",
                    "أعدّت إدارة الدائرة الخطة بالتعاون مع لاجئين وخبراء من الغرف المهنية والجمعيات والمؤسسات التعليمية والشركات والمؤسسات والمبادرات.",
                    tr="İlçe idaresi planı mültecilerle ve meslek odaları, dernekler, eğitim kurumları, şirketler, kurumlar ve girişimlerden uzmanlarla birlikte hazırladı.",
                ),
            ),
            decisions=[
                decision(
                    [council_admin, council_social],
                    datetime.date(2017, 5, 8),
                    g.add(
                        T(
                            "Integrationsplan für den Rems-Murr-Kreis (gemeinsame Sitzung)",
                            "Integration plan for the Rems-Murr district (joint session)",
                            "خطة الاندماج لدائرة رمس-مور (جلسة مشتركة)",
                            tr="Rems-Murr İlçesi Uyum Planı (ortak oturum)",
                        )
                    ),
                )
            ],
        )
        page.cross_cutting_links = [ConceptCrossCuttingNeed(need=need) for need in needs]
        return page

    concept = builder.ensure_page(home, "integrationsplan-2017", make_concept)
    refs = {}
    for number, slug, title, intro in RM_CHAPTERS:

        def make_chapter(g, number=number, title=title, intro=intro):
            chapter = ChapterPage(
                title=g.add(title),
                number=number,
                intro=g.add(intro),
                topic=topic(RM_TOPICS[number]),
                goals=goals(
                    g,
                    T(
                        "Angebote sind bekannt und gut erreichbar.",
                        "Offers are known and easy to reach.",
                        "العروض معروفة وسهلة الوصول.",
                    ),
                )
                if number in (1, 2)
                else [],
            )
            chapter.page_contacts = contacts_named(site, *RM_CONTACTS.get(number, ()))
            return chapter

        chapter = builder.ensure_page(concept, slug, make_chapter)
        for m_number, m_title, m_intro, status in RM_MEASURES.get(number, []):

            def make_measure(
                g,
                m_number=m_number,
                m_title=m_title,
                m_intro=m_intro,
                status=status,
                chapter_number=number,
            ):
                measure = MeasurePage(
                    title=g.add(m_title),
                    number=m_number,
                    intro=g.add(m_intro),
                    status=status,
                    timeframe="short" if status != "proposed" else "medium",
                    kind="recommendation" if m_number in (5, 6) else "district",
                    lead_organisation=organisation(site, "Schulen, Bildung", "Amt für Schulen")
                    if chapter_number == 1
                    else organisation(site, "Wirtschaftsförderung"),
                    progress=[
                        {
                            "type": "update",
                            "id": _id(),
                            "value": {
                                "year": 2018,
                                "status": status,
                                "text": g.add(
                                    T(
                                        "Die Arbeit an der Maßnahme hat begonnen.",
                                        "Work on the measure has begun.",
                                        "بدأ العمل على هذا الإجراء.",
                                    )
                                )
                                if status != "proposed"
                                else g.add(
                                    T("Noch nicht begonnen.", "Not started yet.", "لم يبدأ بعد.")
                                ),
                                "indicator": "",
                            },
                        }
                    ],
                )
                measure.target_group_links = [
                    MeasureTargetGroup(
                        target_group=(
                            volunteers
                            if (chapter_number, m_number) == (1, 6)
                            else learners
                            if chapter_number == 1
                            else refugees
                        )
                    )
                ]
                partner = organisation(site, "Agentur für Arbeit")
                if chapter_number == 2 and partner:
                    measure.partner_links = [MeasurePartner(organisation=partner)]
                return measure

            refs[f"{number}.{m_number}"] = builder.ensure_page(
                chapter, f"massnahme-{number}-{m_number}", make_measure
            )
        if number == 1:

            def make_office(g):
                office = MeasurePage(
                    title=g.add(
                        T(
                            "Koordinierungsstelle für die Bildungsangebote Neuzugewanderter",
                            "Coordination office for educational offers for newcomers",
                            "مكتب تنسيق العروض التعليمية للقادمين الجدد",
                        )
                    ),
                    number=7,
                    intro=g.add(
                        T(
                            "Zwei Vollzeitstellen im Amt für Schulen, Bildung und Kultur koordinieren die Bildungsangebote.",
                            "Two full-time positions at the schools, education and culture department coordinate the educational offers.",
                            "تنسّق وظيفتان بدوام كامل في إدارة المدارس والتعليم والثقافة العروض التعليمية.",
                        )
                    ),
                    body=rm_coordination_body(g, refs),
                    status="in_progress",
                    timeframe="short",
                    kind="district",
                    quick_win=False,
                    lead_organisation=organisation(site, "Schulen, Bildung", "Amt für Schulen"),
                    funding_source=g.add(
                        T(
                            "Bundesministerium für Bildung und Forschung",
                            "Federal Ministry of Education and Research",
                            "الوزارة الاتحادية للتعليم والبحث",
                        )
                    ),
                    funding_state="granted",
                    resources=g.add(
                        T("2 Vollzeitstellen", "2 full-time positions", "وظيفتان بدوام كامل")
                    ),
                    progress=[
                        {
                            "type": "update",
                            "id": _id(),
                            "value": {
                                "year": 2018,
                                "status": "in_progress",
                                "text": g.add(
                                    T(
                                        "Die Stellen sind ausgeschrieben und werden besetzt.",
                                        "The positions have been advertised and are being filled.",
                                        "أُعلن عن الوظيفتين ويجري شغلهما.",
                                    )
                                ),
                                "indicator": g.add(T("2 Stellen", "2 positions", "وظيفتان")),
                            },
                        }
                    ],
                )
                office.page_contacts = contacts_named(site, *RM_CONTACTS[1])
                return office

            builder.ensure_page(chapter, "koordinierungsstelle-bildung", make_office)
        if number == 2:

            def make_group(g):
                group = MeasurePage(
                    title=g.add(
                        T(
                            "Arbeitsgruppe zur Arbeitsmarktintegration",
                            "Working group on labour market integration",
                            "مجموعة عمل للاندماج في سوق العمل",
                        )
                    ),
                    number=7,
                    intro=g.add(
                        T(
                            "Unter Federführung der Stabsstelle Wirtschaftsförderung.",
                            "Led by the economic development unit.",
                            "بقيادة وحدة التنمية الاقتصادية.",
                        )
                    ),
                    body=rm_working_group_body(g, refs),
                    status="planned",
                    timeframe="short",
                    kind="district",
                    lead_organisation=organisation(site, "Wirtschaftsförderung"),
                    milestones=[
                        {
                            "type": "milestone",
                            "id": _id(),
                            "value": {
                                "date": "2017-06-30",
                                "text": g.add(
                                    T(
                                        "Erste Sitzung der Arbeitsgruppe (geplant für Ende Juni)",
                                        "First meeting of the working group (planned for the end of June)",
                                        "الاجتماع الأول لمجموعة العمل (مخطط له في نهاية يونيو)",
                                    )
                                ),
                            },
                        }
                    ],
                )
                group.page_contacts = contacts_named(site, *RM_CONTACTS[2])
                return group

            builder.ensure_page(chapter, "arbeitsgruppe-arbeitsmarkt", make_group)

    builder.ensure_page(
        concept,
        "massnahmenkatalog",
        lambda g: MeasureCatalogPage(
            title=g.add(T("Maßnahmenkatalog", "Catalogue of measures", "فهرس الإجراءات")),
            intro=g.add(
                T(
                    "Alle Empfehlungen und Maßnahmen des Integrationsplans in einer Tabelle.",
                    "All recommendations and measures of the integration plan in one table.",
                    "جميع توصيات خطة الاندماج وإجراءاتها في جدول واحد.",
                )
            ),
        ),
    )
    builder.ensure_page(
        concept,
        "jahresbericht-2018",
        lambda g: ProgressReportPage(
            title=g.add(T("Jahresbericht 2018", "Annual report 2018", "التقرير السنوي 2018")),
            year=2018,
            intro=g.add(
                T(
                    "Wie weit die Maßnahmen im Jahr 2018 gekommen sind.",
                    "How far the measures got in 2018.",
                    "إلى أي مدى تقدّمت الإجراءات في عام 2018.",
                )
            ),
        ),
    )
    builder.translate_subtree(concept)


# --- Landkreis Rastatt: Integrationskonzept 2017 and its update -----------------------

RASTATT_FIELDS = [
    (
        1,
        "bildung-sprache",
        T(
            "Bildung & Sprache",
            "Education & language",
            "التعليم واللغة",
            tr="Eğitim & Dil",
            uk="Освіта і мова",
        ),
    ),
    (
        2,
        "ausbildung-arbeit",
        T(
            "Ausbildung & Arbeit",
            "Training & work",
            "التدريب المهني والعمل",
            tr="Meslek Eğitimi & İş",
            uk="Професійне навчання і робота",
        ),
    ),
    (3, "wohnen", T("Wohnen", "Housing", "السكن", tr="Konut", uk="Житло")),
    (4, "gesundheit", T("Gesundheit", "Health", "الصحة", tr="Sağlık", uk="Здоров’я")),
    (
        5,
        "teilhabe",
        T(
            "Gesellschaftliche Teilhabe / Zusammenleben / Antidiskriminierung",
            "Social participation / living together / anti-discrimination",
            "المشاركة المجتمعية / العيش المشترك / مكافحة التمييز",
            tr="Toplumsal katılım / Birlikte yaşam / Ayrımcılıkla mücadele",
            uk="Участь у суспільному житті / Співжиття / Протидія дискримінації",
        ),
    ),
]

SUMMER_2023 = T("Sommer 2023", "Summer 2023", "صيف 2023", tr="2023 yazı", uk="Літо 2023")


@dataclass(frozen=True)
class MeasureSpec:
    """A measure of the Rastatt update, invented from the five fields of its workshops."""

    chapter: str  # slug of the chapter (RASTATT_FIELDS)
    number: int
    slug: str
    title: T
    intro: T
    lead: str  # part of the organisation's name
    partners: tuple
    timeframe: str
    progress: tuple  # (year, status, T)


# 2.1 is the change waiting for the officer's approval in the demo (home/demo/approval.py),
# 3.1 is the measure the browser test edits (tests/browser/test_approval_journey.py).
RASTATT_MEASURES = [
    MeasureSpec(
        "bildung-sprache",
        1,
        "sprachkurse-auf-einen-blick",
        T(
            "Sprachkurse im Landkreis auf einen Blick",
            "Language courses in the district at a glance",
            "دورات اللغة في الدائرة بنظرة واحدة",
        ),
        T(
            "Eine laufend gepflegte Übersicht zeigt, wo welche Deutschkurse beginnen – auch mit "
            "Kinderbetreuung oder am Abend.",
            "A list kept up to date shows where which German courses start – also with "
            "childcare or in the evening.",
            "قائمة محدّثة باستمرار تبيّن أين تبدأ دورات اللغة الألمانية، ومنها دورات مع رعاية "
            "للأطفال أو في المساء.",
        ),
        "Sachgebiet Integration",
        ("Sprachkursträger",),
        "short",
        (
            (
                2024,
                "in_progress",
                T(
                    "Die Sprachkursträger melden ihre neuen Kurse seit Herbst 2024 an das "
                    "Sachgebiet Integration.",
                    "Since autumn 2024 the language schools report their new courses to the "
                    "integration office.",
                    "منذ خريف 2024 تُبلغ مؤسسات تعليم اللغة قسمَ الاندماج بدوراتها الجديدة.",
                ),
            ),
        ),
    ),
    MeasureSpec(
        "bildung-sprache",
        2,
        "sprachcafes",
        T(
            "Sprachcafés mit Ehrenamtlichen",
            "Language cafés with volunteers",
            "مقاهي اللغة مع المتطوعين",
        ),
        T(
            "In Rastatt, Bühl und Gaggenau üben Neuzugewanderte mit Ehrenamtlichen Deutsch im "
            "Alltag.",
            "In Rastatt, Bühl and Gaggenau newcomers practise everyday German with volunteers.",
            "في راشتات وبول وغاغناو يتدرّب القادمون الجدد مع متطوعين على الألمانية اليومية.",
        ),
        "Sachgebiet Integration",
        (),
        "medium",
        (
            (
                2024,
                "planned",
                T(
                    "Mit den Städten Bühl und Gaggenau wird über Räume gesprochen.",
                    "Talks about rooms are under way with the towns of Bühl and Gaggenau.",
                    "تجري محادثات مع مدينتي بول وغاغناو حول توفير القاعات.",
                ),
            ),
        ),
    ),
    MeasureSpec(
        "ausbildung-arbeit",
        1,
        "anerkennungsberatung",
        T(
            "Gemeinsame Beratung zur Anerkennung von Berufsabschlüssen",
            "Joint advice on the recognition of professional qualifications",
            "استشارة مشتركة حول الاعتراف بالمؤهلات المهنية",
        ),
        T(
            "Jobcenter, Agentur für Arbeit und Welcome Center beraten gemeinsam, wie ein "
            "ausländischer Abschluss anerkannt wird.",
            "The job centre, the employment agency and the Welcome Center advise together on "
            "how a foreign qualification is recognised.",
            "يقدّم مركز التوظيف ووكالة العمل ومركز الترحيب استشارة مشتركة حول كيفية الاعتراف "
            "بالشهادة الأجنبية.",
        ),
        "Jobcenter",
        ("Agentur für Arbeit", "Welcome Center"),
        "short",
        (
            (
                2024,
                "planned",
                T(
                    "Die Partner haben sich auf gemeinsame Sprechzeiten geeinigt.",
                    "The partners have agreed on joint consultation hours.",
                    "اتفق الشركاء على مواعيد استشارة مشتركة.",
                ),
            ),
        ),
    ),
    MeasureSpec(
        "wohnen",
        1,
        "merkblatt-wohnungssuche",
        T(
            "Mehrsprachiges Merkblatt zur Wohnungssuche",
            "Multilingual leaflet on finding a flat",
            "نشرة متعددة اللغات حول البحث عن سكن",
        ),
        T(
            "Ein Merkblatt erklärt in einfachen Worten, wie Mietvertrag, Kaution und "
            "Wohnberechtigungsschein funktionieren.",
            "A leaflet explains in simple words how tenancy agreements, deposits and housing "
            "entitlement certificates work.",
            "نشرة تشرح بكلمات بسيطة كيف تعمل عقود الإيجار والتأمين وشهادة استحقاق السكن.",
        ),
        "Migrationsberatung",
        (),
        "short",
        (
            (
                2024,
                "in_progress",
                T(
                    "Die deutsche Fassung ist fertig, die Übersetzungen sind in Arbeit.",
                    "The German version is finished; the translations are in progress.",
                    "النسخة الألمانية جاهزة، والترجمات قيد الإعداد.",
                ),
            ),
        ),
    ),
]


def build_rastatt_measure(builder, site, chapter, spec):
    """One measure of the Rastatt update with its lead, partners and yearly state."""

    def make(g):
        measure = MeasurePage(
            title=g.add(spec.title),
            number=spec.number,
            intro=g.add(spec.intro),
            status=spec.progress[-1][1],
            timeframe=spec.timeframe,
            lead_organisation=organisation(site, spec.lead),
            progress=[
                {
                    "type": "update",
                    "id": _id(),
                    "value": {
                        "year": year,
                        "status": status,
                        "text": g.add(text),
                        "indicator": "",
                    },
                }
                for year, status, text in spec.progress
            ],
        )
        partners = [organisation(site, name) for name in spec.partners]
        measure.partner_links = [MeasurePartner(organisation=p) for p in partners if p]
        return measure

    return builder.ensure_page(chapter, spec.slug, make)


def build_rastatt(builder, site, home):
    council = snippet(builder, DecidingBody, T("Kreistag", "District council", "مجلس الدائرة"))
    social = snippet(
        builder,
        DecidingBody,
        T(
            "Ausschuss für soziale Angelegenheiten",
            "Social Affairs Committee",
            "لجنة الشؤون الاجتماعية",
            tr="Sosyal İşler Komisyonu",
            uk="Комітет із соціальних питань",
        ),
    )

    first = builder.ensure_page(
        home,
        "integrationskonzept-2017",
        lambda g: ConceptPage(
            title=g.add(
                T("Integrationskonzept 2017", "Integration concept 2017", "مفهوم الاندماج 2017")
            ),
            short_title=g.add(T("Konzept 2017", "Concept 2017", "مفهوم 2017")),
            period="2017",
            edition_status="superseded",
            intro=g.add(
                T(
                    "Das erste Integrationskonzept des Landkreises, gemeinsam mit den Kooperationspartnern verfasst.",
                    "The district's first integration concept, written together with its partners.",
                    "أول مفهوم للاندماج في الدائرة، كُتب بالتعاون مع الشركاء.",
                )
            ),
            decisions=[
                decision(
                    [council],
                    datetime.date(2017, 12, 1),
                    g.add(
                        T(
                            "Integrationskonzept des Landkreises",
                            "The district's integration concept",
                            "مفهوم الاندماج للدائرة",
                        )
                    ),
                    date_text=g.add(T("Dezember 2017", "December 2017", "ديسمبر 2017")),
                )
            ],
        ),
    )

    def make_update(g):
        return ConceptPage(
            title=g.add(
                T(
                    "Integrationskonzept – Fortschreibung 2024",
                    "Integration concept – 2024 update",
                    "مفهوم الاندماج – تحديث 2024",
                    tr="Uyum konsepti – 2024 güncellemesi",
                    uk="Концепція інтеграції – оновлення 2024 року",
                )
            ),
            short_title=g.add(
                T(
                    "Fortschreibung 2024",
                    "2024 update",
                    "تحديث 2024",
                    tr="2024 güncellemesi",
                    uk="Оновлення 2024",
                )
            ),
            period="2024",
            edition_status="adopted",
            predecessor=first,
            intro=g.add(
                T(
                    "Nach fünf Jahren überarbeitet: mit konkreten Zielen und Maßnahmen in fünf Themenfeldern.",
                    "Revised after five years: with concrete goals and measures in five fields of action.",
                    "رُوجع بعد خمس سنوات: بأهداف وإجراءات ملموسة في خمسة مجالات عمل.",
                    tr="Beş yıl sonra gözden geçirildi: beş eylem alanında somut hedefler ve önlemlerle.",
                    uk="Переглянута через п’ять років: з конкретними цілями та заходами в п’яти напрямах діяльності.",
                )
            ),
            key_figures=figures(
                g,
                ("3", T("Workshops", "workshops", "ورش عمل", tr="atölye", uk="семінари")),
                (
                    "130",
                    T(
                        "Teilnehmende (rund)",
                        "participants (about)",
                        "مشاركًا (تقريبًا)",
                        tr="katılımcı (yaklaşık)",
                        uk="учасників (приблизно)",
                    ),
                ),
                (
                    "5",
                    T(
                        "Themenfelder",
                        "fields of action",
                        "مجالات عمل",
                        tr="eylem alanı",
                        uk="напрямів діяльності",
                    ),
                ),
            ),
            participation_period=g.add(SUMMER_2023),
            participation_text=rich(
                g,
                T(
                    "In den Workshops konnten alle mitdiskutieren. Bei der Anmeldung wählten die Teilnehmenden zwei von fünf Themen.",
                    "Everyone could join the discussion at the workshops. When registering, participants chose two of five topics.",
                    "كان بإمكان الجميع المشاركة في النقاش في ورش العمل. واختار المشاركون عند التسجيل موضوعين من خمسة.",
                    tr="Atölyelerde herkes tartışmaya katılabildi. Katılımcılar kayıt olurken beş konudan ikisini seçti.",
                    uk="На семінарах кожен міг долучитися до обговорення. Під час реєстрації учасники обирали дві з п’яти тем.",
                ),
            ),
            workshops=[
                {
                    "type": "workshop",
                    "id": _id(),
                    "value": {
                        "place": g.add(place),
                        "date": None,
                        "period": g.add(SUMMER_2023),
                        "topics": [
                            {"type": "topic", "id": _id(), "value": g.add(title)}
                            for _n, _s, title in RASTATT_FIELDS
                        ],
                        "participants": None,
                    },
                }
                for place in (
                    T("Rastatt", "Rastatt", "راشتات", tr="Rastatt", uk="Раштатт"),
                    T("Bühl", "Bühl", "بول", tr="Bühl", uk="Бюль"),
                    T("Gaggenau", "Gaggenau", "غاغناو", tr="Gaggenau", uk="Гаггенау"),
                )
            ],
            participants_total=130,
            online_suggestions=g.add(
                T(
                    "Zusätzlich konnten Einwohnerinnen und Einwohner Vorschläge und Bedarfe online an das Sachgebiet Integration melden.",
                    "In addition, residents could send suggestions and needs to the integration office online.",
                    "إضافة إلى ذلك، كان بإمكان السكان إرسال اقتراحاتهم واحتياجاتهم إلى قسم الاندماج عبر الإنترنت.",
                    tr="Ayrıca ilçe sakinleri önerilerini ve ihtiyaçlarını çevrimiçi olarak Uyum Birimi'ne iletebildi.",
                    uk="Крім того, мешканці могли надсилати свої пропозиції та потреби відділу інтеграції онлайн.",
                )
            ),
            decisions=[
                decision(
                    [social],
                    datetime.date(2024, 6, 18),
                    g.add(
                        T(
                            "Fortschreibung des Integrationskonzepts",
                            "Update of the integration concept",
                            "تحديث مفهوم الاندماج",
                            tr="Uyum konseptinin güncellenmesi",
                            uk="Оновлення концепції інтеграції",
                        )
                    ),
                )
            ],
        )

    update = builder.ensure_page(home, "integrationskonzept-2024", make_update)
    for number, slug, title in RASTATT_FIELDS:
        chapter = builder.ensure_page(
            update,
            slug,
            lambda g, number=number, slug=slug, title=title: ChapterPage(
                title=g.add(title),
                number=number,
                topic=topic(slug),
                intro=g.add(
                    T(
                        "Ziele und Maßnahmen zu diesem Themenfeld, erarbeitet in den Workshops 2023.",
                        "Goals and measures for this field of action, worked out in the 2023 workshops.",
                        "أهداف وإجراءات هذا المجال، أُعدّت في ورش عمل 2023.",
                    )
                ),
            ),
        )
        for spec in RASTATT_MEASURES:
            if spec.chapter == slug:
                build_rastatt_measure(builder, site, chapter, spec)
    builder.ensure_page(
        update,
        "massnahmenkatalog",
        lambda g: MeasureCatalogPage(
            title=g.add(T("Maßnahmenkatalog", "Catalogue of measures", "فهرس الإجراءات")),
        ),
    )
    builder.translate_subtree(first)
    builder.translate_subtree(update)


@demo_step(order=40)
def build_concepts(builder, district, site, home):
    if district.key == "rems-murr":
        build_rems_murr(builder, site, home)
    elif district.key == "rastatt":
        build_rastatt(builder, site, home)
