"""The demo leaves a realistic mix of translation states, all derivable from wagtail-localize.

A newcomer opening the admin should see most pages up to date in English and Arabic, a few
outdated because their German source was corrected later, key pages in Turkish, Ukrainian
and Persian, one Ukrainian translation still a draft, and nothing in Russian.
"""

from collections import Counter
from io import StringIO

import pytest

from django.core.management import call_command
from django.db.models import Max

from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import Translation, TranslationLog

from home.demo.history import MEASURE_PROGRESS, NEWS_TEASER

pytestmark = pytest.mark.django_db


def page_translations():
    """(German page, translated page or None, Translation) for every page translation."""
    rows = []
    for translation in Translation.objects.select_related("source", "target_locale"):
        source = translation.source.get_source_instance()
        if isinstance(source, Page):
            target = source.get_translation_or_none(translation.target_locale)
            rows.append((source, target, translation))
    return rows


def outdated():
    """(German url path, language) of translations whose source was published after the
    translation was last made or synced."""
    found = set()
    for source, _target, translation in page_translations():
        logged = TranslationLog.objects.filter(
            source=translation.source, locale=translation.target_locale
        ).aggregate(last=Max("created_at"))["last"]
        if logged is not None and source.last_published_at > logged:
            found.add((source.url_path, translation.target_locale.language_code))
    return found


def host(page):
    return {"HTTP_HOST": page.get_site().hostname}


def test_key_pages_are_in_turkish_ukrainian_and_persian_only(demo, client):
    key_pages = {
        "/integration-rastatt/",
        "/integration-rastatt/kontakte/",
        "/integration-rastatt/integrationskonzept-2024/",
        "/integration-rems-murr/",
        "/integration-rems-murr/kontakte/",
        "/integration-rems-murr/integrationsplan-2017/",
    }
    published = {}
    for source, target, translation in page_translations():
        if target is not None and target.live:
            code = translation.target_locale.language_code
            published.setdefault(code, set()).add(source.url_path)
    assert published["tr"] == key_pages
    assert published["uk"] == key_pages - {"/integration-rems-murr/integrationsplan-2017/"}
    assert published["fa"] == {"/integration-rastatt/", "/integration-rems-murr/"}
    content = client.get("/tr/").content.decode()
    assert '<html lang="tr"' in content and "Rastatt İlçesinde Uyum" in content
    content = client.get("/fa/", HTTP_HOST="rems-murr.localhost").content.decode()
    assert '<html lang="fa" dir="rtl">' in content and "ادغام در شهرستان رمس-مور" in content
    content = client.get("/uk/integrationskonzept-2024/").content.decode()
    assert "Концепція інтеграції – оновлення 2024 року" in content
    assert "Комітет із соціальних питань" in content  # the deciding body, translated too
    # a page that is missing in Turkish is not served in Turkish
    assert client.get("/tr/beteiligung/").status_code == 404


def test_russian_has_no_translated_page(demo):
    russian = Locale.objects.get(language_code="ru")
    assert not Page.objects.filter(locale=russian).exists()
    assert not Translation.objects.filter(target_locale=russian).exists()


def test_two_pages_are_outdated_because_their_german_source_was_corrected(demo, client):
    assert outdated() == {
        ("/integration-rastatt/aktuelles/integrationskonzept-beschlossen/", "en"),
        ("/integration-rastatt/aktuelles/integrationskonzept-beschlossen/", "ar"),
        ("/integration-rems-murr/integrationsplan-2017/bildung-und-sprache/massnahme-1-3/", "en"),
        ("/integration-rems-murr/integrationsplan-2017/bildung-und-sprache/massnahme-1-3/", "ar"),
    }
    # the correction is a published revision of the German page, after the translations
    news = Page.objects.get(
        slug="integrationskonzept-beschlossen", locale__language_code="de"
    ).specific
    assert news.teaser == NEWS_TEASER
    revisions = Revision.page_revisions.filter(object_id=str(news.pk)).order_by("created_at")
    assert revisions.count() == 2 and news.live_revision == revisions.last()
    german = client.get(news.url).content.decode()
    assert "der Fortschreibung des Integrationskonzepts zugestimmt" in german
    # the English translation still shows what was translated, until someone syncs it
    english = news.get_translation(Locale.objects.get(language_code="en")).specific
    assert english.teaser.startswith("On 18 June 2024 the social affairs committee approved")
    assert english.teaser in client.get(english.url).content.decode()

    measure = Page.objects.get(slug="massnahme-1-3", locale__language_code="de").specific
    assert measure.progress[0].value["text"] == MEASURE_PROGRESS
    content = client.get(measure.url, **host(measure)).content.decode()
    assert MEASURE_PROGRESS in content
    arabic = measure.get_translation(Locale.objects.get(language_code="ar")).specific
    assert arabic.progress[0].value["text"] == "بدأ العمل على هذا الإجراء."


