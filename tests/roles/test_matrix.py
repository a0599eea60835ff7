"""The permission matrix: every role × every action, through the real admin views.

Each cell performs the action as a browser would (GET of the view and the POST it sends,
or a crafted POST where the button is not offered) and asserts both the response and what
changed in the database. The pages are Landkreis Rastatt's; "other_editor" works for the
Rems-Murr-Kreis.
"""

import pytest

from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, WorkflowState

from home.models import DistrictSettings
from tests.roles.actions import (
    edit_url,
    fresh,
    is_denied,
    live_title,
    publish,
    save_draft,
    submit,
    workflow_action,
    workflow_state,
)
from tests.roles.forms import page_form_data, snippet_form_data
from tests.roles.world import ROLES, login, world_fixture  # noqa: F401

pytestmark = pytest.mark.django_db

PAGE_KINDS = ["measure", "chapter", "news", "standard"]
STAFF = {"editor", "officer"}
OFFICER = {"officer"}

# Where a page of each kind is created, moved to, and what its draft is called.
PARENT = {"measure": "chapter", "chapter": "concept", "news": "news_index", "standard": "home"}
DESTINATION = {
    "measure": "chapter2",
    "chapter": "concept2",
    "news": "news_index2",
    "standard": "standard_parent",
}
DRAFT_TITLE = {
    "measure": "Sprachkurse ausbauen (Entwurf)",
    "chapter": "Themenfeld Bildung (Entwurf)",
    "news": "Sprachcafé eröffnet (Entwurf)",
    "standard": "Leichte Sprache (Entwurf)",
}


def allowed_roles(action, kind):
    if action == "approve":
        # Concept content: the officers ("Fachliche Freigabe"); news and general pages:
        # anybody of Redaktion or the officers but the author (four eyes).
        return OFFICER if kind in ("measure", "chapter") else STAFF
    if action == "delete" and kind == "chapter":
        return set()  # a chapter with measures needs "bulk delete", which no role has
    return {
        "view_draft": STAFF,
        "preview": STAFF,
        "revisions": STAFF,
        "history": STAFF,
        "create": STAFF,
        "edit": STAFF,
        "copy": STAFF,
        "submit": STAFF,
        "move": OFFICER,
        "delete": OFFICER,
        "publish": OFFICER,
        "unpublish": OFFICER,
    }[action]


def view_draft(client, world, kind, user):
    page = world.page(kind)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    if response.status_code == 200:
        assert DRAFT_TITLE[kind] in response.content.decode()
        return True
    assert is_denied(response)
    return False


def preview(client, world, kind, user):
    page = world.page(kind)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = page_form_data(page, user or world.users["officer"], title="Vorschau der Änderung")
    posted = client.post(url, data)
    shown = client.get(url)
    if posted.status_code == 200:
        assert posted.json()["is_valid"]
        assert "Vorschau der Änderung" in shown.content.decode()
        return True
    assert is_denied(posted) and is_denied(shown)
    assert "Vorschau der Änderung" not in shown.content.decode()
    return False


def revisions(client, world, kind, user):
    page = world.page(kind)
    live, latest = page.live_revision, page.get_latest_revision()
    view = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, live.pk]))
    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, live.pk, latest.pk])
    )
    if view.status_code == 200:
        assert compare.status_code == 200
        assert DRAFT_TITLE[kind] in compare.content.decode()
        return True
    assert is_denied(view) and is_denied(compare)
    return False


def history(client, world, kind, user):
    page = world.page(kind)
    response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    if response.status_code == 200:
        return True
    assert is_denied(response)
    return False


def create(client, world, kind, user):
    template = world.page(kind)
    parent = world.page(PARENT[kind])
    url = reverse(
        "wagtailadmin_pages:add",
        args=[template._meta.app_label, template._meta.model_name, parent.pk],
    )
    form = client.get(url)
    changes = {"title": "Neu angelegt", "slug": "neu-angelegt"}
    if hasattr(template, "number"):
        changes["number"] = 9
    data = page_form_data(template, world.users["officer"], **changes)
    response = client.post(url, data)
    created = Page.objects.filter(slug="neu-angelegt").first()
    if created is not None:
        assert form.status_code == 200 and response.status_code == 302
        assert created.get_parent().pk == parent.pk and not created.live
        return True
    assert is_denied(form) and is_denied(response)
    return False


def edit(client, world, kind, user):
    page = world.page(kind)
    form = client.get(edit_url(page))
    response = save_draft(client, user or world.users["officer"], page, title="Geändert")
    changed = fresh(page).get_latest_revision_as_object().title == "Geändert"
    if changed:
        assert form.status_code == 200 and response.status_code == 302
        assert live_title(page) == page.title  # a draft, not published
        return True
    assert is_denied(form) and is_denied(response)
    return False


