"""Compile the project's gettext catalogues (.po to .mo) in pure Python, without GNU msgfmt."""

import os
import tempfile
from pathlib import Path

import polib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


def compile_catalogue(po_path):
    """Write the .mo file next to po_path; return True if its content changed."""
    try:
        catalogue = polib.pofile(str(po_path))
    except (OSError, ValueError) as error:
        raise CommandError(f"Cannot read {po_path}: {error}") from error
    mo_path = po_path.with_suffix(".mo")
    binary = catalogue.to_binary()
    if mo_path.exists() and mo_path.read_bytes() == binary:
        # Leaving an unchanged file alone keeps runserver's autoreloader quiet.
        return False
    # Write to a temporary file and rename, so a running server never reads half a catalogue.
    handle, tmp_name = tempfile.mkstemp(dir=mo_path.parent, prefix=".django-", suffix=".mo")
    try:
        with os.fdopen(handle, "wb") as tmp:
            tmp.write(binary)
        os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, mo_path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return True


class Command(BaseCommand):
    help = (
        "Compile every locale/<language>/LC_MESSAGES/django.po of LOCALE_PATHS to django.mo "
        "with polib (no GNU gettext needed). Fuzzy and untranslated entries are left out."
    )

    def handle(self, *args, **options):
        po_paths = sorted(
            path
            for locale_dir in settings.LOCALE_PATHS
            for path in Path(locale_dir).glob("*/LC_MESSAGES/django.po")
        )
        written = sum(compile_catalogue(path) for path in po_paths)
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Compiled {len(po_paths)} catalogues "
                    f"({written} written, {len(po_paths) - written} unchanged)."
                )
            )
