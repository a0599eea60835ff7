"""Translators translate; they never change German sources, other districts or what is live.

Also the checks in front of wagtail-localize's views, which on their own only ask for the
global "submit translation" permission.
"""

import pytest

from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from contacts.models import Contact
from home.factories import StandardPageFactory
from roles.models import Role
from tests.roles.actions import edit_url, fresh, is_denied, live_title
from tests.roles.forms import snippet_form_data
from tests.roles.world import login, make_user, role_group, world_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def translation_of(instance):
    return Translation.objects.get(
        source__object_id=instance.translation_key, target_locale=instance.locale
    )


def type_string(client, translation, german, text):
    """What the translation editor sends when a translator fills a segment."""
    segment = translation.source.stringsegment_set.get(string__data=german)
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(url, f"value={text}", content_type="application/x-www-form-urlencoded")


def snippet_edit_url(instance):
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[instance.pk])


def test_translator_translates_a_contact_but_its_phone_number_stays_the_german_one(client, world):
    translator = login(client, world, "translator")
    contact_ar = world.snippets["contact_ar"]
    translation = translation_of(contact_ar)

    response = type_string(client, translation, "Integrationsbeauftragte", "منسقة الاندماج")
    assert response.status_code in (200, 201)
    response = client.post(snippet_edit_url(contact_ar), {"action": "publish"})
    assert response.status_code == 302

    saved = Contact.objects.get(pk=contact_ar.pk)
    assert saved.position == "منسقة الاندماج"
    assert saved.phone == world.snippets["contact"].phone
    # The plain form with the synchronised fields is never offered for a synced translation.
    data = snippet_form_data(contact_ar, translator, phone="+49 7222 9999")
    client.post(snippet_edit_url(contact_ar), data)
    assert Contact.objects.get(pk=contact_ar.pk).phone == world.snippets["contact"].phone


def test_translator_may_not_change_a_translation_outside_the_translation_editor(client, world):
    contact_ar = world.snippets["contact_ar"]
    translation_of(contact_ar).__class__.objects.filter(pk=translation_of(contact_ar).pk).update(
        enabled=False
    )
    translator = login(client, world, "translator")
    data = snippet_form_data(contact_ar, translator, phone="+49 7222 9999")
    assert is_denied(client.get(snippet_edit_url(contact_ar)))
    assert is_denied(client.post(snippet_edit_url(contact_ar), data))
    assert Contact.objects.get(pk=contact_ar.pk).phone == world.snippets["contact"].phone

    # Restarting the synced translation is allowed: it brings the editor back.
    client.post(snippet_edit_url(contact_ar), {"localize-restart-translation": "1"})
    assert translation_of(contact_ar).enabled

    # Editors of the district may use the plain form (to fix a manual translation).
    translation_of(contact_ar).__class__.objects.filter(pk=translation_of(contact_ar).pk).update(
        enabled=False
    )
    editor = login(client, world, "editor")
    data = snippet_form_data(contact_ar, editor, office_hours_note="Nur mit Termin")
    assert client.post(snippet_edit_url(contact_ar), data).status_code == 302
    assert Contact.objects.get(pk=contact_ar.pk).office_hours_note == "Nur mit Termin"


def test_translator_cannot_edit_a_german_page(client, world):
    translator = login(client, world, "translator")
    measure = world.page("measure")
    from tests.roles.forms import page_form_data

    assert is_denied(client.get(edit_url(measure)))
    response = client.post(edit_url(measure), page_form_data(measure, translator, title="X"))
    assert is_denied(response)
    assert fresh(measure).get_latest_revision_as_object().title != "X"


def test_a_translator_of_the_other_district_cannot_touch_these_translations(client, world):
    other = make_user("uebersetzung-rm", role_group(world.sites["rems_murr"], Role.TRANSLATOR))
    client.force_login(other)
    contact_ar = world.snippets["contact_ar"]
    measure_ar = world.page("measure_ar")

    assert is_denied(client.get(snippet_edit_url(contact_ar)))
    response = type_string(client, translation_of(contact_ar), "Integrationsbeauftragte", "x")
    assert is_denied(response)
    assert not StringTranslation.objects.filter(data="x").exists()
    assert is_denied(client.get(edit_url(measure_ar)))
    response = type_string(client, translation_of(measure_ar), world.page("measure").intro, "y")
    assert is_denied(response)
    assert not StringTranslation.objects.filter(data="y").exists()


