"""From submission to approval: who is told, who may approve, and when readers see it."""

import pytest

from django.core import mail
from django.urls import reverse

from wagtail.models import WorkflowState

from tests.roles.actions import (
    edit_url,
    fresh,
    is_denied,
    live_title,
    publish,
    submit,
    task_state,
    workflow_action,
    workflow_state,
)
from tests.roles.forms import page_form_data
from tests.roles.world import login, world_fixture  # noqa: F401

pytestmark = pytest.mark.django_db


def mails_to(user):
    return [message for message in mail.outbox if user.email in message.to]


def public_html(client, page):
    client.logout()
    response = client.get(fresh(page).url)
    assert response.status_code == 200
    return response.content.decode()


def test_editor_submits_a_measure_and_the_officer_is_told_with_a_review_link(client, world):
    editor = login(client, world, "editor")
    measure = world.page("measure")

    response = submit(client, editor, measure, title="Sprachkurse am Abend")

    assert response.status_code == 302
    state = workflow_state(measure)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Fachliche Freigabe – Landkreis Rastatt"
    assert state.requested_by == editor
    assert live_title(measure) == "Maßnahme 1.1"  # not public before the approval

    [message] = mails_to(world.users["officer"])
    assert "Sprachkurse am Abend" in message.subject
    assert "zur Freigabe" in message.subject  # German, the officer's admin language
    assert f"http://testserver/admin/pages/{measure.pk}/edit/" in message.body
    task_id = task_state(measure).task_id
    assert f"http://testserver/admin/pages/workflow/preview/{measure.pk}/{task_id}/" in (
        message.body
    )
    assert "Hallo Integration" in message.body
    assert not mails_to(editor)
    assert not mails_to(world.users["other_officer"])  # the other district is not involved
    assert not mails_to(world.users["editor2"])  # editors do not approve concept content


def test_officer_approves_the_measure_goes_live_and_the_editor_is_told(client, world):
    editor = login(client, world, "editor")
    measure = world.page("measure")
    submit(client, editor, measure, title="Sprachkurse am Abend")
    mail.outbox.clear()

    login(client, world, "officer")
    response = workflow_action(client, measure, "approve")

    assert response.status_code == 302
    assert workflow_state(measure).status == WorkflowState.STATUS_APPROVED
    assert live_title(measure) == "Sprachkurse am Abend"
    assert "Sprachkurse am Abend" in public_html(client, measure)
    [message] = mails_to(editor)
    assert "wurde im Workflow „Fachliche Freigabe – Landkreis Rastatt“ freigegeben" in message.body


def test_officer_requests_changes_and_the_editor_gets_the_comment(client, world):
    editor = login(client, world, "editor")
    measure = world.page("measure")
    submit(client, editor, measure, title="Sprachkurse am Abend")
    mail.outbox.clear()

    login(client, world, "officer")
    response = workflow_action(
        client, measure, "reject", comment="Bitte die Zahl der Kurse ergänzen."
    )

    assert response.status_code == 302
    assert workflow_state(measure).status == WorkflowState.STATUS_NEEDS_CHANGES
    assert live_title(measure) == "Maßnahme 1.1"
    [message] = mails_to(editor)
    assert "abgelehnt" in message.body
    assert "Bitte die Zahl der Kurse ergänzen." in message.body
    assert f"http://testserver/admin/pages/{measure.pk}/edit/" in message.body

    # The editor revises and resubmits; the officer is asked again.
    mail.outbox.clear()
    login(client, world, "editor")
    submit(client, editor, measure, title="Sprachkurse am Abend: 12 Kurse")
    assert workflow_state(measure).status == WorkflowState.STATUS_IN_PROGRESS
    assert mails_to(world.users["officer"])


def test_the_editor_sees_no_publish_button_and_a_crafted_publish_only_saves_a_draft(client, world):
    editor = login(client, world, "editor")
    measure = world.page("measure")

    content = client.get(edit_url(measure)).content.decode()
    assert 'name="action-publish"' not in content
    assert "Fachliche Freigabe – Landkreis Rastatt" in content  # "In … einreichen"

    response = publish(client, editor, measure, title="Heimlich veröffentlicht")
    assert response.status_code in (200, 302)
    assert live_title(measure) == "Maßnahme 1.1"
    assert fresh(measure).get_latest_revision_as_object().title == "Heimlich veröffentlicht"
    assert "Heimlich veröffentlicht" not in public_html(client, measure)


