"""Print the nginx configuration that serves cached pages from files (pagecache/nginx.py).

manage.py page_cache_nginx --upstream 127.0.0.1:8000 [--listen 80] [--server-name example.de]
"""

from django.core.management.base import BaseCommand, CommandError

from pagecache.nginx import configuration


class Command(BaseCommand):
    help = "Print the nginx configuration that serves cached pages from PAGE_CACHE_FILES_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--upstream", required=True, help="gunicorn's address, host:port")
        parser.add_argument("--listen", default="80")
        parser.add_argument("--server-name", default="_")
        parser.add_argument("--files-dir", default="", help="default: PAGE_CACHE_FILES_DIR")

    def handle(self, *args, upstream, listen, server_name, files_dir, **options):
        try:
            text = configuration(upstream, listen, server_name, files_dir or None)
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(text, ending="")