def test_synchronised_contact_box_keeps_translations_up_to_date(demo, client):
    """The office page got its "Kontakt" box after translation, through a sync: it is
    in every language and not outdated."""
    office = Page.objects.get(slug="sachgebiet-integration", locale__language_code="de")
    assert not {path for path, _code in outdated()} & {office.url_path}
    for translated in office.get_translations():
        assert translated.specific.page_contacts.count() == 1
    assert "Miriam Beispiel" in client.get("/en/sachgebiet-integration/").content.decode()


def test_one_ukrainian_translation_is_a_saved_draft(demo, client):
    ukrainian = Locale.objects.get(language_code="uk")
    drafts = [
        (source, target)
        for source, target, translation in page_translations()
        if target is not None and not target.live
    ]
    assert len(drafts) == 1
    source, draft = drafts[0]
    assert (source.slug, draft.locale) == ("integrationsplan-2017", ukrainian)
    assert Translation.objects.get(
        source__object_id=source.translation_key, target_locale=ukrainian
    ).enabled
    # the translator's work so far is in the draft revision, not on the public site
    revision = draft.get_latest_revision_as_object()
    assert revision.title == "План інтеграції для району Ремс-Мурр"
    assert revision.intro.startswith("Понад 60 рекомендацій")
    assert draft.has_unpublished_changes and draft.last_published_at is None
    assert (
        client.get("/uk/integrationsplan-2017/", HTTP_HOST="rems-murr.localhost").status_code == 404
    )
    assert client.get("/uk/", HTTP_HOST="rems-murr.localhost").status_code == 200


def published_german_pages():
    """The German pages readers can see or saw: the scheduled news item (home/demo/approval.py)
    is translated once it is live."""
    return Page.objects.filter(locale__language_code="de", live=True).exclude(depth=1)


def test_most_pages_are_up_to_date_in_english_and_arabic(demo):
    german = published_german_pages()
    stale = outdated()
    for code in ("en", "ar"):
        locale = Locale.objects.get(language_code=code)
        current = [
            page
            for page in german
            if page.get_translation_or_none(locale) is not None
            and (page.url_path, code) not in stale
        ]
        assert len(current) == german.count() - 2


def test_status_report_shows_the_mix(demo):
    """The same mix through the status report's own computation (translations/status.py)."""
    from home.models import Topic
    from translations.status import Status, translation_states

    german = list(published_german_pages())
    total = len(german)
    states = translation_states(german)
    counts = {}
    for state in states:
        counts.setdefault(state.locale.language_code, Counter())[state.status] += 1
    assert counts["en"] == {Status.UP_TO_DATE: total - 2, Status.OUTDATED: 2}
    assert counts["ar"] == {Status.UP_TO_DATE: total - 2, Status.OUTDATED: 2}
    assert counts["tr"] == {Status.UP_TO_DATE: 6, Status.MISSING: total - 6}
    assert counts["uk"] == {
        Status.UP_TO_DATE: 5,
        Status.IN_PROGRESS: 1,
        Status.MISSING: total - 6,
    }
    assert counts["fa"] == {Status.UP_TO_DATE: 2, Status.MISSING: total - 2}
    assert counts["ru"] == {Status.MISSING: total}
    reported = {
        (state.source.url_path, state.locale.language_code)
        for state in states
        if state.status == Status.OUTDATED
    }
    assert reported == outdated()

    topics = Topic.objects.filter(locale__language_code="de")
    by_topic_language = {}
    for state in translation_states(list(topics)):
        by_topic_language.setdefault(state.locale.language_code, set()).add(state.status)
    for code in ("en", "ar", "tr", "uk"):
        assert by_topic_language[code] == {Status.UP_TO_DATE}, code
    assert by_topic_language["fa"] == by_topic_language["ru"] == {Status.MISSING}


def test_every_live_page_renders_in_its_language(demo, client):
    pages = Page.objects.live().exclude(depth=1).select_related("locale")
    languages = set()
    for page in pages.specific():
        response = client.get(page.url, **host(page))
        assert response.status_code == 200, (page.url, response.status_code)
        code = page.locale.language_code
        assert f'<html lang="{code}"' in response.content.decode(), page.url
        languages.add(code)
    assert languages == {"de", "en", "ar", "fa", "tr", "uk"}


def test_running_the_demo_again_keeps_every_state(demo):
    before = (
        outdated(),
        Revision.objects.count(),
        TranslationLog.objects.count(),
        Page.objects.filter(live=False).count(),
    )
    call_command("load_demo", stdout=StringIO())
    after = (
        outdated(),
        Revision.objects.count(),
        TranslationLog.objects.count(),
        Page.objects.filter(live=False).count(),
    )
    assert after == before
