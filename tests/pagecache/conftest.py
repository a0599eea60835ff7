"""The page cache switched on with an empty cache, and a small district that uses it."""

import pytest

from concept.factories import (
    ChapterPageFactory,
    ConceptPageFactory,
    MeasureCatalogPageFactory,
    MeasurePageFactory,
)
from contacts.factories import ContactDirectoryPageFactory, ContactFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from pagecache.tags import page_cache


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    page_cache().clear()
    yield
    page_cache().clear()


@pytest.fixture
def tree(site, home):
    concept = ConceptPageFactory(parent=home, title="Integrationskonzept", slug="konzept")
    chapter = ChapterPageFactory(parent=concept, title="Wohnen", slug="wohnen", number=1)
    other_chapter = ChapterPageFactory(parent=concept, title="Arbeit", slug="arbeit", number=2)
    measure = MeasurePageFactory(parent=chapter, title="Wohnraumlotsen", slug="lotsen", number=1)
    other_measure = MeasurePageFactory(
        parent=other_chapter, title="Jobmesse", slug="messe", number=1
    )
    catalogue = MeasureCatalogPageFactory(parent=concept)
    news_index = NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")
    news = NewsPageFactory(parent=news_index, title="Erste Meldung", slug="erste")
    directory = ContactDirectoryPageFactory(parent=home)
    contact = ContactFactory(site=site, name="Clara Beispiel", phone="+4972220000111")
    chapter.page_contacts.create(contact=contact)
    chapter.save_revision().publish()
    return {
        "home": home,
        "concept": concept,
        "chapter": chapter,
        "other_chapter": other_chapter,
        "measure": measure,
        "other_measure": other_measure,
        "catalogue": catalogue,
        "news_index": news_index,
        "news": news,
        "directory": directory,
        "contact": contact,
    }


@pytest.fixture
def redis_cache(settings):
    """The shared cache production uses (Redis), with keys of this test only."""
    import os
    import uuid

    import redis

    location = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    try:
        redis.Redis.from_url(location, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis is not running at {location} (CI starts it)")
    prefix = f"test-{uuid.uuid4().hex}"
    settings.CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "KEY_PREFIX": f"{prefix}-{alias}",
        }
        for alias in ("default", "pagecache")
    }
    assert "RedisCache" in type(page_cache()).__name__
