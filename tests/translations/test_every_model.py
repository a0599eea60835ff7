"""Everything a reader sees goes through wagtail-localize.

Walks every page type, every snippet and the inline children they use: each is translatable,
each field is translated or deliberately synchronised, and every block of every StreamField,
however deeply nested, is extracted for translators and written back in the translation.
"""

import datetime
import uuid

import pytest
from treebeard.mp_tree import MP_Node

from django import forms
from django.db import models
from django.urls import reverse

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel, get_all_child_relations
from taggit.managers import TaggableManager
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import COMMENTS_RELATION_NAME, Locale, Page, TranslatableMixin, get_page_models
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import (
    SynchronizedField,
    TranslatableField,
    copy_synchronised_fields,
    get_translatable_fields,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.strings import StringValue

from contacts.phone import PhoneNumberField

# Models that hold no public content and so need no translation, with the reason.
NOT_CONTENT = {
    "events.Registration": (
        "a reader's registration for an event: personal data kept for the office in the CMS "
        "and never shown on the site"
    ),
}

# Text fields kept the same in every language on purpose (model label, field name): reason.
SYNCHRONISED_TEXT = {
    ("concept.ConceptPage", "period"): "years in digits, e.g. „2017–2023“",
    ("events.EventPage", "address"): "a postal address is written the same in every language",
    ("participation.SuggestionFormPage", "to_address"): "e-mail addresses of the office",
    ("participation.SuggestionFormPage", "subject"): "the notification goes to the office in "
    "German",
    ("participation.SuggestionFormField", "clean_name"): "the key of the stored answers: one "
    "export column for answers in every language",
    ("contacts.Contact", "name"): "a person's name or official function, as on the door sign",
    ("contacts.Contact", "room"): "a room number, as on the door sign",
    ("contacts.Organisation", "name"): "an official name readers must recognise on letters "
    "and buildings",
    ("contacts.Organisation", "street"): "postal address",
    ("contacts.Organisation", "postcode"): "postal address",
    ("contacts.Organisation", "city"): "postal address",
    ("contacts.Location", "name"): "the building's name, as on its sign",
    ("contacts.Location", "street"): "postal address",
    ("contacts.Location", "postcode"): "postal address",
    ("contacts.Location", "city"): "postal address",
    ("news.NewsPage", "tags"): "tags are filter keys in the address, the same in every "
    "language (topics are the translated classification)",
}

# Fields of Wagtail's Page and tree that are not content (wagtail-localize ignores them too).
PAGE_INTERNALS = {"go_live_at", "expire_at", "first_published_at", "content_type", "owner"}
TREE_INTERNALS = {"path", "depth", "numchild"}


def label(model):
    return model._meta.label


def child_relations(model):
    """The inline children (ParentalKey relations) of a model, comments excepted."""
    if not issubclass(model, ClusterableModel):
        return []
    return [
        relation
        for relation in get_all_child_relations(model)
        if relation.name != COMMENTS_RELATION_NAME
    ]


def content_models():
    """Every registered page type and snippet, and the inline child models they use."""
    found = {}
    pending = [model for model in get_page_models() if model is not Page]
    pending += list(get_snippet_models())
    while pending:
        model = pending.pop()
        if label(model) in found:
            continue
        found[label(model)] = model
        pending += [relation.related_model for relation in child_relations(model)]
    return found


MODELS = content_models()
PARENT_MODELS = {
    name: model
    for name, model in MODELS.items()
    if model in get_page_models() or model in get_snippet_models()
}
TRANSLATABLE = {
    name: model for name, model in MODELS.items() if issubclass(model, TranslatableMixin)
}


# --- what a field is ----------------------------------------------------------------------


def is_text_field(field):
    """A field that holds words a reader reads (as opposed to keys, numbers, addresses)."""
    if isinstance(field, TaggableManager | StreamField):
        return True
    if isinstance(field, models.SlugField | models.EmailField | models.URLField | PhoneNumberField):
        return False
    return isinstance(field, models.CharField | models.TextField) and not field.choices


def checked_fields(model):
    """The fields of a model that an editor fills in and that must be translated or synced."""
    fields = []
    for field in model._meta.get_fields():
        if isinstance(field, TaggableManager):
            fields.append(field)
            continue
        if not field.concrete or not field.editable or isinstance(field, models.AutoField):
            continue
        if isinstance(field, ParentalKey):
            continue
        if isinstance(field, models.OneToOneField) and field.remote_field.parent_link:
            continue
        if issubclass(model, Page) and field.name in PAGE_INTERNALS:
            continue
        if issubclass(model, MP_Node) and field.name in TREE_INTERNALS:
            continue
        fields.append(field)
    return fields


def has_text(model):
    return any(is_text_field(field) for field in checked_fields(model))


# --- what a block is -----------------------------------------------------------------------


def is_text_block(block):
    """A leaf block whose value is words: CharBlock, TextBlock, RegexBlock, rich text, tables."""
    if isinstance(block, blocks.RichTextBlock | TableBlock):
        return True
    if isinstance(block, blocks.ChooserBlock | blocks.StructBlock | blocks.StreamBlock):
        return False
    if isinstance(block, blocks.ListBlock):
        return False
    if isinstance(block, blocks.FieldBlock):
        field = block.field
        return isinstance(field, forms.CharField) and not isinstance(
            field, forms.URLField | forms.EmailField
        )
    return False


def child_blocks(block):
    """(name, child) of a structural block, in the order of its definition."""
    if isinstance(block, blocks.StreamBlock | blocks.StructBlock):
        return list(block.child_blocks.items())
    if isinstance(block, blocks.ListBlock):
        return [("item", block.child_block)]
    return []


def text_leaves(block, path=()):
    """Paths of every text leaf inside a block definition."""
    if is_text_block(block):
        return [path]
    return [
        leaf for name, child in child_blocks(block) for leaf in text_leaves(child, (*path, name))
    ]


def list_blocks_with_text(block, path=()):
    """Paths of ListBlocks whose items hold text: the style rule asks for a StreamBlock."""
    found = []
    if isinstance(block, blocks.ListBlock) and text_leaves(block.child_block):
        found.append(path)
    for name, child in child_blocks(block):
        found += list_blocks_with_text(child, (*path, name))
    return found


def stream_fields():
    """(model label, field) of every StreamField of every content model."""
    return [
        (name, field)
        for name, model in MODELS.items()
        for field in model._meta.get_fields()
        if isinstance(field, StreamField) and field.model is model
    ]


# --- instances full of markers -------------------------------------------------------------


class Markers:
    """Unique strings, each remembering the model, field and block path it was put into."""

    def __init__(self):
        self.where = {}

    def new(self, *where):
        marker = f"Marker {len(self.where):04d}."
        self.where[marker] = "/".join(where)
        return marker


def block_value(block, markers, where):
    """Raw StreamField data for a block with a marker in every text leaf, recursively."""
    if isinstance(block, TableBlock):
        return {
            "table_caption": markers.new(*where, "caption"),
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [
                [markers.new(*where, "0.0"), markers.new(*where, "0.1")],
                [markers.new(*where, "1.0"), markers.new(*where, "1.1")],
            ],
        }
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                "type": name,
                "id": str(uuid.uuid4()),
                "value": block_value(child, markers, (*where, name)),
            }
            for name, child in block.child_blocks.items()
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            {
                "type": "item",
                "id": str(uuid.uuid4()),
                "value": block_value(block.child_block, markers, (*where, "item")),
            }
        ]
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_value(child, markers, (*where, name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock):
        return f"<p>{markers.new(*where)}</p>"
    if isinstance(block, blocks.ChooserBlock):
        return None
    if is_text_block(block):
        return markers.new(*where)
    return block.get_default()


def field_value(field, markers, where):
    if isinstance(field, StreamField):
        return block_value(field.stream_block, markers, where)
    if isinstance(field, RichTextField):
        return f"<p>{markers.new(*where)}</p>"
    return markers.new(*where)


GERMAN = Locale(language_code="de")
ARABIC = Locale(language_code="ar")


def blank_instance(model, locale):
    """An unsaved instance whose required links (a contact's site) point to stand-ins."""
    instance = model()
    for field in model._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and not field.null:
            setattr(instance, field.name, field.related_model())
    instance.locale = locale
    return instance


def instance_with_markers(model, markers, where=()):
    """An unsaved instance with a marker in every translated text field and inline child."""
    instance = blank_instance(model, GERMAN)
    declared = get_translatable_fields(model)
    where = (*where, label(model))
    for translatable in declared:
        if not isinstance(translatable, TranslatableField):
            continue
        field = translatable.get_field(model)
        if isinstance(field, models.ManyToOneRel):
            child = instance_with_markers(field.related_model, markers, (*where, field.name))
            setattr(instance, field.name, [child])
        elif isinstance(field, StreamField | models.CharField | models.TextField):
            setattr(instance, field.name, field_value(field, markers, (*where, field.name)))
    return instance


def extracted_strings(instance):
    return [
        segment.string.data
        for segment in extract_segments(instance)
        if isinstance(segment, StringSegmentValue)
    ]


def missing_markers(markers, strings):
    text = "\n".join(strings)
    return sorted(
        f"{where} ({marker})" for marker, where in markers.where.items() if marker not in text
    )


# --- the checks ----------------------------------------------------------------------------


def test_the_walk_finds_every_kind_of_content():
    """The walk reaches pages, snippets and inline children (a guard for the walk itself)."""
    for expected in (
        "home.StandardPage",
        "concept.MeasurePage",
        "concept.DecidingBody",
        "contacts.Contact",
        "participation.SuggestionFormField",
        "concept.MeasurePartner",
    ):
        assert expected in MODELS
    assert "wagtailcore.Page" not in MODELS


@pytest.mark.parametrize("name", sorted(set(PARENT_MODELS) - set(NOT_CONTENT)))
def test_every_page_type_and_snippet_is_translatable(name):
    model = MODELS[name]
    assert issubclass(model, TranslatableMixin), (
        f"{name} is neither translatable nor in NOT_CONTENT with a reason"
    )


@pytest.mark.parametrize("name", sorted(NOT_CONTENT))
def test_models_without_translation_are_no_public_content(name):
    """An allow-listed model is no page, not searchable, not in the API, chosen by nothing."""
    model = MODELS[name]
    assert not issubclass(model, Page | TranslatableMixin)
    assert not issubclass(model, index.Indexed)
    assert not getattr(model, "api_fields", None)
    for other_name, other in MODELS.items():
        for field in other._meta.get_fields():
            if field.concrete and field.is_relation and field.related_model is model:
                pytest.fail(f"{other_name}.{field.name} points to {name}")
    for owner, field in stream_fields():
        for block in all_blocks(field.stream_block):
            if isinstance(block, SnippetChooserBlock):
                assert block.target_model is not model, f"{owner}.{field.name} chooses {name}"


def all_blocks(block):
    yield block
    for _name, child in child_blocks(block):
        yield from all_blocks(child)


def test_a_registration_never_shows_on_the_event_page(client, home):
    from events.factories import EventIndexPageFactory, EventPageFactory
    from events.models import Registration

    index_page = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index_page, title="Workshop in Bühl", workshop=True)
    Registration.objects.create(
        event=event, name="Zarah Registrierte", email="zarah@example.org", language="de"
    )
    response = client.get(event.url)
    assert response.status_code == 200
    assert "Zarah Registrierte" not in response.content.decode()
    assert "zarah@example.org" not in response.content.decode()
    assert client.get(reverse("wagtailsnippets_events_registration:list")).status_code == 302


