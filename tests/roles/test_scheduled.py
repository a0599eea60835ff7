"""Scheduled publishing: a go-live date keeps a news item private until `publish_scheduled`
runs after it, an expiry date takes it offline again (README: run the command periodically)."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from freezegun import freeze_time

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from wagtail.models import PageLogEntry

from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage
from tests.roles.admin_form import edit_form_data

pytestmark = pytest.mark.django_db

BERLIN = ZoneInfo("Europe/Berlin")


def berlin(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=BERLIN)


@pytest.fixture
def publisher(client, django_user_model):
    user = django_user_model.objects.create_superuser("officer", "officer@example.org", "pw")
    client.force_login(user)
    return user


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


def reader_sees(page):
    """Status and text of the page for an anonymous reader, and whether the index lists it."""
    page = NewsPage.objects.get(pk=page.pk)
    reader = Client()
    response = reader.get(page.url)
    listing = reader.get(page.get_parent().url).content.decode()
    return response.status_code, page.title in listing


def explorer_row(client, parent, title):
    """The text of the row of the page titled `title` in the admin's listing of `parent`."""
    response = client.get(reverse("wagtailadmin_explore", args=[parent.pk]))
    rows = BeautifulSoup(response.content, "html.parser").select("tbody tr")
    (row,) = [row for row in rows if title in row.get_text()]
    return row.get_text(" ", strip=True)


def publish_scheduled():
    call_command("publish_scheduled", stdout=StringIO())


def test_a_news_item_goes_live_when_its_time_has_come_and_the_command_ran(
    client, publisher, news_index
):
    page = NewsPageFactory(parent=news_index, title="Sprachcafé startet", live=False)
    with freeze_time(berlin("2025-05-01T10:00")) as clock:
        data = edit_form_data(
            client, page, go_live_at="2025-05-02 09:00", **{"action-publish": "action-publish"}
        )
        response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert response.status_code == 302

        page.refresh_from_db()
        assert not page.live
        assert page.go_live_at == berlin("2025-05-02T09:00")
        assert page.get_latest_revision().approved_go_live_at == berlin("2025-05-02T09:00")
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.schedule").exists()
        assert reader_sees(page) == (404, False)

        # The editor sees in the page listing that it is scheduled.
        assert "geplant" in explorer_row(client, news_index, page.title).lower()

        clock.move_to(berlin("2025-05-02T08:59"))
        publish_scheduled()
        assert reader_sees(page) == (404, False)

        clock.move_to(berlin("2025-05-02T09:01"))
        assert reader_sees(page) == (404, False), "not before the command ran"
        publish_scheduled()
        page.refresh_from_db()
        assert page.live
        assert reader_sees(page) == (200, True)
        entry = PageLogEntry.objects.get(page=page, action="wagtail.publish.scheduled")
        assert entry.timestamp == berlin("2025-05-02T09:01")


def test_an_expired_news_item_is_taken_offline_by_the_command(client, publisher, news_index):
    page = NewsPageFactory(parent=news_index, title="Anmeldung Integrationskurs")
    page.save_revision().publish()
    with freeze_time(berlin("2025-06-01T12:00")) as clock:
        data = edit_form_data(
            client, page, expire_at="2025-06-30 23:59", **{"action-publish": "action-publish"}
        )
        assert (
            client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data).status_code == 302
        )
        page.refresh_from_db()
        assert page.live and page.expire_at == berlin("2025-06-30T23:59")
        assert reader_sees(page) == (200, True)

        clock.move_to(berlin("2025-06-30T23:58"))
        publish_scheduled()
        assert reader_sees(page) == (200, True)

        clock.move_to(berlin("2025-07-01T00:05"))
        publish_scheduled()
        page.refresh_from_db()
        assert not page.live and page.expired
        assert reader_sees(page) == (404, False)
        assert PageLogEntry.objects.filter(page=page, action="wagtail.unpublish.scheduled").exists()


def test_a_go_live_date_in_the_past_publishes_at_once(client, publisher, news_index):
    page = NewsPageFactory(parent=news_index, title="Rückblick Fachtag", live=False)
    with freeze_time(berlin("2025-05-01T10:00")):
        data = edit_form_data(
            client, page, go_live_at="2025-04-30 09:00", **{"action-publish": "action-publish"}
        )
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        assert reader_sees(page) == (200, True)


def test_the_dry_run_changes_nothing(client, publisher, news_index):
    page = NewsPageFactory(parent=news_index, title="Elternabend", live=False)
    with freeze_time(berlin("2025-05-01T10:00")) as clock:
        data = edit_form_data(
            client, page, go_live_at="2025-05-01 11:00", **{"action-publish": "action-publish"}
        )
        client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        clock.move_to(berlin("2025-05-01T12:00"))
        out = StringIO()
        call_command("publish_scheduled", "--dryrun", stdout=out)
        assert "Elternabend" in out.getvalue()
        assert reader_sees(page) == (404, False)
