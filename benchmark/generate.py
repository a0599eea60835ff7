"""A large synthetic district for load and query measurements (`manage.py bench_data`).

Two districts (Wagtail sites), each in all seven content languages: two concept editions with
eight chapters each and 400 measures in all (five yearly states each), 1,000 news items with
tags, 200 events, 500 contacts, 300 documents and 300 images, at `scale` 1.0.

Deterministic: every choice comes from `random.Random` seeded with the seed (one generator
per district), block ids and translation keys are derived from it, dates are fixed. Two runs
with the same seed and scale give the same titles, texts, paths and relations.

Fast: the page trees are written in bulk instead of page by page. Each language's tree is a
copy of the German one with the same `translation_key` per page and that language's
`Locale`, under the district's home page in that language – the shape wagtail-localize
creates (its translation records, `TranslationSource`/`Translation`, are not created: the
public site and the admin need none of them). Synchronised fields (organisations, contacts,
topics, dates, tags, images) point to the same German records in every language, as
wagtail-localize's synchronisation leaves them. Search and reference index updates are off
while writing; both indexes are rebuilt at the end.
"""

import datetime
import io
import os
import random
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from benchmark import texts
from benchmark.texts import LANGUAGES

PUBLISHED = datetime.datetime(2025, 1, 15, 8, 0, tzinfo=datetime.UTC)
EVENTS_START = datetime.datetime(2024, 1, 8, 16, 0, tzinfo=datetime.UTC)
FEATURED_EVENT = datetime.datetime(2030, 6, 4, 15, 0, tzinfo=datetime.UTC)
PROGRESS_YEARS = (2020, 2021, 2022, 2023, 2024)
EDITIONS = (2017, 2024)
CHAPTERS_PER_EDITION = 8
MEDIA_FOLDER = "bench"
BATCH = 500
MARKER = "Synthetische Testdaten für Lastmessungen (Seed {seed}, Maßstab {scale})."

COMPARE = (
    "vgl. Maßnahme {n}",
    "see measure {n}",
    "انظر الإجراء {n}",
    "نگاه کنید به اقدام {n}",
    "bkz. önlem {n}",
    "див. захід {n}",
    "см. меру {n}",
)
FIGURE_LABELS = (
    ("Seiten", "Pages", "صفحات", "صفحه", "Sayfa", "Сторінок", "Страниц"),
    ("Maßnahmen", "Measures", "إجراءات", "اقدامات", "Önlem", "Заходів", "Мер"),
    (
        "Teilnehmende",
        "Participants",
        "مشاركون",
        "شرکت‌کنندگان",
        "Katılımcı",
        "Учасників",
        "Участников",
    ),
)
PHOTO = ("Foto", "Photo", "صورة", "عکس", "Fotoğraf", "Фото", "Фото")
STATUS_COURSE = ("proposed", "planned", "in_progress", "implemented", "ongoing")


@dataclass(frozen=True)
class District:
    key: str
    name: str
    hostname: str
    is_default_site: bool
    slug: str


DISTRICTS = (
    District("rastatt", "Landkreis Rastatt", "localhost", True, "integration-rastatt"),
    District("rems-murr", "Rems-Murr-Kreis", "rems-murr.localhost", False, "integration-rems-murr"),
)


@dataclass(frozen=True)
class Counts:
    """How many of each per district (and per language for pages and contacts)."""

    measures: int
    news: int
    events: int
    contacts: int
    documents: int
    images: int
    organisations: int
    locations: int

    @property
    def pages_per_language(self):
        sections = 1 + 4 + 1 + 1 + 1  # home, 4 general pages, news, events, contacts
        editions = len(EDITIONS) * (1 + CHAPTERS_PER_EDITION + 2)  # concept, chapters, cat., rep.
        return sections + editions + self.measures + self.news + self.events


def counts_for(scale):
    """The numbers of one district at this scale (1.0: the sizes of the issue)."""

    def scaled(full, minimum=1):
        return max(minimum, round(full * scale))

    return Counts(
        measures=scaled(400, minimum=len(EDITIONS)),
        news=scaled(1000),
        events=scaled(200),
        contacts=scaled(500, minimum=2),
        documents=scaled(300),
        images=scaled(300),
        organisations=scaled(40, minimum=3),
        locations=scaled(10, minimum=1),
    )


def marker(seed, scale):
    return MARKER.format(seed=seed, scale=format_scale(scale))


def format_scale(scale):
    return f"{float(scale):g}"


def text(entry, lang):
    """An entry of `benchmark.texts` (a tuple in the order of LANGUAGES) in one language."""
    return entry[LANGUAGES.index(lang)]


# --- switching index updates off while writing ------------------------------------------------


class quiet_indexing:
    """Search and reference index updates off (they are rebuilt in bulk afterwards)."""

    def __enter__(self):
        from modelsearch.index import get_indexed_models
        from modelsearch.signal_handlers import (
            post_delete_signal_handler,
            post_save_signal_handler,
        )

        from wagtail.signal_handlers import disable_reference_index_auto_update

        self.handlers = (post_save_signal_handler, post_delete_signal_handler)
        self.disconnected = []
        for model in get_indexed_models():
            saved = post_save.disconnect(post_save_signal_handler, sender=model)
            deleted = post_delete.disconnect(post_delete_signal_handler, sender=model)
            if saved or deleted:
                self.disconnected.append(model)
        self.references = disable_reference_index_auto_update()
        self.references.__enter__()
        return self

    def __exit__(self, *exc):
        self.references.__exit__(*exc)
        save_handler, delete_handler = self.handlers
        for model in self.disconnected:
            post_save.connect(save_handler, sender=model)
            post_delete.connect(delete_handler, sender=model)
        return False


# --- the page tree -----------------------------------------------------------------------------