@pytest.mark.parametrize("name", sorted(TRANSLATABLE))
def test_every_field_is_translated_or_deliberately_synchronised(name):
    model = MODELS[name]
    declared = {field.field_name: field for field in get_translatable_fields(model)}
    problems = []
    for field in checked_fields(model):
        decision = declared.get(field.name)
        key = (label(field.model), field.name)
        if decision is None:
            problems.append(f"{field.name}: neither translated nor synchronised")
        elif isinstance(field, StreamField) and isinstance(decision, SynchronizedField):
            # A synchronised StreamField must hold nothing a translator would translate.
            for leaf in text_leaves(field.stream_block):
                problems.append(f"{field.name}/{'/'.join(leaf)}: text in a synchronised field")
        elif is_text_field(field):
            if isinstance(decision, SynchronizedField) and key not in SYNCHRONISED_TEXT:
                problems.append(f"{field.name}: text synchronised without a reason")
            if isinstance(decision, TranslatableField) and key in SYNCHRONISED_TEXT:
                problems.append(f"{field.name}: allow-listed as synchronised but translated")
        elif isinstance(decision, TranslatableField):
            problems.append(
                f"{field.name}: a {type(field).__name__} (key, number, date, choice, address "
                "or link) must be synchronised"
            )
    assert not problems, f"{name}: " + "; ".join(problems)


