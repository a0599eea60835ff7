"""The two demo districts, written in our own words from the facts in shared/seeds/.

Contact data is invented (example.org addresses, 0000 numbers); building addresses are the
districts' public ones. Every text carries its English and Arabic translation; the texts
of the home pages also Persian, Turkish and Ukrainian (see home/demo/history.py).
"""

from dataclasses import dataclass, field

from home.demo.text import T


@dataclass
class PageSpec:
    slug: str
    title: T
    intro: T
    build_body: object = None  # callable(StreamBuilder) -> None
    show_in_menus: bool = False
    settings_field: str = ""
    children: list = field(default_factory=list)


@dataclass
class DistrictSpec:
    key: str
    name: str
    office_name: str
    hostname: str
    is_default_site: bool
    street: str
    postcode: str
    city: str
    phone: str
    email: str
    initials: str
    colour: tuple
    home: PageSpec


# --- Pages every district has (legal duties and accessible offers) -----------------------


def legal_pages(district_name, office, email):
    values = {"district": district_name, "office": office, "email": email}

    def imprint(body):
        body.paragraph(
            T(
                "Diese Website wird vom {district} herausgegeben. Verantwortlich für den "
                "Inhalt ist das {office}.",
                "This website is published by {district}. The {office} is responsible for "
                "its content.",
                "ينشر هذا الموقع {district}. المسؤول عن المحتوى هو {office}.",
            ).format(**values),
            T(
                "Dies ist eine Demo-Installation des Integrationsportals. Alle Personen und "
                "Rufnummern sind erfunden.",
                "This is a demo installation of the Integrationsportal. All people and phone "
                "numbers are invented.",
                "هذه نسخة تجريبية من بوابة الاندماج. جميع الأشخاص وأرقام الهواتف خيالية.",
            ),
        )

    def privacy(body):
        body.paragraph(
            T(
                "Diese Website lädt keine Inhalte von fremden Servern: keine Schriften, keine "
                "Skripte, keine Zählpixel. Beim Lesen werden keine Cookies gesetzt.",
                "This website loads nothing from other servers: no fonts, no scripts, no "
                "tracking pixels. No cookies are set while you read.",
                "لا يحمّل هذا الموقع أي محتوى من خوادم أخرى: لا خطوط ولا نصوص برمجية ولا "
                "وحدات تتبّع. لا تُحفظ أي ملفات تعريف ارتباط أثناء القراءة.",
            ),
            T(
                "Wenn Sie uns über ein Formular schreiben, speichern wir Ihre Angaben nur, um "
                "Ihr Anliegen zu bearbeiten. Fragen zum Datenschutz richten Sie an {email}.",
                "If you write to us through a form, we store your details only to handle your "
                "request. Please send questions about data protection to {email}.",
                "إذا راسلتنا عبر نموذج، فإننا نحفظ بياناتك فقط لمعالجة طلبك. أرسل أسئلتك حول "
                "حماية البيانات إلى {email}.",
            ).format(**values),
        )

    def accessibility(body):
        body.paragraph(
            T(
                "Der {district} möchte seine Website barrierefrei zugänglich machen. Grundlage "
                "sind die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und die "
                "Richtlinien WCAG 2.1 auf Stufe AA.",
                "{district} wants its website to be accessible. It follows the German "
                "accessibility regulation BITV 2.0 and the WCAG 2.1 guidelines at level AA.",
                "يسعى {district} إلى أن يكون موقعه متاحًا للجميع دون عوائق، وفقًا للائحة "
                "الألمانية BITV 2.0 وإرشادات WCAG 2.1 بالمستوى AA.",
            ).format(**values),
        )
        body.info_box(
            T("Barriere gefunden?", "Found a barrier?", "هل وجدت عائقًا؟"),
            T(
                "Schreiben Sie uns, wenn Sie auf dieser Website auf eine Barriere stoßen: "
                "{email}. Wir antworten innerhalb von zwei Wochen.",
                "Please write to us if you come across a barrier on this website: {email}. "
                "We answer within two weeks.",
                "اكتب لنا إذا واجهت عائقًا في هذا الموقع: {email}. نرد خلال أسبوعين.",
            ).format(**values),
        )

    def easy_language(body):
        body.paragraph(
            T(
                "Hier finden Sie Informationen in Leichter Sprache.",
                "Here you find information in easy-to-read German.",
                "هنا تجد معلومات باللغة الألمانية المبسّطة.",
            ),
            T(
                "Das Sachgebiet Integration hilft Menschen, die neu im Landkreis sind.",
                "The integration office helps people who are new in the district.",
                "يساعد قسم الاندماج الأشخاص الجدد في الدائرة.",
            ),
            T(
                "Sie können uns anrufen. Sie können uns eine E-Mail schreiben.",
                "You can call us. You can write us an e-mail.",
                "يمكنك الاتصال بنا. ويمكنك أن ترسل إلينا بريدًا إلكترونيًا.",
            ),
        )

    def sign_language(body):
        body.paragraph(
            T(
                "Auf dieser Seite erklären wir in Deutscher Gebärdensprache (DGS), was das "
                "Sachgebiet Integration macht und wie Sie uns erreichen.",
                "On this page we explain in German Sign Language (DGS) what the integration "
                "office does and how to reach us.",
                "في هذه الصفحة نشرح بلغة الإشارة الألمانية (DGS) ما يقوم به قسم الاندماج "
                "وكيف يمكنك التواصل معنا.",
            ),
            T(
                "Die Videos werden auf unserem eigenen Server bereitgestellt.",
                "The videos are served from our own server.",
                "تُعرض مقاطع الفيديو من خادمنا الخاص.",
            ),
        )

    def feedback(body):
        body.paragraph(
            T(
                "Sie haben eine Barriere gefunden oder möchten uns etwas mitteilen? Schreiben "
                "Sie an {email}. Nennen Sie bitte die Adresse der Seite.",
                "Did you find a barrier, or do you want to tell us something? Write to "
                "{email}. Please name the address of the page.",
                "هل وجدت عائقًا أو تريد أن تخبرنا بشيء؟ اكتب إلى {email}، واذكر من فضلك "
                "عنوان الصفحة.",
            ).format(**values),
        )

    return [
        PageSpec(
            "impressum",
            T("Impressum", "Legal notice", "بيانات الناشر"),
            T(
                "Angaben zum Herausgeber dieser Website.",
                "Information about the publisher of this website.",
                "معلومات عن ناشر هذا الموقع.",
            ),
            imprint,
            settings_field="imprint_page",
        ),
        PageSpec(
            "datenschutz",
            T("Datenschutzerklärung", "Privacy statement", "بيان الخصوصية"),
            T(
                "Wie wir mit Ihren Daten umgehen.",
                "How we handle your data.",
                "كيف نتعامل مع بياناتك.",
            ),
            privacy,
            settings_field="privacy_page",
        ),
        PageSpec(
            "barrierefreiheit",
            T(
                "Erklärung zur Barrierefreiheit",
                "Accessibility statement",
                "بيان إمكانية الوصول",
            ),
            T(
                "Wie barrierefrei diese Website ist und wie Sie Barrieren melden.",
                "How accessible this website is and how to report barriers.",
                "مدى سهولة الوصول إلى هذا الموقع وكيفية الإبلاغ عن العوائق.",
            ),
            accessibility,
            settings_field="accessibility_page",
        ),
        PageSpec(
            "leichte-sprache",
            T("Leichte Sprache", "Easy-to-read German", "اللغة المبسّطة"),
            T(
                "Informationen in Leichter Sprache.",
                "Information in easy-to-read German.",
                "معلومات باللغة المبسّطة.",
            ),
            easy_language,
            settings_field="easy_language_page",
        ),
        PageSpec(
            "gebaerdensprache",
            T("Gebärdensprache", "Sign language", "لغة الإشارة"),
            T(
                "Informationen in Deutscher Gebärdensprache.",
                "Information in German Sign Language.",
                "معلومات بلغة الإشارة الألمانية.",
            ),
            sign_language,
            settings_field="sign_language_page",
        ),
        PageSpec(
            "barriere-melden",
            T("Barriere melden", "Report a barrier", "الإبلاغ عن عائق"),
            T(
                "Sagen Sie uns, was auf dieser Website nicht funktioniert.",
                "Tell us what does not work on this website.",
                "أخبرنا بما لا يعمل في هذا الموقع.",
            ),
            feedback,
            settings_field="feedback_page",
        ),
    ]


