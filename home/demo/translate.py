"""Translate demo pages through wagtail-localize, exactly as a translator's work is stored."""

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def translate(instance, language_code, mapping, user=None):
    """Create (or leave alone) the translation of a page or snippet into one language.

    The translated strings are stored in wagtail-localize's translation memory and applied
    to a Translation, so translators see them in the editor and the status stays derivable.
    Segments without a translation in `mapping` fall back to the German source text.
    Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing

    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
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
    if not isinstance(instance, DraftStateMixin):
        translation.save_target(user=user, publish=True)
        return instance.get_translation(locale)
    # Save a draft and publish it here: wagtail-localize would publish on commit with the
    # page object of this moment, which resets the tree counters of pages whose
    # translated children are added later in the same transaction.
    translation.save_target(user=user, publish=False)
    translated = instance.get_translation(locale)
    revision = translated.get_latest_revision()
    if revision is not None:
        revision.publish(user=user)
    else:
        translated.save_revision(user=user).publish(user=user)
    return translated.__class__.objects.get(pk=translated.pk)
