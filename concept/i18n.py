"""Translatable records in the reader's language, read together with their translations."""

from django.db import connections
from django.db.models import (
    BooleanField,
    CharField,
    ExpressionWrapper,
    F,
    Q,
    TextField,
    Value,
)
from django.db.models.functions import Cast

from wagtail.models import Locale

from home.i18n import read_translation, read_with_translations


def localized_by_pk(queryset, pks, **translation_filters):
    """{pk: record in the reader's language} for the records of `queryset` with these primary
    keys (a list or a subquery), in one query: each record's translation into the active
    language where there is one (and it matches `translation_filters`, e.g. live=True), else
    the record itself, as `home.i18n.localize_all` does for records already loaded."""
    records = read_with_translations(queryset, pks, **translation_filters)
    return {pk: read_translation(record) for pk, record in records.items()}


def localized_in_order(queryset, pks):
    """The records of `queryset` with these primary keys (None left out), in this order
    (repeats kept), each in the reader's language: one query, none without keys."""
    pks = [pk for pk in pks if pk is not None]
    records = localized_by_pk(queryset, pks) if pks else {}
    return [records[pk] for pk in pks if pk in records]


# --- several kinds of records in one query --------------------------------------------------


def _as_text(expression):
    return Cast(expression, output_field=TextField())


def _decoded(field, text):
    """A column read as text (see `RecordRows`) as the field's Python value."""
    if text is None:
        return None
    if isinstance(field, BooleanField):
        return text in (True, 1, "1", "t", "true", "True")
    return field.to_python(text)


def stand_in(index):
    """A primary key no record has, standing for a value a query is run with later
    (`RecordRows.rows`)."""
    return -(10**9) - index


class RecordRows:
    """Rows of several kinds of records read in one query, a UNION of one SELECT per kind:
    every column is read as text into the same number of slots, so that kinds with different
    fields fit together. `add_records` and `add_values` add one SELECT each, `records` turns
    the rows back into model instances (with only the fields read; others load on first use,
    as with `.only()`), which the page cache records like any loaded record.

    Building and compiling such a query costs the ORM more than the database needs to answer
    it: a RecordRows built with stand-ins (`stand_in`) for its values – the page, the locale –
    can be kept and run again and again with real values (`rows(values)`), compiled once."""

    def __init__(self, locale=None):
        self._members = []  # (kind, queryset, slot expressions)
        self._fields = {}  # kind: (model, fields) of record kinds
        self._compiled = None  # (sql, params) once compiled
        if locale is None:  # the reader's; False: none
            try:
                locale = Locale.get_active()
            except Locale.DoesNotExist:
                locale = None
        self.locale = locale or None

    def add_records(self, kind, queryset, pks, fields, **translation_filters):
        """The records of `queryset` with these primary keys (a list or a subquery) and their
        translations into the reader's language (matching `translation_filters`), as
        `localized_by_pk` reads them; `fields` are the fields to read (names)."""
        model = queryset.model
        wanted = {"id", "pk", "translation_key", "locale", *fields}
        columns = [
            field
            for field in model._meta.concrete_fields
            if field.name in wanted or field.attname in wanted or field.primary_key
        ]
        chosen = Q(pk__in=pks)
        # From the table that holds the keys (a page's: wagtailcore_page), without a join.
        keys_model = model._meta.get_field("translation_key").model
        keys = keys_model._default_manager.filter(chosen).values("translation_key")
        queryset = queryset.filter(translation_key__in=keys)
        if self.locale is None:
            queryset = queryset.filter(chosen)
        else:
            queryset = queryset.filter(chosen | Q(locale=self.locale, **translation_filters))
        slots = [_as_text(ExpressionWrapper(chosen, output_field=BooleanField()))]
        slots += [_as_text(F(field.attname)) for field in columns]
        self._members.append((kind, queryset, slots))
        self._fields[kind] = (model, columns)

    @property
    def kinds(self):
        """The record kinds added."""
        return set(self._fields)

    def add_values(self, kind, queryset, fields):
        """Plain values of `queryset` (e.g. inline links), read as text."""
        self._members.append((kind, queryset, [_as_text(F(field)) for field in fields]))

    def rows(self, values=None):
        """[(kind, [text, …]), …] of all members, in one query (none without members).

        `values` ({stand-in: value}) replace the stand-ins the query was built with."""
        if not self._members:
            return []
        if self._compiled is None:
            self._compiled = self._query().query.sql_with_params()
        sql, params = self._compiled
        if values:
            params = [values.get(param, param) if type(param) is int else param for param in params]
        with connections[self.db].cursor() as cursor:
            cursor.execute(sql, params)
            return [(row[0], list(row[1:])) for row in cursor.fetchall()]

    @property
    def db(self):
        return queryset_db(self._members[0][1].model)

    def _query(self):
        width = max(len(slots) for _kind, _queryset, slots in self._members)
        selects = []
        for kind, queryset, slots in self._members:
            padded = slots + [Value(None, output_field=TextField())] * (width - len(slots))
            columns = {f"slot_{index}": slot for index, slot in enumerate(padded)}
            selects.append(
                queryset.order_by()
                .annotate(record_kind=Value(kind, output_field=CharField()), **columns)
                .values_list("record_kind", *columns)
            )
        return selects[0].union(*selects[1:], all=True) if len(selects) > 1 else selects[0]

    def records(self, rows, kind, locale_id=None):
        """{pk: record in the reader's language} of one record kind, as `localized_by_pk`
        (`locale_id`: the reader's, if the query was built with a stand-in)."""
        model, columns = self._fields[kind]
        if locale_id is None and self.locale is not None:
            locale_id = self.locale.pk
        loaded = []
        for row_kind, texts in rows:
            if row_kind != kind:
                continue
            is_chosen = _decoded(BooleanField(), texts[0])
            values = [
                _decoded(field, text) for field, text in zip(columns, texts[1:], strict=False)
            ]
            record = model.from_db(queryset_db(model), [field.attname for field in columns], values)
            loaded.append((record, is_chosen))
        translations = {
            record.translation_key: record
            for record, _is_chosen in loaded
            if record.locale_id == locale_id
        }
        return {
            record.pk: translations.get(record.translation_key, record)
            for record, is_chosen in loaded
            if is_chosen
        }


def queryset_db(model):
    """The database alias records of `model` are read from."""
    from django.db import router

    return router.db_for_read(model)