# --- Landkreis Rastatt ---------------------------------------------------------------


def rastatt_home(body):
    body.heading(
        T(
            "Das Integrationskonzept wird fortgeschrieben",
            "The integration concept is being updated",
            "تحديث مفهوم الاندماج",
            fa="طرح ادغام به‌روز می‌شود",
            tr="Uyum konsepti güncelleniyor",
            uk="Концепцію інтеграції оновлюють",
        )
    ).paragraph(
        T(
            "Im Dezember 2017 hat der Kreistag das erste Integrationskonzept des Landkreises "
            "beschlossen. Seitdem berichtet die Integrationsbeauftragte jedes Jahr im Kreistag, "
            "was erreicht wurde und was geplant ist.",
            "In December 2017 the district council adopted the district's first integration "
            "concept. Since then the integration officer has reported to the council every year "
            "on what has been achieved and what is planned.",
            "في ديسمبر 2017 أقرّ مجلس الدائرة أول مفهوم للاندماج في الدائرة. ومنذ ذلك الحين "
            "تعرض مفوّضة الاندماج كل عام أمام المجلس ما تحقق وما هو مخطط له.",
            fa="در دسامبر 2017 شورای شهرستان نخستین طرح ادغام شهرستان را تصویب کرد. از آن "
            "زمان مسئول امور ادغام هر سال به شورا گزارش می‌دهد که چه به دست آمده و چه "
            "برنامه‌ای در پیش است.",
            tr="Aralık 2017'de ilçe meclisi ilçenin ilk uyum konseptini kabul etti. O "
            "zamandan beri uyum sorumlusu her yıl mecliste nelerin başarıldığını ve nelerin "
            "planlandığını anlatıyor.",
            uk="У грудні 2017 року районна рада ухвалила першу концепцію інтеграції району. "
            "Відтоді уповноважена з питань інтеграції щороку звітує перед радою про те, чого "
            "досягнуто і що заплановано.",
        ),
        T(
            "Nach fünf Jahren wurde das Konzept 2023 gemeinsam mit Partnerorganisationen und "
            "Einwohnerinnen und Einwohnern überarbeitet. Der Ausschuss für soziale "
            "Angelegenheiten hat der Fortschreibung am 18. Juni 2024 zugestimmt.",
            "After five years the concept was revised in 2023 together with partner "
            "organisations and residents. The social affairs committee approved the update on "
            "18 June 2024.",
            "بعد خمس سنوات، جرت مراجعة المفهوم في عام 2023 بالتعاون مع المنظمات الشريكة "
            "والسكان. ووافقت لجنة الشؤون الاجتماعية على التحديث في 18 يونيو 2024.",
            fa="پس از پنج سال، این طرح در سال 2023 با همکاری سازمان‌های همکار و ساکنان "
            "بازنگری شد. کمیسیون امور اجتماعی در 18 ژوئن 2024 نسخه‌ی به‌روزشده را تأیید کرد.",
            tr="Beş yıl sonra, 2023'te konsept ortak kuruluşlar ve ilçe sakinleriyle birlikte "
            "gözden geçirildi. Sosyal İşler Komisyonu güncellemeyi 18 Haziran 2024'te onayladı.",
            uk="Через п’ять років, у 2023 році, концепцію переглянули разом з "
            "організаціями-партнерами та мешканцями. Комітет із соціальних питань схвалив "
            "оновлену редакцію 18 червня 2024 року.",
        ),
    ).info_box(
        T(
            "Ihre Ideen zählen",
            "Your ideas count",
            "أفكارك مهمة",
            fa="ایده‌های شما اهمیت دارند",
            tr="Fikirleriniz önemli",
            uk="Ваші ідеї важливі",
        ),
        T(
            "Vorschläge und Bedarfe können Sie jederzeit online an das Sachgebiet Integration "
            "melden.",
            "You can send suggestions and needs to the integration office online at any time.",
            "يمكنك في أي وقت إرسال اقتراحاتك واحتياجاتك إلى قسم الاندماج عبر الإنترنت.",
            fa="پیشنهادها و نیازهای خود را می‌توانید هر زمان به‌صورت آنلاین به بخش ادغام اطلاع دهید.",
            tr="Önerilerinizi ve ihtiyaçlarınızı istediğiniz zaman çevrimiçi olarak Uyum "
            "Birimi'ne iletebilirsiniz.",
            uk="Свої пропозиції та потреби ви можете будь-коли надіслати відділу інтеграції "
            "онлайн.",
        ),
    )