def test_the_synchronised_text_list_names_only_existing_synchronised_fields():
    for (model_label, field_name), reason in SYNCHRONISED_TEXT.items():
        model = MODELS[model_label]
        declared = {field.field_name: field for field in get_translatable_fields(model)}
        assert isinstance(declared.get(field_name), SynchronizedField), (model_label, field_name)
        assert reason


@pytest.mark.parametrize("name", sorted(TRANSLATABLE))
def test_inline_children_with_text_are_translated(name):
    model = MODELS[name]
    declared = {field.field_name: field for field in get_translatable_fields(model)}
    for relation in child_relations(model):
        child = relation.related_model
        decision = declared.get(relation.name)
        if has_text(child):
            assert issubclass(child, TranslatableMixin), f"{label(child)} holds text"
            assert isinstance(decision, TranslatableField), f"{name}.{relation.name}"
        else:
            assert isinstance(decision, SynchronizedField), (
                f"{name}.{relation.name} must be synchronised into every language"
            )


def test_no_list_block_holds_text():
    found = [
        f"{owner}.{field.name}/{'/'.join(path)}"
        for owner, field in stream_fields()
        for path in list_blocks_with_text(field.stream_block)
    ]
    assert not found, "ListBlock with text (use a StreamBlock): " + ", ".join(found)