@dataclass
class Node:
    """One page of the German tree and how to render it in any language.

    `title(lang)` and `fields(lang)` give the page's title and the fields of its own table;
    `rows(lang, page_id)` its inline children (partners, tags, contacts, …). They run after
    every page of the language has its id, so they may refer to any page (`Builder.ids`)."""

    key: str
    model: type
    slug: str
    title: object
    fields: object
    rows: object = None
    children: list = field(default_factory=list)
    show_in_menus: bool = False
    published: datetime.datetime = PUBLISHED
    translation_key: uuid.UUID = None


def tree_paths(parent_path, parent_url, depth, nodes):
    """(node, path, depth, url path) of every node below a parent, parents first."""
    for position, node in enumerate(nodes, start=1):
        path = Page._get_path(parent_path, depth, position)
        url = f"{parent_url}{node.slug}/"
        yield node, path, depth, url
        yield from tree_paths(path, url, depth + 1, node.children)


def bulk_insert_specific(model, objects):
    """Insert the rows of a page type's own table for pages whose base rows exist.

    Django's bulk_create refuses multi-table models; this is its insert for the child table
    alone (`page_ptr_id` set), without signals."""
    fields = list(model._meta.local_concrete_fields)
    for start in range(0, len(objects), BATCH):
        model._base_manager._insert(objects[start : start + BATCH], fields=fields)