def rastatt_participation(body):
    body.paragraph(
        T(
            "Im Sommer 2023 fanden drei Workshops statt, offen für alle, die mitdiskutieren "
            "wollten. Rund 130 Personen nahmen teil: Hauptamtliche aus Verwaltung, "
            "Wohlfahrtsverbänden, Schulen und Jobcenter, Ehrenamtliche, "
            "Migrantenorganisationen, Sprachkursträger und Neuzugewanderte.",
            "Three workshops took place in summer 2023, open to everyone who wanted to join "
            "the discussion. About 130 people took part: staff from the administration, "
            "welfare associations, schools and the job centre, volunteers, migrant "
            "organisations, language course providers and newcomers.",
            "في صيف 2023 عُقدت ثلاث ورش عمل مفتوحة لكل من أراد المشاركة في النقاش. شارك "
            "فيها نحو 130 شخصًا: موظفون من الإدارة وجمعيات الرعاية الاجتماعية والمدارس ومركز "
            "التوظيف، ومتطوعون، ومنظمات المهاجرين، ومقدمو دورات اللغة، وقادمون جدد.",
        )
    ).table(
        T("Workshops im Sommer 2023", "Workshops in summer 2023", "ورش العمل في صيف 2023"),
        [
            [T("Ort", "Place", "المكان"), T("Runden", "Rounds", "الجولات")],
            [T("Rastatt", "Rastatt", "راشتات"), T("2", "2", "2")],
            [T("Bühl", "Bühl", "بول"), T("2", "2", "2")],
            [T("Gaggenau", "Gaggenau", "غاغناو"), T("2", "2", "2")],
        ],
    ).heading(T("Die fünf Themen", "The five topics", "المواضيع الخمسة")).paragraph(
        T(
            "Bei der Anmeldung wählten die Teilnehmenden zwei der fünf Themen:",
            "When registering, participants chose two of the five topics:",
            "عند التسجيل اختار المشاركون موضوعين من المواضيع الخمسة:",
        )
    ).bullets(
        T("Bildung & Sprache", "Education & language", "التعليم واللغة"),
        T("Ausbildung & Arbeit", "Training & work", "التدريب المهني والعمل"),
        T("Wohnen", "Housing", "السكن"),
        T("Gesundheit", "Health", "الصحة"),
        T(
            "Gesellschaftliche Teilhabe / Zusammenleben / Antidiskriminierung",
            "Social participation / living together / anti-discrimination",
            "المشاركة المجتمعية / العيش المشترك / مكافحة التمييز",
        ),
    ).accordion(
        T("Häufige Fragen", "Frequently asked questions", "أسئلة شائعة"),
        [
            (
                T(
                    "Kann ich noch Vorschläge einreichen?",
                    "Can I still send suggestions?",
                    "هل لا يزال بإمكاني تقديم اقتراحات؟",
                ),
                T(
                    "Ja. Das Sachgebiet Integration nimmt Vorschläge und Bedarfe jederzeit "
                    "entgegen.",
                    "Yes. The integration office welcomes suggestions and needs at any time.",
                    "نعم. يستقبل قسم الاندماج الاقتراحات والاحتياجات في أي وقت.",
                ),
            ),
        ],
    )


