"""Translation status: derived from wagtail-localize's records, never stored, never drifting."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from concept.factories import concept_tree
from concept.models.status import Status as MeasureStatus
from contacts.factories import ContactFactory
from home.factories import StandardPageFactory, translate_page
from home.models import Topic
from tests.translations.status_scenario import (
    measure_in_a_translated_concept,
    publish,
    statuses,
    sync,
    translate,
    translator_text,
)
from translations.status import (
    Status,
    source_is_newer,
    summarise,
    target_locales,
    translation_states,
)

pytestmark = pytest.mark.django_db

UP_TO_DATE = Status.UP_TO_DATE
OUTDATED = Status.OUTDATED
MISSING = Status.MISSING


def of(obj, *codes):
    found = statuses(obj, languages=codes)
    return tuple(found[code] for code in codes)


@pytest.fixture
def measure(home):
    return measure_in_a_translated_concept(home)


@pytest.fixture
def translated(measure):
    """Measure 1.1 translated into Arabic and Turkish, both published."""
    return {
        "measure": measure,
        "ar": translate(measure, "ar"),
        "tr": translate(measure, "tr"),
    }


def test_every_language_is_missing_before_anyone_translates(measure):
    assert statuses(measure) == dict.fromkeys(["en", "ar", "fa", "tr", "uk", "ru"], MISSING)


def test_translated_measure_is_up_to_date_and_renders_right_to_left_with_its_number_and_status(
    client, translated
):
    measure = translated["measure"]
    assert of(measure, "ar", "tr") == (UP_TO_DATE, UP_TO_DATE)
    assert of(measure, "en", "fa") == (MISSING, MISSING)

    arabic = translated["ar"]
    response = client.get(arabic.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert arabic.url.startswith("/ar/")
    assert '<html lang="ar" dir="rtl">' in content
    assert re.search(r'<bdi class="measure-number"[^>]*>1\.1</bdi>', content)
    assert arabic.status == measure.status == MeasureStatus.IN_PROGRESS
    with translation.override("ar"):
        assert str(MeasureStatus(arabic.status).label) in content
    assert translator_text("ar", "Sprachkurse für Eltern mit Kinderbetreuung.") in content


def test_publishing_a_changed_german_source_makes_every_translation_outdated(translated):
    measure = publish(translated["measure"], intro="Sprachkurse für Eltern, auch abends.")
    assert of(measure, "ar", "tr") == (OUTDATED, OUTDATED)
    assert source_is_newer(Page.objects.get(pk=translated["ar"].pk)).pk == measure.pk


def test_after_a_sync_only_the_language_whose_new_strings_were_translated_is_up_to_date(
    translated,
):
    measure = publish(translated["measure"], intro="Sprachkurse für Eltern, auch abends.")
    sync(measure)
    assert of(measure, "ar", "tr") == (OUTDATED, OUTDATED)

    title_before = StringTranslation.objects.get(
        locale__language_code="ar",
        context__path="title",
        context__object_id=measure.translation_key,
    )
    arabic = translate(measure, "ar", only_new=True)

    assert of(measure, "ar", "tr") == (UP_TO_DATE, OUTDATED)
    # the translator's strings for the unchanged segments are kept, the new one is used
    assert arabic.title == translator_text("ar", "Maßnahme 1.1")
    assert arabic.intro == translator_text("ar", "Sprachkurse für Eltern, auch abends.")
    title_after = StringTranslation.objects.get(pk=title_before.pk)
    assert (title_after.data, title_after.updated_at) == (
        title_before.data,
        title_before.updated_at,
    )
    assert source_is_newer(Page.objects.get(pk=arabic.pk)) is None
    assert source_is_newer(Page.objects.get(pk=translated["tr"].pk)).pk == measure.pk


def test_syncing_without_a_new_german_publication_still_asks_for_the_new_strings(translated):
    measure = translated["measure"]
    Page.objects.filter(pk=measure.pk).update(title="Maßnahme 1.1 – Sprachkurse")
    sync(measure)
    assert of(measure, "ar", "tr") == (OUTDATED, OUTDATED)


@pytest.fixture
def mixed(home):
    """Measure 1.1 up to date in Arabic, outdated in Turkish, machine-translated in Persian and
    missing elsewhere; a second chapter to move it to."""
    tree = concept_tree(home, chapters=2, measures_per_chapter=1)
    for code in ("ar", "tr", "fa"):
        for page in (home, tree["concept"], *tree["chapters"]):
            translate_page(page, code)
    measure = publish(tree["measures"][0], intro="Lotsen begleiten Neuzugewanderte.")
    translate(measure, "tr")
    measure = publish(measure, intro="Lotsinnen und Lotsen begleiten Neuzugewanderte.")
    sync(measure)
    translate(measure, "ar")
    translate(measure, "fa", kind="machine")
    return {"measure": measure, "tree": tree}


MIXED = {
    "ar": UP_TO_DATE,
    "tr": OUTDATED,
    "fa": Status.MACHINE,
    "en": MISSING,
    "uk": MISSING,
    "ru": MISSING,
}


def test_the_mixed_fixture_has_every_kind_of_status(mixed):
    assert statuses(mixed["measure"]) == MIXED


def test_moving_the_german_page_changes_no_status(mixed):
    measure = mixed["measure"]
    other_chapter = mixed["tree"]["chapters"][1]
    Page.objects.get(pk=measure.pk).move(other_chapter, pos="last-child")
    moved = Page.objects.get(pk=measure.pk)
    assert moved.get_parent().pk == other_chapter.pk
    assert statuses(moved) == MIXED


def test_saving_a_german_draft_changes_no_status(mixed):
    measure = Page.objects.get(pk=mixed["measure"].pk).specific
    measure.intro = "Ein Entwurf, noch nicht freigegeben."
    measure.save_revision()
    assert Page.objects.get(pk=measure.pk).has_unpublished_changes
    assert statuses(measure) == MIXED


def test_an_arabic_draft_is_in_progress_and_changes_no_other_language(mixed):
    measure = mixed["measure"]
    arabic = Page.objects.get(translation_key=measure.translation_key, locale__language_code="ar")
    StringTranslation.objects.filter(
        locale__language_code="ar", context__path="intro", context__object_id=arabic.translation_key
    ).update(data="مسودة")
    translate(measure, "ar", only_new=True, publish=False)

    arabic.refresh_from_db()
    assert arabic.live and arabic.has_unpublished_changes
    assert statuses(measure) == {**MIXED, "ar": Status.IN_PROGRESS}


def test_an_unpublished_translation_is_in_progress(measure):
    translate(measure, "uk", publish=False)
    assert of(measure, "uk") == (Status.IN_PROGRESS,)


def test_machine_translated_until_a_person_checks_every_machine_segment(admin_client, measure):
    translate(measure, "fa", kind="machine")
    assert of(measure, "fa") == (Status.MACHINE,)

    # A person checks each segment in wagtail-localize's editor (its own API view).
    fa = Locale.objects.get(language_code="fa")
    job = Translation.objects.get(source__object_id=measure.translation_key, target_locale=fa)
    segments = list(StringSegment.objects.filter(source=job.source).select_related("string"))
    assert len(segments) > 1
    for index, segment in enumerate(segments):
        url = reverse("wagtail_localize:edit_string_translation", args=[job.pk, segment.pk])
        response = admin_client.put(
            url,
            data=f"value=checked-{index}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code == 200
        expected = Status.MACHINE if index < len(segments) - 1 else UP_TO_DATE
        assert of(measure, "fa") == (expected,)


def test_an_alias_in_another_language_counts_as_missing(home):
    page = StandardPageFactory(parent=home, title="Wohnen")
    translate_page(home, "en")
    page.copy_for_translation(Locale.objects.get(language_code="en"), alias=True)
    assert Page.objects.filter(translation_key=page.translation_key).count() == 2
    assert of(page, "en") == (MISSING,)


def test_a_translation_made_without_wagtail_localize_follows_publication_dates(home):
    page = publish(StandardPageFactory(parent=home, title="Wohnen"))
    translate_page(home, "en")
    english = translate_page(page, "en")
    assert of(page, "en") == (UP_TO_DATE,)
    publish(page, intro="Neu")
    assert of(page, "en") == (OUTDATED,)
    publish(english, intro="New")
    assert of(page, "en") == (UP_TO_DATE,)


def test_a_stopped_translation_edited_by_hand_follows_publication_dates(admin_client, translated):
    measure = translated["measure"]
    job = Translation.objects.get(
        source__object_id=measure.translation_key, target_locale__language_code="ar"
    )
    response = admin_client.post(reverse("wagtail_localize:stop_translation", args=[job.pk]))
    assert response.status_code == 302
    measure = publish(measure, intro="Sprachkurse für Eltern, auch abends.")
    sync(measure)
    assert of(measure, "ar", "tr") == (OUTDATED, OUTDATED)

    arabic = publish(translated["ar"], intro="دورات لغة للآباء، مساءً أيضاً")
    assert of(measure, "ar", "tr") == (UP_TO_DATE, OUTDATED)
    assert source_is_newer(Page.objects.get(pk=arabic.pk)) is None
    assert source_is_newer(Page.objects.get(pk=translated["tr"].pk)).pk == measure.pk


def test_objects_created_in_another_language_without_german_source_are_left_out(home):
    arabic_home = translate_page(home, "ar")
    only_arabic = StandardPageFactory(parent=arabic_home, title="نص عربي فقط")
    assert only_arabic.locale.language_code == "ar"
    states = translation_states([Page.objects.get(pk=only_arabic.pk)], target_locales())
    assert states == []


# Snippets -----------------------------------------------------------------------------------


def topic(name="Wohnen", slug="wohnen"):
    return Topic.objects.create(name=name, slug=slug, locale=Locale.get_default())


def test_snippet_missing_then_up_to_date_then_outdated_after_its_german_text_changes():
    housing = topic()
    assert of(housing, "ar") == (MISSING,)

    arabic = translate(housing, "ar")
    assert arabic.name == translator_text("ar", "Wohnen")
    assert arabic.slug == "wohnen"
    assert of(housing, "ar", "tr") == (UP_TO_DATE, MISSING)

    housing.save()  # saved again without a change
    assert of(housing, "ar") == (UP_TO_DATE,)

    housing.name = "Wohnen und Unterkunft"
    housing.save()
    assert of(housing, "ar") == (OUTDATED,)

    sync(housing)
    assert of(housing, "ar") == (OUTDATED,)
    translate(housing, "ar", only_new=True)
    assert of(housing, "ar") == (UP_TO_DATE,)
    assert Topic.objects.get(pk=arabic.pk).name == translator_text("ar", "Wohnen und Unterkunft")


def test_a_changed_synchronised_snippet_field_is_outdated_until_synced(site):
    contact = ContactFactory(site=site, position="Integrationsbeauftragte")
    translate(contact, "en")
    assert of(contact, "en") == (UP_TO_DATE,)

    contact.phone = "+4972223812000"
    contact.save()
    assert of(contact, "en") == (OUTDATED,)

    sync(contact)
    translate(contact, "en", only_new=True)
    assert of(contact, "en") == (UP_TO_DATE,)


def test_a_snippet_translation_in_one_language_changes_no_other_language():
    housing = topic()
    translate(housing, "ar")
    translate(housing, "tr")
    housing.name = "Wohnraum"
    housing.save()
    sync(housing)
    translate(housing, "tr", only_new=True)
    assert of(housing, "ar", "tr") == (OUTDATED, UP_TO_DATE)


# Cost ---------------------------------------------------------------------------------------


def pages_translated(home, count):
    translate_page(home, "ar")
    pages = [StandardPageFactory(parent=home, title=f"Seite {i}") for i in range(count)]
    for i, page in enumerate(pages):
        if i % 3 == 0:
            translate(page, "ar")
        elif i % 3 == 1:
            translate(page, "ar", kind="machine")
    return Page.objects.filter(depth__gt=1, locale__language_code="de").order_by("path")


# German locale, sources, frozen snippet content, logs, stopped translations, segment totals,
# translated segments, translated pages, translated topics (one query per snippet model)
REPORT_QUERIES = 9


@pytest.mark.parametrize("count", [10, 50])
def test_a_whole_report_costs_a_fixed_number_of_queries(home, django_assert_max_num_queries, count):
    housing = topic()
    translate(housing, "ar")
    pages = list(pages_translated(home, count))
    locales = target_locales()
    with CaptureQueriesContext(connection) as queries:
        states = translation_states([*pages, housing], locales)
    with django_assert_max_num_queries(REPORT_QUERIES):
        translation_states([*pages, housing], locales)
    assert len(queries) == REPORT_QUERIES
    assert len(states) == (count + 2) * len(locales)
    counts = summarise(state for state in states if state.locale.language_code == "ar")
    assert counts[UP_TO_DATE] == len(range(0, count, 3)) + 2  # pages, home and topic
    assert counts[Status.MACHINE] == len(range(1, count, 3))
    assert counts[MISSING] == len(range(2, count, 3))
