"""The demo's staff and what waits for them: one login per role and district, a change in
the approval queue, a scheduled news item, and images in the districts' collections."""

import datetime
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, PageLogEntry, Site, WorkflowState

from concept.models import MeasurePage
from home.demo.approval import QUEUED_PROGRESS, SCHEDULED_NEWS_SLUG, SCHEDULED_NEWS_TITLE
from home.demo.districts import DISTRICTS
from home.demo.people import DEMO_PEOPLE
from news.models import NewsPage
from roles.models import RoleGroup
from tests.roles.actions import edit_url, is_denied, save_draft, workflow_action

pytestmark = pytest.mark.django_db

PASSWORD = "demo-passwort"  # DEMO_PASSWORD of the `demo` fixture (tests/conftest.py)
HOSTS = {district.key: district.hostname for district in DISTRICTS}
QUEUED_TITLE = "Gemeinsame Beratung zur Anerkennung von Berufsabschlüssen"
RASTATT_MEASURE = "sprachkurse-auf-einen-blick"


def user(username):
    return get_user_model().objects.get(username=username)


def sign_in(username, password=PASSWORD):
    """A browser's login through Wagtail's form (and django-axes); the signed-in client."""
    client = Client()
    response = client.post(
        reverse("wagtailadmin_login"), {"username": username, "password": password}
    )
    return client, response


def expected_group(person):
    site = Site.objects.get(hostname=HOSTS[person.district]) if person.district else None
    return RoleGroup.objects.get(site=site, role=person.role).group


def german_page(model, slug):
    return model.objects.get(slug=slug, locale__language_code="de")


def section(html, heading):
    """The text of the dashboard panel with this heading ("" if there is none)."""
    soup = BeautifulSoup(html, "html.parser")
    for title in soup.find_all(["h2", "h3"]):
        if title.get_text(strip=True) == heading:
            panel = title.find_parent("section") or title.parent
            return panel.get_text(" ", strip=True)
    return ""


# --- the people --------------------------------------------------------------------------


@pytest.mark.parametrize("person", DEMO_PEOPLE, ids=lambda person: person.username)
def test_each_demo_user_is_in_their_role_group_and_signs_in(demo, person):
    account = user(person.username)
    assert list(account.groups.all()) == [expected_group(person)]
    assert account.email.endswith("@example.org")
    assert account.first_name and account.last_name
    assert not account.is_superuser
    assert account.wagtail_userprofile.preferred_language == "de"

    client, response = sign_in(person.username, "falsches-passwort")
    assert response.status_code == 200 and 'name="password"' in response.content.decode()

    client, response = sign_in(person.username)
    assert response.status_code == 302
    dashboard = client.get(reverse("wagtailadmin_home"))
    assert dashboard.status_code == 200
    assert 'lang="de"' in dashboard.content.decode()  # the admin speaks German to them


def test_the_districts_have_one_editor_officer_and_translator_each(demo):
    usernames = {
        role_group.group.name: set(role_group.group.user_set.values_list("username", flat=True))
        for role_group in RoleGroup.objects.select_related("group")
    }
    assert usernames == {
        "Redaktion – Landkreis Rastatt": {"redaktion"},
        "Integrationsbeauftragte – Landkreis Rastatt": {"integration"},
        "Übersetzung – Landkreis Rastatt": {"uebersetzung"},
        "Redaktion – Rems-Murr-Kreis": {"redaktion-rm"},
        "Integrationsbeauftragte – Rems-Murr-Kreis": {"integration-rm"},
        "Übersetzung – Rems-Murr-Kreis": {"uebersetzung-rm"},
        "Administration": {"verwaltung"},
    }


def test_load_demo_prints_every_login_and_a_second_run_keeps_the_accounts(demo):
    accounts = {
        account.username: (account.password, account.last_login)
        for account in get_user_model().objects.all()
    }
    output = StringIO()
    call_command("load_demo", stdout=output)
    printed = output.getvalue()

    assert f"Login: admin / {PASSWORD}" in printed
    assert f"Demo logins, all with the password {PASSWORD}:" in printed
    for person in DEMO_PEOPLE:
        line = next(line for line in printed.splitlines() if line.split()[:1] == [person.username])
        assert person.full_name in line
    assert "Redaktion – Landkreis Rastatt" in printed
    assert "Integrationsbeauftragte – Rems-Murr-Kreis" in printed
    # nothing created, no password reset
    assert "0 objects created." in printed
    assert {
        account.username: (account.password, account.last_login)
        for account in get_user_model().objects.all()
    } == accounts


def test_a_missing_password_is_set_again_and_a_changed_one_stays(demo):
    editor = user("redaktion")
    editor.set_unusable_password()
    editor.save()
    officer = user("integration")
    officer.set_password("Eigenes-Passwort-2025")
    officer.save()

    call_command("load_demo", stdout=StringIO())

    assert user("redaktion").check_password(PASSWORD)
    assert user("integration").check_password("Eigenes-Passwort-2025")


def test_a_weak_demo_password_is_refused_with_the_rules(demo, monkeypatch):
    user("uebersetzung-rm").delete()
    monkeypatch.setenv("DEMO_PASSWORD", "12345678")
    with pytest.raises(CommandError) as refused:
        call_command("load_demo", stdout=StringIO())
    assert "uebersetzung-rm" in str(refused.value)
    assert "DEMO_PASSWORD" in str(refused.value)
    assert not get_user_model().objects.filter(username="uebersetzung-rm").exists()


