"""The groups, permissions and workflows every district gets, now and when it grows."""

import importlib

import pytest

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Task,
    Workflow,
    WorkflowPage,
)
from wagtail.users.models import UserProfile

from concept.factories import concept_tree
from home.factories import translate_page
from news.factories import NewsIndexPageFactory, NewsPageFactory
from roles.models import DistrictSetup, Role, RoleGroup
from roles.setup import ensure_all_districts, ensure_district_roles

pytestmark = pytest.mark.django_db


def group(site, role):
    return RoleGroup.objects.get(site=site, role=role).group


def page_permissions(group):
    return set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "page__locale__language_code", "permission__codename"
        )
    )


def test_each_district_gets_its_groups_with_german_names(site, other_site):
    names = set(Group.objects.values_list("name", flat=True))
    for district in ("Landkreis Rastatt", "Rems-Murr-Kreis"):
        assert f"Redaktion – {district}" in names
        assert f"Integrationsbeauftragte – {district}" in names
        assert f"Übersetzung – {district}" in names
    assert Group.objects.filter(name="Administration").count() == 1


def test_page_permissions_by_role_and_language(site):
    home = site.root_page
    translate_page(home, "ar")

    assert page_permissions(group(site, Role.EDITOR)) == {
        (code, perm) for code in ("de", "ar") for perm in ("add_page", "change_page")
    }
    assert page_permissions(group(site, Role.OFFICER)) == {
        (code, perm)
        for code in ("de", "ar")
        for perm in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
    }
    # Translators: the translated trees only.
    assert page_permissions(group(site, Role.TRANSLATOR)) == {
        ("ar", "add_page"),
        ("ar", "change_page"),
    }
    assert not GroupPagePermission.objects.filter(
        group=RoleGroup.objects.get(role=Role.ADMINISTRATION).group
    ).exists()


def test_permissions_of_one_district_never_reach_the_other(site, other_site):
    translate_page(site.root_page, "ar")
    translate_page(other_site.root_page, "ar")
    rastatt_homes = set(
        Page.objects.filter(translation_key=site.root_page.translation_key).values_list(
            "pk", flat=True
        )
    )
    for role in (Role.EDITOR, Role.OFFICER, Role.TRANSLATOR):
        pages = set(
            GroupPagePermission.objects.filter(group=group(site, role)).values_list(
                "page_id", flat=True
            )
        )
        assert pages and pages <= rastatt_homes
        other = set(
            GroupPagePermission.objects.filter(group=group(other_site, role)).values_list(
                "page_id", flat=True
            )
        )
        assert not other & rastatt_homes


def test_model_permissions_by_role(site, django_user_model):
    def user_with(role):
        user = django_user_model.objects.create_user(f"user-{role}", f"{role}@example.org")
        user.groups.add(
            RoleGroup.objects.get(
                role=role, site=None if role == Role.ADMINISTRATION else site
            ).group
        )
        return django_user_model.objects.get(pk=user.pk)

    editor, officer, translator, admin = (
        user_with(role)
        for role in (Role.EDITOR, Role.OFFICER, Role.TRANSLATOR, Role.ADMINISTRATION)
    )
    for user in (editor, officer, translator, admin):
        assert user.has_perm("wagtailadmin.access_admin")
    assert editor.has_perm("contacts.change_contact") and editor.has_perm("contacts.add_location")
    assert not editor.has_perm("contacts.change_organisation")
    assert not editor.has_perm("home.change_districtsettings")
    assert not editor.has_perm("auth.change_user")
    assert officer.has_perm("contacts.change_organisation")
    assert officer.has_perm("concept.add_decidingbody") and officer.has_perm("home.change_topic")
    assert not officer.has_perm("wagtailcore.change_workflow")
    assert translator.has_perm("contacts.change_contact")
    assert not translator.has_perm("contacts.add_contact")
    assert not translator.has_perm("contacts.delete_contact")
    assert not translator.has_perm("home.change_districtsettings")
    for perm in (
        "auth.add_user",
        "auth.change_group",
        "wagtailcore.change_site",
        "wagtailcore.add_workflow",
        "home.change_districtsettings",
    ):
        assert admin.has_perm(perm)
    assert not admin.has_perm("contacts.change_contact")


def test_each_district_has_its_own_collection_for_images_and_documents(site, other_site):
    collection = DistrictSetup.objects.get(site=site).collection
    assert collection.name == "Landkreis Rastatt"
    assert collection.get_parent() == Collection.get_first_root_node()
    editor_perms = set(
        GroupCollectionPermission.objects.filter(group=group(site, Role.EDITOR)).values_list(
            "collection_id", "permission__codename"
        )
    )
    assert (collection.pk, "add_image") in editor_perms
    assert (collection.pk, "add_document") in editor_perms
    assert {pk for pk, _codename in editor_perms} == {collection.pk}
    translator_perms = set(
        GroupCollectionPermission.objects.filter(group=group(site, Role.TRANSLATOR)).values_list(
            "permission__codename", flat=True
        )
    )
    assert translator_perms == {"choose_image", "choose_document"}