def copy(client, world, kind, user):
    page = world.page(kind)
    url = reverse("wagtailadmin_pages:copy", args=[page.pk])
    form = client.get(url)
    response = client.post(
        url,
        {
            "new_title": "Kopie",
            "new_slug": "kopie",
            "new_parent_page": page.get_parent().pk,
        },
    )
    copied = Page.objects.filter(slug="kopie").first()
    if copied is not None:
        assert form.status_code == 200 and response.status_code == 302
        return True
    assert is_denied(form) and is_denied(response)
    return False


def move(client, world, kind, user):
    page = world.page(kind)
    destination = world.page(DESTINATION[kind])
    choose = client.get(reverse("wagtailadmin_pages:move", args=[page.pk]))
    confirm_url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    response = client.post(confirm_url)
    moved = fresh(page).get_parent().pk == destination.pk
    if moved:
        assert choose.status_code == 200 and response.status_code == 302
        return True
    assert is_denied(choose) and is_denied(response)
    return False


def delete(client, world, kind, user):
    page = world.page(kind)
    url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    confirm = client.get(url)
    response = client.post(url)
    if not Page.objects.filter(pk=page.pk).exists():
        assert confirm.status_code == 200 and response.status_code == 302
        return True
    assert is_denied(confirm) and is_denied(response)
    return False


def submit_for_approval(client, world, kind, user):
    page = world.page(kind)
    response = submit(client, user or world.users["officer"], page, title="Eingereicht")
    state = workflow_state(page)
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        assert response.status_code == 302
        assert live_title(page) == page.title
        return True
    assert is_denied(response)
    return False


def approve(client, world, kind, user):
    page = world.page(kind)
    author = world.users["author"]  # wrote the pending draft and submits it
    page.get_workflow().start(page, author)
    response = workflow_action(client, page, "approve")
    state = workflow_state(page)
    if state.status == WorkflowState.STATUS_APPROVED:
        assert response.status_code == 302
        assert live_title(page) == DRAFT_TITLE[kind]
        return True
    assert is_denied(response)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert live_title(page) == page.title
    return False


def publish_directly(client, world, kind, user):
    page = world.page(kind)
    response = publish(client, user or world.users["officer"], page, title="Sofort online")
    if live_title(page) == "Sofort online":
        assert response.status_code == 302
        return True
    # Without the right Wagtail saves a draft instead (or refuses the user altogether).
    assert response.status_code in (200, 302)
    assert "Sofort online" not in client.get(fresh(page).url).content.decode()
    return False


def unpublish(client, world, kind, user):
    page = world.page(kind)
    url = reverse("wagtailadmin_pages:unpublish", args=[page.pk])
    confirm = client.get(url)
    response = client.post(url)
    if not fresh(page).live:
        assert confirm.status_code == 200 and response.status_code == 302
        return True
    assert is_denied(confirm) and is_denied(response)
    return False


