"""An officer records this year's state of a measure in the admin; the report shows it."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from concept.factories import concept_tree
from concept.models import MeasurePage

pytestmark = pytest.mark.django_db


def measure_form(measure, **changes):
    data = {
        "title": measure.title,
        "slug": measure.slug,
        "number": measure.number,
        "kind": measure.kind,
        "intro": measure.intro,
        "body": streamfield([]),
        "goal_links": inline_formset([]),
        "lead_organisation": "",
        "partner_links": inline_formset([]),
        "target_group_links": inline_formset([]),
        "cross_cutting_links": inline_formset([]),
        "status": measure.status,
        "timeframe": measure.timeframe,
        "start_date": "",
        "end_date": "",
        "milestones": streamfield([]),
        "funding_source": "",
        "funding_amount": "",
        "funding_state": "",
        "resources": "",
        "progress": streamfield([]),
        "related_links": inline_formset([]),
        "page_contacts": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    data.update(changes)
    return nested_form_data(data)


def test_officer_records_this_years_state_and_the_report_shows_it(client, home, django_user_model):
    tree = concept_tree(home, chapters=1, measures_per_chapter=2)
    officer = django_user_model.objects.create_superuser("officer", "o@example.org", "pw")
    client.force_login(officer)
    measure = tree["measures"][1]
    report = tree["report"]
    report.year = 2025
    report.save_revision().publish()

    data = measure_form(
        measure,
        progress=streamfield(
            [
                (
                    "update",
                    {
                        "year": 2025,
                        "status": "implemented",
                        "text": "Abgeschlossen 2025.",
                        "indicator": "12 Kurse",
                    },
                )
            ]
        ),
    )
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[measure.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    measure = MeasurePage.objects.get(pk=measure.pk)
    assert measure.status == "implemented"
    assert measure.progress_for(2025)["text"] == "Abgeschlossen 2025."
    content = client.get(report.url).content.decode()
    assert "Abgeschlossen 2025." in content and "12 Kurse" in content
    measure_page = client.get(measure.url).content.decode()
    assert "Umgesetzt" in measure_page


def test_two_states_for_the_same_year_are_refused_in_the_admin(client, home, django_user_model):
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    client.force_login(django_user_model.objects.create_superuser("o2", "o2@example.org", "pw"))
    measure = tree["measures"][0]
    state = {"year": 2025, "status": "planned", "text": "x", "indicator": ""}
    data = measure_form(measure, progress=streamfield([("update", state), ("update", state)]))
    response = client.post(reverse("wagtailadmin_pages:edit", args=[measure.pk]), data)
    assert response.status_code == 200
    assert "Pro Jahr nur ein Stand" in response.content.decode()
    assert MeasurePage.objects.get(pk=measure.pk).progress_history() == []