# --- the approval queue ------------------------------------------------------------------


def test_the_officer_finds_the_submitted_measure_on_her_dashboard(demo):
    measure = german_page(MeasurePage, "anerkennungsberatung")
    state = WorkflowState.objects.for_instance(measure).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == user("redaktion")
    assert state.workflow.name == "Fachliche Freigabe – Landkreis Rastatt"

    client, _response = sign_in("integration")
    waiting = section(
        client.get(reverse("wagtailadmin_home")).content.decode(), "Ihre Überprüfung steht aus"
    )
    assert QUEUED_TITLE in waiting

    editor, _response = sign_in("redaktion")
    own = section(
        editor.get(reverse("wagtailadmin_home")).content.decode(),
        "Ihre Seiten und Schnipsel in einem Workflow",
    )
    assert QUEUED_TITLE in own
    assert QUEUED_TITLE not in section(
        editor.get(reverse("wagtailadmin_home")).content.decode(), "Ihre Überprüfung steht aus"
    )

    other_officer, _response = sign_in("integration-rm")
    dashboard = other_officer.get(reverse("wagtailadmin_home")).content.decode()
    assert QUEUED_TITLE not in dashboard


def test_readers_see_the_reported_progress_only_after_the_officer_approved_it(demo):
    measure = german_page(MeasurePage, "anerkennungsberatung")
    reader = Client()
    before = reader.get(measure.url).content.decode()
    assert "Die Partner haben sich auf gemeinsame Sprechzeiten geeinigt." in before
    assert QUEUED_PROGRESS["text"] not in before

    officer, _response = sign_in("integration")
    response = workflow_action(officer, measure, "approve")
    assert response.status_code == 302

    after = reader.get(measure.url).content.decode()
    assert QUEUED_PROGRESS["text"] in after
    assert MeasurePage.objects.get(pk=measure.pk).status == "in_progress"
    assert PageLogEntry.objects.filter(
        page=measure, action="wagtail.workflow.approve", user=user("integration")
    ).exists()


# --- the scheduled news item -------------------------------------------------------------


def test_the_scheduled_news_item_goes_live_only_when_publish_scheduled_runs_after_its_date(
    demo,
):
    news = german_page(NewsPage, SCHEDULED_NEWS_SLUG)
    index_url = news.get_parent().url
    go_live_at = news.get_latest_revision().approved_go_live_at
    assert news.go_live_at == go_live_at
    assert go_live_at - timezone.now() > datetime.timedelta(days=13)
    assert timezone.localtime(go_live_at).hour == 9
    assert PageLogEntry.objects.filter(
        page=news, action="wagtail.publish.schedule", user=user("integration")
    ).exists()

    reader = Client()
    assert not news.live
    assert reader.get(news.url).status_code == 404
    assert SCHEDULED_NEWS_TITLE not in reader.get(index_url).content.decode()

    with freeze_time(go_live_at - datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=StringIO())
    assert not NewsPage.objects.get(pk=news.pk).live
    assert reader.get(news.url).status_code == 404

    with freeze_time(go_live_at + datetime.timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=StringIO())
        assert NewsPage.objects.get(pk=news.pk).live
        response = reader.get(news.url)
        assert response.status_code == 200
        assert SCHEDULED_NEWS_TITLE in response.content.decode()
        assert SCHEDULED_NEWS_TITLE in reader.get(index_url).content.decode()


def test_the_admin_listing_shows_the_news_item_as_scheduled(demo):
    news = german_page(NewsPage, SCHEDULED_NEWS_SLUG)
    client, _response = sign_in("redaktion")
    response = client.get(reverse("wagtailadmin_explore", args=[news.get_parent().pk]))
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    (row,) = [row for row in rows if SCHEDULED_NEWS_TITLE in row.get_text()]
    assert "geplant" in row.get_text(" ", strip=True).lower()


# --- districts ---------------------------------------------------------------------------


def test_the_rems_murr_editor_cannot_edit_a_rastatt_page(demo):
    measure = german_page(MeasurePage, RASTATT_MEASURE)
    rastatt_editor, _response = sign_in("redaktion")
    assert rastatt_editor.get(edit_url(measure)).status_code == 200

    client, _response = sign_in("redaktion-rm")
    assert is_denied(client.get(edit_url(measure)))
    response = save_draft(client, user("redaktion-rm"), measure, title="Übernommen")
    assert is_denied(response)
    assert Page.objects.get(pk=measure.pk).get_latest_revision_as_object().title != "Übernommen"
    assert measure.title not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_demo_images_are_in_their_districts_collection_for_its_staff(demo):
    images = {image.title: image for image in get_image_model().objects.all()}
    assert images
    for title, image in images.items():
        assert image.collection.name in ("Landkreis Rastatt", "Rems-Murr-Kreis"), title
    assert images["Logo Rems-Murr-Kreis"].collection.name == "Rems-Murr-Kreis"
    assert images["Impressionen Workshop: Wohnen"].collection.name == "Landkreis Rastatt"

    client, _response = sign_in("redaktion")
    chooser = client.get(reverse("wagtailimages_chooser:choose")).content.decode()
    assert "Logo Landkreis Rastatt" in chooser
    assert "Impressionen Workshop: Wohnen" in chooser
    assert "Logo Rems-Murr-Kreis" not in chooser
