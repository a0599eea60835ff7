"""Issue #7's journey in a real browser: the editor changes a measure and submits it, the
integration officer finds it on her dashboard and approves it, and only then do readers see
the change. The editor is never offered a way to publish it herself."""

import os
import re

import pytest

from django.core import mail

from tests.browser.conftest import save_screenshot

pytestmark = pytest.mark.browser

# Measure 3.1 of Landkreis Rastatt: no other browser test uses it, and it is not the one the
# demo leaves waiting for approval (2.1, home/demo/approval.py).
SLUG = "merkblatt-wohnungssuche"
PUBLIC_URL = "/de/integrationskonzept-2024/wohnen/merkblatt-wohnungssuche/"
TITLE = "Mehrsprachiges Merkblatt zur Wohnungssuche"
NEW_INTRO = (
    "Das Merkblatt erklärt Mietvertrag, Kaution und Wohnberechtigungsschein in sechs Sprachen "
    "und liegt in allen Rathäusern aus."
)
QUEUED_BY_DEMO = "Gemeinsame Beratung zur Anerkennung von Berufsabschlüssen"
WORKFLOW = "Fachliche Freigabe – Landkreis Rastatt"
EDITOR_EMAIL = "jana.redlich@example.org"
OFFICER_EMAIL = "selin.arslan@example.org"


@pytest.fixture(scope="module")
def housing_measure(demo_site, django_db_blocker):
    """The German measure, looked up before the test and put back afterwards (its text,
    published again; any review left open is cancelled), outside the test's transaction so
    the live server's writes are never blocked."""
    from wagtail.models import WorkflowState

    from concept.models import MeasurePage

    with django_db_blocker.unblock():
        measure = MeasurePage.objects.get(slug=SLUG, locale__language_code="de")
        original = measure.get_latest_revision()
        assert not WorkflowState.objects.for_instance(measure).exists()
        yield measure
        measure = MeasurePage.objects.get(pk=measure.pk)
        for state in WorkflowState.objects.for_instance(measure).filter(
            status=WorkflowState.STATUS_IN_PROGRESS
        ):
            state.cancel()
        restored = original.as_object()
        restored.save_revision().publish(skip_permission_checks=True)


def log_in(page, server, username, next_url="/admin/"):
    page.goto(f"{server.url}/admin/login/?next={next_url}")
    page.get_by_label("Benutzername").fill(username)
    page.locator("#id_password").fill(os.environ["DEMO_PASSWORD"])
    page.get_by_role("button", name="Anmelden").click()
    page.wait_for_url(f"**{next_url}")


def log_out(page, first_name):
    """Through the account menu at the foot of the sidebar, labelled with the first name."""
    page.get_by_role("button", name=first_name, exact=True).click()
    page.get_by_role("button", name="Abmelden").click()
    page.wait_for_url("**/admin/login/**")


def public_text(browser, server):
    """What an anonymous reader sees in the page's main content (a fresh browser session)."""
    context = browser.new_context(locale="de-DE")
    try:
        reader = context.new_page()
        response = reader.goto(server.url + PUBLIC_URL)
        assert response.status == 200
        return reader.locator("main").inner_text()
    finally:
        context.close()


def mails_to(address):
    return [message for message in getattr(mail, "outbox", []) if address in message.to]


def test_editor_submits_officer_approves_reader_sees_the_change(
    browser, server, page, requests_log, housing_measure
):
    old_intro = housing_measure.intro
    assert old_intro in public_text(browser, server)
    edit_url = f"/admin/pages/{housing_measure.pk}/edit/"

    # The editor changes the intro and submits it; publishing is nowhere on offer.
    log_in(page, server, "redaktion", edit_url)
    page.locator("#id_intro").fill(NEW_INTRO)
    footer = page.locator("footer")
    footer.get_by_role("button", name="Mehr Aktionen").click()
    actions = footer.get_by_role("button").all_inner_texts()
    assert not [action for action in actions if "Veröffentlichen" in action], actions
    assert page.locator('[name="action-publish"]').count() == 0
    assert page.get_by_role("button", name=re.compile("Veröffentlichen")).count() == 0
    save_screenshot(page, "approval-editor-actions")
    with page.expect_navigation():
        footer.get_by_role("button", name=f"In {WORKFLOW} einreichen").click()
    assert page.get_by_text(f"Seite ‚{TITLE}‘ wurde zur Moderation eingereicht.").is_visible()
    log_out(page, "Jana")

    # Submitted, not published: readers still see the old text; the officer has mail.
    assert old_intro in public_text(browser, server)
    [notice] = mails_to(OFFICER_EMAIL)
    assert TITLE in notice.subject and edit_url in notice.body

    # The officer finds it on her dashboard and approves it there.
    log_in(page, server, "integration")
    panel = page.locator("section").filter(
        has=page.get_by_role("heading", name="Ihre Überprüfung steht aus")
    )
    row = panel.get_by_role("row").filter(has_text=TITLE)
    assert row.get_by_text("Jana Redlich").is_visible()
    assert panel.get_by_role("row").filter(has_text=QUEUED_BY_DEMO).count() == 1
    save_screenshot(page, "approval-officer-dashboard")
    row.get_by_role("button", name="Aktionen").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Freigeben", exact=True).click()
    # back on the dashboard, only the demo's own item is still waiting
    assert panel.get_by_role("row").filter(has_text=QUEUED_BY_DEMO).count() == 1
    assert panel.get_by_role("row").filter(has_text=TITLE).count() == 0

    # Approved means published: every reader sees the new text.
    text = public_text(browser, server)
    assert NEW_INTRO in text and old_intro not in text
    [approval] = mails_to(EDITOR_EMAIL)
    assert "freigegeben" in approval.body
    assert requests_log.foreign() == []