def rastatt_office(body):
    body.paragraph(
        T(
            "Das Sachgebiet Integration im Landratsamt koordiniert die Integrationsarbeit im "
            "Landkreis, berät Organisationen und Ehrenamtliche und schreibt das "
            "Integrationskonzept fort.",
            "The integration office at the district administration coordinates integration "
            "work in the district, advises organisations and volunteers and updates the "
            "integration concept.",
            "ينسّق قسم الاندماج في إدارة الدائرة أعمال الاندماج في الدائرة، ويقدّم المشورة "
            "للمنظمات والمتطوعين، ويتولى تحديث مفهوم الاندماج.",
        )
    ).quote(
        T(
            "Integration gelingt, wenn viele mitreden.",
            "Integration succeeds when many people have a say.",
            "ينجح الاندماج عندما يشارك كثيرون في الحوار.",
        ),
        T("Sachgebiet Integration", "Integration office", "قسم الاندماج"),
    )


RASTATT_NAME = "Landkreis Rastatt"
RASTATT_OFFICE = "Landratsamt Rastatt – Sachgebiet Integration"
RASTATT_EMAIL = "integration@rastatt.example.org"

RASTATT = DistrictSpec(
    key="rastatt",
    name=RASTATT_NAME,
    office_name=RASTATT_OFFICE,
    hostname="localhost",
    is_default_site=True,
    street="Am Schlossplatz 5",
    postcode="76437",
    city="Rastatt",
    phone="07222 0000-0",
    email=RASTATT_EMAIL,
    initials="RA",
    colour=(32, 68, 170),
    home=PageSpec(
        "integration-rastatt",
        T(
            "Integration im Landkreis Rastatt",
            "Integration in the district of Rastatt",
            "الاندماج في دائرة راشتات",
            fa="ادغام در شهرستان راشتات",
            tr="Rastatt İlçesinde Uyum",
            uk="Інтеграція в районі Раштатт",
        ),
        T(
            "Informationen des Sachgebiets Integration für Neuzugewanderte, Ehrenamtliche und "
            "Organisationen im Landkreis Rastatt.",
            "Information from the integration office for newcomers, volunteers and "
            "organisations in the district of Rastatt.",
            "معلومات من قسم الاندماج للقادمين الجدد والمتطوعين والمنظمات في دائرة راشتات.",
            fa="اطلاعات بخش ادغام برای تازه‌واردان، داوطلبان و سازمان‌ها در شهرستان راشتات.",
            tr="Uyum Birimi'nden Rastatt ilçesindeki yeni gelenler, gönüllüler ve kuruluşlar "
            "için bilgiler.",
            uk="Інформація відділу інтеграції для новоприбулих, волонтерів і організацій у "
            "районі Раштатт.",
        ),
        rastatt_home,
        children=[
            PageSpec(
                "sachgebiet-integration",
                T("Sachgebiet Integration", "Integration office", "قسم الاندماج"),
                T(
                    "Wer wir sind und was wir tun.",
                    "Who we are and what we do.",
                    "من نحن وماذا نفعل.",
                ),
                rastatt_office,
                show_in_menus=True,
            ),
            PageSpec(
                "beteiligung",
                T(
                    "Beteiligung an der Fortschreibung",
                    "Taking part in the update",
                    "المشاركة في التحديث",
                ),
                T(
                    "Wie das neue Integrationskonzept mit vielen Menschen erarbeitet wurde.",
                    "How the new integration concept was worked out with many people.",
                    "كيف أُعدّ مفهوم الاندماج الجديد بمشاركة كثير من الناس.",
                ),
                rastatt_participation,
                show_in_menus=True,
            ),
            *legal_pages(RASTATT_NAME, RASTATT_OFFICE, RASTATT_EMAIL),
        ],
    ),
)


