"""The demo content once per test process, then copied back for each module that needs it.

Building the demo (`load_demo`) takes most of a minute on PostgreSQL – page trees in seven
languages through wagtail-localize, revisions, the search and reference indexes – and several
test modules need it. The first module in a process builds it and takes a snapshot of every
table; later modules write that snapshot back inside their own transaction (which is rolled
back as before), with the sequences moved past the copied rows. PostgreSQL copies with COPY,
SQLite with plain INSERTs. SQLite's full-text index is not a Django table: modules that search
the demo on SQLite build it themselves (`fresh=True`).
"""

import io

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection

_snapshot = {}


def _tables():
    return sorted(connection.introspection.django_table_names(only_existing=True))


def take():
    """Every table's rows, as they are now."""
    data = {}
    with connection.cursor() as cursor:
        for table in _tables():
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                buffer = io.StringIO()
                cursor.copy_expert(f"COPY {quoted} TO STDOUT", buffer)
                data[table] = buffer.getvalue()
            else:
                cursor.execute(f"SELECT * FROM {quoted}")  # noqa: S608 - our own table names
                columns = [column[0] for column in cursor.description]
                data[table] = (columns, cursor.fetchall())
    _snapshot.clear()
    _snapshot.update(data)


def has_snapshot():
    return bool(_snapshot)


def restore():
    """Replace every table's rows by the snapshot's (inside the caller's transaction)."""
    with connection.cursor() as cursor:
        for table in _tables():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"DELETE FROM {quoted}")  # noqa: S608 - our own table names
        for table, rows in _snapshot.items():
            quoted = connection.ops.quote_name(table)
            if connection.vendor == "postgresql":
                if rows:
                    cursor.copy_expert(f"COPY {quoted} FROM STDIN", io.StringIO(rows))
                continue
            columns, values = rows
            if values:
                names = ", ".join(connection.ops.quote_name(column) for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {quoted} ({names}) VALUES ({marks})",  # noqa: S608
                    values,
                )
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
    forget_cached_records()


def forget_cached_records():
    """Rows written without the ORM send no signals: what processes keep of records (Wagtail's
    site root paths in the cache, content types) would describe the rows before."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
    ContentType.objects.clear_cache()
