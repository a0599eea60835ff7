"""Machine translation: DeepL's client at the boundary, the background task, the admin button,
the management command and the configuration by environment."""

import html
import json
import os
import re
import signal
import subprocess
import sys
from io import StringIO
from pathlib import Path
from unittest import mock
from urllib.parse import urlencode

import deepl
import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.urls import resolve, reverse

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.machine_translators.dummy import DummyTranslator
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from home.factories import StandardPageFactory, translate_page, with_block_ids
from translations.machine import DeepLTranslator
from translations.tasks import machine_translate_task, translate_missing_strings

ROOT = Path(__file__).resolve().parents[2]
DEEPL = {
    "CLASS": "translations.machine.DeepLTranslator",
    "OPTIONS": {"AUTH_KEY": "not-a-real-key:fx", "TIMEOUT": 12, "FORMALITY": "prefer_more"},
}
LINK_PARAGRAPH = (
    '<p>Anmeldung bei der <a href="https://example.org/beratung">Beratung</a> im Landratsamt.</p>'
)


# --- DeepL through its official client, with the client replaced at the network boundary ---


class FakeDeepL:
    """Stands in for `deepl.Translator`: records each request and answers like DeepL would."""

    instances = []

    def __init__(self, auth_key, *, server_url=None, **kwargs):
        self.auth_key = auth_key
        self.server_url = server_url
        self.requests = []
        FakeDeepL.instances.append(self)

    def translate_text(self, text, *, source_lang=None, target_lang, **options):
        texts = list(text)
        self.requests.append(
            {"texts": texts, "source_lang": source_lang, "target_lang": target_lang, **options}
        )
        return [
            deepl.TextResult(f"[{target_lang}] {t}", detected_source_lang="DE", billed_characters=1)
            for t in texts
        ]


@pytest.fixture
def fake_deepl(monkeypatch):
    FakeDeepL.instances = []
    monkeypatch.setattr(deepl, "Translator", FakeDeepL)
    # the translator sets the client's module-wide timeout and retries; restore them afterwards
    monkeypatch.setattr(deepl.http_client, "min_connection_timeout", 10.0)
    monkeypatch.setattr(deepl.http_client, "max_network_retries", 5)
    return FakeDeepL


def locale(code):
    return Locale(language_code=code)


def values(*texts):
    return [StringValue(text) for text in texts]


@pytest.mark.parametrize(
    "code, deepl_code",
    [("en", "EN-GB"), ("ar", "AR"), ("tr", "TR"), ("uk", "UK"), ("ru", "RU"), ("en-us", "EN-US")],
)
def test_deepl_gets_its_own_language_codes(fake_deepl, code, deepl_code):
    translator = DeepLTranslator(DEEPL["OPTIONS"])
    strings = values("Sprachkurse für Erwachsene")
    result = translator.translate(locale("de"), locale(code), strings)
    (request,) = fake_deepl.instances[0].requests
    assert request["source_lang"] == "DE"
    assert request["target_lang"] == deepl_code
    assert result[strings[0]].data == f"[{deepl_code}] Sprachkurse für Erwachsene"


def test_deepl_cannot_translate_persian_nor_german_into_german():
    translator = DeepLTranslator(DEEPL["OPTIONS"])
    assert not translator.can_translate(locale("de"), locale("fa"))
    assert not translator.can_translate(locale("de"), locale("de"))
    for code in ("en", "ar", "tr", "uk", "ru"):
        assert translator.can_translate(locale("de"), locale(code))


def test_deepl_keeps_inline_tags_and_links_and_maps_every_string(fake_deepl):
    translator = DeepLTranslator(DEEPL["OPTIONS"])
    strings = values(
        'Anmeldung bei der <a id="a1">Beratung</a> im <b>Landratsamt</b>.',
        "Zeile eins<br/>Zeile zwei &amp; drei",
        "Kurse in Rastatt",
    )
    result = translator.translate(locale("de"), locale("ar"), strings)

    (request,) = fake_deepl.instances[0].requests
    assert request["tag_handling"] == "html"
    assert request["formality"] == "prefer_more"
    assert request["texts"] == [s.data for s in strings]
    assert set(result) == set(strings)
    assert result[strings[0]].data == (
        '[AR] Anmeldung bei der <a id="a1">Beratung</a> im <b>Landratsamt</b>.'
    )
    assert result[strings[1]].data == "[AR] Zeile eins<br/>Zeile zwei &amp; drei"


