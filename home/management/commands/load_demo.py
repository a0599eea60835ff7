from django.core.management.base import BaseCommand

from home.demo.build import DemoBuilder, demo_password
from home.demo.districts import DISTRICTS
from home.demo.people import login_lines


class Command(BaseCommand):
    help = (
        "Build the demo districts (Landkreis Rastatt, Rems-Murr-Kreis) with German pages, "
        "English and Arabic translations, key pages also in Persian, Turkish and Ukrainian, "
        "and a realistic translation status (two pages outdated, one translation a draft); "
        "a login per role and district, a change waiting for approval and a scheduled news "
        "item. Idempotent: what exists is left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000, help="Port shown in the URLs.")

    def handle(self, *args, **options):
        password = demo_password()
        self.stdout.write("Demo content:")
        created = DemoBuilder(stdout=self.stdout, password=password).build()
        self.stdout.write(self.style.SUCCESS(f"{created} objects created."))
        port = options["port"]
        self.stdout.write("")
        self.stdout.write("Sites:")
        for district in DISTRICTS:
            self.stdout.write(f"  {district.name}: http://{district.hostname}:{port}/")
        self.stdout.write(f"  (Landkreis Rastatt also on http://127.0.0.1:{port}/)")
        self.stdout.write(f"Admin: http://127.0.0.1:{port}/admin/")
        self.stdout.write(f"Login: admin / {password}")
        self.stdout.write(f"Demo logins, all with the password {password}:")
        lines = login_lines(DISTRICTS)
        width = max(len(username) for username, _role in lines)
        for username, role in lines:
            self.stdout.write(f"  {username.ljust(width)}  {role}")
        self.stdout.write(
            "  Waiting for 'integration': a change to measure 2.1 of Landkreis Rastatt; "
            "a news item there is scheduled (manage.py publish_scheduled)."
        )
