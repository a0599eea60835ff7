from django.core.management.base import BaseCommand

from search.models import KEEP_DAYS, SearchTerm


class Command(BaseCommand):
    help = "Delete search-term counts older than the given number of days (default 400)."

    def add_arguments(self, parser):
        parser.add_argument("--keep-days", type=int, default=KEEP_DAYS)

    def handle(self, *args, keep_days, **options):
        deleted = SearchTerm.prune(keep_days)
        self.stdout.write(f"Deleted {deleted} search-term counts older than {keep_days} days.")