class Builder:
    """Builds the benchmark data into the current database; see the module docstring."""

    def __init__(self, seed=1, scale=1.0, stdout=None):
        self.seed = seed
        self.scale = scale
        self.counts = counts_for(scale)
        self.stdout = stdout

    def log(self, message):
        if self.stdout is not None:
            self.stdout.write(message)

    def uuid(self, rng):
        return uuid.UUID(int=rng.getrandbits(128), version=4)

    def entity(self, key):
        """Start the random choices of one page or record: `self.rng` for its shape (how
        many paragraphs, partners, tags, whether it has an image…) and `self.pick` for which
        records of a pool it refers to. Both depend on the seed, the district and `key` only,
        so an entity looks the same at every scale (the half-size data set has the same
        first measures, news and events as the full one) and the pools' sizes cannot shift
        the shapes."""
        prefix = f"{self.seed}:{self.district.key}:{key}"
        self.rng = random.Random(prefix)
        self.pick = random.Random(f"{prefix}:pick")
        return self.rng

    def block_id(self, *parts):
        return str(uuid.uuid5(self.namespace, ":".join(str(part) for part in parts)))

    # -- entry point ----------------------------------------------------------------------------

    def build(self):
        from home.demo.build import ensure_base_data

        with transaction.atomic(), quiet_indexing():
            ensure_base_data()
            self.locales = {
                code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES
            }
            self.namespace = uuid.UUID(int=random.Random(f"{self.seed}:ns").getrandbits(128))
            self.vocabularies()
            sites = [self.build_district(district) for district in DISTRICTS]
            from roles.setup import ensure_district_roles

            for site in sites:
                ensure_district_roles(site)  # workflows of the concept editions written in bulk
        return sites

    # -- shared vocabularies (every district, every language) ------------------------------------

    def vocabularies(self):
        from concept.models import CrossCuttingNeed, DecidingBody, TargetGroup
        from home.models import Topic

        rng = random.Random(f"{self.seed}:vocabularies")
        self.topics = self.translated_snippets(
            Topic,
            [
                (lambda lang, slug=slug, names=names: {"name": text(names, lang), "slug": slug})
                for slug, names in texts.TOPICS
            ],
            rng,
        )
        self.target_groups = self.translated_snippets(
            TargetGroup,
            [(lambda lang, n=names: {"name": text(n, lang)}) for names in texts.TARGET_GROUPS],
            rng,
        )
        self.needs = self.translated_snippets(
            CrossCuttingNeed,
            [
                (lambda lang, n=names: {"name": text(n, lang)})
                for names in texts.CROSS_CUTTING_NEEDS
            ],
            rng,
        )
        self.bodies = self.translated_snippets(
            DecidingBody,
            [(lambda lang, n=names: {"name": text(n, lang)}) for names in texts.DECIDING_BODIES],
            rng,
        )
        self.tags = [Tag.objects.get_or_create(name=name)[0] for name in texts.TAGS]

    def translated_snippets(self, model, makers, rng, **common):
        """One record per maker and language with a shared translation key; returns a list
        (per maker) of {language: record}."""
        keys = [self.uuid(rng) for _maker in makers]
        objects = [
            model(locale=self.locales[lang], translation_key=key, **common, **make(lang))
            for make, key in zip(makers, keys, strict=True)
            for lang in LANGUAGES
        ]
        model.objects.bulk_create(objects, batch_size=BATCH)
        created = {
            (obj.translation_key, obj.locale_id): obj
            for obj in model.objects.filter(translation_key__in=keys)
        }
        return [{lang: created[(key, self.locales[lang].pk)] for lang in LANGUAGES} for key in keys]

    # -- one district ------------------------------------------------------------------------------

    def build_district(self, district):
        from home.factories import district_site
        from home.models import DistrictSettings, HomePage

        self.district = district
        self.ids = {lang: {} for lang in LANGUAGES}

        home_key = self.uuid(self.entity("home"))
        home_title = texts.SECTIONS["home"]
        site = district_site(
            hostname=district.hostname,
            name=district.name,
            is_default_site=district.is_default_site,
            title=text(home_title, "de").format(district=district.name),
            slug=district.slug,
            intro=marker(self.seed, self.scale),
            translation_key=home_key,
            first_published_at=PUBLISHED,
            last_published_at=PUBLISHED,
        )
        self.site = site
        homes = {"de": site.root_page.specific}
        for lang in LANGUAGES[1:]:
            root = Page.get_first_root_node()
            homes[lang] = root.add_child(
                instance=HomePage(
                    title=text(home_title, lang).format(district=district.name),
                    slug=f"{district.slug}-{lang}",
                    intro=text(texts.SENTENCES[0], lang),
                    locale=self.locales[lang],
                    translation_key=home_key,
                    live=True,
                    first_published_at=PUBLISHED,
                    last_published_at=PUBLISHED,
                )
            )
        self.log(f"  {district.name}: sites and home pages")

        self.media()
        self.log(f"  {district.name}: {len(self.images)} images, {len(self.documents)} documents")
        self.contacts_and_organisations()
        self.log(f"  {district.name}: {self.counts.contacts} contacts × {len(LANGUAGES)} languages")

        nodes = self.page_tree()
        for lang in LANGUAGES:
            self.write_tree(homes[lang], nodes, lang)
        pages = self.counts.pages_per_language
        self.log(f"  {district.name}: {pages} pages × {len(LANGUAGES)} languages")

        german = self.ids["de"]
        DistrictSettings.objects.filter(site=site).update(
            imprint_page_id=german["imprint"],
            privacy_page_id=german["privacy"],
            accessibility_page_id=german["accessibility"],
            logo_id=self.images[0].pk,
        )
        return site

    # -- images and documents ----------------------------------------------------------------

    def media(self):
        from PIL import Image as PILImage

        from home.demo.build import district_collection

        collection = district_collection(self.site)
        Image = get_image_model()
        Document = get_document_model()
        folder = f"{MEDIA_FOLDER}/{self.district.key}"
        images = []
        for number in range(self.counts.images):
            # Each file depends on its number only: the half-size data set shares the files.
            colour = random.Random(f"{self.seed}:{self.district.key}:image:{number}")
            canvas = PILImage.new(
                "RGB", (480, 300), tuple(colour.randrange(40, 220) for _ in range(3))
            )
            buffer = io.BytesIO()
            canvas.save(buffer, format="JPEG", quality=70)
            name = self.write_file(f"{folder}/bild-{number:04d}.jpg", buffer.getvalue())
            images.append(
                Image(
                    title=f"Bild {number + 1} – {self.district.name}",
                    file=name,
                    width=480,
                    height=300,
                    file_size=len(buffer.getvalue()),
                    collection=collection,
                    created_at=PUBLISHED,
                )
            )
        Image.objects.bulk_create(images, batch_size=BATCH)
        documents = []
        for number in range(self.counts.documents):
            sentence = text(texts.SENTENCES[number % len(texts.SENTENCES)], "de")
            data = f"Dokument {number + 1} des {self.district.name}\n{sentence}\n".encode()
            name = self.write_file(f"{folder}/dokument-{number:04d}.txt", data)
            title = text(texts.MEASURE_TITLES[number % len(texts.MEASURE_TITLES)], "de")
            documents.append(
                Document(
                    title=f"{title} – Handreichung {number + 1}",
                    file=name,
                    file_size=len(data),
                    collection=collection,
                    created_at=PUBLISHED,
                )
            )
        Document.objects.bulk_create(documents, batch_size=BATCH)
        self.images = list(
            Image.objects.filter(file__startswith=f"{folder}/", collection=collection).order_by(
                "pk"
            )
        )
        self.documents = list(
            Document.objects.filter(file__startswith=f"{folder}/", collection=collection).order_by(
                "pk"
            )
        )

    @staticmethod
    def write_file(name, data):
        """Write a file under a fixed name, replacing an earlier run's (the same bytes): the
        full and the half-size data set may write the same files at the same time."""
        try:
            path = Path(default_storage.path(name))
        except NotImplementedError:  # a storage without local files
            if default_storage.exists(name):
                default_storage.delete(name)
            return default_storage.save(name, ContentFile(data))
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}.part")
        partial.write_bytes(data)
        os.replace(partial, path)
        return name

    # -- contacts ------------------------------------------------------------------------------

    def contacts_and_organisations(self):
        from contacts.models import Contact, ContactTopic, Location, Organisation

        counts = self.counts
        site = self.site
        places = list(texts.PLACES)
        self.organisations = self.translated_snippets(
            Organisation,
            [(lambda lang, n=n: self.organisation_fields(n)) for n in range(counts.organisations)],
            self.entity("organisations"),
            site=site,
        )
        self.locations = self.translated_snippets(
            Location,
            [
                (
                    lambda lang, n=n: {
                        "name": f"Landratsamt, Haus {chr(65 + n % 26)}",
                        "street": f"Am Schlossplatz {n + 1}",
                        "postcode": f"7643{n % 10}",
                        "city": places[n % len(places)],
                        "accessibility": text(texts.SENTENCES[n % 12], lang),
                    }
                )
                for n in range(counts.locations)
            ],
            self.entity("locations"),
            site=site,
        )
        german_orgs = [versions["de"].pk for versions in self.organisations]
        german_locations = [versions["de"].pk for versions in self.locations]
        recipes = []
        for number in range(counts.contacts):
            rng = self.entity(f"contact/{number}")
            pick = self.pick
            recipes.append(
                {
                    "name": f"{rng.choice(texts.FIRST_NAMES)} {rng.choice(texts.LAST_NAMES)}",
                    "position": rng.randrange(len(texts.POSITIONS)),
                    "organisation": pick.choice(german_orgs),
                    "location": pick.choice(german_locations),
                    "languages": ["de", *rng.sample(LANGUAGES[1:], rng.randint(0, 3))],
                    "topics": rng.sample(range(len(self.topics)), rng.randint(1, 2)),
                    # Every tenth entry is internal (never shown), as in a real directory.
                    "public": number % 10 != 9,
                    "hours": rng.sample(range(5), rng.randint(1, 3)),
                    "key": self.uuid(rng),
                }
            )
        days = ("mo", "tu", "we", "th", "fr")
        objects = []
        for number, recipe in enumerate(recipes):
            for lang in LANGUAGES:
                objects.append(
                    Contact(
                        name=recipe["name"],
                        position=text(texts.POSITIONS[recipe["position"]], lang),
                        organisation_id=recipe["organisation"],
                        phone=f"+49722{2 + DISTRICTS.index(self.district)}93{number:04d}",
                        email=f"kontakt{number}@{self.district.key}.example.org",
                        location_id=recipe["location"],
                        room=f"{chr(65 + number % 6)}{number % 4}.{number % 50:02d}",
                        office_hours=[
                            {
                                "type": "slot",
                                "id": self.block_id("hours", number, day),
                                "value": {"day": days[day], "opens": "09:00", "closes": "12:00"},
                            }
                            for day in sorted(recipe["hours"])
                        ],
                        office_hours_note=text(texts.OFFICE_HOURS_NOTE, lang),
                        languages=recipe["languages"],
                        is_public=recipe["public"],
                        site=site,
                        locale=self.locales[lang],
                        translation_key=recipe["key"],
                    )
                )
        Contact.objects.bulk_create(objects, batch_size=BATCH)
        by_key = {
            (contact.translation_key, contact.locale_id): contact.pk
            for contact in Contact.objects.filter(site=site).only(
                "pk", "translation_key", "locale_id"
            )
        }
        links = []
        for recipe in recipes:
            for lang in LANGUAGES:
                contact_id = by_key[(recipe["key"], self.locales[lang].pk)]
                links.extend(
                    ContactTopic(
                        contact_id=contact_id,
                        topic_id=self.topics[topic]["de"].pk,
                        sort_order=position,
                    )
                    for position, topic in enumerate(recipe["topics"])
                )
        ContactTopic.objects.bulk_create(links, batch_size=BATCH)
        de = self.locales["de"].pk
        self.public_contacts = [
            by_key[(recipe["key"], de)] for recipe in recipes if recipe["public"]
        ]

    def organisation_fields(self, number):
        """Name, kind, website and town of an organisation (synchronised: every language)."""
        places = texts.PLACES
        prefix, kind = texts.ORGANISATION_KINDS[number % len(texts.ORGANISATION_KINDS)]
        place = places[number % len(places)]
        suffix = f" {number // len(places) + 1}" if number >= len(places) else ""
        return {
            "name": f"{prefix} {place}{suffix}",
            "kind": kind,
            "website": f"https://org{number}.{self.district.key}.example.org/",
            "city": place,
        }

    # -- content helpers -------------------------------------------------------------------------

    def paragraphs(self, lang, sentence_groups, link=None):
        """Rich text paragraphs; `link` = (page id, measure number) adds a cross-reference."""
        html = []
        for index, group in enumerate(sentence_groups):
            sentences = " ".join(
                text(texts.RARE_SENTENCE if item == "rare" else texts.SENTENCES[item], lang)
                for item in group
            )
            if link is not None and index == len(sentence_groups) - 1:
                page_id, number = link
                label = text(COMPARE, lang).format(n=number)
                sentences += f' (<a linktype="page" id="{page_id}">{label}</a>)'
            html.append(f"<p>{sentences}</p>")
        return html

    def body(self, key, lang, heading, groups, link=None, image=None, document=None):
        blocks = [
            {
                "type": "heading",
                "id": self.block_id(key, "heading"),
                "value": {"text": heading, "level": "h2"},
            }
        ]
        for index, paragraph in enumerate(self.paragraphs(lang, groups, link)):
            blocks.append(
                {"type": "paragraph", "id": self.block_id(key, "p", index), "value": paragraph}
            )
        if image is not None:
            blocks.append(
                {
                    "type": "image",
                    "id": self.block_id(key, "image"),
                    "value": {
                        "image": image,
                        "alt_text": f"{text(PHOTO, lang)}: {heading}",
                        "caption": heading,
                        "credit": "Landratsamt",
                    },
                }
            )
        if document is not None:
            blocks.append(
                {
                    "type": "document",
                    "id": self.block_id(key, "document"),
                    "value": {"document": document, "title": heading},
                }
            )
        return blocks

    def sentence_groups(self, paragraphs, per_paragraph):
        return [
            self.rng.sample(range(len(texts.SENTENCES)), per_paragraph) for _ in range(paragraphs)
        ]

    def maybe(self, probability, choices):
        """One of `choices` (picked from the pool) with this probability, else None."""
        return self.pick.choice(choices) if self.rng.random() < probability else None

    # -- the German tree ---------------------------------------------------------------------------

    def page_tree(self):
        from concept.models import ChapterPage, ConceptPage, MeasureCatalogPage, MeasurePage
        from concept.models import ProgressReportPage as ReportPage

        sections = texts.SECTIONS
        nodes = [self.standard_page("about", show_in_menus=True)]

        measure_total = self.counts.measures
        first_edition = measure_total // 2
        per_edition = (first_edition, measure_total - first_edition)
        rare_edition = len(EDITIONS) - 1  # the rare term is in a measure of the adopted edition
        self.adopted_measures = []
        self.adopted_chapters = []
        for edition_index, year in enumerate(EDITIONS):
            adopted = edition_index == len(EDITIONS) - 1
            concept_key = f"concept-{year}"
            chapters = []
            measures_in = [[] for _ in range(CHAPTERS_PER_EDITION)]
            for index in range(per_edition[edition_index]):
                measures_in[index % CHAPTERS_PER_EDITION].append(index)
            for chapter_index in range(CHAPTERS_PER_EDITION):
                number = chapter_index + 1
                chapter_key = f"{concept_key}/kapitel-{number}"
                measures = []
                for position, index in enumerate(measures_in[chapter_index]):
                    rare = adopted and edition_index == rare_edition and index == 0
                    measures.append(
                        self.measure(
                            MeasurePage,
                            chapter_key,
                            number,
                            position + 1,
                            previous=measures[-1] if measures else None,
                            rare=rare,
                        )
                    )
                if adopted:
                    self.adopted_measures.extend(measures)
                chapter = self.chapter(ChapterPage, chapter_key, number, measures)
                if adopted:
                    self.adopted_chapters.append(chapter)
                chapters.append(chapter)
            self.entity(f"{concept_key}/katalog")
            catalogue = Node(
                key=f"{concept_key}/katalog",
                model=MeasureCatalogPage,
                slug="massnahmenkatalog",
                title=lambda lang: text(sections["catalogue"], lang),
                fields=lambda lang: {"intro": text(texts.SENTENCES[9], lang), "body": []},
                translation_key=self.uuid(self.rng),
            )
            self.entity(f"{concept_key}/bericht")
            report_year = 2024 if adopted else 2023
            report = Node(
                key=f"{concept_key}/bericht",
                model=ReportPage,
                slug=f"jahresbericht-{report_year}",
                title=lambda lang, y=report_year: text(sections["report"], lang).format(year=y),
                fields=lambda lang, y=report_year: {
                    "intro": text(texts.SENTENCES[9], lang),
                    "body": [],
                    "year": y,
                },
                translation_key=self.uuid(self.rng),
            )
            nodes.append(
                self.concept(
                    ConceptPage, concept_key, year, adopted, [*chapters, catalogue, report]
                )
            )
        nodes.append(self.news_index())
        nodes.append(self.event_index())
        self.entity("contacts")
        nodes.append(
            Node(
                key="contacts",
                model=self.model("contacts", "ContactDirectoryPage"),
                slug="kontakte",
                title=lambda lang: text(sections["contacts"], lang),
                fields=lambda lang: {"intro": text(texts.SENTENCES[2], lang), "body": []},
                show_in_menus=True,
                translation_key=self.uuid(self.rng),
            )
        )
        for key in ("imprint", "privacy", "accessibility"):
            nodes.append(self.standard_page(key))
        return nodes

    @staticmethod
    def model(app_label, name):
        from django.apps import apps

        return apps.get_model(app_label, name)

    def standard_page(self, key, show_in_menus=False):
        from home.models import StandardPage

        self.entity(key)
        groups = self.sentence_groups(2, 2)
        slugs = {
            "about": "ueber-uns",
            "imprint": "impressum",
            "privacy": "datenschutz",
            "accessibility": "barrierefreiheit",
        }
        title = texts.SECTIONS[key]
        contact = self.pick.choice(self.public_contacts)
        return Node(
            key=key,
            model=StandardPage,
            slug=slugs[key],
            title=lambda lang: text(title, lang),
            fields=lambda lang: {
                "intro": text(texts.SENTENCES[groups[0][0]], lang),
                "body": self.body(key, lang, text(title, lang), groups),
            },
            rows=lambda lang, page_id: [self.page_contact(page_id, contact, 0)],
            show_in_menus=show_in_menus,
            translation_key=self.uuid(self.rng),
        )

    def page_contact(self, page_id, contact_id, position):
        from contacts.models import PageContact

        return PageContact(page_id=page_id, contact_id=contact_id, sort_order=position)

    def concept(self, model, key, year, adopted, children):
        from concept.models.pages import ConceptCrossCuttingNeed

        rng = self.entity(key)
        groups = self.sentence_groups(3, 2)
        document = self.pick.choice(self.documents).pk
        title = texts.SECTIONS["concept"]
        participants = rng.randrange(80, 400)
        workshop_places = rng.sample(texts.PLACES, 2)
        topics = rng.sample(range(len(texts.TOPICS)), 2)

        def fields(lang):
            heading = text(title, lang).format(year=year)
            predecessor = self.ids[lang].get(f"concept-{EDITIONS[0]}") if adopted else None
            return {
                "intro": text(texts.SENTENCES[groups[0][0]], lang),
                "body": self.body(key, lang, heading, groups),
                "short_title": str(year),
                "period": f"{year}–{year + 6}",
                "edition_status": "adopted" if adopted else "superseded",
                "key_figures": [
                    {
                        "type": "figure",
                        "id": self.block_id(key, "figure", index),
                        "value": {"value": str(value), "label": text(label, lang)},
                    }
                    for index, (value, label) in enumerate(
                        zip(
                            (156, self.counts.measures // 2, participants),
                            FIGURE_LABELS,
                            strict=True,
                        )
                    )
                ],
                "document_id": document,
                "predecessor_id": predecessor,
                "participation_period": f"{year - 1}",
                "participation_text": "".join(self.paragraphs(lang, groups[1:2])),
                "workshops": [
                    {
                        "type": "workshop",
                        "id": self.block_id(key, "workshop", index),
                        "value": {
                            "place": place,
                            "date": datetime.date(year - 1, 3 + index * 4, 12).isoformat(),
                            "period": "",
                            "topics": [
                                {
                                    "type": "topic",
                                    "id": self.block_id(key, "workshop", index, "topic", topic),
                                    "value": text(texts.TOPICS[topic][1], lang),
                                }
                                for topic in topics
                            ],
                            "participants": participants // 2,
                        },
                    }
                    for index, place in enumerate(workshop_places)
                ],
                "participants_total": participants,
                "online_suggestions": text(texts.SENTENCES[groups[2][0]], lang),
                "decisions": [
                    {
                        "type": "decision",
                        "id": self.block_id(key, "decision"),
                        "value": {
                            "bodies": [
                                {
                                    "type": "body",
                                    "id": self.block_id(key, "decision", "body", index),
                                    "value": versions["de"].pk,
                                }
                                for index, versions in enumerate(self.bodies)
                            ],
                            "date": datetime.date(year, 12, 5).isoformat(),
                            "date_text": "",
                            "subject": heading,
                            "outcome": "approved",
                            "document": None,
                            "minutes_url": "",
                        },
                    }
                ],
            }

        def rows(lang, page_id):
            return [
                ConceptCrossCuttingNeed(page_id=page_id, need_id=versions["de"].pk, sort_order=i)
                for i, versions in enumerate(self.needs)
            ]

        return Node(
            key=key,
            model=model,
            slug=f"integrationskonzept-{year}",
            title=lambda lang: text(title, lang).format(year=year),
            fields=fields,
            rows=rows,
            children=children,
            show_in_menus=adopted,
            translation_key=self.uuid(rng),
        )

    def chapter(self, model, key, number, measures):
        rng = self.entity(key)
        slug, names = texts.TOPICS[(number - 1) % len(texts.TOPICS)]
        topic = self.topics[(number - 1) % len(self.topics)]["de"].pk
        groups = self.sentence_groups(3, 3)
        goals = [rng.randrange(len(texts.SENTENCES)) for _ in range(4)]
        contact = self.pick.choice(self.public_contacts)

        def fields(lang):
            return {
                "intro": text(texts.SENTENCES[groups[0][0]], lang),
                "body": self.body(key, lang, text(names, lang), groups),
                "number": number,
                "topic_id": topic,
                "goals": [
                    {
                        "type": "goal",
                        "id": self.block_id(key, "goal", index),
                        "value": {"number": index + 1, "text": text(texts.SENTENCES[goal], lang)},
                    }
                    for index, goal in enumerate(goals)
                ],
            }

        return Node(
            key=key,
            model=model,
            slug=slug,
            title=lambda lang: text(names, lang),
            fields=fields,
            rows=lambda lang, page_id: [self.page_contact(page_id, contact, 0)],
            children=measures,
            translation_key=self.uuid(rng),
        )

    def measure(self, model, chapter_key, chapter_number, number, previous=None, rare=False):
        from concept.models.pages import (
            MeasureCrossCuttingNeed,
            MeasureGoal,
            MeasurePartner,
            MeasureTargetGroup,
            RelatedMeasure,
        )

        key = f"{chapter_key}/massnahme-{number}"
        rng = self.entity(key)
        pick = self.pick
        title_index = rng.randrange(len(texts.MEASURE_TITLES))
        place = rng.choice(texts.PLACES)
        groups = self.sentence_groups(2, 3)
        if rare:
            groups[-1] = [*groups[-1], "rare"]
        organisations = [versions["de"].pk for versions in self.organisations]
        lead = pick.choice(organisations)
        partners = pick.sample(organisations, min(len(organisations), rng.randint(1, 3)))
        target_groups = rng.sample(range(len(self.target_groups)), rng.randint(1, 2))
        needs = rng.sample(range(len(self.needs)), rng.randint(0, 2))
        goals = sorted(rng.sample(range(1, 5), rng.randint(1, 2)))
        start = rng.randrange(3)
        course = [STATUS_COURSE[min(start + step // 2, 4)] for step in range(len(PROGRESS_YEARS))]
        reports = [rng.randrange(len(texts.SENTENCES)) for _ in PROGRESS_YEARS]
        participants = [rng.randrange(5, 120) for _ in PROGRESS_YEARS]
        timeframe = rng.choice(("short", "medium", "long"))
        kind = rng.choice(("district", "district", "recommendation"))
        quick_win = rng.random() < 0.2
        funded = rng.random() < 0.5
        amount = Decimal(rng.randrange(2, 400) * 500) if funded else None
        contact = pick.choice(self.public_contacts)
        image = self.maybe(0.3, self.images)
        document = self.maybe(0.3, self.documents)
        milestones = sorted(rng.sample(range(0, 1400, 30), 2))

        def fields(lang):
            title = f"{text(texts.MEASURE_TITLES[title_index], lang)} – {place}"
            link = None
            if previous is not None:
                link = (self.ids["de"][previous.key], f"{chapter_number}.{number - 1}")
            return {
                "intro": text(texts.SENTENCES[groups[0][0]], lang),
                "body": self.body(
                    key,
                    lang,
                    title,
                    groups,
                    link=link,
                    image=image.pk if image else None,
                    document=document.pk if document else None,
                ),
                "number": number,
                "chapter_number": chapter_number,
                "kind": kind,
                "lead_organisation_id": lead,
                "status": course[-1],
                "timeframe": timeframe,
                "start_date": datetime.date(2020, 1, 1),
                "end_date": datetime.date(2026 + number % 3, 12, 31),
                "quick_win": quick_win,
                "funding_source": "Land Baden-Württemberg" if funded else "",
                "funding_amount": amount,
                "funding_state": "granted" if funded else "",
                "resources": "",
                "milestones": [
                    {
                        "type": "milestone",
                        "id": self.block_id(key, "milestone", index),
                        "value": {
                            "date": (
                                datetime.date(2020, 3, 1) + datetime.timedelta(days=offset)
                            ).isoformat(),
                            "text": text(texts.SENTENCES[reports[index]], lang),
                        },
                    }
                    for index, offset in enumerate(milestones)
                ],
                "progress": [
                    {
                        "type": "update",
                        "id": self.block_id(key, "progress", year),
                        "value": {
                            "year": year,
                            "status": course[index],
                            "text": text(texts.SENTENCES[reports[index]], lang),
                            "indicator": f"{participants[index]} {text(FIGURE_LABELS[2], lang)}",
                        },
                    }
                    for index, year in enumerate(PROGRESS_YEARS)
                ],
            }

        def rows(lang, page_id):
            return [
                *(
                    MeasureGoal(page_id=page_id, goal_number=g, sort_order=i)
                    for i, g in enumerate(goals)
                ),
                *(
                    MeasurePartner(page_id=page_id, organisation_id=org, sort_order=i)
                    for i, org in enumerate(partners)
                ),
                *(
                    MeasureTargetGroup(
                        page_id=page_id,
                        target_group_id=self.target_groups[g]["de"].pk,
                        sort_order=i,
                    )
                    for i, g in enumerate(target_groups)
                ),
                *(
                    MeasureCrossCuttingNeed(
                        page_id=page_id, need_id=self.needs[n]["de"].pk, sort_order=i
                    )
                    for i, n in enumerate(needs)
                ),
                *(
                    [RelatedMeasure(page_id=page_id, measure_id=self.ids["de"][previous.key])]
                    if previous is not None
                    else []
                ),
                self.page_contact(page_id, contact, 0),
            ]

        return Node(
            key=key,
            model=model,
            slug=f"massnahme-{chapter_number}-{number}",
            title=lambda lang: f"{text(texts.MEASURE_TITLES[title_index], lang)} – {place}",
            fields=fields,
            rows=rows,
            translation_key=self.uuid(rng),
        )

    def news_index(self):
        from news.models import NewsIndexPage, NewsPage, NewsPageTag, NewsRelatedPage, NewsTopic

        items = []
        first = datetime.date(2018, 1, 2)
        span = (datetime.date(2025, 12, 20) - first).days
        count = self.counts.news
        for number in range(count):
            rng = self.entity(f"news/{number}")
            # Every other day from 2018 on (the same date for an item at every scale).
            day = first + datetime.timedelta(days=(2 * number) % span)
            title_index = rng.randrange(len(texts.NEWS_TITLES))
            place = rng.choice(texts.PLACES)
            groups = self.sentence_groups(rng.randint(2, 3), 2)
            tags = rng.sample(self.tags, rng.randint(1, 3))
            image = self.maybe(0.5, self.images)
            concept = rng.random() < 0.3
            targets = self.adopted_measures + self.adopted_chapters
            related = self.pick.sample(targets, min(rng.randint(0, 2), len(targets)))
            topic = self.maybe(0.5, range(len(self.topics)))
            contact = self.maybe(0.3, self.public_contacts)
            items.append(
                self.news_item(
                    NewsPage,
                    NewsPageTag,
                    NewsRelatedPage,
                    NewsTopic,
                    number,
                    day,
                    title_index,
                    place,
                    groups,
                    tags,
                    image,
                    concept,
                    related,
                    topic,
                    contact,
                )
            )
        self.entity("news")
        return Node(
            key="news",
            model=NewsIndexPage,
            slug="aktuelles",
            title=lambda lang: text(texts.SECTIONS["news"], lang),
            fields=lambda lang: {"intro": text(texts.SENTENCES[9], lang), "body": []},
            children=items,
            show_in_menus=True,
            translation_key=self.uuid(rng),
        )

    def news_item(
        self,
        model,
        tag_model,
        related_model,
        topic_model,
        number,
        day,
        title_index,
        place,
        groups,
        tags,
        image,
        concept,
        related,
        topic,
        contact,
    ):
        key = f"news/{number}"

        def title(lang):
            return f"{text(texts.NEWS_TITLES[title_index], lang)} ({place})"

        def fields(lang):
            return {
                "intro": "",
                "body": self.body(key, lang, title(lang), groups[1:] or groups),
                "date": day,
                "teaser": text(texts.SENTENCES[groups[0][0]], lang),
                "lead_image_id": image.pk if image else None,
                "lead_image_alt": f"{text(PHOTO, lang)}: {title(lang)}" if image else "",
                "concept_id": self.ids["de"][f"concept-{EDITIONS[-1]}"] if concept else None,
            }

        def rows(lang, page_id):
            result = [tag_model(tag=tag, content_object_id=page_id) for tag in tags]
            result += [
                related_model(page_id=page_id, target_id=self.ids["de"][node.key], sort_order=i)
                for i, node in enumerate(related)
            ]
            if topic is not None:
                result.append(
                    topic_model(page_id=page_id, topic_id=self.topics[topic]["de"].pk, sort_order=0)
                )
            if contact is not None:
                result.append(self.page_contact(page_id, contact, 0))
            return result

        return Node(
            key=key,
            model=model,
            slug=f"{day.isoformat()}-meldung-{number + 1}",
            title=title,
            fields=fields,
            rows=rows,
            published=datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC),
            translation_key=self.uuid(self.rng),
        )

    def event_index(self):
        from events.models import EventIndexPage, EventPage, EventTopic

        items = []
        for number in range(self.counts.events):
            rng = self.entity(f"events/{number}")
            if number == 0:
                # The first event is a workshop with open registration in the future (the
                # benchmark's event page, the same at every scale).
                start = FEATURED_EVENT
            else:
                # Every eleven days from January 2024: past and upcoming events until 2030.
                start = EVENTS_START + datetime.timedelta(days=11 * number, hours=number % 3)
            title_index = rng.randrange(len(texts.EVENT_TITLES))
            place = rng.choice(texts.PLACES)
            groups = self.sentence_groups(2, 2)
            workshop = number == 0 or rng.random() < 0.3
            capacity = rng.randrange(15, 60) if workshop else None
            organiser = self.pick.choice(self.public_contacts)
            topic = rng.randrange(len(self.topics))
            key = f"events/{number}"

            def title(lang, t=title_index, p=place):
                return f"{text(texts.EVENT_TITLES[t], lang)} ({p})"

            def fields(
                lang,
                key=key,
                start=start,
                groups=groups,
                workshop=workshop,
                capacity=capacity,
                place=place,
                organiser=organiser,
                title=title,
            ):
                return {
                    "intro": text(texts.SENTENCES[groups[0][0]], lang),
                    "body": self.body(key, lang, title(lang), groups),
                    "start": start,
                    "end": start + datetime.timedelta(hours=2),
                    "place": f"Landratsamt {place}",
                    "address": f"Am Schlossplatz 5, 76437 {place}",
                    "accessibility": text(texts.SENTENCES[6], lang),
                    "organiser_id": organiser,
                    "registration_status": "open" if workshop else "none",
                    "capacity": capacity,
                    "topic_count": 2 if workshop else 0,
                    "workshop_topics": [
                        {
                            "type": "topic",
                            "id": self.block_id(key, "topic", index),
                            "value": text(names, lang),
                        }
                        for index, (_slug, names) in enumerate(texts.TOPICS[:5])
                    ]
                    if workshop
                    else [],
                }

            items.append(
                Node(
                    key=key,
                    model=EventPage,
                    slug=f"veranstaltung-{number + 1}",
                    title=title,
                    fields=fields,
                    rows=lambda lang, page_id, topic=topic: [
                        EventTopic(
                            page_id=page_id, topic_id=self.topics[topic]["de"].pk, sort_order=0
                        )
                    ],
                    translation_key=self.uuid(rng),
                )
            )
        rng = self.entity("events")
        return Node(
            key="events",
            model=EventIndexPage,
            slug="veranstaltungen",
            title=lambda lang: text(texts.SECTIONS["events"], lang),
            fields=lambda lang: {"intro": text(texts.SENTENCES[7], lang), "body": []},
            children=items,
            show_in_menus=True,
            translation_key=self.uuid(rng),
        )

    # -- writing a language's tree ------------------------------------------------------------

    def write_tree(self, home, nodes, lang):
        """Insert the pages of `nodes` below `home` (this language's home page) in bulk."""
        locale = self.locales[lang]
        placed = list(tree_paths(home.path, home.url_path, home.depth + 1, nodes))
        content_types = {}
        base_rows = []
        for node, path, depth, url_path in placed:
            if node.model not in content_types:
                content_types[node.model] = ContentType.objects.get_for_model(node.model).pk
            title = node.title(lang)
            base_rows.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=node.slug,
                    content_type_id=content_types[node.model],
                    path=path,
                    depth=depth,
                    numchild=len(node.children),
                    url_path=url_path,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=node.published,
                    last_published_at=node.published,
                    show_in_menus=node.show_in_menus,
                    locale_id=locale.pk,
                    translation_key=node.translation_key,
                )
            )
        Page.objects.bulk_create(base_rows, batch_size=BATCH)
        ids = self.ids[lang]
        for (node, _path, _depth, _url), row in zip(placed, base_rows, strict=True):
            ids[node.key] = row.pk
        Page.objects.filter(pk=home.pk).update(numchild=len(nodes))

        specific = {}
        inline = {}
        for node, _path, _depth, _url in placed:
            page_id = ids[node.key]
            specific.setdefault(node.model, []).append(
                node.model(page_ptr_id=page_id, id=page_id, **node.fields(lang))
            )
            if node.rows is not None:
                for row in node.rows(lang, page_id):
                    inline.setdefault(type(row), []).append(row)
        for model, objects in specific.items():
            bulk_insert_specific(model, objects)
        for model, objects in inline.items():
            model.objects.bulk_create(objects, batch_size=BATCH)


def database_has_content():
    """Whether the database holds pages beyond Wagtail's root and welcome page."""
    from home.demo.build import WAGTAIL_WELCOME_TITLE

    return (
        Page.objects.filter(depth__gte=2).exclude(title=WAGTAIL_WELCOME_TITLE).exists()
        or Site.objects.exclude(root_page__title=WAGTAIL_WELCOME_TITLE).exists()
    )


def existing_dataset():
    """(seed, scale) of the benchmark data in the database, from the German home page of the
    default site, or None."""
    import re

    from home.models import HomePage

    pattern = re.escape(MARKER).replace(r"\{seed\}", r"(\d+)").replace(r"\{scale\}", r"([\d.e+-]+)")
    for intro in HomePage.objects.filter(locale__language_code="de").values_list(
        "intro", flat=True
    ):
        match = re.fullmatch(pattern, intro or "")
        if match:
            return int(match.group(1)), float(match.group(2))
    return None


def rebuild_reference_index():
    """Wagtail's reference index of every object, as `rebuild_references_index` builds it, in
    bulk: inline children prefetched, rows inserted in batches (that command costs several
    queries per object). Each page is indexed once, as its specific type, as a save does."""
    from django.apps import apps

    from modelcluster.models import get_all_child_relations
    from wagtail.models import ReferenceIndex

    ReferenceIndex.objects.all().delete()
    for model in apps.get_models():
        if not ReferenceIndex.is_indexed(model):
            continue
        content_types = [
            ContentType.objects.get_for_model(item, for_concrete_model=False)
            for item in [model, *model._meta.get_parent_list()]
        ]
        queryset = model._default_manager.all().order_by("pk")
        if issubclass(model, Page):
            queryset = queryset.filter(content_type=content_types[0])
        relations = [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        rows = []
        for instance in queryset.prefetch_related(*relations).iterator(chunk_size=BATCH):
            references = set(ReferenceIndex._extract_references_from_object(instance))
            rows.extend(
                ReferenceIndex(
                    content_type=content_types[0],
                    base_content_type=content_types[-1],
                    object_id=str(instance.pk),
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for to_content_type_id, to_object_id, model_path, content_path in references
            )
            if len(rows) >= 5 * BATCH:
                ReferenceIndex.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
                rows = []
        ReferenceIndex.objects.bulk_create(rows, batch_size=BATCH, ignore_conflicts=True)
