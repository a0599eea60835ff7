"""POST data for a Wagtail edit form (page or snippet) as the edit view renders it for the
client's user, with changes (home/form_data.py reads every field, panel and block)."""

from django.urls import reverse

from home import form_data as admin_form


def form_data(client, url, **changes):
    """The form of the edit view at `url` as loaded by `client`'s user, with `changes`."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data = admin_form.form_data(response.context["form"])
    data.update(changes)
    return data


def edit_form_data(client, page, **changes):
    """The page edit form of `page`, with `changes`."""
    return form_data(client, reverse("wagtailadmin_pages:edit", args=[page.pk]), **changes)
