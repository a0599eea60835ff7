"""Fill the database with the synthetic benchmark district (benchmark/generate.py).

    manage.py bench_data                      # scale 1.0, seed 1, on a freshly migrated database
    manage.py bench_data --scale 0.02         # 2 % of the sizes (CI)
    manage.py bench_data --if-missing         # nothing to do when this data set is there
    manage.py bench_data --status             # present, bench (other seed/scale), empty, other

It refuses a database that already has content (pages other than Wagtail's root and welcome
page): use a freshly migrated database of its own (`make bench-data` drops and re-creates its
database when it holds benchmark data of another seed or scale). Django's `flush` is no way to
empty one: it also deletes the permissions that migrations created (wagtail-localize's).
"""

import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from benchmark.generate import (
    Builder,
    counts_for,
    database_has_content,
    existing_dataset,
    format_scale,
    rebuild_reference_index,
)
from benchmark.texts import LANGUAGES


class Command(BaseCommand):
    help = "Fill a fresh database with a large synthetic district for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=float, default=1.0, help="1.0 = the full sizes")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="Do nothing if the database already holds the data of this seed and scale.",
        )
        parser.add_argument(
            "--status",
            action="store_true",
            help="Only print present (this seed and scale), bench (benchmark data of another "
            "seed or scale), empty or other (other content), and exit.",
        )
        parser.add_argument(
            "--skip-indexes",
            action="store_true",
            help="Do not rebuild the search and reference indexes (faster; search finds nothing).",
        )

    def handle(self, *args, scale, seed, if_missing, status, skip_indexes, **options):
        if scale <= 0:
            raise CommandError("--scale must be positive.")
        found = existing_dataset()
        present = found == (seed, float(format_scale(scale)))
        if status:
            if present:
                self.stdout.write("present")
            elif found:
                self.stdout.write("bench")  # benchmark data of another seed or scale
            else:
                self.stdout.write("other" if database_has_content() else "empty")
            return
        if if_missing and present:
            self.stdout.write(
                f"Benchmark data (seed {seed}, scale {format_scale(scale)}) is there."
            )
            return
        if database_has_content():
            raise CommandError(
                "The database already has content"
                + (f" (benchmark data seed {found[0]}, scale {found[1]:g})" if found else "")
                + ". Use a freshly migrated database of its own."
            )

        counts = counts_for(scale)
        self.stdout.write(
            f"Generating benchmark data: seed {seed}, scale {format_scale(scale)} – per district "
            f"{counts.pages_per_language} pages × {len(LANGUAGES)} languages, "
            f"{counts.measures} measures, {counts.news} news, {counts.events} events, "
            f"{counts.contacts} contacts, {counts.documents} documents, {counts.images} images"
        )
        started = time.monotonic()
        Builder(seed=seed, scale=scale, stdout=self.stdout).build()
        written = time.monotonic()
        self.stdout.write(f"Written in {written - started:.1f} s.")
        if not skip_indexes:
            call_command("update_index", verbosity=0)
            indexed = time.monotonic()
            self.stdout.write(f"Search index (update_index) rebuilt in {indexed - written:.1f} s.")
            rebuild_reference_index()
            self.stdout.write(f"Reference index rebuilt in {time.monotonic() - indexed:.1f} s.")
        analyze_tables()
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))


def analyze_tables():
    """Gives PostgreSQL its planner statistics, as autovacuum keeps them in production: on a
    server with autovacuum off (or before it ran) the planner takes every table for nearly
    empty and picks plans that read whole tables (e.g. every German page for "Aktuelles")."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
