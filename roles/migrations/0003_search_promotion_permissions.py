"""Administration manages the promoted search results (existing installations)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_promotions(apps, schema_editor):
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    from roles.setup import ensure_administration_group

    ensure_administration_group()


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0002_district_roles"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant_promotions, migrations.RunPython.noop)]
