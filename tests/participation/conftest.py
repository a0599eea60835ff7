import pytest

from django.core.cache import cache

from home.factories import StandardPageFactory
from home.models import DistrictSettings, Topic
from participation.factories import SuggestionFormPageFactory


@pytest.fixture(autouse=True)
def _clear_rate_limit():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def topics(db):
    return {
        slug: Topic.objects.create(name=name, slug=slug)
        for slug, name in [("wohnen", "Wohnen"), ("gesundheit", "Gesundheit")]
    }


@pytest.fixture
def privacy(site, home):
    page = StandardPageFactory(parent=home, title="Datenschutzerklärung", slug="datenschutz")
    settings = DistrictSettings.for_site(site)
    settings.privacy_page = page
    settings.save()
    return page


@pytest.fixture
def form_page(home, topics, privacy):
    return SuggestionFormPageFactory(parent=home, slug="vorschlaege")


@pytest.fixture
def valid_data():
    return {
        "topic": "wohnen",
        "name": "Amina K.",
        "email": "amina@example.org",
        "suggestion": "Mehr bezahlbare Wohnungen für Familien in Gaggenau.",
        "consent": "on",
        "website": "",
    }
