"""Every shared block, tables and nested lists included, goes through wagtail-localize."""

import pytest

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from home.demo.translate import translate
from home.factories import StandardPageFactory, body_with_every_block, translate_page
from home.models import StandardPage

pytestmark = pytest.mark.django_db


def test_table_accordion_and_link_list_segments_are_extracted_and_translated(
    client, home, image, document, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(
        parent=home, slug="bausteine", body=body_with_every_block(image, document, home)
    )
    page = StandardPage.objects.get(pk=page.pk)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    for text in (
        "Workshops 2023",
        "Ort",
        "Gaggenau",
        "Wo finde ich einen Sprachkurs?",
        "Weiterführende Links",
        "Teilnehmende am Workshop in Bühl",
        "Hinweis",
    ):
        assert text in strings
    mapping = {
        "Workshops 2023": "ورش العمل 2023",
        "Ort": "المكان",
        "Gaggenau": "غاغناو",
        "Wo finde ich einen Sprachkurs?": "أين أجد دورة لغة؟",
        "Teilnehmende am Workshop in Bühl": "مشاركون في ورشة العمل في بول",
    }
    translate_page(home, "ar")
    with django_capture_on_commit_callbacks(execute=True):
        arabic = translate(page, "ar", mapping)
    assert arabic.locale == Locale.objects.get(language_code="ar")
    content = client.get(arabic.url).content.decode()
    for text in mapping.values():
        assert text in content
    table = next(block for block in arabic.body if block.block_type == "table")
    assert table.value["data"][1][1] == "40"  # numbers without translation keep the source


def test_snippet_chooser_keeps_the_chosen_record_and_reads_its_translation_with_it(site):
    """A synchronised chooser gives back the record the editor chose (saving never swaps it
    for a translation), read in one query with its translation into the reader's language,
    so that showing it in that language needs no query of its own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from concept.blocks import DecidingBodyChooserBlock
    from concept.factories import DecidingBodyFactory
    from home.i18n import localize_all

    council = DecidingBodyFactory(name="Kreistag")
    arabic = council.copy_for_translation(Locale.objects.get(language_code="ar"))
    arabic.name = "مجلس المقاطعة"
    arabic.save()
    untranslated = DecidingBodyFactory(name="Jugendhilfeausschuss")
    block = DecidingBodyChooserBlock()

    with translation.override("ar"), CaptureQueriesContext(connection) as queries:
        chosen = block.bulk_to_python([council.pk, str(council.pk), None, untranslated.pk, 0])
        shown = localize_all(chosen)
    on_bodies = [query for query in queries if "concept_decidingbody" in query["sql"]]
    assert len(on_bodies) == 1, [query["sql"] for query in on_bodies]
    assert [record.pk if record else None for record in chosen] == [
        council.pk,
        council.pk,
        None,
        untranslated.pk,
        None,
    ]
    assert chosen[0] is not chosen[1]
    assert [record.name for record in shown] == [
        "مجلس المقاطعة",
        "مجلس المقاطعة",
        "Jugendhilfeausschuss",
    ]
    assert block.get_prep_value(chosen[0]) == council.pk
