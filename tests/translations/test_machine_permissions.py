"""Machine translation follows the district and translator rules of the roles app."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from roles.models import Role
from tests.roles.world import make_user, role_group, world_fixture  # noqa: F401


def translation_of(instance, language_code):
    source = TranslationSource.objects.get_for_instance(instance)
    return Translation.objects.get(
        source=source, target_locale=Locale.objects.get(language_code=language_code)
    )


def machine_translate(client, translation):
    return client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]),
        headers={"x-requested-with": "XMLHttpRequest"},
    )


@pytest.mark.django_db
def test_a_translator_of_another_district_cannot_queue_machine_translation(client, world):
    other = make_user("uebersetzung-rm", role_group(world.sites["rems_murr"], Role.TRANSLATOR))
    client.force_login(other)

    # a snippet (wagtail-localize itself only checks the model permission) and a page
    for instance in (world.snippets["contact"], world.page("measure")):
        assert machine_translate(client, translation_of(instance, "ar")).status_code == 403
    assert not DBTaskResult.objects.exists()


@pytest.mark.django_db
def test_the_districts_own_translator_can(client, world):
    client.force_login(world.users["translator"])

    response = machine_translate(client, translation_of(world.page("measure"), "ar"))

    assert response.status_code == 302
    assert DBTaskResult.objects.count() == 1
