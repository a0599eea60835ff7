"""Audit trail: who edited, submitted, approved, published and unpublished what, as Wagtail's
page history and site history show it after the work was done through the real admin views."""

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    PageLogEntry,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from contacts.factories import ContactFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage
from tests.roles.admin_form import edit_form_data, form_data

pytestmark = pytest.mark.django_db

WORKFLOW = "Vier Augen (Prüfung)"
TASK = "Freigabe durch das Sachgebiet (Prüfung)"
EDITOR = "Petra Presse"
OFFICER = "Ilse Integration"


def page_permissions(group, page, *codenames):
    for codename in codenames:
        GroupPagePermission.objects.create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def admin_user(django_user_model, username, full_name, group):
    first, last = full_name.split()
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", "pw", first_name=first, last_name=last
    )
    user.groups.add(group)
    return user


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def people(django_user_model, news_index):
    """An editor who may edit but not publish news, an officer who approves and publishes."""
    access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    editors = Group.objects.create(name="Redaktion (Prüfung)")
    editors.permissions.add(
        access,
        Permission.objects.get(content_type__app_label="contacts", codename="change_contact"),
    )
    page_permissions(editors, news_index, "add_page", "change_page")
    officers = Group.objects.create(name="Integrationsbeauftragte (Prüfung)")
    officers.permissions.add(access)
    page_permissions(officers, news_index, "add_page", "change_page", "publish_page")

    workflow = Workflow.objects.create(name=WORKFLOW)
    task = GroupApprovalTask.objects.create(name=TASK)
    task.groups.set([officers])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(workflow=workflow, page=news_index)

    return {
        "editor": admin_user(django_user_model, "presse", EDITOR, editors),
        "officer": admin_user(django_user_model, "integration", OFFICER, officers),
        "admin": django_user_model.objects.create_superuser("admin", "admin@example.org", "pw"),
    }


def table_rows(response):
    """The rows of the listing table, each as the list of its cells' text."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        [" ".join(cell.get_text(" ", strip=True).split()) for cell in row.find_all("td")]
        for row in soup.select("table.listing tbody tr")
    ]


def assert_actions(rows, expected, action_column, user_column):
    """Each expected (message, user) appears in the same row, newest first, nothing else."""
    assert len(rows) == len(expected), rows
    for row, (message, user) in zip(rows, expected, strict=True):
        assert message in row[action_column], (message, row)
        assert user in row[user_column], (user, row)


def submit_approve_publish_unpublish(client, people, page):
    """The whole cycle, each step by the person whose job it is, through the admin views."""
    client.force_login(people["editor"])
    data = edit_form_data(
        client, page, title="Neue Sprachkurse im Herbst", **{"action-submit": "action-submit"}
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    assert response.status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert not page.live
    task_state = page.current_workflow_task_state
    assert task_state is not None and task_state.task.name == TASK

    client.force_login(people["officer"])
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": "Passt so, danke."},
    )
    assert response.status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert page.live and page.title == "Neue Sprachkurse im Herbst"

    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    assert response.status_code == 302
    page = NewsPage.objects.get(pk=page.pk)
    assert not page.live
    return page


PAGE_TRAIL = [
    ("Veröffentlichung aufgehoben", OFFICER),
    ("Veröffentlicht", OFFICER),
    (f"Freigegeben bei „{TASK}“. „{WORKFLOW}“ abgeschlossen", OFFICER),
    (f"„{WORKFLOW}“ gestartet. Nächster Schritt „{TASK}“", EDITOR),
    ("Entwurf gespeichert", EDITOR),
]
# The factory made the page outside a request, so without a user.
CREATED = ("Erstellt", "System")


def test_the_log_records_each_step_with_its_user(client, people, news_index):
    page = NewsPageFactory(parent=news_index, title="Sprachkurse", live=False)
    submit_approve_publish_unpublish(client, people, page)
    entries = PageLogEntry.objects.filter(page=page).order_by("timestamp", "pk")
    assert [(entry.action, entry.user and entry.user.username) for entry in entries] == [
        ("wagtail.create", None),
        ("wagtail.edit", "presse"),
        ("wagtail.workflow.start", "presse"),
        ("wagtail.workflow.approve", "integration"),
        ("wagtail.publish", "integration"),
        ("wagtail.unpublish", "integration"),
    ]
    approval = entries.get(action="wagtail.workflow.approve")
    assert approval.data["comment"] == "Passt so, danke."


def test_the_page_history_shows_each_step_with_its_user(client, people, news_index):
    page = NewsPageFactory(parent=news_index, title="Sprachkurse", live=False)
    submit_approve_publish_unpublish(client, people, page)

    # The officer, who owns the content, reads the history of the page.
    rows = table_rows(client.get(reverse("wagtailadmin_pages:history", args=[page.pk])))
    assert_actions(rows, [*PAGE_TRAIL, CREATED], action_column=0, user_column=1)
    assert "Kommentar: Passt so, danke." in rows[2][0]


def test_the_site_history_lists_the_steps_for_the_administration(client, people, news_index):
    page = NewsPageFactory(parent=news_index, title="Sprachkurse", live=False)
    submit_approve_publish_unpublish(client, people, page)

    client.force_login(people["admin"])
    rows = table_rows(client.get(reverse("wagtailadmin_reports:site_history")))
    # Each entry names the page by its title at that time.
    page_rows = [row for row in rows if row[0] in {"Sprachkurse", "Neue Sprachkurse im Herbst"}]
    assert_actions(page_rows, [*PAGE_TRAIL, CREATED], action_column=2, user_column=3)
    assert all(row[1] == "Nachricht" for row in page_rows), page_rows


def test_the_site_history_can_be_filtered_by_user(client, people, news_index):
    page = NewsPageFactory(parent=news_index, title="Sprachkurse", live=False)
    submit_approve_publish_unpublish(client, people, page)

    client.force_login(people["admin"])
    url = reverse("wagtailadmin_reports:site_history")
    rows = table_rows(client.get(url, {"user": people["editor"].pk}))
    assert_actions(rows, PAGE_TRAIL[3:], action_column=2, user_column=3)


def test_a_contact_edited_in_the_admin_is_in_its_history_and_the_site_history(client, people, site):
    contact = ContactFactory(name="Ayşe Demir", position="Migrationsberatung")
    client.force_login(people["editor"])
    edit_url = reverse("wagtailsnippets_contacts_contact:edit", args=[contact.pk])
    response = client.post(edit_url, form_data(client, edit_url, position="Integrationsmanagerin"))
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.position == "Integrationsmanagerin"

    history = reverse("wagtailsnippets_contacts_contact:history", args=[contact.pk])
    rows = table_rows(client.get(history))
    assert_actions(rows, [("Bearbeitet", EDITOR)], action_column=0, user_column=1)

    client.force_login(people["admin"])
    rows = table_rows(client.get(reverse("wagtailadmin_reports:site_history")))
    contact_rows = [row for row in rows if row[0] == "Ayşe Demir"]
    assert_actions(contact_rows, [("Bearbeitet", EDITOR)], action_column=2, user_column=3)