def test_chosen_snippets_are_synchronised_like_foreign_keys():
    """A snippet chosen in a block is localised when shown, as foreign keys are; wagtail-localize
    would otherwise copy it into every language with its German text when a page is
    translated."""
    found = [
        f"{owner}.{field.name}: {type(block).__name__}"
        for owner, field in stream_fields()
        for block in all_blocks(field.stream_block)
        if isinstance(block, SnippetChooserBlock)
        and issubclass(block.target_model, TranslatableMixin)
        and not hasattr(block, "get_translatable_segments")
    ]
    assert not found, "chosen snippets extracted as translation dependencies: " + ", ".join(found)


@pytest.mark.django_db
def test_translating_a_concept_does_not_copy_its_deciding_bodies(home):
    from wagtail_localize.operations import translate_object

    from concept.factories import ConceptPageFactory, DecidingBodyFactory, decision
    from concept.models import DecidingBody

    body = DecidingBodyFactory(name="Kreistag")
    concept = ConceptPageFactory(
        parent=home, decisions=[decision([body], datetime.date(2024, 6, 18))]
    )
    arabic = Locale.objects.get(language_code="ar")
    translate_object(concept, [arabic])
    assert not DecidingBody.objects.filter(locale=arabic).exists()
    translated = concept.get_translation(arabic).specific
    assert translated.decisions[0].value["bodies"][0].value == body


def test_the_list_block_rule_would_catch_a_list_of_texts():
    """A guard for the rule itself: a ListBlock of CharBlocks inside a struct is found."""
    block = blocks.StreamBlock(
        [("links", blocks.StructBlock([("items", blocks.ListBlock(blocks.CharBlock()))]))]
    )
    assert list_blocks_with_text(block) == [("links", "items")]
    numbers = blocks.StreamBlock([("years", blocks.ListBlock(blocks.IntegerBlock()))])
    assert list_blocks_with_text(numbers) == []


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(TRANSLATABLE))
def test_every_text_and_every_nested_block_is_extracted(name):
    model = MODELS[name]
    markers = Markers()
    instance = instance_with_markers(model, markers)
    missing = missing_markers(markers, extracted_strings(instance))
    assert not missing, "not extracted for translation: " + ", ".join(missing)


