"""Delete cached page files older than PAGE_CACHE_TIMEOUT (pagecache/files.py), or all of them.

    manage.py prune_page_files          # from cron every few minutes
    manage.py prune_page_files --all    # after a deployment: templates may have changed

The pages cached in Redis expire by themselves; files do not, so this keeps what nginx serves
no older than what Django would serve (e.g. "upcoming events").
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand

from pagecache import files


class Command(BaseCommand):
    help = "Delete cached page files older than PAGE_CACHE_TIMEOUT (or all with --all)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Delete every page file.")

    def handle(self, *args, all, **options):
        root = files.files_dir()
        if root is None or not root.exists():
            self.stdout.write("No page files (PAGE_CACHE_FILES_DIR is not set or empty).")
            return
        oldest = time.time() - settings.PAGE_CACHE_TIMEOUT
        deleted = 0
        for path in root.rglob("index*"):
            try:
                if files.is_page_file(path) and (all or path.stat().st_mtime < oldest):
                    path.unlink()
                    deleted += 1
            except FileNotFoundError:  # deleted by a change meanwhile
                continue
        self.stdout.write(f"Deleted {deleted} page files.")
