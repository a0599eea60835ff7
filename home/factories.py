"""Test data for home: pages, district sites and a body that uses every shared block."""

import uuid

import factory
import wagtail_factories

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, Site

from home.demo.build import remove_wagtail_welcome_page
from home.models import DistrictSettings, HomePage, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Integration im Landkreis {n}")
    slug = factory.Sequence(lambda n: f"landkreis-{n}")
    intro = factory.Faker("sentence", locale="de_DE")
    live = True

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    slug = factory.Sequence(lambda n: f"seite-{n}")
    intro = factory.Faker("sentence", locale="de_DE")
    live = True

    class Meta:
        model = StandardPage


class DocumentFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Flyer {n}")
    file = factory.django.FileField(filename="flyer.pdf", data=b"%PDF-1.4\n" + b"0" * 2048)

    class Meta:
        model = get_document_model()


def district_site(hostname="localhost", name="Landkreis Rastatt", is_default_site=True, **kw):
    """A district: a German home page under the root, its Site and its settings."""
    remove_wagtail_welcome_page()
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, locale=Locale.get_default(), **kw)
    site = Site.objects.create(
        hostname=hostname,
        port=80,
        root_page=home,
        is_default_site=is_default_site,
        site_name=name,
    )
    DistrictSettings.objects.update_or_create(
        site=site,
        defaults={
            "name": name,
            "office_name": "Sachgebiet Integration",
            "street": "Musterstraße 1",
            "postcode": "12345",
            "city": "Musterstadt",
            "phone": "01234 0000-0",
            "email": "integration@example.org",
        },
    )
    return site


def translate_page(page, language_code):
    """Publish a translation of a page (Wagtail's copy_for_translation), parents first."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    # From the database, not the caller's possibly stale object.
    page = Page.objects.get(pk=page.pk).specific
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.title = f"{page.title} [{language_code}]"
    translation.save_revision().publish()
    return translation.specific


def with_block_ids(blocks):
    """Give every stream child an id, as the admin does (wagtail-localize paths need them)."""
    for block in blocks:
        block.setdefault("id", str(uuid.uuid4()))
        value = block["value"]
        if isinstance(value, dict):
            for nested in value.values():
                if isinstance(nested, list) and nested and "type" in nested[0]:
                    with_block_ids(nested)
    return blocks


def body_with_every_block(image, document, link_page):
    """Raw StreamField data that uses every block of the shared BodyBlock once."""
    return with_block_ids(
        [
            {"type": "heading", "value": {"text": "Bildung und Sprache", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Ein Absatz über Sprachkurse.</p>"},
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Teilnehmende am Workshop in Bühl",
                    "caption": "Workshop in Bühl",
                    "credit": "Landratsamt",
                },
            },
            {"type": "document", "value": {"document": document.pk, "title": "Flyer zum Workshop"}},
            {
                "type": "quote",
                "value": {"text": "Gemeinsam geht es besser.", "attribution": "Eine Teilnehmerin"},
            },
            {
                "type": "link_list",
                "value": {
                    "heading": "Weiterführende Links",
                    "links": [
                        {"type": "link", "value": {"text": "", "page": link_page.pk, "url": ""}},
                        {
                            "type": "link",
                            "value": {
                                "text": "Beispiel",
                                "page": None,
                                "url": "https://example.org/",
                            },
                        },
                    ],
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Ihre Ideen sind gefragt",
                    "text": "Schreiben Sie uns.",
                    "link": {"text": "Zur Beteiligung", "page": link_page.pk, "url": ""},
                },
            },
            {
                "type": "accordion",
                "value": {
                    "heading": "Häufige Fragen",
                    "items": [
                        {
                            "type": "item",
                            "value": {
                                "question": "Wo finde ich einen Sprachkurs?",
                                "answer": "<p>Bei der Migrationsberatung.</p>",
                            },
                        }
                    ],
                },
            },
            {
                "type": "table",
                "value": {
                    "table_caption": "Workshops 2023",
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "data": [["Ort", "Teilnehmende"], ["Gaggenau", "40"]],
                },
            },
            {
                "type": "info_box",
                "value": {
                    "kind": "warning",
                    "heading": "Hinweis",
                    "text": "<p>Anmeldung erforderlich.</p>",
                },
            },
        ]
    )