def test_deepl_uses_the_key_timeout_and_retries(fake_deepl):
    translator = DeepLTranslator({**DEEPL["OPTIONS"], "MAX_RETRIES": 2})
    translator.translate(locale("de"), locale("tr"), values("Wohnen"))
    assert fake_deepl.instances[0].auth_key == "not-a-real-key:fx"
    assert deepl.http_client.min_connection_timeout == 12
    assert deepl.http_client.max_network_retries == 2


def test_deepl_is_asked_in_batches_of_at_most_fifty(fake_deepl):
    translator = DeepLTranslator(DEEPL["OPTIONS"])
    strings = values(*(f"Maßnahme Nummer {n} im Handlungsfeld Wohnen" for n in range(120)))
    result = translator.translate(locale("de"), locale("uk"), strings)
    requests = fake_deepl.instances[0].requests
    assert [len(r["texts"]) for r in requests] == [50, 50, 20]
    assert [s.data for s in strings] == [t for r in requests for t in r["texts"]]
    assert all(result[s].data == f"[UK] {s.data}" for s in strings)


def test_deepl_answers_that_break_the_markup_are_left_for_a_person(fake_deepl, monkeypatch):
    answers = iter(
        [
            "<p>Block tag</p>",  # block tags are not allowed in a string
            "Link verloren",  # the link <a id="a1"> is missing
            '<a id="a1">gut</a> übersetzt',
        ]
    )

    def broken(self, text, **options):
        return [
            deepl.TextResult(next(answers), detected_source_lang="DE", billed_characters=1)
            for _t in text
        ]

    monkeypatch.setattr(FakeDeepL, "translate_text", broken)
    strings = values("Erster Satz", 'Ein <a id="a1">Link</a>', '<a id="a1">Gut</a> gemacht')
    result = DeepLTranslator(DEEPL["OPTIONS"]).translate(locale("de"), locale("ar"), strings)
    assert list(result) == [strings[2]]


def test_deepl_is_not_asked_for_strings_without_letters(fake_deepl):
    strings = values("2.5", "07222 381-0", "Wohnen")
    result = DeepLTranslator(DEEPL["OPTIONS"]).translate(locale("de"), locale("ar"), strings)
    assert fake_deepl.instances[0].requests[0]["texts"] == ["Wohnen"]
    assert result[strings[0]].data == "2.5"
    assert result[strings[1]].data == "07222 381-0"


# --- the admin: translating outside the request ---


def grant(user, page, *codenames):
    group = Group.objects.create(name=f"Gruppe {user.username} {page.pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


@pytest.fixture
def course_page(home):
    """A published German page with a title, an intro, a heading and a paragraph with a link."""
    page = StandardPageFactory(
        parent=home,
        title="Sprachkurse für Erwachsene",
        slug="sprachkurse",
        intro="Kurse in Rastatt",
        body=with_block_ids(
            [
                {"type": "heading", "value": {"text": "Anmeldung und Beratung", "level": "h2"}},
                {"type": "paragraph", "value": LINK_PARAGRAPH},
            ]
        ),
    )
    page.save_revision().publish()
    return page


def start_translation(page, code, user=None):
    """What "Übersetzen" in the admin does: a Translation and a draft page in the language."""
    translate_page(Page.objects.get(pk=page.get_parent().pk), code)
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=code)
    )
    translation.save_target(user=user)
    return translation


@pytest.fixture
def users(django_user_model, home):
    officer = django_user_model.objects.create_superuser("officer", "o@example.org", "pw")
    translator = django_user_model.objects.create_user("translator", "t@example.org", "pw")
    reader = django_user_model.objects.create_user("reader", "r@example.org", "pw")
    grant(reader, home, "view_page")
    return {"officer": officer, "translator": translator, "reader": reader}


@pytest.fixture
def arabic(course_page, users):
    translation = start_translation(course_page, "ar", users["officer"])
    page = translation.get_target_instance()
    # the translator may edit the Arabic tree
    grant(users["translator"], page.get_parent(), "change_page")
    return {"translation": translation, "page": page}


def segment(translation, text):
    return StringSegment.objects.get(source=translation.source, string__data=text)


def edit_string(client, translation, text, value):
    """What the editor's "Speichern" on one segment sends."""
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=[translation.pk, segment(translation, text).pk],
    )
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def editor_props(response):
    """The data wagtail-localize's translation editor (a React app) is started with."""
    assert response.status_code == 200
    props = re.search(
        r'class="js-translation-editor" data-props="([^"]*)"', response.content.decode()
    )
    return json.loads(html.unescape(props.group(1)))


