"""manage.py import_contacts FILE --site HOST: import contacts from CSV, all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site

from contacts.importer import COLUMNS, ContactImporter


class Command(BaseCommand):
    help = (
        "Importiert Kontakte aus einer CSV-Datei (UTF-8, Spalten: "
        + ", ".join(COLUMNS)
        + "). Ist eine Zeile fehlerhaft, wird nichts importiert."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--site",
            help="Hostname des Landkreises (Standard: die Standard-Website)",
        )
        parser.add_argument("--dry-run", action="store_true", help="Nur prüfen, nichts speichern.")

    def handle(self, path, site=None, dry_run=False, **options):
        if site:
            target = Site.objects.filter(hostname=site).first()
        else:
            target = Site.objects.filter(is_default_site=True).first()
        if target is None:
            raise CommandError(f"Unbekannte Website: {site or '(Standard)'}")
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        result = ContactImporter(target).run(data, dry_run=dry_run)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError(f"{len(result.errors)} Fehler; es wurde nichts importiert.")
        if dry_run:
            self.stdout.write("Die Datei ist fehlerfrei (nichts gespeichert).")
        else:
            self.stdout.write(f"{len(result.created)} Kontakte importiert ({target.site_name}).")
