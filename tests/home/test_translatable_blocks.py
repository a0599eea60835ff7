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
