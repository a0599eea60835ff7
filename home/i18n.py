"""Language helpers shared by all apps."""

from django.db.models import Q

from wagtail.models import Locale

# Set on a record by `read_with_translations`: (locale id, the record in that language).
IN_LANGUAGE = "_in_language"


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def read_with_translations(model, pks):
    """{primary key: record} for these keys (as stored, e.g. in a StreamField's JSON; None and
    missing left out), each record remembering its translation into the active language,
    all in one query. The records themselves are the chosen ones, whatever the language:
    `localize_all` swaps them."""
    field = model._meta.pk
    wanted = {field.to_python(pk) for pk in pks if pk is not None}
    if not wanted:
        return {}
    manager = model._default_manager
    locale = _active_locale()
    if locale is None:
        return {record.pk: record for record in manager.filter(pk__in=wanted)}
    chosen = Q(pk__in=wanted)
    keys = manager.filter(chosen).values("translation_key")
    records = list(manager.filter(translation_key__in=keys).filter(chosen | Q(locale=locale)))
    translations = {
        record.translation_key: record for record in records if record.locale_id == locale.pk
    }
    result = {}
    for record in records:
        if record.pk in wanted:
            setattr(
                record,
                IN_LANGUAGE,
                (locale.pk, translations.get(record.translation_key, record)),
            )
            result[record.pk] = record
    return result


def localize_all(objects):
    """Each translatable object in the active language where translated, in one query.

    Objects without a translation stay as they are (the German source), so a list never
    loses an entry; templates may mark those with their own `lang`. Objects read by
    `read_with_translations` in this language (snippet choosers) need no query.
    """
    objects = [obj for obj in objects if obj is not None]
    if not objects:
        return []
    locale = _active_locale()
    if locale is None:
        return objects
    read = [getattr(obj, IN_LANGUAGE, None) for obj in objects]
    if all(entry is not None and entry[0] == locale.pk for entry in read):
        return [translation for _locale, translation in read]  # read with the records
    model = type(objects[0])
    wanted = {obj.translation_key for obj in objects if obj.locale_id != locale.id}
    translations = (
        {
            obj.translation_key: obj
            for obj in model.objects.filter(translation_key__in=wanted, locale=locale)
        }
        if wanted
        else {}
    )
    return [translations.get(obj.translation_key, obj) for obj in objects]
