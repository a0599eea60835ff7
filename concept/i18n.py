"""Translatable records in the reader's language, read together with their translations."""

from django.db.models import BooleanField, ExpressionWrapper, Q

from wagtail.models import Locale


def localized_by_pk(queryset, pks, **translation_filters):
    """{pk: record in the reader's language} for the records of `queryset` with these primary
    keys (a list or a subquery), in one query: each record's translation into the active
    language where there is one (and it matches `translation_filters`, e.g. live=True), else
    the record itself, as `home.i18n.localize_all` does for records already loaded.

    Records are loaded as model instances, so the page cache records what the page shows.
    """
    try:
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return {record.pk: record for record in queryset.filter(pk__in=pks)}
    chosen = Q(pk__in=pks)
    keys = queryset.model._default_manager.filter(chosen).values("translation_key")
    translated = Q(locale=locale, translation_key__in=keys, **translation_filters)
    records = list(
        queryset.filter(chosen | translated).annotate(
            is_chosen=ExpressionWrapper(chosen, output_field=BooleanField())
        )
    )
    # (translation key, locale) is unique: a chosen record in the active language is its own.
    translations = {
        record.translation_key: record for record in records if record.locale_id == locale.pk
    }
    return {
        record.pk: translations.get(record.translation_key, record)
        for record in records
        if record.is_chosen
    }


def localized_in_order(queryset, pks):
    """The records of `queryset` with these primary keys (None left out), in this order
    (repeats kept), each in the reader's language: one query, none without keys."""
    pks = [pk for pk in pks if pk is not None]
    records = localized_by_pk(queryset, pks) if pks else {}
    return [records[pk] for pk in pks if pk in records]
