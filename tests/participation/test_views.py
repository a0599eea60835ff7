"""Residents send suggestions: validation, consent, honeypot, rate limit, notification."""

import pytest

from django.core import mail

from wagtail.contrib.forms.models import FormSubmission

from home.factories import translate_page
from participation.forms import MULTILINE_MAX_LENGTH

pytestmark = pytest.mark.django_db


def post(client, page, data, ip="192.0.2.1"):
    return client.post(page.url, data, REMOTE_ADDR=ip)


def test_form_page_renders_built_in_fields_and_privacy_notice(client, form_page, privacy):
    response = client.get(form_page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("<h1") == 1
    assert '<select name="topic"' in content and '<option value="wohnen">Wohnen</option>' in content
    assert 'name="consent"' in content and 'name="website"' in content
    assert f'href="{privacy.url}"' in content
    assert "Warum wir nach Ihren Angaben fragen" in content
    assert 'maxlength="4000"' in content
    # no cookie for anonymous readers except the one the form needs
    assert set(response.cookies) <= {"csrftoken"}


def test_valid_submission_is_stored_and_sent_to_the_office_only(client, form_page, valid_data):
    response = post(client, form_page, valid_data)
    assert response.status_code == 200
    assert "Vielen Dank für Ihren Vorschlag" in response.content.decode()
    assert "Danke, wir lesen jede Nachricht." in response.content.decode()

    submission = FormSubmission.objects.get()
    assert submission.page_id == form_page.pk
    assert submission.form_data == {
        "topic": "Wohnen",
        "name": "Amina K.",
        "email": "amina@example.org",
        "suggestion": "Mehr bezahlbare Wohnungen für Familien in Gaggenau.",
        "consent": True,
        "language": "de",
    }
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["integration@example.org"]
    assert not message.cc and not message.bcc
    assert "Handlungsfeld: Wohnen" in message.body
    assert "Ihr Vorschlag: Mehr bezahlbare Wohnungen" in message.body
    assert set(response.cookies) <= {"csrftoken"}


def test_submission_in_arabic_lands_on_the_german_page(client, form_page, valid_data):
    arabic = translate_page(form_page, "ar")
    response = post(client, arabic, valid_data)
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.page_id == form_page.pk
    assert submission.form_data["language"] == "ar"
    assert submission.form_data["topic"] == "Wohnen"
    assert "Sprache: ar" in mail.outbox[0].body


def test_topic_choices_are_in_the_readers_language(client, form_page, topics):
    from home.demo.translate import translate

    translate(topics["wohnen"], "en", {"Wohnen": "Housing"})
    english = translate_page(form_page, "en")
    content = client.get(english.url).content.decode()
    assert '<option value="wohnen">Housing</option>' in content
    assert '<option value="gesundheit">Gesundheit</option>' in content  # not yet translated


def test_consent_is_required(client, form_page, valid_data):
    del valid_data["consent"]
    response = post(client, form_page, valid_data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Bitte willigen Sie ein" in content
    assert 'id="id_consent-error"' in content
    assert 'aria-describedby="id_consent-error"' in content
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_missing_and_invalid_fields_show_errors_and_keep_input(client, form_page, valid_data):
    data = dict(valid_data, topic="", email="keine-adresse", suggestion="")
    response = post(client, form_page, data)
    content = response.content.decode()
    assert response.status_code == 200
    for name in ("topic", "email", "suggestion"):
        assert f'id="id_{name}-error"' in content, name
        assert 'aria-invalid="true"' in content
    assert 'aria-describedby="id_topic-hint id_topic-error"' in content
    assert 'value="keine-adresse"' in content
    assert 'value="Amina K."' in content
    assert "checked" in content.split('name="consent"')[1].split(">")[0]
    assert "Bitte prüfen Sie Ihre Angaben" in content
    assert not FormSubmission.objects.exists()


def test_unknown_topic_is_refused(client, form_page, valid_data):
    response = post(client, form_page, dict(valid_data, topic="gibt-es-nicht"))
    assert 'id="id_topic-error"' in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_very_long_input_is_refused_with_a_message(client, form_page, valid_data):
    long_text = "Wohnen " * 2000
    data = dict(valid_data, suggestion=long_text, name="N" * 5000, email="a" * 400 + "@x.de")
    response = post(client, form_page, data)
    assert response.status_code == 200
    content = response.content.decode()
    for name in ("name", "email", "suggestion"):
        assert f'id="id_{name}-error"' in content, name
    assert str(MULTILINE_MAX_LENGTH) in content
    assert not FormSubmission.objects.exists()


def test_honeypot_hit_is_refused_and_nothing_stored(client, form_page, valid_data):
    response = post(client, form_page, dict(valid_data, website="https://spam.example"))
    assert response.status_code == 400
    assert "Ihre Nachricht wurde nicht angenommen" in response.content.decode()
    assert not FormSubmission.objects.exists() and not mail.outbox


def test_honeypot_is_hidden_but_labelled(client, form_page):
    content = client.get(form_page.url).content.decode()
    trap = content.split('class="suggestion-form__trap"')[1].split("</div>")[0]
    assert '<label for="id_website">Dieses Feld bitte leer lassen</label>' in trap
    assert 'tabindex="-1"' in trap and 'autocomplete="off"' in trap


def test_rate_limit_per_client(client, form_page, valid_data):
    for _ in range(5):
        assert post(client, form_page, valid_data).status_code == 200
    assert FormSubmission.objects.count() == 5

    response = post(client, form_page, valid_data)
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    content = response.content.decode()
    assert "Zu viele Nachrichten in kurzer Zeit" in content
    assert "Mehr bezahlbare Wohnungen" in content  # what was typed is kept
    assert FormSubmission.objects.count() == 5
    assert len(mail.outbox) == 5

    assert post(client, form_page, valid_data, ip="198.51.100.7").status_code == 200
    assert FormSubmission.objects.count() == 6


def test_get_is_never_rate_limited(client, form_page, valid_data):
    for _ in range(6):
        post(client, form_page, valid_data)
    assert client.get(form_page.url, REMOTE_ADDR="192.0.2.1").status_code == 200


def test_landing_page_in_the_readers_language(client, form_page, valid_data):
    english = translate_page(form_page, "en")
    response = post(client, english, valid_data)
    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in response.content.decode()