def test_the_marker_check_would_catch_a_block_wagtail_localize_skips():
    """A guard for the check itself: a RegexBlock holds text that is never extracted."""
    from wagtail.blocks import StreamValue
    from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

    block = blocks.StreamBlock(
        [
            ("note", blocks.StructBlock([("text", blocks.CharBlock())])),
            ("code", blocks.RegexBlock(regex=r"^.*$")),
        ]
    )
    markers = Markers()
    raw = block_value(block, markers, ("body",))
    value = StreamValue(block, raw, is_lazy=True)
    segments = StreamFieldSegmentExtractor(None).handle_stream_block(value)
    strings = [segment.string.data for segment in segments]
    assert missing_markers(markers, strings) == ["body/code (Marker 0001.)"]


def value_without_text(block):
    """Raw data as stored before a block gained its text fields: every text leaf missing or
    null, every structure present."""
    if isinstance(block, blocks.StreamBlock):
        return [
            {"type": name, "id": str(uuid.uuid4()), "value": value_without_text(child)}
            for name, child in block.child_blocks.items()
        ]
    if isinstance(block, blocks.ListBlock):
        return [
            {
                "type": "item",
                "id": str(uuid.uuid4()),
                "value": value_without_text(block.child_block),
            }
        ]
    if isinstance(block, blocks.StructBlock):
        # Text children alternately missing and null, so that both kinds of old data occur.
        value = {}
        for index, (name, child) in enumerate(block.child_blocks.items()):
            if not is_text_block(child):
                value[name] = value_without_text(child)
            elif index % 2:
                value[name] = None
        return value
    return None


@pytest.mark.django_db
@pytest.mark.parametrize("owner,field", stream_fields(), ids=lambda v: getattr(v, "name", v))
def test_content_stored_without_a_newer_text_field_can_still_be_translated(owner, field):
    """Adding a text field to a block leaves older content without it: translating and
    syncing such a page must not fail on the missing text."""
    model = MODELS[owner]
    instance = blank_instance(model, GERMAN)
    setattr(instance, field.name, value_without_text(field.stream_block))
    segments = extract_segments(instance)
    # Nothing to translate, but the structure is there: rich-text templates, chooser ids.
    assert not [s for s in segments if isinstance(s, StringSegmentValue) and not s.string.data]
    translation = blank_instance(model, ARABIC)
    copy_synchronised_fields(instance, translation)
    ingest_segments(instance, translation, GERMAN, ARABIC, segments)
    assert len(getattr(translation, field.name)) == len(field.stream_block.child_blocks)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(TRANSLATABLE))
def test_every_translated_text_lands_where_it_came_from(name):
    """Ingesting translated segments puts each translation back at its place, none lost."""
    model = MODELS[name]
    markers = Markers()
    original = instance_with_markers(model, markers)
    segments = extract_segments(original)
    translated_segments = [
        StringSegmentValue(
            segment.path,
            StringValue(segment.string.data.replace("Marker", "Übersetzt")),
            attrs=segment.attrs,
            order=segment.order,
        )
        if isinstance(segment, StringSegmentValue)
        else segment
        for segment in segments
    ]
    translation = blank_instance(model, ARABIC)
    copy_synchronised_fields(original, translation)
    ingest_segments(original, translation, GERMAN, ARABIC, translated_segments)
    strings = "\n".join(extracted_strings(translation))
    assert "Marker" not in strings
    expected = [marker.replace("Marker", "Übersetzt") for marker in markers.where]
    lost = [markers.where[m.replace("Übersetzt", "Marker")] for m in expected if m not in strings]
    assert not lost, "translation lost at: " + ", ".join(lost)