ACTIONS = {
    "view_draft": view_draft,
    "preview": preview,
    "revisions": revisions,
    "history": history,
    "create": create,
    "edit": edit,
    "copy": copy,
    "move": move,
    "delete": delete,
    "submit": submit_for_approval,
    "approve": approve,
    "publish": publish_directly,
    "unpublish": unpublish,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_actions(client, world, kind, action, role):
    user = login(client, world, role)
    took_effect = ACTIONS[action](client, world, kind, user)
    assert took_effect == (role in allowed_roles(action, kind))


# --- Translations: translators work in the Arabic tree only ------------------------------


@pytest.mark.parametrize(
    "action, allowed",
    [
        ("edit", {"editor", "officer", "translator"}),
        ("view_draft", {"editor", "officer", "translator"}),
        ("history", {"editor", "officer", "translator"}),
        ("unpublish", {"officer"}),
        ("delete", {"officer"}),
    ],
)
@pytest.mark.parametrize("role", ROLES)
def test_arabic_measure(client, world, role, action, allowed):
    user = login(client, world, role)
    page = world.page("measure_ar")
    if action == "edit":
        # Synced translations open in wagtail-localize's editor.
        response = client.get(edit_url(page))
        took_effect = response.status_code == 200
        assert took_effect or is_denied(response)
    elif action == "view_draft":
        response = client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
        took_effect = response.status_code == 200
        assert took_effect or is_denied(response)
    else:
        took_effect = ACTIONS[action](client, world, "measure_ar", user)
    assert took_effect == (role in allowed)


# --- Snippets -------------------------------------------------------------------------

SNIPPET_EDITORS = {
    "contact": STAFF,
    "organisation": OFFICER,
    "topic": OFFICER,
    "deciding_body": OFFICER,
    "rm_contact": {"other_editor"},
}


def snippet_url(instance, view, *args):
    return reverse(instance.snippet_viewset.get_url_name(view), args=[instance.pk, *args])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", SNIPPET_EDITORS)
def test_edit_snippet(client, world, key, role):
    user = login(client, world, role)
    instance = world.snippets[key]
    model = type(instance)
    form = client.get(snippet_url(instance, "edit"))
    data = snippet_form_data(instance, user or world.users["officer"])
    name_field = "name"
    data[name_field] = "Umbenannt"
    response = client.post(snippet_url(instance, "edit"), data)
    renamed = model.objects.get(pk=instance.pk).name == "Umbenannt"
    if renamed:
        assert form.status_code == 200 and response.status_code == 302
    else:
        assert is_denied(form) and is_denied(response)
    assert renamed == (role in SNIPPET_EDITORS[key])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", SNIPPET_EDITORS)
def test_delete_snippet(client, world, key, role):
    login(client, world, role)
    instance = world.snippets[key]
    response = client.post(snippet_url(instance, "delete"))
    deleted = not type(instance).objects.filter(pk=instance.pk).exists()
    if not deleted:
        assert is_denied(response)
    assert deleted == (role in SNIPPET_EDITORS[key])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("key", ["contact_ar", "topic_ar"])
def test_translated_snippets_open_in_the_translation_editor(client, world, key, role):
    login(client, world, role)
    instance = world.snippets[key]
    response = client.get(snippet_url(instance, "edit"))
    allowed = (
        {"translator", "editor", "officer"}
        if key == "contact_ar"
        else {
            "translator",
            "officer",
        }
    )
    if response.status_code == 200:
        assert "wagtail-localize" in response.content.decode()  # not the plain form
    else:
        assert is_denied(response)
    assert (response.status_code == 200) == (role in allowed)


def test_nobody_creates_a_contact_in_the_other_district(client, world):
    editor = login(client, world, "editor")
    contact = world.snippets["contact"]
    add_url = reverse(contact.snippet_viewset.get_url_name("add"))
    data = snippet_form_data(contact, editor, name="Neu in Rems-Murr")
    data["site"] = world.sites["rems_murr"].pk
    assert is_denied(client.post(add_url, data))
    assert not type(contact).objects.filter(name="Neu in Rems-Murr").exists()

    data.update(name="Neu in Rastatt", site=world.sites["rastatt"].pk)
    assert client.post(add_url, data).status_code == 302
    assert type(contact).objects.filter(name="Neu in Rastatt").exists()

    # Nor moves one of their own contacts there.
    data = snippet_form_data(contact, editor, site=world.sites["rems_murr"].pk)
    assert is_denied(client.post(snippet_url(contact, "edit"), data))
    assert type(contact).objects.get(pk=contact.pk).site == world.sites["rastatt"]


# --- Form submissions, settings, users ----------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_form_submissions(client, world, role):
    login(client, world, role)
    form_page = world.page("form")
    listing = client.get(reverse("wagtailforms:list_submissions", args=[form_page.pk]))
    if listing.status_code == 200:
        assert "Mehr Sprachkurse am Abend" in listing.content.decode()
    else:
        assert is_denied(listing)
    delete_url = reverse("wagtailforms:delete_submissions", args=[form_page.pk])
    response = client.post(f"{delete_url}?selected-submissions={world.submission_id}")
    deleted = not FormSubmission.objects.filter(pk=world.submission_id).exists()
    if not deleted:
        assert is_denied(response)
    assert (listing.status_code == 200) == deleted == (role in STAFF)


def test_translators_never_see_form_submissions_of_translated_forms(client, world):
    login(client, world, "translator")
    form_ar = world.page("form_ar")
    assert fresh(form_ar).permissions_for_user(world.users["translator"]).can_edit()
    response = client.get(reverse("wagtailforms:list_submissions", args=[form_ar.pk]))
    assert is_denied(response)
    listing = client.get(reverse("wagtailforms:index"))
    assert listing.status_code == 200  # an empty list
    assert reverse("wagtailforms:list_submissions", args=[form_ar.pk]) not in (
        listing.content.decode()
    )


@pytest.mark.parametrize("role", ROLES)
def test_district_settings(client, world, role):
    login(client, world, role)
    site = world.sites["rastatt"]
    url = reverse("wagtailsettings:edit", args=["home", "districtsettings", site.pk])
    form = client.get(url)
    settings = DistrictSettings.for_site(site)
    data = {
        field: getattr(settings, field)
        for field in ("office_name", "street", "postcode", "city", "phone", "email")
    }
    response = client.post(url, {**data, "name": "Landkreis Geändert"})
    changed = DistrictSettings.for_site(site).name == "Landkreis Geändert"
    if changed:
        assert form.status_code == 200 and response.status_code == 302
    else:
        assert is_denied(form) and is_denied(response)
    assert changed == (role == "administration")


@pytest.mark.parametrize("role", ROLES)
def test_manage_users(client, world, role):
    from django.contrib.auth import get_user_model

    login(client, world, role)
    listing = client.get(reverse("wagtailusers_users:index"))
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "neue-kollegin",
            "email": "neu@example.org",
            "first_name": "Neue",
            "last_name": "Kollegin",
            "password1": "Ein-langes-Passwort-2024",
            "password2": "Ein-langes-Passwort-2024",
        },
    )
    created = get_user_model().objects.filter(username="neue-kollegin").exists()
    if created:
        assert listing.status_code == 200 and response.status_code == 302
    else:
        assert is_denied(listing) and is_denied(response)
    assert created == (role == "administration")