def test_four_eyes_the_author_cannot_approve_their_own_news(client, world):
    editor = login(client, world, "editor")
    news = world.page("news")
    submit(client, editor, news, title="Sprachcafé jeden Dienstag")
    state = workflow_state(news)
    assert state.workflow.name == "Vier-Augen-Freigabe – Landkreis Rastatt"
    # The other editor and the officer are asked, never the author.
    assert mails_to(world.users["editor2"]) and mails_to(world.users["officer"])
    assert not mails_to(editor)

    # No approve action in the editor's view …
    approve_button = 'data-workflow-action-name="approve"'
    assert approve_button not in client.get(edit_url(news)).content.decode()
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[news.pk, "approve", task_state(news).pk]
    )
    # … and a crafted POST is refused, through the review dialogue and the edit form.
    assert is_denied(workflow_action(client, news, "approve"))
    crafted = {"action-workflow-action": "true", "workflow-action-name": "approve"}
    client.post(edit_url(news), {**page_form_data(fresh(news), editor), **crafted})
    assert workflow_state(news).status == WorkflowState.STATUS_IN_PROGRESS
    assert live_title(news) == "Sprachcafé eröffnet"
    # Nor does it wait on the author's dashboard.
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert approve_url not in dashboard

    # A second editor approves: the news goes live.
    login(client, world, "editor2")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Sprachcafé jeden Dienstag" in dashboard and approve_url in dashboard
    assert approve_button in client.get(edit_url(news)).content.decode()
    assert workflow_action(client, news, "approve").status_code == 302
    assert live_title(news) == "Sprachcafé jeden Dienstag"


def test_four_eyes_someone_who_wrote_part_of_the_change_cannot_approve_it(client, world):
    """Another editor wrote the pending draft of the news; editor only submits it."""
    editor = login(client, world, "editor")
    news = world.page("news")
    submit(client, editor, news)

    login(client, world, "author")
    assert is_denied(workflow_action(client, news, "approve"))
    assert workflow_state(news).status == WorkflowState.STATUS_IN_PROGRESS

    login(client, world, "officer")
    assert workflow_action(client, news, "approve").status_code == 302
    assert live_title(news) == "Sprachcafé eröffnet (Entwurf)"


def test_officers_see_what_waits_for_them_on_the_dashboard(client, world):
    editor = login(client, world, "editor")
    submit(client, editor, world.page("measure"), title="Sprachkurse am Abend")

    login(client, world, "officer")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Ihre Überprüfung steht aus" in dashboard
    assert "Sprachkurse am Abend" in dashboard

    login(client, world, "other_officer")
    assert "Sprachkurse am Abend" not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_other_districts_officer_cannot_approve(client, world):
    editor = login(client, world, "editor")
    measure = world.page("measure")
    submit(client, editor, measure, title="Sprachkurse am Abend")

    login(client, world, "other_officer")
    assert is_denied(workflow_action(client, measure, "approve"))
    assert is_denied(client.get(edit_url(measure)))
    assert workflow_state(measure).status == WorkflowState.STATUS_IN_PROGRESS
    assert live_title(measure) == "Maßnahme 1.1"


def test_a_translators_arabic_measure_needs_an_officers_approval(client, world):
    translator = login(client, world, "translator")
    measure_ar = world.page("measure_ar")
    live_intro = measure_ar.intro
    from wagtail_localize.models import StringTranslation, Translation

    translation = Translation.objects.get(
        source__object_id=measure_ar.translation_key, target_locale=measure_ar.locale
    )
    segment = translation.source.stringsegment_set.get(string__data=world.page("measure").intro)
    # The translator types in the editor (wagtail-localize's string API).
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    response = client.put(
        url, "value=دورات لغة مسائية", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.content
    assert StringTranslation.objects.filter(data="دورات لغة مسائية").exists()

    # Publishing is not theirs: wagtail-localize refuses the crafted POST.
    response = client.post(edit_url(measure_ar), {"action": "publish"})
    assert is_denied(response)
    assert fresh(measure_ar).intro == live_intro

    # They submit it for approval instead.
    submit_url = reverse("roles_submit_translation", args=[measure_ar.pk])
    assert "Zur Freigabe einreichen" in client.get(submit_url).content.decode()
    response = client.post(submit_url)
    assert response.status_code == 302
    state = workflow_state(measure_ar)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Fachliche Freigabe – Landkreis Rastatt"
    assert fresh(measure_ar).intro == live_intro  # readers still see the approved text
    assert "دورات لغة مسائية" not in public_html(client, measure_ar)
    assert mails_to(world.users["officer"])

    login(client, world, "officer")
    assert workflow_action(client, measure_ar, "approve").status_code == 302
    assert fresh(measure_ar).intro == "دورات لغة مسائية"
    assert "دورات لغة مسائية" in public_html(client, measure_ar)
    assert mails_to(translator)


def test_the_submit_button_is_offered_to_translators_only_where_it_applies(client, world):
    login(client, world, "translator")
    measure_ar = world.page("measure_ar")
    explorer = client.get(
        reverse("wagtailadmin_explore", args=[measure_ar.get_parent().pk])
    ).content.decode()
    assert reverse("roles_submit_translation", args=[measure_ar.pk]) in explorer

    login(client, world, "officer")  # publishes directly, needs no button
    explorer = client.get(
        reverse("wagtailadmin_explore", args=[measure_ar.get_parent().pk])
    ).content.decode()
    assert reverse("roles_submit_translation", args=[measure_ar.pk]) not in explorer