# --- Rems-Murr-Kreis -----------------------------------------------------------------


def rems_murr_home(body):
    body.heading(
        T(
            "Der Integrationsplan ist beschlossen",
            "The integration plan has been adopted",
            "إقرار خطة الاندماج",
            fa="طرح ادغام تصویب شد",
            tr="Uyum planı kabul edildi",
            uk="План інтеграції ухвалено",
        )
    ).paragraph(
        T(
            "Am 8. Mai 2017 haben der Verwaltungs-, Schul- und Kulturausschuss und der "
            "Sozialausschuss des Kreistags in gemeinsamer Sitzung den Integrationsplan für den "
            "Rems-Murr-Kreis verabschiedet.",
            "On 8 May 2017 the administration, schools and culture committee and the social "
            "committee of the district council adopted the integration plan for the "
            "Rems-Murr district in a joint session.",
            "في 8 مايو 2017 أقرّت لجنة الإدارة والمدارس والثقافة ولجنة الشؤون الاجتماعية في "
            "مجلس الدائرة، في جلسة مشتركة، خطة الاندماج لدائرة رمس-مور.",
            fa="در 8 مه 2017 کمیسیون امور اداری، مدارس و فرهنگ و کمیسیون امور اجتماعی "
            "شورای شهرستان در نشستی مشترک طرح ادغام شهرستان رمس-مور را تصویب کردند.",
            tr="8 Mayıs 2017'de ilçe meclisinin İdari İşler, Okullar ve Kültür Komisyonu ile "
            "Sosyal İşler Komisyonu ortak bir oturumda Rems-Murr ilçesinin uyum planını kabul "
            "etti.",
            uk="8 травня 2017 року комітет з питань адміністрації, шкіл і культури та "
            "соціальний комітет районної ради на спільному засіданні ухвалили план інтеграції "
            "для району Ремс-Мурр.",
        ),
        T(
            "Zwischen Oktober 2016 und März 2017 erarbeitete das Landratsamt den Plan gemeinsam "
            "mit Geflüchteten und Fachleuten aus Kammern, Verbänden, Bildungseinrichtungen, "
            "Unternehmen und Initiativen. Er umfasst 156 Seiten und mehr als 60 Empfehlungen.",
            "Between October 2016 and March 2017 the district administration worked out the "
            "plan together with refugees and experts from chambers, associations, educational "
            "institutions, companies and initiatives. It has 156 pages and more than 60 "
            "recommendations.",
            "بين أكتوبر 2016 ومارس 2017 أعدّت إدارة الدائرة الخطة بالتعاون مع لاجئين وخبراء "
            "من الغرف المهنية والجمعيات والمؤسسات التعليمية والشركات والمبادرات. وتضم الخطة "
            "156 صفحة وأكثر من 60 توصية.",
            fa="اداره‌ی شهرستان این طرح را از اکتبر 2016 تا مارس 2017 با همکاری پناهندگان و "
            "کارشناسانی از اتاق‌های حرفه‌ای، انجمن‌ها، مؤسسات آموزشی، شرکت‌ها و ابتکارهای "
            "مدنی تدوین کرد. این طرح 156 صفحه و بیش از 60 توصیه دارد.",
            tr="İlçe idaresi planı Ekim 2016 ile Mart 2017 arasında mültecilerle ve meslek "
            "odaları, dernekler, eğitim kurumları, şirketler ve girişimlerden uzmanlarla "
            "birlikte hazırladı. Plan 156 sayfa ve 60'tan fazla öneri içeriyor.",
            uk="З жовтня 2016 до березня 2017 року районна адміністрація розробляла план "
            "разом із біженцями та фахівцями з палат, об’єднань, освітніх закладів, "
            "підприємств та ініціатив. План має 156 сторінок і понад 60 рекомендацій.",
        ),
    ).heading(
        T(
            "Vier Themenfelder",
            "Four fields of action",
            "أربعة مجالات عمل",
            fa="چهار حوزه‌ی فعالیت",
            tr="Dört eylem alanı",
            uk="Чотири напрями діяльності",
        )
    ).bullets(
        T(
            "Bildung und Sprache",
            "Education and language",
            "التعليم واللغة",
            fa="آموزش و زبان",
            tr="Eğitim ve dil",
            uk="Освіта і мова",
        ),
        T(
            "Arbeitsmarkt",
            "Labour market",
            "سوق العمل",
            fa="بازار کار",
            tr="İş piyasası",
            uk="Ринок праці",
        ),
        T("Wohnen", "Housing", "السكن", fa="مسکن", tr="Konut", uk="Житло"),
        T("Freizeit", "Leisure", "أوقات الفراغ", fa="اوقات فراغت", tr="Boş zaman", uk="Дозвілля"),
    )


