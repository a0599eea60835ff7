"""Translate demo pages through wagtail-localize, exactly as a translator's work is stored."""

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(instance, language_code, mapping, user=None, publish=True):
    """Create (or leave alone) the translation of a page or snippet into one language.

    The translated strings are stored in wagtail-localize's translation memory and applied
    to a Translation, so translators see them in the editor and the status stays derivable.
    Segments without a translation in `mapping` fall back to the German source text.
    Like wagtail-localize's "Übersetzen", a new language reuses the existing source; it is
    only re-read when the German page was published since (a changed snippet needs
    `sync_translations`), so the other languages' status does not change.
    With `publish=False` a page's translation stays an unpublished draft, as when a
    translator saves their work in the editor without publishing it.
    Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing

    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created and _source_is_stale(source, instance):
        source.update_from_db()
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        target = mapping.get(segment.string.data)
        if target:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": target,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": user,
                },
            )
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    return _save_target(translation, instance, user, publish)


def sync_translations(instance, user=None):
    """Bring every translation of a changed source up to date, as wagtail-localize's
    "Sync translated pages" action does: synchronised fields (contacts, dates, numbers)
    are copied, translated text is kept, and published translations are published again.
    """
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None:
        return
    source.update_from_db()
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        target = instance.get_translation_or_none(translation.target_locale)
        publish = target is None or not isinstance(target, DraftStateMixin) or target.live
        _save_target(translation, instance, user, publish)


def _source_is_stale(source, instance):
    published = getattr(instance, "last_published_at", None)
    return published is not None and published > source.last_updated_at


def _save_target(translation, instance, user, publish):
    if not isinstance(instance, DraftStateMixin):
        translation.save_target(user=user, publish=True)
        return instance.get_translation(translation.target_locale)
    # Save a draft and publish it here: wagtail-localize would publish on commit with the
    # page object of this moment, which resets the tree counters of pages whose
    # translated children are added later in the same transaction.
    translation.save_target(user=user, publish=False)
    translated = instance.get_translation(translation.target_locale)
    if publish:
        revision = translated.get_latest_revision()
        if revision is not None:
            revision.publish(user=user)
        else:
            translated.save_revision(user=user).publish(user=user)
    return translated.__class__.objects.get(pk=translated.pk)
