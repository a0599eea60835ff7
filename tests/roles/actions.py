"""What people do in the admin, as the requests their browser sends."""

from django.urls import reverse

from wagtail.models import Page, WorkflowState

from tests.roles.forms import page_form_data


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def save_draft(client, user, page, **changes):
    return client.post(edit_url(page), page_form_data(fresh(page), user, **changes))


def submit(client, user, page, **changes):
    """The editor's "Submit to <workflow>" button, with the changes made in the form."""
    data = page_form_data(fresh(page), user, **changes)
    data["action-submit"] = "action-submit"
    return client.post(edit_url(page), data)


def publish(client, user, page, **changes):
    """A crafted POST of the "Publish" button (users without it do not see it)."""
    data = page_form_data(fresh(page), user, **changes)
    data["action-publish"] = "action-publish"
    return client.post(edit_url(page), data)


def task_state(page):
    return fresh(page).current_workflow_task_state


def workflow_state(page):
    return WorkflowState.objects.for_instance(fresh(page)).order_by("-pk").first()


def workflow_action(client, page, action, comment="", state=None):
    """Approve or request changes as the review dialogue does."""
    state = state or task_state(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, {"comment": comment})


def live_title(page):
    return Page.objects.get(pk=page.pk).title


def is_denied(response):
    """Wagtail refuses with 403, or sends the user to the dashboard or the login form."""
    if response.status_code == 403:
        return True
    if response.status_code == 302:
        location = response["Location"]
        return location.startswith(reverse("wagtailadmin_login")) or location == reverse(
            "wagtailadmin_home"
        )
    return False
