"""A translator corrects an Arabic segment in wagtail-localize's editor and publishes it."""

import os
import re

import pytest

from tests.browser.conftest import save_screenshot

pytestmark = pytest.mark.browser

PUBLIC_URL = "/ar/gebaerdensprache/"
SOURCE_TEXT = "Die Videos werden auf unserem eigenen Server bereitgestellt."
OLD_ARABIC = "تُعرض مقاطع الفيديو من خادمنا الخاص."
NEW_ARABIC = "نعرض مقاطع الفيديو من خادمنا الخاص، دون أي خدمة خارجية."


@pytest.fixture(scope="module")
def sign_language_page(demo_site, django_db_blocker):
    """The Arabic sign-language page of Landkreis Rastatt, which no other browser test
    changes; looked up before the test and restored after it, outside the test's
    transaction, so the live server's writes are never blocked by a read lock."""
    from wagtail.models import Locale, Page, Site
    from wagtail_localize.models import StringTranslation, Translation, TranslationSource

    with django_db_blocker.unblock():
        home = Site.objects.get(is_default_site=True).root_page
        german = Page.objects.descendant_of(home).get(
            slug="gebaerdensprache", locale__language_code="de"
        )
        arabic = german.get_translation(Locale.objects.get(language_code="ar"))
        source = TranslationSource.objects.get_for_instance(german)
        translation = Translation.objects.get(source=source, target_locale=arabic.locale)
        segment = StringTranslation.objects.get(
            translation_of__data=SOURCE_TEXT,
            context__object_id=source.object_id,
            locale=arabic.locale,
        )
        assert segment.data == OLD_ARABIC
        yield arabic
        StringTranslation.objects.filter(pk=segment.pk).update(data=OLD_ARABIC)
        translation.save_target(publish=True)


def log_in(page, server, next_url):
    page.goto(f"{server.url}/admin/login/?next={next_url}")
    page.get_by_label("Benutzername").fill("admin")
    page.locator("#id_password").fill(os.environ["DEMO_PASSWORD"])
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"**{next_url}")


def test_translator_edits_a_segment_publishes_and_readers_see_it(
    server, page, requests_log, sign_language_page
):
    page.goto(server.url + PUBLIC_URL)
    assert OLD_ARABIC in page.locator("main").inner_text()

    edit_url = f"/admin/pages/{sign_language_page.pk}/edit/"
    log_in(page, server, edit_url)
    # wagtail-localize replaces the page editor of a translation with its own
    assert page.get_by_role("heading", name=re.compile("Deutsch to العربية")).is_visible()
    segment = (
        page.get_by_role("listitem").filter(has=page.get_by_text(SOURCE_TEXT, exact=True)).last
    )
    assert segment.get_by_text(OLD_ARABIC).is_visible()

    segment.get_by_role("button", name="Bearbeiten").click()
    field = segment.get_by_role("textbox")
    assert field.input_value() == OLD_ARABIC
    field.fill(NEW_ARABIC)
    segment.get_by_role("button", name="Speichern").click()
    # saved through the editor's API: the segment shows the new text, ready to edit again
    segment = page.get_by_role("listitem").filter(has=page.get_by_text(NEW_ARABIC)).last
    segment.get_by_role("button", name="Bearbeiten").wait_for()
    assert segment.get_by_text(SOURCE_TEXT, exact=True).is_visible()
    save_screenshot(page, "translation-editor-ar")

    # until published, readers still see the old translation
    reader = page.context.new_page()
    reader.goto(server.url + PUBLIC_URL)
    assert OLD_ARABIC in reader.locator("main").inner_text()

    with page.expect_navigation():
        page.get_by_role("button", name="Veröffentlichen in العربية").click()
    assert page.get_by_text(f"'{sign_language_page.title}' in العربية veröffentlicht.").is_visible()

    reader.goto(server.url + PUBLIC_URL)
    assert reader.locator("html").get_attribute("dir") == "rtl"
    text = reader.locator("main").inner_text()
    assert NEW_ARABIC in text and OLD_ARABIC not in text
    save_screenshot(reader, "translation-published-ar")
    assert requests_log.foreign() == []