def messages_of(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def not_found(client, url):
    """404 for a POST (Django's LocaleMiddleware first tries the URL with /de/ in front)."""
    return client.post(url, follow=True).status_code == 404


def machine_translate_url(translation):
    return reverse("wagtail_localize:machine_translate", args=[translation.pk])


def run_worker():
    """One pass of the background worker over the translations queue, as `db_worker` runs.

    The worker closes stale database connections between tasks; here that would close the
    connection that holds the test's transaction, so only that housekeeping is left out.
    """
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command(
                "db_worker",
                "--backend=translations",
                "--queue-name=machine_translation",
                "--batch",
                "--no-startup-delay",
                "--no-reload",
                verbosity=0,
                stdout=StringIO(),
            )
    finally:
        for sig, handler in handlers.items():
            signal.signal(sig, handler)


def machine_strings(translation):
    return StringTranslation.objects.filter(
        locale=translation.target_locale,
        context__object_id=translation.source.object_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    )


def test_the_editors_button_reaches_our_view_not_wagtail_localizes():
    view = resolve(reverse("wagtail_localize:machine_translate", args=[1])).func
    assert view.__module__ == "translations.machine"
    assert view.__name__ == "machine_translate"


def test_editor_offers_machine_translation(client, users, arabic):
    client.force_login(users["translator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[arabic["page"].pk]))
    assert editor_props(response)["machineTranslator"] == {
        "name": "Dummyübersetzer",  # the dummy translator's name in the German admin
        "url": machine_translate_url(arabic["translation"]),
    }


def test_machine_translation_runs_in_the_background(
    client, users, arabic, monkeypatch, django_capture_on_commit_callbacks
):
    translation, page = arabic["translation"], arabic["page"]
    client.force_login(users["translator"])
    # a person has already translated the title
    assert edit_string(client, translation, "Sprachkurse für Erwachsene", "دورات اللغة").status_code
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])

    calls = []
    original = DummyTranslator.translate

    def counting(self, *args):
        calls.append(args)
        return original(self, *args)

    monkeypatch.setattr(DummyTranslator, "translate", counting)
    response = client.post(machine_translate_url(translation), {"next": edit_url})

    assert response.status_code == 302
    assert response["Location"] == edit_url
    assert messages_of(response) == [
        "Die maschinelle Übersetzung mit Dummyübersetzer läuft im Hintergrund. Laden Sie "
        "diese Seite in ein paar Minuten neu und prüfen Sie die Vorschläge."
    ]
    assert calls == []  # nothing was translated inside the request
    assert not machine_strings(translation).exists()
    (queued,) = DBTaskResult.objects.all()
    assert queued.status == TaskResultStatus.READY
    assert queued.backend_name == "translations"
    assert queued.args_kwargs["kwargs"]["translation_id"] == translation.pk

    # a second click while it waits queues nothing more
    response = client.post(machine_translate_url(translation), {"next": edit_url})
    assert messages_of(response)[-1] == (
        "Die maschinelle Übersetzung ist bereits beauftragt und läuft im Hintergrund."
    )
    assert DBTaskResult.objects.count() == 1

    run_worker()

    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert queued.return_value["translated"] == 3
    assert queued.return_value["kept"] == 1
    assert calls
    by_text = {
        st.translation_of.data: st
        for st in StringTranslation.objects.filter(locale=translation.target_locale)
    }
    title = by_text["Sprachkurse für Erwachsene"]
    assert title.data == "دورات اللغة"  # the person's translation is kept
    assert title.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    intro = by_text["Kurse in Rastatt"]
    assert intro.data == "Rastatt in Kurse"
    assert intro.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert intro.tool_name == "Dummyübersetzer"
    assert intro.last_translated_by == users["translator"]
    assert machine_strings(translation).count() == 3

    # the integration officer publishes the translation from the editor
    client.force_login(users["officer"])
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    public = client.get(page.url)
    assert public.status_code == 200
    html = public.content.decode()
    assert "دورات اللغة" in html
    assert "Rastatt in Kurse" in html
    assert "Beratung und Anmeldung" in html
    assert '<a href="https://example.org/beratung">Beratung</a>' in html
    assert "Landratsamt. im" in html


def test_a_person_confirms_a_machine_string_by_saving_it_unchanged(client, users, arabic):
    translation = arabic["translation"]
    machine_translate_task.call(translation_id=translation.pk)
    intro = machine_strings(translation).get(translation_of__data="Kurse in Rastatt")
    client.force_login(users["translator"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[arabic["page"].pk])

    def comment_in_editor():
        props = editor_props(client.get(edit_url))
        intro_segment = segment(translation, "Kurse in Rastatt").pk
        (shown,) = [
            t for t in props["initialStringTranslations"] if t["segment_id"] == intro_segment
        ]
        return shown["comment"]

    # the editor says which machine made the string
    assert comment_in_editor().startswith("Übersetzt mit Dummyübersetzer am ")

    # "Bearbeiten", then "Speichern" without a change
    response = edit_string(client, translation, "Kurse in Rastatt", intro.data)

    assert response.status_code == 200
    intro.refresh_from_db()
    assert intro.data == "Rastatt in Kurse"
    assert intro.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    assert intro.last_translated_by == users["translator"]
    assert comment_in_editor().startswith("Manuell übersetzt am ")


def test_without_edit_permission_nothing_is_queued(client, users, arabic):
    client.force_login(users["reader"])
    url = machine_translate_url(arabic["translation"])
    # Wagtail's admin answers a refused form with its start page and a message …
    response = client.post(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert messages_of(response) == ["Sie haben leider keinen Zugang zu diesem Bereich."]
    # … and a script with 403
    assert client.post(url, headers={"x-requested-with": "XMLHttpRequest"}).status_code == 403
    assert not DBTaskResult.objects.exists()
    assert not machine_strings(arabic["translation"]).exists()


def test_get_is_refused(client, users, arabic):
    client.force_login(users["translator"])
    assert client.get(machine_translate_url(arabic["translation"])).status_code == 405
    assert not DBTaskResult.objects.exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_with_machine_translation_off_the_url_is_gone(client, users, arabic):
    client.force_login(users["translator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[arabic["page"].pk]))
    assert editor_props(response)["machineTranslator"] is None
    assert not_found(client, machine_translate_url(arabic["translation"]))
    assert not DBTaskResult.objects.exists()


def test_nothing_left_to_translate_queues_nothing(client, users, arabic):
    translation = arabic["translation"]
    machine_translate_task.call(translation_id=translation.pk)
    client.force_login(users["translator"])
    response = client.post(machine_translate_url(translation))
    assert response.status_code == 302
    assert messages_of(response) == ["Es gibt nichts mehr zu übersetzen."]
    assert not DBTaskResult.objects.exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
def test_with_deepl_persian_is_not_offered(client, users, arabic, course_page, fake_deepl):
    persian = start_translation(course_page, "fa", users["officer"])
    persian_page = persian.get_target_instance()
    grant(users["translator"], persian_page.get_parent(), "change_page")
    client.force_login(users["translator"])

    arabic_editor = client.get(reverse("wagtailadmin_pages:edit", args=[arabic["page"].pk]))
    assert editor_props(arabic_editor)["machineTranslator"] == {
        "name": "DeepL",
        "url": machine_translate_url(arabic["translation"]),
    }
    persian_editor = client.get(reverse("wagtailadmin_pages:edit", args=[persian_page.pk]))
    assert editor_props(persian_editor)["machineTranslator"] is None

    assert not_found(client, machine_translate_url(persian))
    assert not DBTaskResult.objects.exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=DEEPL)
def test_deepl_through_the_task(users, arabic, fake_deepl):
    translation = arabic["translation"]
    result = machine_translate_task.call(
        translation_id=translation.pk, user_id=users["translator"].pk
    )
    assert result["translated"] == 4
    strings = machine_strings(translation)
    assert {s.tool_name for s in strings} == {"DeepL"}
    assert strings.get(translation_of__data="Kurse in Rastatt").data == "[AR] Kurse in Rastatt"
    link = strings.get(translation_of__data__contains="Beratung</a>")
    assert link.data == '[AR] Anmeldung bei der <a id="a1">Beratung</a> im Landratsamt.'
    assert not link.has_error


class FailingOnSecondChunk(DummyTranslator):
    calls = 0

    def translate(self, source_locale, target_locale, strings):
        FailingOnSecondChunk.calls += 1
        if FailingOnSecondChunk.calls == 2:
            raise ConnectionError("DeepL not reachable")
        return super().translate(source_locale, target_locale, strings)


def test_an_interrupted_run_keeps_its_chunks_and_the_next_run_does_the_rest(arabic):
    translation = arabic["translation"]
    translator = FailingOnSecondChunk({})
    with pytest.raises(ConnectionError):
        translate_missing_strings(translation, translator, chunk_size=2)
    assert machine_strings(translation).count() == 2

    outcome = translate_missing_strings(translation, translator, chunk_size=2)
    assert (outcome.translated, outcome.kept) == (2, 2)
    assert machine_strings(translation).count() == 4


# --- the management command ---


@pytest.fixture
def two_languages(course_page, users):
    return {code: start_translation(course_page, code, users["officer"]) for code in ("ar", "tr")}


def test_command_translates_one_page_into_one_language(course_page, two_languages):
    out = StringIO()
    call_command("machine_translate", "--page", course_page.pk, "--language", "ar", stdout=out)
    assert machine_strings(two_languages["ar"]).count() == 4
    assert not machine_strings(two_languages["tr"]).exists()
    output = out.getvalue()
    assert "Sprachkurse für Erwachsene → ar: 4 strings machine-translated" in output
    assert "1 translations, 4 strings machine-translated with Dummyübersetzer" in output


def test_command_translates_a_section_and_reports_nothing_to_do(home, two_languages):
    call_command("machine_translate", "--section", home.pk, stdout=StringIO())
    assert machine_strings(two_languages["ar"]).count() == 4
    assert machine_strings(two_languages["tr"]).count() == 4
    out = StringIO()
    call_command("machine_translate", "--section", home.pk, stdout=out)
    assert "0 translations, 0 strings" in out.getvalue()


def test_command_dry_run_and_queue(two_languages):
    out = StringIO()
    call_command("machine_translate", "--all-incomplete", "--dry-run", stdout=out)
    assert "Sprachkurse für Erwachsene → ar: 4 strings to translate" in out.getvalue()
    assert "Sprachkurse für Erwachsene → tr: 4 strings to translate" in out.getvalue()
    assert not StringTranslation.objects.exists()

    call_command("machine_translate", "--all-incomplete", "--language=tr", "--queue", stdout=out)
    assert DBTaskResult.objects.count() == 1
    assert not StringTranslation.objects.exists()
    run_worker()
    assert machine_strings(two_languages["tr"]).count() == 4
    assert not machine_strings(two_languages["ar"]).exists()


@override_settings(WAGTAILLOCALIZE_MACHINE_TRANSLATOR=None)
def test_command_refuses_when_machine_translation_is_off(two_languages):
    with pytest.raises(CommandError, match="DEEPL_AUTH_KEY"):
        call_command("machine_translate", "--all-incomplete", stdout=StringIO())


def test_command_refuses_an_unknown_page(db):
    with pytest.raises(CommandError, match="no page"):
        call_command("machine_translate", "--page", 999999, stdout=StringIO())


# --- configuration by environment ---

SHOW_SETTINGS = """
from django.conf import settings
from django_tasks import task_backends
from wagtail.models import Locale
from wagtail_localize.machine_translators import get_machine_translator
config = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None)
translator = get_machine_translator()
print(config["CLASS"] if config else None)
print(config["OPTIONS"]["AUTH_KEY"] if config else None)
print(translator.can_translate(Locale(language_code="de"), Locale(language_code="fa"))
      if translator else None)
print(type(task_backends["default"]).__name__, type(task_backends["translations"]).__name__)
"""


def settings_in(module, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DEEPL_AUTH_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(DJANGO_SETTINGS_MODULE=module, **env)
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", SHOW_SETTINGS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().split("\n")


def test_a_deepl_key_in_the_environment_turns_deepl_on(tmp_path):
    assert settings_in("config.settings.dev", DEEPL_AUTH_KEY="k3y:fx", DATA_DIR=str(tmp_path)) == [
        "translations.machine.DeepLTranslator",
        "k3y:fx",
        "False",
        "ImmediateBackend DatabaseBackend",
    ]


def test_without_a_key_machine_translation_is_off(tmp_path):
    assert settings_in("config.settings.dev", DATA_DIR=str(tmp_path)) == [
        "None",
        "None",
        "None",
        "ImmediateBackend DatabaseBackend",
    ]


def test_production_with_a_key_uses_deepl():
    assert (
        settings_in(
            "config.settings.production",
            DEEPL_AUTH_KEY="k3y",
            SECRET_KEY="x7#kP2$vQ9@mL4!nR8&wT3^zB6*cF1(hJ5)dG0-sY2+eU7=aK9~pN4",
            ALLOWED_HOSTS="portal.example.org",
            DATABASE_URL="sqlite:////tmp/unused-integrationsportal.sqlite3",
        )[0]
        == "translations.machine.DeepLTranslator"
    )
