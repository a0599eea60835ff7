"""Two districts with one person per role and pages of every kind, built once per module.

Import the fixture into a test module (`from tests.roles.world import world_fixture`); the
data is created inside a transaction that is rolled back after the module, and every test
still runs in its own savepoint, so a test's changes never reach the next one.
"""

from dataclasses import dataclass, field

import pytest

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import TestCase

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from concept.factories import ConceptPageFactory, DecidingBodyFactory, concept_tree
from contacts.factories import ContactFactory, OrganisationFactory
from home.demo.translate import translate
from home.factories import StandardPageFactory, district_site, translate_page
from home.models import Topic
from news.factories import NewsIndexPageFactory, NewsPageFactory
from participation.factories import SuggestionFormPageFactory
from roles.models import Role, RoleGroup

PASSWORD = "Rollen-Test-2024!"

ROLES = ["anonymous", "editor", "officer", "translator", "administration", "other_editor"]


@dataclass
class World:
    sites: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    pages: dict = field(default_factory=dict)
    snippets: dict = field(default_factory=dict)
    submission_id: int = 0

    def page(self, key):
        """A fresh copy from the database (tests change pages)."""
        return Page.objects.get(pk=self.pages[key].pk).specific

    def user(self, role):
        return None if role == "anonymous" else self.users[role]


def role_group(site, role):
    return RoleGroup.objects.get(site=site, role=role).group


def make_user(username, *groups):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", PASSWORD, first_name=username.title()
    )
    user.groups.add(*groups)
    return user


def with_draft(page, user, title):
    """A published page with a newer, unpublished revision (what "view draft" shows)."""
    page = Page.objects.get(pk=page.pk).specific
    page.save_revision(user=user).publish(skip_permission_checks=True)
    page.title = title
    page.save_revision(user=user)
    return Page.objects.get(pk=page.pk).specific


def build_world():
    world = World()
    rastatt = district_site()
    rems_murr = district_site(
        hostname="rems-murr.localhost", name="Rems-Murr-Kreis", is_default_site=False
    )
    world.sites = {"rastatt": rastatt, "rems_murr": rems_murr}
    home = rastatt.root_page.specific
    rm_home = rems_murr.root_page.specific

    users = world.users
    users["editor"] = make_user("redaktion", role_group(rastatt, Role.EDITOR))
    users["editor2"] = make_user("redaktion2", role_group(rastatt, Role.EDITOR))
    users["author"] = make_user("autorin", role_group(rastatt, Role.EDITOR))
    users["officer"] = make_user("integration", role_group(rastatt, Role.OFFICER))
    users["translator"] = make_user("uebersetzung", role_group(rastatt, Role.TRANSLATOR))
    users["administration"] = make_user(
        "administration", RoleGroup.objects.get(role=Role.ADMINISTRATION).group
    )
    users["other_editor"] = make_user("redaktion-rm", role_group(rems_murr, Role.EDITOR))
    users["other_officer"] = make_user("integration-rm", role_group(rems_murr, Role.OFFICER))
    author = users["author"]  # wrote the pending drafts

    tree = concept_tree(home, chapters=2, measures_per_chapter=2)
    concept2 = ConceptPageFactory(parent=home, title="Integrationskonzept 2024", slug="ik-2024")
    news_index = NewsIndexPageFactory(parent=home)
    news_index2 = NewsIndexPageFactory(parent=home, title="Pressemitteilungen", slug="presse")
    news = NewsPageFactory(parent=news_index, title="Sprachcafé eröffnet", slug="sprachcafe")
    standard_parent = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")
    standard = StandardPageFactory(parent=home, title="Leichte Sprache", slug="leichte-sprache")
    form_page = SuggestionFormPageFactory(parent=home)
    rm_standard = StandardPageFactory(parent=rm_home, title="Impressum", slug="impressum")

    pages = world.pages
    pages.update(
        home=home,
        concept=tree["concept"],
        concept2=concept2,
        chapter=with_draft(tree["chapters"][0], author, "Themenfeld Bildung (Entwurf)"),
        chapter2=tree["chapters"][1],
        measure=with_draft(tree["measures"][0], author, "Sprachkurse ausbauen (Entwurf)"),
        measure2=tree["measures"][1],
        news_index=news_index,
        news_index2=news_index2,
        news=with_draft(news, author, "Sprachcafé eröffnet (Entwurf)"),
        standard_parent=standard_parent,
        standard=with_draft(standard, author, "Leichte Sprache (Entwurf)"),
        form=form_page,
        rm_home=rm_home,
        rm_standard=rm_standard,
    )
    measure = pages["measure"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        for key in ("home", "concept", "chapter"):
            translate_page(pages[key], "ar")
        pages["measure_ar"] = translate(
            Page.objects.get(pk=measure.pk).specific,
            "ar",
            {measure.intro: "تعلم اللغة للجميع"},
            user=users["officer"],
        )
        pages["news_ar"] = translate(
            Page.objects.get(pk=pages["news"].pk).specific, "ar", {}, user=users["officer"]
        )
        pages["form_ar"] = translate_page(form_page, "ar")

    world.submission_id = FormSubmission.objects.create(
        page=form_page,
        form_data={"name": "Leyla", "suggestion": "Mehr Sprachkurse am Abend"},
    ).pk

    organisation = OrganisationFactory(name="Sachgebiet Integration Rastatt", site=rastatt)
    contact = ContactFactory(
        name="Amira Beispiel", position="Integrationsbeauftragte", site=rastatt
    )
    topic = Topic.objects.create(name="Wohnen", slug="wohnen")
    with TestCase.captureOnCommitCallbacks(execute=True):
        contact_ar = translate(contact, "ar", {"Integrationsbeauftragte": "مسؤولة الاندماج"})
        topic_ar = translate(topic, "ar", {"Wohnen": "السكن"})
    world.snippets = {
        "contact": contact,
        "contact_ar": contact_ar,
        "organisation": organisation,
        "topic": topic,
        "topic_ar": topic_ar,
        "deciding_body": DecidingBodyFactory(name="Kreistag"),
        "rm_contact": ContactFactory(name="Jonas Muster", site=rems_murr),
    }
    return world


@pytest.fixture(scope="module", name="world")
def world_fixture(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield build_world()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def login(client, world, role):
    user = world.user(role)
    if user is not None:
        client.force_login(user)
    return user