def sync_url(instance):
    source = TranslationSource.objects.get(
        object_id=instance.translation_key, locale=instance.locale
    )
    return reverse("wagtail_localize:update_translations", args=[source.pk])


@pytest.mark.parametrize(
    "role, may_publish",
    [("translator", False), ("editor", False), ("other_editor", False), ("officer", True)],
)
def test_sync_and_publish_all_translations_needs_publishing_rights(
    client, world, role, may_publish, django_capture_on_commit_callbacks
):
    """The translator filled a string; "sync + publish immediately" would publish it."""
    login(client, world, "translator")
    measure_ar = world.page("measure_ar")
    type_string(client, translation_of(measure_ar), world.page("measure").intro, "نص جديد")

    login(client, world, role)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(world.page("measure")), {"publish_translations": "on"})
    if may_publish:
        assert response.status_code == 302
        assert fresh(measure_ar).intro == "نص جديد"
    else:
        assert is_denied(response)
        assert fresh(measure_ar).intro != "نص جديد"


def test_editors_may_sync_without_publishing(client, world):
    login(client, world, "editor")
    response = client.post(sync_url(world.page("measure")), {})
    assert response.status_code == 302
    login(client, world, "other_editor")
    assert is_denied(client.get(sync_url(world.page("measure"))))


def test_translate_this_page_only_into_the_own_districts_trees(client, world):
    new_page = StandardPageFactory(parent=world.page("home"), title="Neu", slug="neu-de")
    arabic = Locale.objects.get(language_code="ar")
    url = reverse("wagtail_localize:submit_page_translation", args=[new_page.pk])

    login(client, world, "other_editor")
    assert is_denied(client.get(url))
    assert is_denied(client.post(url, {"locales": [arabic.pk]}))
    assert new_page.get_translation_or_none(arabic) is None

    login(client, world, "editor")
    assert client.get(url).status_code == 200
    assert client.post(url, {"locales": [arabic.pk]}).status_code == 302
    assert new_page.get_translation_or_none(arabic) is not None


def test_translating_again_over_a_live_translation_needs_publishing_rights(client, world):
    """wagtail-localize re-saves and publishes an existing translation: a crafted POST."""
    login(client, world, "translator")
    measure_ar = world.page("measure_ar")
    type_string(client, translation_of(measure_ar), world.page("measure").intro, "نص جديد")
    arabic = Locale.objects.get(language_code="ar")
    url = reverse("wagtail_localize:submit_page_translation", args=[world.pages["measure"].pk])

    login(client, world, "editor")
    assert is_denied(client.post(url, {"locales": [arabic.pk]}))
    assert fresh(measure_ar).intro != "نص جديد"


def test_converting_a_translation_into_an_alias_needs_publishing_rights(client, world):
    """An alias shows the German latest revision – here an unapproved draft."""
    login(client, world, "translator")
    measure_ar = world.page("measure_ar")
    url = reverse("wagtail_localize:convert_to_alias", args=[measure_ar.pk])
    assert is_denied(client.post(url))
    page = Page.objects.get(pk=measure_ar.pk)
    assert page.alias_of_id is None
    assert page.title == live_title(measure_ar) != "Sprachkurse ausbauen (Entwurf)"

    login(client, world, "officer")
    assert client.post(url).status_code == 302
    assert Page.objects.get(pk=measure_ar.pk).alias_of_id == world.pages["measure"].pk


def test_translator_cannot_create_or_delete_snippets(client, world):
    login(client, world, "translator")
    contact_ar = world.snippets["contact_ar"]
    viewset = contact_ar.snippet_viewset
    assert is_denied(client.get(reverse(viewset.get_url_name("add"))))
    response = client.post(reverse(viewset.get_url_name("delete"), args=[contact_ar.pk]))
    assert is_denied(response)
    assert Contact.objects.filter(pk=contact_ar.pk).exists()