def rems_murr_office(body):
    body.paragraph(
        T(
            "Die Stabsstelle Integration im Landratsamt versteht ihre Rolle vor allem als "
            "koordinierend: Sie vernetzt bestehende Angebote der Städte und Gemeinden und hilft, "
            "doppelte Strukturen zu vermeiden.",
            "The integration unit at the district administration sees its role above all as "
            "coordinating: it connects the existing offers of towns and municipalities and "
            "helps to avoid duplicate structures.",
            "ترى وحدة الاندماج في إدارة الدائرة دورها تنسيقيًا في المقام الأول: فهي تربط "
            "العروض القائمة في المدن والبلديات وتساعد على تجنّب ازدواجية الهياكل.",
        )
    ).heading(
        T(
            "Was themenübergreifend wichtig ist",
            "What matters across all fields",
            "ما هو مهم في جميع المجالات",
        )
    ).bullets(
        T("Information und Kommunikation", "Information and communication", "المعلومات والتواصل"),
        T("Prozesse", "Processes", "الإجراءات"),
        T("Ehrenamt", "Volunteering", "العمل التطوعي"),
        T("Beteiligung", "Participation", "المشاركة"),
        T("Eigeninitiative", "Self-initiative", "المبادرة الذاتية"),
    )


REMS_MURR_NAME = "Rems-Murr-Kreis"
REMS_MURR_OFFICE = "Landratsamt Rems-Murr-Kreis – Stabsstelle Integration"
REMS_MURR_EMAIL = "integration@rems-murr.example.org"