# --- What anonymous readers get ----------------------------------------------------------


def test_readers_never_see_a_draft(client, world):
    for kind in PAGE_KINDS:
        page = world.page(kind)
        html = client.get(page.url).content.decode()
        assert page.title in html and DRAFT_TITLE[kind] not in html
        for name in ("view_draft", "preview_on_edit", "history"):
            response = client.get(reverse(f"wagtailadmin_pages:{name}", args=[page.pk]))
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("wagtailadmin_login"))


def api_status(client, url):
    """The final status: a 404 of the API is redirected once to the language prefix."""
    return client.get(url, follow=True).status_code


def test_the_api_shows_live_content_only(client, world):
    from news.factories import NewsPageFactory

    news = world.page("news")
    unpublished = NewsPageFactory(
        parent=world.page("news_index"), title="Noch geheim", slug="noch-geheim", live=False
    )
    for role in ("anonymous", "editor", "officer"):
        login(client, world, role)
        detail = client.get(f"/api/v2/pages/{news.pk}/").json()
        assert detail["title"] == news.title  # the live title, not the draft
        assert api_status(client, f"/api/v2/pages/{unpublished.pk}/") == 404
        listing = client.get("/api/v2/pages/", {"type": "news.NewsPage", "limit": 100}).json()
        titles = [item["title"] for item in listing["items"]]
        assert "Noch geheim" not in titles and DRAFT_TITLE["news"] not in titles


def test_the_api_hides_private_pages_and_internal_contacts(client, world):
    from wagtail.models import PageViewRestriction

    from contacts.factories import ContactFactory

    standard = world.page("standard")
    PageViewRestriction.objects.create(
        page=standard, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    internal = ContactFactory(name="Interne Stelle", is_public=False, site=world.sites["rastatt"])
    assert api_status(client, f"/api/v2/pages/{standard.pk}/") == 404
    assert client.get(standard.url).status_code == 200  # the password form, not the page
    assert "Leichte Sprache" not in client.get(standard.url).content.decode()
    contacts = client.get("/api/v2/contacts/", {"limit": 100}).json()
    assert "Interne Stelle" not in [item.get("name") for item in contacts["items"]]
    assert api_status(client, f"/api/v2/contacts/{internal.pk}/") == 404


# --- Across districts -------------------------------------------------------------------


def test_nothing_is_copied_or_moved_into_the_other_district(client, world):
    login(client, world, "editor")
    standard = world.page("standard")
    rm_home = world.page("rm_home")
    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[standard.pk]),
        {"new_title": "Kopie", "new_slug": "kopie-rm", "new_parent_page": rm_home.pk},
    )
    assert response.status_code == 200  # the form refuses the destination
    assert not Page.objects.filter(slug="kopie-rm").exists()

    login(client, world, "officer")
    url = reverse("wagtailadmin_pages:move_confirm", args=[standard.pk, rm_home.pk])
    assert is_denied(client.post(url))
    assert fresh(standard).get_parent().pk == world.pages["home"].pk


def test_the_other_district_sees_no_titles_through_the_move_dialogue(client, world):
    login(client, world, "other_editor")
    measure = world.page("measure")
    url = reverse("wagtailadmin_pages:move_confirm", args=[measure.pk, world.pages["chapter2"].pk])
    response = client.get(url)
    assert is_denied(response)
    assert DRAFT_TITLE["measure"] not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_upload_images_into_the_districts_collection(client, world, role):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from roles.models import DistrictSetup

    login(client, world, role)
    collection = DistrictSetup.objects.get(site=world.sites["rastatt"]).collection
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Workshop in Bühl",
            "file": SimpleUploadedFile(
                "workshop.png", get_test_image_file().file.getvalue(), content_type="image/png"
            ),
            "collection": collection.pk,
        },
    )
    uploaded = get_image_model().objects.filter(title="Workshop in Bühl").first()
    if uploaded is None:
        assert is_denied(response)
    # The other district's editors may upload – into their own collection only.
    in_rastatt = uploaded is not None and uploaded.collection == collection
    assert in_rastatt == (role in STAFF)
