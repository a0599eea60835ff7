"""Demo news of both districts, from the facts in shared/seeds/, in our own words."""

import datetime
import io
import uuid

from django.core.files.images import ImageFile

from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from home.demo import demo_step
from home.demo.build import keep_in_district
from home.demo.text import StreamBuilder, T
from news.models import NewsIndexPage, NewsPage, NewsRelatedPage, NewsTopic


def _id():
    return str(uuid.uuid4())


def german_child(parent, slug):
    page = Page.objects.child_of(parent).filter(slug=slug).first() if parent else None
    return page.specific if page else None


def topic_links(*slugs):
    from home.models import Topic

    topics = Topic.objects.filter(slug__in=slugs, locale=Locale.get_default())
    return [NewsTopic(topic=topic) for topic in topics]


def related_links(*pages):
    return [NewsRelatedPage(target=page) for page in pages if page is not None]


def gallery(glossary, heading, photos):
    """Raw data of a gallery block; `photos` are (image, alt text, caption)."""
    return {
        "type": "gallery",
        "id": _id(),
        "value": {
            "heading": glossary.add(heading),
            "images": [
                {
                    "type": "image",
                    "id": _id(),
                    "value": {
                        "image": image.pk,
                        "alt_text": glossary.add(alt),
                        "caption": glossary.add(caption),
                        "credit": glossary.add(T.same("Landratsamt Rastatt")),
                    },
                }
                for image, alt, caption in photos
            ],
        },
    }


def press(glossary, heading, mentions):
    """Raw data of a press block; `mentions` are (outlet, date, title, url)."""
    return {
        "type": "press",
        "id": _id(),
        "value": {
            "heading": glossary.add(heading),
            "mentions": [
                {
                    "type": "mention",
                    "id": _id(),
                    "value": {
                        "outlet": glossary.add(T.same(outlet)),
                        "date": date.isoformat() if date else None,
                        "title": glossary.add(title),
                        "url": url,
                    },
                }
                for outlet, date, title, url in mentions
            ],
        },
    }


# Generated placeholder pictures: what they show is exactly what the alt text says.
WORKSHOP_PICTURES = [
    (
        "workshop-flipchart",
        "#1d6fa4",
        "Bildung & Sprache",
        T(
            "Zeichnung: ein Flipchart mit der Überschrift „Bildung & Sprache“ vor blauem "
            "Hintergrund",
            "Drawing: a flip chart headed “Bildung & Sprache” on a blue background",
            "رسم: لوح ورقي بعنوان «التعليم واللغة» على خلفية زرقاء",
        ),
        T(
            "Themeninsel Bildung und Sprache",
            "Topic table: education and language",
            "طاولة موضوع التعليم واللغة",
        ),
    ),
    (
        "workshop-runde",
        "#2e7d32",
        "Wohnen",
        T(
            "Zeichnung: sechs Kreise um einen Tisch, darüber das Wort „Wohnen“, auf grünem "
            "Hintergrund",
            "Drawing: six circles around a table below the word “Wohnen” on a green background",
            "رسم: ستة دوائر حول طاولة تحت كلمة «السكن» على خلفية خضراء",
        ),
        T("Gesprächsrunde zum Thema Wohnen", "Discussion round on housing", "حلقة نقاش حول السكن"),
    ),
    (
        "workshop-plenum",
        "#8e3b46",
        "Plenum",
        T(
            "Zeichnung: Stuhlreihen vor einer Leinwand mit dem Wort „Plenum“, auf rotem "
            "Hintergrund",
            "Drawing: rows of chairs facing a screen with the word “Plenum”, on a red background",
            "رسم: صفوف من الكراسي أمام شاشة عليها كلمة «الجلسة العامة» على خلفية حمراء",
        ),
        T("Ergebnisse im Plenum", "Results in the plenary", "النتائج في الجلسة العامة"),
    ),
]


