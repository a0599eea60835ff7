"""Create what is missing of the district groups, permissions and workflows (idempotent)."""

from django.core.management.base import BaseCommand

from roles.setup import ensure_all_districts


class Command(BaseCommand):
    help = "Legt fehlende Gruppen, Berechtigungen und Freigaben der Landkreise an."

    def handle(self, *args, **options):
        for site_id, groups in ensure_all_districts().items():
            if groups:
                names = ", ".join(group.name for group in groups.values())
                self.stdout.write(f"Website {site_id}: {names}")
