import io

import pytest
from openpyxl import load_workbook

from django.core import mail
from django.utils import translation
from django.utils.translation import ngettext

from events.factories import RegistrationFactory
from events.models import Registration
from home.factories import StandardPageFactory, translate_page
from home.models import DistrictSettings

pytestmark = pytest.mark.django_db

URL = "/de/veranstaltungen/workshop-buehl/"
FORM = URL + "anmeldung/"


def form_data(**overrides):
    data = {
        "name": "Amina Beispiel",
        "email": "amina@example.org",
        "phone": "",
        "topics": ["0", "2"],
        "consent": "on",
        "website": "",
    }
    data.update(overrides)
    return data


def exactly(count, language):
    with translation.override(language):
        return ngettext(
            "Bitte wählen Sie genau %(count)s Thema.",
            "Bitte wählen Sie genau %(count)s Themen.",
            count,
        ) % {"count": count}


def test_registration_is_stored_and_confirmed_post_redirect_get(client, workshop):
    response = client.post(FORM, form_data())
    assert response.status_code == 302
    assert response["Location"] == URL + "angemeldet/"
    registration = Registration.objects.get()
    assert registration.event_id == workshop.pk
    assert registration.topics == ["Bildung & Sprache", "Wohnen"]
    assert registration.topic_indices == [0, 2]
    assert registration.language == "de" and registration.consent
    page = client.get(response["Location"]).content.decode()
    assert "Vielen Dank, Sie sind angemeldet." in page
    (message,) = mail.outbox
    assert message.to == ["amina@example.org"]
    assert "Workshop in Bühl" in message.subject
    assert "Bildung & Sprache, Wohnen" in message.body


@pytest.mark.parametrize("topics", [["0"], ["0", "1", "2"], []])
def test_exactly_two_topics_keeps_what_was_typed(client, workshop, topics):
    response = client.post(FORM, form_data(topics=topics, phone="07222 1234"))
    content = response.content.decode()
    assert response.status_code == 400
    assert exactly(2, "de") in content and "genau 2" in content
    assert 'value="Amina Beispiel"' in content and 'value="07222 1234"' in content
    assert 'aria-describedby="id_topics-error"' in content
    assert Registration.objects.count() == 0 and mail.outbox == []


def test_exactly_two_in_english(client, workshop):
    translate_page(workshop, "en")
    response = client.post("/en/veranstaltungen/workshop-buehl/anmeldung/", form_data(topics=["1"]))
    assert exactly(2, "en") in response.content.decode()


def test_consent_required(client, workshop):
    data = form_data()
    del data["consent"]
    response = client.post(FORM, data)
    assert response.status_code == 400
    assert 'id="id_consent-error"' in response.content.decode()
    assert not Registration.objects.exists()


def test_honeypot_refused_without_storing(client, workshop):
    response = client.post(FORM, form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert not Registration.objects.exists() and mail.outbox == []


def test_very_long_input_is_refused_with_a_message(client, workshop):
    response = client.post(FORM, form_data(name="A" * 10000, email="a" * 300 + "@example.org"))
    assert response.status_code == 400
    assert 'id="id_name-error"' in response.content.decode()
    assert not Registration.objects.exists()


def test_unknown_topic_index_is_refused(client, workshop):
    response = client.post(FORM, form_data(topics=["0", "9"]))
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_capacity_counts_all_languages_and_full_keeps_input(client, workshop):
    RegistrationFactory.create_batch(2, event=workshop)
    arabic = translate_page(workshop, "ar")
    assert client.post(arabic.url + "anmeldung/", form_data()).status_code == 302
    assert Registration.objects.latest("created").language == "ar"
    assert Registration.objects.filter(event=workshop).count() == 3
    for url in (URL, FORM):
        page = client.get(url).content.decode()
        assert "ausgebucht" in page and "Verbindlich anmelden" not in page
    response = client.post(FORM, form_data(name="Zu Spät"))
    content = response.content.decode()
    assert response.status_code == 400
    assert "ausgebucht" in content and 'value="Zu Spät"' in content
    assert Registration.objects.count() == 3


def test_closed_event_has_no_form(client, workshop):
    workshop.registration_status = "closed"
    workshop.save_revision().publish()
    for url in (URL, FORM):
        assert "Verbindlich anmelden" not in client.get(url).content.decode()
    assert client.post(FORM, form_data()).status_code == 400
    assert not Registration.objects.exists()


def test_csrf_is_required(workshop):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(FORM, form_data())
    assert response.status_code == 403


def test_confirmation_mail_in_the_readers_language(client, workshop):
    arabic = translate_page(workshop, "ar")
    client.post(arabic.url + "anmeldung/", form_data())
    (message,) = mail.outbox
    with translation.override("ar"):
        from django.utils.translation import gettext

        expected = gettext("Ihre Anmeldung: %(title)s") % {"title": arabic.title}
    assert message.subject == expected
    assert "[ar]" in message.subject


def test_consent_links_the_privacy_page_in_the_readers_language(client, site, workshop):
    privacy = StandardPageFactory(parent=site.root_page, title="Datenschutz", slug="datenschutz")
    DistrictSettings.objects.filter(site=site).update(privacy_page=privacy)
    translate_page(privacy, "ar")
    arabic = translate_page(workshop, "ar")
    content = client.get(arabic.url + "anmeldung/").content.decode()
    consent = content[content.index('id="id_consent-privacy"') :]
    assert consent.split("</p>")[0].count('href="/ar/datenschutz/"') == 1


def test_admin_lists_filters_and_exports(admin_client, workshop, index):
    from events.factories import EventPageFactory

    other = EventPageFactory(parent=index, title="Anderer Termin", workshop=True)
    RegistrationFactory(event=workshop, name="Amina Beispiel", topics=["Wohnen", "Gesundheit"])
    RegistrationFactory(event=other, name="Ben Muster")
    listing = "/admin/snippets/events/registration/"
    response = admin_client.get(listing)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Amina Beispiel" in content and "Ben Muster" in content
    content = admin_client.get(f"{listing}?event={workshop.pk}").content.decode()
    assert "Amina Beispiel" in content and "Ben Muster" not in content
    response = admin_client.get(f"{listing}?export=csv&event={workshop.pk}")
    text = b"".join(response.streaming_content).decode("utf-8")
    assert "Amina Beispiel" in text and "Wohnen; Gesundheit" in text and "Ben Muster" not in text
    response = admin_client.get(f"{listing}?export=xlsx")
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)
    assert len(rows) == 3


