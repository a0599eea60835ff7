"""What waits for whom when the demo starts: the approval queue and a scheduled news item.

In Landkreis Rastatt the editor (`redaktion`) has

- reported the 2025 state of measure 2.1 and submitted it to "Fachliche Freigabe": it waits
  on the dashboard of the integration officer (`integration`), and readers still see the
  published text until she approves it;
- written a news item about the next annual report, which a second person (`integration`)
  approved with a go-live date two weeks after the demo was built: it is scheduled, and
  `manage.py publish_scheduled` publishes it once that date has passed.

Both go through Wagtail's workflow and publishing API, as the admin's buttons do, so the
history shows who wrote, submitted, approved and scheduled what. Nobody gets an e-mail for
this staged work. Each happens once: a page that has been in a workflow is left alone.
"""

import datetime
import uuid

from django.test.utils import override_settings
from django.utils import timezone

from wagtail.models import WorkflowState

from home.demo import demo_step
from home.demo.history import page_at
from news.models import NewsPage

QUEUED_MEASURE = "integrationskonzept-2024/ausbildung-arbeit/anerkennungsberatung"
QUEUED_PROGRESS = {
    "year": 2025,
    "status": "in_progress",
    "text": (
        "Seit Januar 2025 beraten Jobcenter, Agentur für Arbeit und Welcome Center jeden "
        "zweiten Dienstag gemeinsam im Landratsamt."
    ),
    "indicator": "",
}

SCHEDULED_NEWS_SLUG = "jahresbericht-integration"
SCHEDULED_NEWS_TITLE = "Jahresbericht Integration: Was aus den Maßnahmen geworden ist"
SCHEDULED_IN = datetime.timedelta(days=14)
SCHEDULED_HOUR = 9


def no_mail():
    """Staged submissions and approvals send no notification (and print none in `make run`)."""
    return override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")


def has_been_in_a_workflow(page):
    return WorkflowState.objects.for_instance(page).exists()


def submit_progress_report(editor, measure):
    """The editor adds the year's state to a measure and submits it for approval."""
    draft = measure.get_latest_revision_as_object()
    progress = draft.progress.get_prep_value()
    progress.append({"type": "update", "id": str(uuid.uuid4()), "value": dict(QUEUED_PROGRESS)})
    draft.progress = progress
    draft.save_revision(user=editor)
    draft.get_workflow().start(draft, editor)


def go_live_time(now=None):
    """Nine o'clock (local time) two weeks after the demo was built."""
    day = timezone.localtime(now).date() + SCHEDULED_IN
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(SCHEDULED_HOUR)))


def schedule_news(editor, approver, index, concept):
    """The editor writes the news item and submits it; a second person approves it, which
    schedules it for its go-live date (four-eyes workflow, roles.workflows)."""
    go_live_at = go_live_time()
    news = NewsPage(
        title=SCHEDULED_NEWS_TITLE,
        slug=SCHEDULED_NEWS_SLUG,
        date=go_live_at.date(),
        teaser=(
            "Die Integrationsbeauftragte stellt dem Kreistag den Jahresbericht vor: wie weit "
            "die Maßnahmen der Fortschreibung 2024 gekommen sind und was als Nächstes ansteht."
        ),
        body=[
            {
                "type": "paragraph",
                "id": str(uuid.uuid4()),
                "value": (
                    "<p>Seit 2017 berichtet das Sachgebiet Integration dem Kreistag jedes Jahr, "
                    "was aus den Maßnahmen des Integrationskonzepts geworden ist. In diesem "
                    "Jahr geht es zum ersten Mal um die Fortschreibung, der der Ausschuss für "
                    "soziale Angelegenheiten am 18. Juni 2024 zugestimmt hat.</p>"
                    "<p>Der Bericht zeigt für jede Maßnahme den Umsetzungsstand, etwa die "
                    "gemeinsame Beratung zur Anerkennung von Berufsabschlüssen oder die "
                    "Übersicht über die Sprachkurse im Landkreis.</p>"
                ),
            }
        ],
        concept=concept,
        live=False,
        owner=editor,
        go_live_at=go_live_at,
    )
    news.tags.add("Jahresbericht", "Integrationskonzept")
    index.add_child(instance=news)
    news.save_revision(user=editor)
    state = news.get_workflow().start(news, editor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, approver, "approve")
    return NewsPage.objects.get(pk=news.pk)


@demo_step(order=95)
def build_approval_queue(builder, district, site, home):
    if district.key != "rastatt":
        return
    editor = builder.people.get("redaktion")
    officer = builder.people.get("integration")
    if editor is None or officer is None:
        return
    with no_mail():
        measure = page_at(home, QUEUED_MEASURE)
        if measure is not None and not has_been_in_a_workflow(measure):
            submit_progress_report(editor, measure)
            builder.created += 1

        index = page_at(home, "aktuelles")
        if index is not None and page_at(home, f"aktuelles/{SCHEDULED_NEWS_SLUG}") is None:
            schedule_news(editor, officer, index, page_at(home, "integrationskonzept-2024"))
            builder.created += 1