def test_workflows_on_editions_and_home_pages_in_every_language(site):
    home = site.root_page.specific
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))
    measure_tr = translate_page(tree["measures"][0], "tr")
    news_tr = translate_page(news, "tr")

    setup = DistrictSetup.objects.get(site=site)
    assert setup.concept_workflow.name == "Fachliche Freigabe – Landkreis Rastatt"
    assert setup.four_eyes_workflow.name == "Vier-Augen-Freigabe – Landkreis Rastatt"
    for page in (tree["concept"], tree["measures"][0], measure_tr):
        assert Page.objects.get(pk=page.pk).get_workflow() == setup.concept_workflow
    for page in (home, news, news_tr):
        assert Page.objects.get(pk=page.pk).get_workflow() == setup.four_eyes_workflow

    [concept_task] = setup.concept_workflow.tasks.specific()
    assert list(concept_task.groups.all()) == [group(site, Role.OFFICER)]
    [four_eyes_task] = setup.four_eyes_workflow.tasks.specific()
    assert type(four_eyes_task).__name__ == "FourEyesApprovalTask"
    assert set(four_eyes_task.groups.all()) == {group(site, Role.EDITOR), group(site, Role.OFFICER)}


def test_a_new_language_gets_permissions_and_the_workflow_at_once(site):
    home_uk = translate_page(site.root_page, "uk")
    assert ("uk", "change_page") in page_permissions(group(site, Role.TRANSLATOR))
    assert (
        WorkflowPage.objects.get(page=home_uk).workflow
        == DistrictSetup.objects.get(site=site).four_eyes_workflow
    )


def test_a_district_added_later_is_set_up_at_once(site):
    from home.factories import district_site

    later = district_site(hostname="calw.localhost", name="Landkreis Calw", is_default_site=False)
    assert Group.objects.filter(name="Redaktion – Landkreis Calw").exists()
    assert DistrictSetup.objects.get(site=later).four_eyes_workflow is not None


def test_running_the_setup_again_changes_nothing(site, other_site):
    concept_tree(site.root_page.specific, chapters=1, measures_per_chapter=1)
    translate_page(site.root_page, "ar")

    def counts():
        return [
            model.objects.count()
            for model in (
                Group,
                RoleGroup,
                GroupPagePermission,
                GroupCollectionPermission,
                Collection,
                Workflow,
                Task,
                WorkflowPage,
            )
        ] + [sum(g.permissions.count() for g in Group.objects.all())]

    before = counts()
    ensure_all_districts()
    ensure_all_districts()
    assert counts() == before


def test_a_workflow_chosen_by_an_administrator_is_kept(site):
    own = Workflow.objects.create(name="Eigene Freigabe")
    WorkflowPage.objects.filter(page=site.root_page).update(workflow=own)
    ensure_district_roles(site)
    assert WorkflowPage.objects.get(page=site.root_page).workflow == own


def test_renaming_a_district_renames_its_groups_and_workflows(site):
    site.site_name = "Landkreis Rastatt-Baden"
    site.save()
    assert group(site, Role.EDITOR).name == "Redaktion – Landkreis Rastatt-Baden"
    setup = DistrictSetup.objects.get(site=site)
    assert setup.concept_workflow.name == "Fachliche Freigabe – Landkreis Rastatt-Baden"
    assert setup.collection.name == "Landkreis Rastatt-Baden"


def test_wagtails_welcome_site_is_no_district(db):
    welcome = Site.objects.filter(root_page__depth=2).first()
    if welcome is None:
        root = Page.get_first_root_node()
        page = root.add_child(instance=Page(title="Welcome", slug="welcome"))
        welcome = Site.objects.create(hostname="welcome.localhost", root_page=page)
    assert ensure_district_roles(welcome) is None
    assert not RoleGroup.objects.filter(site=welcome).exists()


def test_the_data_migration_sets_up_sites_that_existed_before(site):
    RoleGroup.objects.filter(site=site).delete()
    DistrictSetup.objects.filter(site=site).delete()
    GroupPagePermission.objects.all().delete()

    migration = importlib.import_module("roles.migrations.0002_district_roles")
    migration.create_district_roles(apps, None)

    assert ("de", "publish_page") in page_permissions(group(site, Role.OFFICER))
    # The groups left behind keep their members: the setup adopts them by name.
    assert Group.objects.filter(name="Redaktion – Landkreis Rastatt").count() == 1


def test_an_edition_moved_into_another_district_gets_that_districts_approval(site, other_site):
    tree = concept_tree(site.root_page.specific, chapters=1, measures_per_chapter=1)
    concept = Page.objects.get(pk=tree["concept"].pk)
    concept.move(other_site.root_page, pos="last-child")
    assert (
        Page.objects.get(pk=concept.pk).get_workflow()
        == DistrictSetup.objects.get(site=other_site).concept_workflow
    )


def test_staff_get_german_notification_mails_unless_they_chose_otherwise(site):
    User = get_user_model()
    new, english = User.objects.create_user("neu"), User.objects.create_user("english")
    profile = UserProfile.get_for_user(english)
    profile.preferred_language = "en"
    profile.save()
    for user in (new, english):
        user.groups.add(group(site, Role.OFFICER))
    assert UserProfile.get_for_user(new).preferred_language == "de"
    assert UserProfile.get_for_user(english).preferred_language == "en"
    assert Locale.get_default().language_code == "de"


def test_the_setup_can_be_run_again_from_the_command_line(site):
    from io import StringIO

    from django.core.management import call_command

    RoleGroup.objects.filter(site=site, role=Role.TRANSLATOR).delete()
    out = StringIO()
    call_command("setup_roles", stdout=out)
    assert "Übersetzung – Landkreis Rastatt" in out.getvalue()
    assert RoleGroup.objects.filter(site=site, role=Role.TRANSLATOR).exists()
