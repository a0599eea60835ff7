"""Language helpers shared by all apps."""

from django.db.models import BooleanField, ExpressionWrapper, Q

from wagtail.models import Locale

# Set on a record by `read_with_translations`: (locale id, the record in that language).
IN_LANGUAGE = "_in_language"


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def read_with_translations(queryset, pks, **translation_filters):
    """{pk: record} for the records of `queryset` with these primary keys (a list or a
    subquery), in one query with their translations into the active language (those that
    match `translation_filters`, e.g. live=True). The records are the chosen ones, whatever
    their language; each remembers its translation (else itself), which `localize_all`
    then gives without a query.

    Records are loaded as model instances, so the page cache records what the page shows.
    """
    locale = _active_locale()
    if locale is None:
        return {record.pk: record for record in queryset.filter(pk__in=pks)}
    chosen = Q(pk__in=pks)
    keys = queryset.model._default_manager.filter(chosen).values("translation_key")
    # Every record wanted shares a translation key with a chosen one: filtering by the keys
    # first lets the database use the (translation key, locale) index; an OR of the two
    # conditions alone made it read the whole page table.
    records = list(
        queryset.filter(translation_key__in=keys)
        .filter(chosen | Q(locale=locale, **translation_filters))
        .annotate(is_chosen=ExpressionWrapper(chosen, output_field=BooleanField()))
    )
    # (translation key, locale) is unique: a chosen record in the active language is its own.
    translations = {
        record.translation_key: record for record in records if record.locale_id == locale.pk
    }
    result = {}
    for record in records:
        if record.is_chosen:
            translation = translations.get(record.translation_key, record)
            setattr(record, IN_LANGUAGE, (locale.pk, translation))
            result[record.pk] = record
    return result


def read_translation(record):
    """The translation `read_with_translations` read with this record (else the record)."""
    return getattr(record, IN_LANGUAGE, (None, record))[1]


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