def test_anonymous_cannot_see_registrations(client, workshop):
    RegistrationFactory(event=workshop)
    response = client.get("/admin/snippets/events/registration/")
    assert response.status_code == 302


def test_event_page_links_the_form_on_its_own_address(client, workshop):
    content = client.get(URL).content.decode()
    assert f'href="{FORM}"' in content and "Zur Anmeldung" in content
    assert "Noch <bdi>3</bdi> Plätze frei." in content
    assert "csrfmiddlewaretoken" not in content and "Verbindlich anmelden" not in content
    response = client.get(FORM)
    assert response.status_code == 200
    form = response.content.decode()
    assert form.count("<h1") == 1 and f'href="{URL}"' in form
    assert f'action="{FORM}"' in form and "csrfmiddlewaretoken" in form
    assert "Verbindlich anmelden" in form and "Noch <bdi>3</bdi> Plätze frei." in form
    assert '<meta name="robots" content="noindex, follow">' in form


def test_a_form_sent_to_the_event_page_itself_still_registers(client, workshop):
    """A reader's tab opened before the form had its own address sends it to the event."""
    refused = client.post(URL, form_data(topics=["0"]))
    assert refused.status_code == 400 and 'value="Amina Beispiel"' in refused.content.decode()
    response = client.post(URL, form_data())
    assert response.status_code == 302 and response["Location"] == URL + "angemeldet/"
    assert Registration.objects.get().name == "Amina Beispiel"


def test_an_event_without_registration_has_no_form_address(client, index):
    from events.factories import EventPageFactory

    EventPageFactory(parent=index, slug="stammtisch")
    url = "/de/veranstaltungen/stammtisch/"
    assert "Zur Anmeldung" not in client.get(url).content.decode()
    assert client.get(url + "anmeldung/").status_code == 404
    assert client.post(url + "anmeldung/", form_data()).status_code == 404
    assert not Registration.objects.exists()


def test_the_page_cache_keeps_the_event_page_but_never_the_form(client, settings, workshop):
    from pagecache.tags import page_cache

    settings.PAGE_CACHE_ENABLED = True
    page_cache().clear()
    try:
        assert client.get(URL)["X-Page-Cache"] == "miss"
        stored = client.get(URL)
        assert stored["X-Page-Cache"] == "hit" and not stored.cookies
        assert "Noch <bdi>3</bdi> Plätze frei." in stored.content.decode()
        for _ in range(2):
            form = client.get(FORM)
            assert "X-Page-Cache" not in form and "csrfmiddlewaretoken" in form.content.decode()
        # A registration changes the places left: the stored event page is dropped.
        RegistrationFactory.create_batch(2, event=workshop)
        fresh = client.get(URL)
        assert fresh["X-Page-Cache"] == "miss"
        assert "Noch <bdi>1</bdi> Platz frei." in fresh.content.decode()
        RegistrationFactory(event=workshop)
        full = client.get(URL).content.decode()
        assert "ausgebucht" in full and "Zur Anmeldung" not in full
    finally:
        page_cache().clear()
