"""The translation-status scenario of issue #6, built with wagtail-localize's own APIs."""

from django.test import TestCase

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from concept.factories import concept_tree
from home.factories import translate_page
from translations.status import target_locales, translation_states


def translator_text(code, german):
    """What our pretend translator writes for a German string."""
    return f"[{code}] {german}"


def translate(instance, code, *, kind="manual", only_new=False, publish=True, user=None):
    """Translate every string of the object's current source into one language and save the
    translation, as a translator does in wagtail-localize's editor; returns the translation.

    ``only_new`` leaves strings that already have a translation untouched (a translator after
    a sync). Page translations are published on commit by wagtail-localize, so the commit
    callbacks run here.
    """
    locale = Locale.objects.get(language_code=code)
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        existing = StringTranslation.objects.filter(
            translation_of=segment.string, context=segment.context, locale=locale
        )
        if only_new and existing.exists():
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            context=segment.context,
            locale=locale,
            defaults={
                "data": translator_text(code, segment.string.data),
                "translation_type": kind,
                "last_translated_by": user,
            },
        )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(user=user, publish=publish)
    return type(instance).objects.get(translation_key=instance.translation_key, locale=locale)


def sync(instance):
    """The German source was changed: update its frozen content ("Übersetzungen
    aktualisieren" in wagtail-localize)."""
    source = TranslationSource.objects.get_for_instance(instance)
    source.update_from_db()
    return source


def publish(page, **changes):
    """Change a German page and publish it."""
    page = Page.objects.get(pk=page.pk).specific
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def statuses(obj, languages=None):
    """Status of one German page or snippet per language code, read afresh from the database."""
    locales = target_locales(languages)
    obj = Page.objects.get(pk=obj.pk) if isinstance(obj, Page) else type(obj).objects.get(pk=obj.pk)
    return {
        state.locale.language_code: state.status for state in translation_states([obj], locales)
    }


def measure_in_a_translated_concept(home, languages=("ar", "tr")):
    """A concept with one chapter and measure 1.1; home, concept and chapter exist in every
    given language, the measure only in German."""
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    for code in languages:
        for page in (home, tree["concept"], tree["chapters"][0]):
            translate_page(page, code)
    measure = publish(
        tree["measures"][0],
        intro="Sprachkurse für Eltern mit Kinderbetreuung.",
        status="in_progress",
    )
    return measure
