"""`manage.py bench_data` at a tiny scale: counts per model and language, a sound page tree,
pages served in every language, and the same data for the same seed."""

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count
from django.test import Client
from django.utils.html import escape

from wagtail.models import Locale, Page, Site

from benchmark.generate import DISTRICTS, counts_for, existing_dataset
from benchmark.texts import LANGUAGES, RARE_TERM

pytestmark = pytest.mark.django_db

SCALE = 0.005  # 2 measures, 5 news, 1 event, 2 contacts per district


def generate(seed=3, **options):
    call_command("bench_data", scale=SCALE, seed=seed, stdout=_Quiet(), **options)


class _Quiet:
    def write(self, *args, **kwargs):
        pass

    def flush(self):
        pass


def snapshot():
    """What must not change between two runs with the same seed (database ids may)."""
    from contacts.models import Contact

    pages = list(
        Page.objects.filter(depth__gte=2)
        .order_by("path")
        .values_list(
            "path",
            "title",
            "slug",
            "url_path",
            "locale__language_code",
            "content_type__model",
            "translation_key",
            "numchild",
        )
    )
    contacts = list(
        Contact.objects.order_by("translation_key", "locale__language_code").values_list(
            "name", "position", "phone", "translation_key", "locale__language_code", "is_public"
        )
    )
    first_page = Page.objects.filter(depth__gte=2).order_by("pk").values_list("pk", flat=True)[0]
    # The "ids pattern": each page's id relative to the first one, in tree order.
    offsets = [
        pk - first_page
        for pk in Page.objects.filter(depth__gte=2).order_by("path").values_list("pk", flat=True)
    ]
    return pages, contacts, offsets


@pytest.fixture
def data():
    generate(skip_indexes=True)
    return counts_for(SCALE)


def per_language(model, **filters):
    rows = model.objects.filter(**filters).values_list("locale__language_code", flat=True)
    return {code: list(rows).count(code) for code in LANGUAGES}


def test_counts_per_model_and_language(data):
    from concept.models import (
        ChapterPage,
        ConceptPage,
        MeasureCatalogPage,
        MeasurePage,
        ProgressReportPage,
    )
    from contacts.models import Contact, ContactDirectoryPage, Organisation
    from events.models import EventPage
    from home.models import HomePage, StandardPage, Topic
    from news.models import NewsPage

    districts = len(DISTRICTS)
    expected = {
        HomePage: 1,
        StandardPage: 4,
        ConceptPage: 2,
        ChapterPage: 16,
        MeasurePage: data.measures,
        MeasureCatalogPage: 2,
        ProgressReportPage: 2,
        NewsPage: data.news,
        EventPage: data.events,
        ContactDirectoryPage: 1,
        Contact: data.contacts,
        Organisation: data.organisations,
    }
    for model, count in expected.items():
        assert per_language(model) == dict.fromkeys(LANGUAGES, count * districts), model
    assert per_language(Topic) == dict.fromkeys(LANGUAGES, 8)
    pages = Page.objects.filter(depth__gte=2).count()
    assert pages == data.pages_per_language * len(LANGUAGES) * districts
    # Every page exists in every language: seven pages per translation key.
    per_key = (
        Page.objects.filter(depth__gte=2)
        .order_by()
        .values("translation_key")
        .annotate(n=Count("pk"))
        .values_list("n", flat=True)
    )
    assert set(per_key) == {len(LANGUAGES)}

    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    assert get_image_model().objects.count() == data.images * districts
    assert get_document_model().objects.count() == data.documents * districts

    measure = MeasurePage.objects.filter(locale__language_code="de").first()
    assert len(measure.progress) == 5
    assert measure.status == measure.progress_history()[0]["status"]
    assert measure.chapter_number == measure.get_parent().specific.number
    from news.models import NewsPageTag

    assert NewsPageTag.objects.count() >= data.news * districts * len(LANGUAGES)


def test_sites_tree_and_marker(data):
    sites = {site.hostname: site for site in Site.objects.all()}
    assert set(sites) == {"localhost", "rems-murr.localhost"}
    assert sites["localhost"].is_default_site
    assert not sites["rems-murr.localhost"].is_default_site
    problems = Page.find_problems()
    assert all(not problem for problem in problems), problems
    assert existing_dataset() == (3, SCALE)
    for site in sites.values():
        root = site.root_page
        homes = Page.objects.filter(translation_key=root.translation_key, depth=2)
        assert {home.locale.language_code for home in homes} == set(LANGUAGES)


def test_pages_are_served_in_every_language(data):
    from concept.models import MeasurePage

    client = Client()
    for site in Site.objects.all():
        for code in LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            home = Page.objects.get(translation_key=site.root_page.translation_key, locale=locale)
            assert client.get(f"/{code}/", HTTP_HOST=site.hostname).status_code == 200
            measure = MeasurePage.objects.descendant_of(home).first()
            path = measure.get_url_parts()[2]
            assert path.startswith(f"/{code}/")
            response = client.get(path, HTTP_HOST=site.hostname)
            assert response.status_code == 200, path
            assert escape(measure.title).encode() in response.content


def test_same_seed_same_data_other_seed_other_data():
    def build(seed):
        with transaction.atomic():
            generate(seed=seed, skip_indexes=True)
            result = snapshot()
            transaction.set_rollback(True)
        return result

    first, second, other = build(5), build(5), build(6)
    assert first == second
    assert first[0] and first[1]
    assert [page[1] for page in first[0]] != [page[1] for page in other[0]]


def test_refuses_a_database_with_content(site):
    with pytest.raises(CommandError, match="already has content"):
        generate(skip_indexes=True)


def test_status_and_if_missing(data, capsys):
    from io import StringIO

    out = StringIO()
    call_command("bench_data", scale=SCALE, seed=3, status=True, stdout=out)
    assert out.getvalue().strip() == "present"
    out = StringIO()
    call_command("bench_data", scale=SCALE * 2, seed=3, status=True, stdout=out)
    assert out.getvalue().strip() == "bench"
    out = StringIO()
    call_command("bench_data", scale=SCALE, seed=3, if_missing=True, stdout=out)
    assert "is there" in out.getvalue()


def test_search_and_reference_index_are_built():
    """Without --skip-indexes the search finds the rare term (one measure per district and
    language) and the reference index knows which pages name a contact."""
    from wagtail.models import ReferenceIndex

    from contacts.models import Contact

    generate()
    client = Client()
    response = client.get("/de/search/", {"q": RARE_TERM["de"]}, HTTP_HOST="localhost")
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert RARE_TERM["de"].encode() in response.content or b"search-result" in response.content
    contact = Contact.objects.filter(page_links__isnull=False).first()
    assert ReferenceIndex.get_references_to(contact).exists()
