"""Demo suggestion form of Rastatt: "Vorschläge und Bedarfe melden" under the home page."""

from home.demo import demo_step
from home.demo.text import T
from participation.models import SuggestionFormField, SuggestionFormPage

SLUG = "vorschlaege"

FIELDS = [
    (
        "name",
        "singleline",
        False,
        T("Ihr Name", "Your name", "اسمك"),
        T(
            "Nur wenn Sie eine persönliche Antwort möchten.",
            "Only if you would like a personal reply.",
            "فقط إذا كنت ترغب في رد شخصي.",
        ),
    ),
    (
        "email",
        "email",
        False,
        T("Ihre E-Mail-Adresse", "Your e-mail address", "عنوان بريدك الإلكتروني"),
        T(
            "Damit wir Ihnen antworten können.",
            "So that we can reply to you.",
            "حتى نتمكن من الرد عليك.",
        ),
    ),
    (
        "suggestion",
        "multiline",
        True,
        T("Ihr Vorschlag oder Bedarf", "Your suggestion or need", "اقتراحك أو حاجتك"),
        T(
            "Was fehlt im Landkreis, was sollte besser werden? Höchstens 4000 Zeichen.",
            "What is missing in the district, what should improve? At most 4000 characters.",
            "ما الذي ينقص في الدائرة، وما الذي يجب تحسينه؟ 4000 حرف كحد أقصى.",
        ),
    ),
]


def make_form_page(glossary):
    return SuggestionFormPage(
        title=glossary.add(
            T(
                "Vorschläge und Bedarfe melden",
                "Send suggestions and needs",
                "أرسل اقتراحاتك واحتياجاتك",
            )
        ),
        intro=glossary.add(
            T(
                "Das Integrationskonzept lebt von Ihren Erfahrungen. Schreiben Sie uns, was im "
                "Landkreis Rastatt fehlt oder besser werden sollte.",
                "The integration concept lives from your experience. Tell us what is missing "
                "in the district of Rastatt or what should improve.",
                "يعتمد مفهوم الاندماج على تجاربكم. اكتبوا لنا ما الذي ينقص في دائرة راشتات "
                "أو ما الذي يجب تحسينه.",
            )
        ),
        thank_you_text="<p>"
        + glossary.add(
            T(
                "Das Sachgebiet Integration liest jede Nachricht und bringt sie in die "
                "Fortschreibung des Integrationskonzepts ein.",
                "The integration office reads every message and takes it into the update "
                "of the integration concept.",
                "يقرأ قسم الاندماج كل رسالة ويأخذها في الاعتبار عند تحديث مفهوم الاندماج.",
            )
        )
        + "</p>",
        to_address="integration@rastatt.example.org",
        subject="Neuer Vorschlag über das Integrationsportal",
        show_in_menus=False,
        form_fields=[
            SuggestionFormField(
                sort_order=index,
                clean_name=clean_name,
                field_type=field_type,
                required=required,
                label=glossary.add(label),
                help_text=glossary.add(help_text),
            )
            for index, (clean_name, field_type, required, label, help_text) in enumerate(FIELDS)
        ],
    )


@demo_step(order=70)
def build_suggestion_form(builder, district, site, home):
    if district.key != "rastatt":
        return
    page = builder.ensure_page(home, SLUG, make_form_page)
    builder.translate_subtree(page)
