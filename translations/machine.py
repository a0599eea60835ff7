"""Machine translation: DeepL through its official client, run outside the web request.

`DeepLTranslator` is the class `WAGTAILLOCALIZE_MACHINE_TRANSLATOR` names when `DEEPL_AUTH_KEY`
is set. The view below takes over wagtail-localize's "Translate with …" URL: instead of
translating inside the request (a long page would time out), it queues
`translations.tasks.machine_translate_task` and sends the translator back to the editor.
"""

from functools import cached_property

import deepl

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.models import Translation
from wagtail_localize.strings import StringValue, extract_ids

from roles.localize import can_edit
from translations.tasks import enqueue_machine_translation

# Languages DeepL translates from and into (ISO 639-1, as Wagtail locales name them).
# Persian (fa) is not among them: wagtail-localize then offers no machine translation for it.
DEEPL_LANGUAGES = {
    "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "hu", "id", "it", "ja",
    "ko", "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "tr", "uk", "zh",
}  # fmt: skip
# Target languages DeepL only accepts with a variant; the first is ours for the bare code.
DEEPL_TARGET_VARIANTS = {
    "en": ("EN-GB", "EN-US"),
    "pt": ("PT-PT", "PT-BR"),
    "zh": ("ZH-HANS", "ZH-HANT"),
}
FORMALITY_OPTIONS = {"default", "more", "less", "prefer_more", "prefer_less"}


def deepl_source_language(language_code):
    """DeepL's source code for a Wagtail language code ("de" → "DE"), or None."""
    base = language_code.lower().split("-")[0]
    return base.upper() if base in DEEPL_LANGUAGES else None


def deepl_target_language(language_code):
    """DeepL's target code for a Wagtail language code ("en" → "EN-GB", "uk" → "UK"), or None."""
    code = language_code.upper()
    base = code.split("-")[0].lower()
    if base not in DEEPL_LANGUAGES:
        return None
    variants = DEEPL_TARGET_VARIANTS.get(base)
    if variants is None:
        return base.upper()
    return code if code in variants else variants[0]


def batches(strings, max_count, max_chars):
    """Split strings into requests of at most `max_count` texts and about `max_chars` bytes."""
    batch, size = [], 0
    for string in strings:
        length = len(string.data.encode())
        if batch and (len(batch) >= max_count or size + length > max_chars):
            yield batch
            batch, size = [], 0
        batch.append(string)
        size += length
    if batch:
        yield batch


def checked_translation(source, text):
    """The translated HTML as a StringValue, or None if DeepL broke the inline markup.

    Strings are HTML fragments with only inline tags, links reduced to `<a id="a1">`; a
    translation that adds a block tag, an attribute, or loses or invents a link would break
    the page, so such a string is left for a person instead.
    """
    try:
        value = StringValue.from_translated_html(text)
    except ValueError:
        return None
    if extract_ids(value.data) != extract_ids(source.data):
        return None
    return value


def needs_translation(string):
    """False for strings without any letter (numbers, dates, phone numbers): nothing to do."""
    return any(character.isalpha() for character in string.render_text())


class DeepLTranslator(BaseMachineTranslator):
    """wagtail-localize machine translator using DeepL's official Python client."""

    display_name = "DeepL"
    # DeepL accepts at most 50 texts and 128 KiB per request.
    max_texts_per_request = 50
    max_bytes_per_request = 100_000

    @cached_property
    def client(self):
        # The client reads its timeout and retries from module settings (its documented way).
        deepl.http_client.min_connection_timeout = float(self.options.get("TIMEOUT", 30))
        deepl.http_client.max_network_retries = int(self.options.get("MAX_RETRIES", 3))
        return deepl.Translator(
            self.options["AUTH_KEY"], server_url=self.options.get("SERVER_URL") or None
        )

    def can_translate(self, source_locale, target_locale):
        source = deepl_source_language(source_locale.language_code)
        target = deepl_target_language(target_locale.language_code)
        return bool(source and target) and source != target.split("-")[0]

    def request_options(self):
        options = {
            # Strings are HTML fragments (inline tags, <br>, entities): DeepL keeps the tags
            # and translates only the text around and inside them.
            "tag_handling": "html",
        }
        formality = self.options.get("FORMALITY")
        if formality and formality in FORMALITY_OPTIONS:
            options["formality"] = formality
        return options

    def translate(self, source_locale, target_locale, strings):
        source_lang = deepl_source_language(source_locale.language_code)
        target_lang = deepl_target_language(target_locale.language_code)
        translations = {}
        to_send = []
        for string in strings:
            if needs_translation(string):
                to_send.append(string)
            else:
                translations[string] = string
        for batch in batches(to_send, self.max_texts_per_request, self.max_bytes_per_request):
            results = self.client.translate_text(
                [string.data for string in batch],
                source_lang=source_lang,
                target_lang=target_lang,
                **self.request_options(),
            )
            for string, result in zip(batch, results, strict=True):
                value = checked_translation(string, result.text)
                if value is not None:
                    translations[string] = value
        return translations


@require_POST
def machine_translate(request, translation_id):
    """Queue the machine translation of one translation and go back to the editor at once."""
    translator = get_machine_translator()
    if translator is None:
        raise Http404
    translation = get_object_or_404(
        Translation.objects.select_related("source__locale", "target_locale"), id=translation_id
    )
    try:
        instance = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    # The district and translator rules of the roles app, not only the model permission.
    if not can_edit(request.user, instance):
        raise PermissionDenied
    if not translator.can_translate(translation.source.locale, translation.target_locale):
        raise Http404

    outcome = enqueue_machine_translation(translation, request.user)
    if outcome == "queued":
        messages.success(
            request,
            _(
                "Die maschinelle Übersetzung mit %(tool)s läuft im Hintergrund. Laden Sie "
                "diese Seite in ein paar Minuten neu und prüfen Sie die Vorschläge."
            )
            % {"tool": translator.display_name},
        )
    elif outcome == "already_queued":
        messages.info(
            request,
            _("Die maschinelle Übersetzung ist bereits beauftragt und läuft im Hintergrund."),
        )
    else:
        messages.warning(request, _("Es gibt nichts mehr zu übersetzen."))

    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))


@hooks.register("register_admin_urls")
def register_admin_urls():
    # The same path as wagtail-localize's machine_translate view: this app comes before
    # wagtail_localize in INSTALLED_APPS, so this pattern is matched first and the editor's
    # button (which reverses "wagtail_localize:machine_translate") reaches this view.
    return [
        path(
            "localize/translate/<int:translation_id>/machine_translate/",
            machine_translate,
            name="translations_machine_translate",
        )
    ]
