"""The number of database queries a page needs does not grow with the amount of content.

One district is built with some content of every kind, every public page type is requested
(uncached, as the first reader after a change), then the content is doubled and the same
pages are requested again: each must need exactly as many queries as before.
"""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

from benchmark.report import PAGE_KINDS, TARGETS, query_limit
from concept.factories import (
    ChapterPageFactory,
    ConceptPageFactory,
    DecidingBodyFactory,
    MeasureCatalogPageFactory,
    MeasurePageFactory,
    ProgressReportPageFactory,
    decision,
    progress,
)
from contacts.factories import ContactDirectoryPageFactory, ContactFactory
from contacts.models import ContactTopic
from events.factories import EventIndexPageFactory, EventPageFactory
from home.factories import DocumentFactory, translate_page
from home.models import Topic
from news.factories import NewsIndexPageFactory, news_item

pytestmark = pytest.mark.django_db

# The limits (uncached), as the benchmark prints them.
DETAIL_LIMIT = TARGETS["queries_detail"]
LISTING_LIMIT = TARGETS["queries_listing"]


class District:
    def __init__(self, site, home):
        self.site = site
        self.home = home
        self.topic = Topic.objects.create(name="Wohnen", slug="wohnen")
        self.bodies = [DecidingBodyFactory(name=name) for name in ("Kreistag", "Sozialausschuss")]
        self.concept = ConceptPageFactory(parent=home, title="Integrationskonzept", slug="konzept")
        self.concept.decisions = [decision(self.bodies, datetime.date(2024, 7, 1))]
        self.concept.save_revision().publish()
        self.chapters = [
            ChapterPageFactory(parent=self.concept, number=n, slug=f"kapitel-{n}", topic=self.topic)
            for n in (1, 2)
        ]
        self.catalogue = MeasureCatalogPageFactory(parent=self.concept)
        self.report = ProgressReportPageFactory(parent=self.concept, year=2024)
        self.news_index = NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")
        self.events = EventIndexPageFactory(parent=home)
        self.directory = ContactDirectoryPageFactory(parent=home)
        self.measures, self.news, self.event_pages, self.contacts = [], [], [], []
        self.size = 0

    def grow(self, count):
        """`count` more of every kind of content."""
        for index in range(self.size, self.size + count):
            chapter = self.chapters[index % 2]
            measure = MeasurePageFactory(
                parent=chapter,
                number=index + 1,
                slug=f"massnahme-{index}",
                progress=[
                    progress(year, "in_progress", f"Stand {year}") for year in range(2020, 2025)
                ],
            )
            contact = ContactFactory(site=self.site, name=f"Person {index}")
            ContactTopic.objects.create(contact=contact, topic=self.topic)
            measure.page_contacts.create(contact=contact)
            if self.measures:
                measure.related_links.create(measure=self.measures[0])
            measure.save_revision().publish()
            self.measures.append(measure)
            self.contacts.append(contact)
            self.news.append(
                news_item(
                    self.news_index,
                    tags=[f"tag-{index % 3}"],
                    related=[chapter, measure],
                    topics=[self.topic],
                    title=f"Meldung {index}",
                    slug=f"meldung-{index}",
                )
            )
            self.event_pages.append(
                EventPageFactory(
                    parent=self.events, title=f"Treffen {index}", slug=f"treffen-{index}"
                )
            )
            DocumentFactory(title=f"Merkblatt Wohnen {index}")
        self.size += count

    def translate(self, language_code):
        """Every page and contact so far translated into this language (as `make bench`
        has them: the reader's version of everything)."""
        pages = [
            self.concept,
            *self.chapters,
            self.catalogue,
            self.report,
            self.news_index,
            self.events,
            self.directory,
            *self.measures,
            *self.news,
            *self.event_pages,
        ]
        for page in pages:
            translate_page(page, language_code)
        locale = Locale.objects.get(language_code=language_code)
        for record in [*self.contacts, self.bodies[0]]:
            if record.get_translation_or_none(locale) is None:
                record.copy_for_translation(locale).save()

    def urls(self, language_code="de"):
        """Each page's address in this language and its query limit, by the benchmark's
        category of its kind (benchmark/report.py: the same limits as `make bench` prints)."""
        locale = Locale.objects.get(language_code=language_code)

        def url(page):
            return page.get_translation(locale).url

        directory = self.directory.get_translation(locale).specific
        contact = self.contacts[0].get_translation(locale)
        by_kind = {
            "home": url(self.home),
            "concept": url(self.concept),
            "chapter": url(self.chapters[0]),
            "measure": url(self.measures[0]),
            "catalogue": url(self.catalogue),
            "catalogue_csv": url(self.catalogue) + "export/csv/",
            "report": url(self.report),
            "news_index": url(self.news_index),
            "news": url(self.news[0]),
            "event": url(self.event_pages[0]),
            "contacts": directory.url,
            "contact": directory.contact_url(contact),
            "search_common": f"/{language_code}/search/?q=Meldung",
            "search_rare": f"/{language_code}/search/?q=Treffen+0",
            "api_measures": "/api/v2/pages/?type=concept.MeasurePage&fields=title"
            f"&locale={language_code}",
        }
        assert set(by_kind) == {kind for kind, _label, _category in PAGE_KINDS}
        urls = {kind: (address, query_limit(kind)) for kind, address in by_kind.items()}
        # Not in the benchmark's table: listings.
        urls["event index"] = (url(self.events), LISTING_LIMIT)
        urls["sitemap"] = ("/sitemap.xml", LISTING_LIMIT)
        return urls


def count_queries(client, urls):
    counts = {}
    for name, (url, _limit) in urls.items():
        client.get(url)  # caches that live for the process (content types, site root paths)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (name, url, response.status_code)
        counts[name] = len(queries)
    return counts


def test_queries_per_page_type_stay_the_same_when_the_content_doubles(client, site, home):
    district = District(site, home)
    district.grow(3)
    urls = district.urls()
    half = count_queries(client, urls)

    district.grow(3)
    full = count_queries(client, urls)
    assert_same_and_within_limits(urls, half, full)


def test_arabic_pages_need_no_more_queries_when_the_content_doubles(client, site, home):
    """As in German, for readers of a translated district (each page, contact and record in
    Arabic): translations are read with what they translate, not one by one."""
    district = District(site, home)
    district.grow(2)
    district.translate("ar")
    urls = district.urls("ar")
    half = count_queries(client, urls)

    district.grow(2)
    district.translate("ar")
    full = count_queries(client, urls)
    assert_same_and_within_limits(urls, half, full)


def assert_same_and_within_limits(urls, half, full):
    grown = {name: (half[name], full[name]) for name in urls if full[name] != half[name]}
    assert not grown, f"queries grew with the content (half, full): {grown}"
    over = {name: full[name] for name, (_url, limit) in urls.items() if full[name] > limit}
    assert not over, f"over the limit ({DETAIL_LIMIT}/{LISTING_LIMIT}): {over}"
