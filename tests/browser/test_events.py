"""A resident opens the upcoming workshop, adds it to the calendar and registers without JS."""

import uuid

import pytest
from icalendar import Calendar

from tests.browser.conftest import axe_violations, save_screenshot

pytestmark = pytest.mark.browser

INDEX = "/{lang}/veranstaltungen/"
EVENT = INDEX + "offener-workshop-jahresbericht/"
REGISTRATION = EVENT + "anmeldung/"


@pytest.mark.parametrize(
    "lang,name_label,submit,thanks,first,second",
    [
        ("de", "Vor- und Nachname", "Verbindlich anmelden", "Vielen Dank", "Wohnen", "Gesundheit"),
        ("ar", None, None, None, "السكن", "الصحة"),
    ],
)
def test_register_for_the_upcoming_workshop_without_javascript(
    browser, server, requests_log, lang, name_label, submit, thanks, first, second
):
    context = browser.new_context(java_script_enabled=False, locale=f"{lang}-DE")
    page = context.new_page()
    page.on("request", requests_log.record)
    page.goto(server.url + EVENT.format(lang=lang))
    # The form has its own address; the event page links it with a button.
    page.locator(".event-registration__start a").click()
    page.wait_for_load_state()
    assert page.url.endswith("/anmeldung/")
    name = f"Test {uuid.uuid4().hex[:8]}"
    page.locator("#id_name").fill(name)
    page.locator("#id_email").fill("teilnahme@example.org")
    page.get_by_label(first, exact=True).check()
    page.get_by_label(second, exact=True).check()
    page.locator("#id_consent").check()
    page.locator(".event-registration__form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.url.endswith("/angemeldet/")
    assert page.locator(".event-confirmation").is_visible()
    save_screenshot(page, f"event-registered-{lang}")
    context.close()

    from events.models import Registration

    registration = Registration.objects.get(name=name)
    assert registration.language == lang and len(registration.topics) == 2


def test_one_topic_is_refused_and_input_kept(page, server):
    page.goto(server.url + REGISTRATION.format(lang="de"))
    page.locator("#id_name").fill("Nur Ein Thema")
    page.locator("#id_email").fill("eins@example.org")
    page.get_by_label("Wohnen", exact=True).check()
    page.locator("#id_consent").check()
    page.locator("#id_consent").evaluate("el => el.form.noValidate = true")
    page.get_by_role("button", name="Verbindlich anmelden").click()
    page.wait_for_load_state()
    assert page.get_by_text("Bitte wählen Sie genau 2 Themen.").first.is_visible()
    assert page.locator("#id_name").input_value() == "Nur Ein Thema"
    assert page.get_by_label("Wohnen", exact=True).is_checked()


def test_download_ics(browser, server):
    context = browser.new_context(locale="de-DE", accept_downloads=True)
    page = context.new_page()
    page.goto(server.url + EVENT.format(lang="de"))
    with page.expect_download() as info:
        page.get_by_role("link", name="In meinen Kalender eintragen (.ics)").click()
    download = info.value
    assert download.suggested_filename == "offener-workshop-jahresbericht.ics"
    with open(download.path(), "rb") as file:
        calendar = Calendar.from_ical(file.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Offener Workshop: Jahresbericht"
    context.close()


@pytest.mark.parametrize("lang", ["de", "ar"])
@pytest.mark.parametrize("path", [INDEX, EVENT, REGISTRATION])
def test_axe_has_no_violations(page, server, lang, path):
    page.goto(server.url + path.format(lang=lang))
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []
