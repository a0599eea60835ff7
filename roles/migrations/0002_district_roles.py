"""Creates the groups, permissions and workflows of every existing district site."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_district_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the setup needs them now.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    from roles.setup import ensure_all_districts

    ensure_all_districts()


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("home", "0004_alter_homepage_body_alter_standardpage_body"),
        ("concept", "0002_alter_chapterpage_body_alter_conceptpage_body_and_more"),
        ("contacts", "0004_alter_contactdirectorypage_body"),
    ]

    operations = [
        migrations.RunPython(create_district_roles, migrations.RunPython.noop),
    ]
