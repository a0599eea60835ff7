import os
import re

import pytest

from concept.factories import ChapterPageFactory, ConceptPageFactory, MeasurePageFactory
from contacts.factories import ContactDirectoryPageFactory, ContactFactory
from home.factories import DocumentFactory, StandardPageFactory
from home.models import Topic
from news.factories import NewsIndexPageFactory, NewsPageFactory
from roles.models import DistrictSetup

requires_postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="German stemming needs PostgreSQL's text search (the SQLite backend cannot stem)",
)

REMS_MURR = "rems-murr.localhost"


def search(client, query="", language="de", host="localhost", **params):
    params = {"q": query, **params} if query is not None else params
    return client.get(f"/{language}/search/", params, HTTP_HOST=host)


def titles(response):
    """Result titles in order, without the <mark> highlighting."""
    html = response.content.decode()
    found = re.findall(
        r'<h3 class="kern-heading-small search-result__title">(.*?)</h3>', html, re.S
    )
    return [re.sub(r"<[^>]+>", "", title).strip() for title in found]


def result_section(response):
    html = response.content.decode()
    start = html.find('class="search-results"')
    return html[start:] if start >= 0 else ""


def district_collection(site):
    return DistrictSetup.objects.get(site=site).collection


@pytest.fixture
def topic(db):
    return Topic.objects.create(name="Wohnen", slug="wohnen")


@pytest.fixture
def district(site, home, topic):
    """A district with a concept, a chapter filed under "Wohnen", measures, news, contacts."""
    concept = ConceptPageFactory(parent=home, title="Integrationskonzept", slug="konzept")
    chapter = ChapterPageFactory(
        parent=concept, title="Wohnen und Quartier", slug="wohnen", number=2, topic=topic
    )
    measure = MeasurePageFactory(
        parent=chapter,
        title="Wohnraumlotsen für Geflüchtete",
        slug="wohnraumlotsen",
        number=5,
        intro="Lotsinnen begleiten die Quokkasuche bis zum Mietvertrag.",
    )
    other_chapter = ChapterPageFactory(parent=concept, title="Arbeit", slug="arbeit", number=3)
    other_measure = MeasurePageFactory(
        parent=other_chapter,
        title="Jobmesse",
        slug="jobmesse",
        number=1,
        intro="Eine Messe mit Quokkasuche für Arbeitgeber.",
    )
    news_index = NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")
    news = NewsPageFactory(
        parent=news_index,
        title="Neue Quokkasuche gestartet",
        slug="quokkasuche",
        teaser="Die Lotsinnen helfen ab Mai.",
    )
    directory = ContactDirectoryPageFactory(parent=home)
    contact = ContactFactory(
        site=site, name="Quirin Quokka", position="Beratung zur Quokkasuche", is_public=True
    )
    internal = ContactFactory(
        site=site, name="Interne Quokkavertretung", position="Quokkasuche intern", is_public=False
    )
    document = DocumentFactory(title="Merkblatt Quokkasuche", collection=district_collection(site))
    page = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns", intro="Nichts.")
    return {
        "site": site,
        "home": home,
        "concept": concept,
        "chapter": chapter,
        "measure": measure,
        "other_measure": other_measure,
        "news": news,
        "directory": directory,
        "contact": contact,
        "internal": internal,
        "document": document,
        "page": page,
    }
