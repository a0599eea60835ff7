"""The in-process measurements (`bench_measure`) on tiny benchmark data."""

import json
import re

import pytest

from django.core.management import call_command
from django.test import Client

from benchmark.inprocess import admin_user, bench_urls, collect, edit_form_data
from benchmark.report import LANGUAGES, PAGE_KINDS

pytestmark = pytest.mark.django_db


def plain(value):
    """Stream data without the block keys Draftail adds to rich text paragraphs."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, str):
        return re.sub(r' data-block-key="[^"]*"', "", value)
    return value


class _Quiet:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


@pytest.fixture
def data():
    call_command("bench_data", scale=0.005, seed=2, stdout=_Quiet())


def test_every_page_type_has_a_url_in_both_languages(data):
    for lang in LANGUAGES:
        urls = bench_urls(lang)
        assert set(urls) == {kind for kind, _label, _category in PAGE_KINDS}
        assert all(url.startswith((f"/{lang}/", "/api/")) for url in urls.values()), urls


def test_collect_measures_every_page_and_the_admin(data):
    result = collect(requests=2, log=lambda line: None)
    assert result["errors"] == []
    assert len(result["rows"]) == len(PAGE_KINDS) * len(LANGUAGES)
    for row in result["rows"]:
        assert row["status"] == 200, row
        assert row["queries"]["full"] > 0
        assert row["inprocess"]["requests"] == 2
        assert row["inprocess"]["p95_ms"] >= row["inprocess"]["median_ms"] > 0
    assert result["admin"]["listing"]["requests"] >= 3
    assert result["admin"]["save"]["requests"] >= 2
    json.dumps(result, default=str)


def test_admin_form_data_saves_the_measure_unchanged(data):
    """The POST data built from the edit form keeps every block and inline child."""
    from concept.models import MeasurePage

    user = admin_user()
    client = Client()
    client.force_login(user)
    measure = MeasurePage.objects.filter(locale__language_code="de").order_by("-number").first()
    before = MeasurePage.objects.get(pk=measure.pk)
    response = client.post(
        f"/admin/pages/{measure.pk}/edit/", edit_form_data(measure, user), HTTP_HOST="localhost"
    )
    assert response.status_code == 302
    saved = MeasurePage.objects.get(pk=measure.pk).get_latest_revision_as_object()
    for name in ("progress", "milestones", "body"):
        assert plain(getattr(saved, name).get_prep_value()) == plain(
            getattr(before, name).get_prep_value()
        ), name
    for relation in ("partner_links", "target_group_links", "goal_links", "page_contacts"):
        assert len(getattr(saved, relation).all()) == getattr(before, relation).count()
    assert saved.title == before.title
    assert saved.lead_organisation_id == before.lead_organisation_id