def workshop_picture(builder, site, key, colour, label, kind):
    """A generated placeholder picture (Pillow, no downloaded photo), created once, in the
    district's collection."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    Image = get_image_model()
    title = f"Impressionen Workshop: {label}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return keep_in_district(existing, site)
    canvas = PILImage.new("RGB", (1200, 800), colour)
    draw = ImageDraw.Draw(canvas)
    if kind == "workshop-flipchart":
        draw.rectangle((420, 140, 780, 620), fill="white")
        draw.line((600, 620, 520, 760), fill="white", width=12)
        draw.line((600, 620, 680, 760), fill="white", width=12)
        draw.text((600, 220), label, fill=colour, anchor="mm", font_size=40)
    elif kind == "workshop-runde":
        draw.ellipse((450, 350, 750, 550), fill="#f5f0e6")
        for x, y in ((400, 330), (600, 260), (800, 330), (400, 570), (600, 640), (800, 570)):
            draw.ellipse((x - 45, y - 45, x + 45, y + 45), fill="white")
        draw.text((600, 120), label, fill="white", anchor="mm", font_size=64)
    else:
        draw.rectangle((300, 100, 900, 380), fill="white")
        draw.text((600, 240), label, fill=colour, anchor="mm", font_size=64)
        for row in range(3):
            for col in range(6):
                x, y = 300 + col * 120, 480 + row * 100
                draw.rectangle((x, y, x + 70, y + 60), fill="#f5f0e6")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG")
    image = keep_in_district(Image(title=title), site)
    image.file = ImageFile(buffer, name=f"{key}.png")
    image.save()
    builder.created += 1
    return image


def ensure_news_index(builder, home, intro):
    def make(glossary):
        return NewsIndexPage(
            title=glossary.add(T("Aktuelles", "News", "الأخبار")),
            intro=glossary.add(intro),
            show_in_menus=True,
        )

    return builder.ensure_page(home, "aktuelles", make)


def ensure_news(builder, index, slug, fields, body, tags, relations, topics):
    """A news item; `body(glossary)` returns its raw body blocks."""

    def make(glossary):
        page = NewsPage(
            title=glossary.add(fields["title"]),
            teaser=glossary.add(fields["teaser"]),
            date=fields["date"],
            concept=fields.get("concept"),
            body=body(glossary),
            related_page_links=related_links(*relations),
            topic_links=topic_links(*topics),
        )
        page.tags.add(*tags)
        return page

    return builder.ensure_page(index, slug, make)


def build_rastatt(builder, site, home):
    index = ensure_news_index(
        builder,
        home,
        T(
            "Neuigkeiten aus dem Sachgebiet Integration des Landkreises Rastatt.",
            "News from the integration office of the district of Rastatt.",
            "أخبار من قسم الاندماج في دائرة راشتات.",
        ),
    )
    concept = german_child(home, "integrationskonzept-2024")
    pictures = [
        (workshop_picture(builder, site, key, colour, label, key), alt, caption)
        for key, colour, label, alt, caption in WORKSHOP_PICTURES
    ]

    def body(glossary):
        stream = StreamBuilder(glossary)
        stream.paragraph(
            T(
                "Der Ausschuss für soziale Angelegenheiten hat in seiner Sitzung am 18. Juni "
                "2024 der Fortschreibung des Integrationskonzepts zugestimmt.",
                "In its meeting on 18 June 2024, the social affairs committee approved the "
                "updated integration concept.",
                "وافقت لجنة الشؤون الاجتماعية في جلستها بتاريخ 18 يونيو 2024 على تحديث "
                "مفهوم الاندماج.",
            ),
            T(
                "Ziele und Maßnahmen entstanden im Sommer 2023 in drei Workshops in Rastatt, "
                "Bühl und Gaggenau mit rund 130 Teilnehmenden.",
                "Goals and measures were developed in summer 2023 in three workshops in "
                "Rastatt, Bühl and Gaggenau with around 130 participants.",
                "وُضعت الأهداف والإجراءات في صيف 2023 خلال ثلاث ورش عمل في راشتات وبول "
                "وغاغناو بمشاركة نحو 130 شخصًا.",
            ),
        )
        return stream.blocks + [
            gallery(
                glossary,
                T(
                    "Impressionen aus den Workshops",
                    "Impressions from the workshops",
                    "انطباعات من ورش العمل",
                ),
                pictures,
            )
        ]

    ensure_news(
        builder,
        index,
        "integrationskonzept-beschlossen",
        {
            "title": T(
                "Ausschuss stimmt dem neuen Integrationskonzept zu",
                "Committee approves the new integration concept",
                "اللجنة توافق على مفهوم الاندماج الجديد",
            ),
            "teaser": T(
                "Am 18. Juni 2024 hat der Ausschuss für soziale Angelegenheiten die "
                "Fortschreibung des Integrationskonzepts gebilligt.",
                "On 18 June 2024 the social affairs committee approved the update of the "
                "integration concept.",
                "في 18 يونيو 2024 وافقت لجنة الشؤون الاجتماعية على تحديث مفهوم الاندماج.",
            ),
            "date": datetime.date(2024, 6, 18),
            "concept": concept,
        },
        body,
        tags=["Integrationskonzept", "Beschluss"],
        relations=[],
        topics=[],
    )
    builder.translate_subtree(index)


def build_rems_murr(builder, home):
    index = ensure_news_index(
        builder,
        home,
        T(
            "Neuigkeiten der Stabsstelle Integration des Rems-Murr-Kreises.",
            "News from the integration unit of the Rems-Murr district.",
            "أخبار من وحدة الاندماج في دائرة رمس-مور.",
        ),
    )
    concept = german_child(home, "integrationsplan-2017")
    group = None
    if concept is not None:
        from concept.models import MeasurePage

        group = (
            MeasurePage.objects.descendant_of(concept)
            .filter(slug="arbeitsgruppe-arbeitsmarkt", locale=Locale.get_default())
            .first()
        )

    def adoption_body(glossary):
        stream = StreamBuilder(glossary)
        stream.paragraph(
            T(
                "Der Verwaltungs-, Schul- und Kulturausschuss und der Sozialausschuss des "
                "Kreistags haben am 8. Mai 2017 in gemeinsamer Sitzung den Integrationsplan "
                "verabschiedet.",
                "On 8 May 2017, the administration, schools and culture committee and the "
                "social affairs committee of the district council adopted the integration "
                "plan in a joint session.",
                "في 8 مايو 2017 أقرت لجنة الإدارة والمدارس والثقافة ولجنة الشؤون الاجتماعية "
                "في مجلس الدائرة خطة الاندماج في جلسة مشتركة.",
            ),
            T(
                "Damit können Landkreis, Städte und Gemeinden, Vereine, Bildungsträger und "
                "Wirtschaftsverbände mit konkreten Maßnahmen beginnen.",
                "The district, towns and municipalities, associations, education providers "
                "and business associations can now start on concrete measures.",
                "وبذلك يمكن للدائرة والمدن والبلديات والجمعيات ومقدمي التعليم واتحادات "
                "الأعمال البدء في إجراءات ملموسة.",
            ),
            T(
                "Als Erstes richtet das Amt für Schulen, Bildung und Kultur eine "
                "Koordinierungsstelle ein, die Neuzugewanderten mit Sprachkursen und weiteren "
                "Bildungsangeboten weiterhilft.",
                "First, the schools, education and culture department sets up a coordination "
                "office that helps newcomers with language courses and further educational "
                "offers.",
                "أولاً، تنشئ إدارة المدارس والتعليم والثقافة مكتب تنسيق يساعد القادمين الجدد "
                "في دورات اللغة وعروض تعليمية أخرى.",
            ),
        )
        return stream.blocks + [
            press(
                glossary,
                T("Pressestimmen", "Press coverage", "في الصحافة"),
                [
                    (
                        "Backnanger Kreiszeitung",
                        None,
                        T(
                            "Bericht über den Integrationsplan",
                            "Report on the integration plan",
                            "تقرير عن خطة الاندماج",
                        ),
                        "https://example.org/backnanger-kreiszeitung/integrationsplan",
                    ),
                    (
                        "Stuttgarter Zeitung",
                        None,
                        T(
                            "Bericht über den Integrationsplan",
                            "Report on the integration plan",
                            "تقرير عن خطة الاندماج",
                        ),
                        "https://example.org/stuttgarter-zeitung/integrationsplan",
                    ),
                ],
            )
        ]

    ensure_news(
        builder,
        index,
        "integrationsplan-verabschiedet",
        {
            "title": T(
                "Kreistagsausschüsse verabschieden den Integrationsplan",
                "Council committees adopt the integration plan",
                "لجان مجلس الدائرة تقر خطة الاندماج",
            ),
            "teaser": T(
                "Am 8. Mai 2017 wurde der Integrationsplan für den Rems-Murr-Kreis in "
                "gemeinsamer Sitzung zweier Ausschüsse verabschiedet.",
                "On 8 May 2017 two committees adopted the integration plan for the Rems-Murr "
                "district in a joint session.",
                "في 8 مايو 2017 أقرت لجنتان في جلسة مشتركة خطة الاندماج لدائرة رمس-مور.",
            ),
            "date": datetime.date(2017, 5, 8),
            "concept": concept,
        },
        adoption_body,
        tags=["Integrationsplan", "Beschluss", "Presse"],
        relations=[],
        topics=[],
    )

    def group_body(glossary):
        stream = StreamBuilder(glossary)
        stream.paragraph(
            T(
                "Unter der Federführung der Stabsstelle Wirtschaftsförderung soll die "
                "Arbeitsgruppe zur Arbeitsmarktintegration Ende Juni 2017 zum ersten Mal "
                "zusammenkommen.",
                "Led by the economic development unit, the working group on labour market "
                "integration is to meet for the first time at the end of June 2017.",
                "من المقرر أن يجتمع فريق العمل المعني بالاندماج في سوق العمل لأول مرة في "
                "نهاية يونيو 2017 بقيادة وحدة التنمية الاقتصادية.",
            ),
            T(
                "Mitwirken sollen Menschen mit Fluchterfahrung sowie Fachleute aus Verwaltung "
                "und Arbeitsmarkt.",
                "People with experience of flight and experts from the administration and the "
                "labour market are to take part.",
                "سيشارك فيه أشخاص لديهم تجربة اللجوء وخبراء من الإدارة وسوق العمل.",
            ),
        )
        return stream.blocks

    ensure_news(
        builder,
        index,
        "arbeitsgruppe-arbeitsmarkt-erste-sitzung",
        {
            "title": T(
                "Arbeitsgruppe Arbeitsmarkt: erste Sitzung geplant",
                "Labour market working group: first meeting planned",
                "فريق عمل سوق العمل: الاجتماع الأول مخطط له",
            ),
            "teaser": T(
                "Die Arbeitsgruppe zur Arbeitsmarktintegration soll Ende Juni 2017 zum ersten "
                "Mal tagen.",
                "The working group on labour market integration is to meet for the first time "
                "at the end of June 2017.",
                "من المقرر أن يعقد فريق العمل المعني بالاندماج في سوق العمل اجتماعه الأول "
                "في نهاية يونيو 2017.",
            ),
            "date": datetime.date(2017, 5, 8),
            "concept": concept,
        },
        group_body,
        tags=["Integrationsplan", "Arbeitsmarkt"],
        relations=[group],
        topics=["ausbildung-arbeit"],
    )
    builder.translate_subtree(index)


@demo_step(order=50)
def build_news(builder, district, site, home):
    if district.key == "rastatt":
        build_rastatt(builder, site, home)
    elif district.key == "rems-murr":
        build_rems_murr(builder, home)