REMS_MURR = DistrictSpec(
    key="rems-murr",
    name=REMS_MURR_NAME,
    office_name=REMS_MURR_OFFICE,
    hostname="rems-murr.localhost",
    is_default_site=False,
    street="Alter Postplatz 10",
    postcode="71332",
    city="Waiblingen",
    phone="07151 0000-0",
    email=REMS_MURR_EMAIL,
    initials="RM",
    colour=(0, 110, 80),
    home=PageSpec(
        "integration-rems-murr",
        T(
            "Integration im Rems-Murr-Kreis",
            "Integration in the Rems-Murr district",
            "الاندماج في دائرة رمس-مور",
            fa="ادغام در شهرستان رمس-مور",
            tr="Rems-Murr İlçesinde Uyum",
            uk="Інтеграція в районі Ремс-Мурр",
        ),
        T(
            "Die Stabsstelle Integration informiert über den Integrationsplan, Angebote und "
            "Ansprechpersonen im Rems-Murr-Kreis.",
            "The integration unit informs about the integration plan, services and contact "
            "persons in the Rems-Murr district.",
            "تقدّم وحدة الاندماج معلومات عن خطة الاندماج والخدمات والأشخاص المسؤولين في دائرة "
            "رمس-مور.",
            fa="واحد ادغام درباره‌ی طرح ادغام، خدمات و افراد مسئول در شهرستان رمس-مور "
            "اطلاع‌رسانی می‌کند.",
            tr="Uyum Birimi, Rems-Murr ilçesindeki uyum planı, hizmetler ve irtibat kişileri "
            "hakkında bilgi verir.",
            uk="Відділ інтеграції інформує про план інтеграції, послуги та контактних осіб у "
            "районі Ремс-Мурр.",
        ),
        rems_murr_home,
        children=[
            PageSpec(
                "stabsstelle-integration",
                T("Stabsstelle Integration", "Integration unit", "وحدة الاندماج"),
                T(
                    "Koordinieren, vernetzen und konkretisieren.",
                    "Coordinating, connecting and making things concrete.",
                    "التنسيق والربط والتنفيذ العملي.",
                ),
                rems_murr_office,
                show_in_menus=True,
            ),
            *legal_pages(REMS_MURR_NAME, REMS_MURR_OFFICE, REMS_MURR_EMAIL),
        ],
    ),
)

DISTRICTS = [RASTATT, REMS_MURR]
TRANSLATED_LANGUAGES = ["en", "ar"]
