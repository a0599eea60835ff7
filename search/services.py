"""Site search of one district in one language: pages, public contacts and documents.

Each kind is searched through Wagtail's search API with filters that every backend
supports (live, tree path, site, locale, public flag, collection), up to `MAX_HITS`
results each; what no backend filter expresses (view restrictions, expiry, fields of action)
is checked on those hits in Python. The hits are merged by score and paginated, and only the
current page's objects are loaded in full — so a search costs the same number of queries
however many results it has.
"""

from dataclasses import dataclass
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page

from home.request_memo import restricted_paths
from search.query import SearchText

MAX_HITS = 200
PAGE_SIZE = 10


class Kind:
    """The result types a reader can filter by, in the order of the filter."""

    MEASURE = "measure"
    CHAPTER = "chapter"
    NEWS = "news"
    EVENT = "event"
    CONTACT = "contact"
    DOCUMENT = "document"
    PAGE = "page"

    LABELS = {
        MEASURE: _("Maßnahme"),
        CHAPTER: _("Kapitel"),
        NEWS: _("Aktuelles"),
        EVENT: _("Veranstaltung"),
        CONTACT: _("Kontakt"),
        DOCUMENT: _("Dokument"),
        PAGE: _("Seite"),
    }
    PLURAL_LABELS = {
        MEASURE: _("Maßnahmen"),
        CHAPTER: _("Kapitel"),
        NEWS: _("Aktuelles"),
        EVENT: _("Veranstaltungen"),
        CONTACT: _("Kontakte"),
        DOCUMENT: _("Dokumente"),
        PAGE: _("Seiten"),
    }

    @classmethod
    def choices(cls):
        return list(cls.PLURAL_LABELS.items())

    @classmethod
    def page_models(cls):
        from concept.models import ChapterPage, MeasurePage
        from events.models import EventPage
        from news.models import NewsPage

        return {
            cls.MEASURE: MeasurePage,
            cls.CHAPTER: ChapterPage,
            cls.NEWS: NewsPage,
            cls.EVENT: EventPage,
        }

    @classmethod
    def for_page(cls, page):
        from django.contrib.contenttypes.models import ContentType

        for kind, model in cls.page_models().items():
            if page.content_type_id == ContentType.objects.get_for_model(model).id:
                return kind
        return cls.PAGE


@dataclass
class Hit:
    kind: str
    pk: int
    score: float
    obj: object


def _score(obj):
    score = getattr(obj, "_score", None)
    return float(score) if score is not None else 0.0


class SiteSearch:
    """One search: `SiteSearch(request, home, text, kind, topic)`; see the module docstring."""

    def __init__(self, request, site, home, text, kind="", topic=""):
        self.request = request
        self.site = site
        self.home = home
        self.text = text if isinstance(text, SearchText) else SearchText(text)
        self.kind = kind if kind in Kind.LABELS else ""
        self.topic = topic
        self.any_word = False

    # -- what is searched -------------------------------------------------------------------

    @cached_property
    def locale(self):
        return self.home.locale

    def _wants(self, kind):
        return not self.kind or self.kind == kind

    def _page_queryset(self):
        pages = Page.objects.live().descendant_of(self.home, inclusive=True)
        if self.kind and self.kind != Kind.CONTACT and self.kind != Kind.DOCUMENT:
            models = Kind.page_models()
            if self.kind in models:
                pages = pages.type(models[self.kind])
            else:
                pages = pages.not_type(*models.values())
        return pages

    def is_visible(self, page):
        now = timezone.now()
        if page.expire_at and page.expire_at <= now:
            return False
        if page.go_live_at and page.go_live_at > now:
            return False
        # Private pages and aliases of private pages (read once per request, home/request_memo).
        return not any(page.path.startswith(path) for path in restricted_paths())

    def _search_pages(self, query):
        pages = self._page_queryset().search(query).annotate_score("_score")[:MAX_HITS]
        return [
            Hit(Kind.for_page(page), page.pk, _score(page), page)
            for page in pages
            if self.is_visible(page)
        ]

    def _contact_queryset(self):
        from contacts.models import Contact

        return Contact.objects.filter(site=self.site, locale=self.locale, is_public=True)

    def _search_contacts(self, query):
        contacts = self._contact_queryset().search(query).annotate_score("_score")[:MAX_HITS]
        return [Hit(Kind.CONTACT, contact.pk, _score(contact), contact) for contact in contacts]

    @cached_property
    def document_collections(self):
        """The district's collection and its sub-collections, without restricted ones (one
        query: the district's collection is a subquery, restrictions are marked per row)."""
        from roles.models import DistrictSetup

        district_path = (
            DistrictSetup.objects.filter(site=self.site).order_by("pk").values("collection__path")
        )
        collections = list(
            Collection.objects.filter(path__startswith=Subquery(district_path[:1]))
            .annotate(
                restricted=Exists(
                    CollectionViewRestriction.objects.filter(collection=OuterRef("pk"))
                )
            )
            .only("pk", "path")
        )
        restricted = [collection.path for collection in collections if collection.restricted]
        return [
            collection.pk
            for collection in collections
            if not any(collection.path.startswith(path) for path in restricted)
        ]

    def _search_documents(self, query):
        if not self.document_collections:
            return []
        documents = (
            get_document_model()
            .objects.filter(collection__in=self.document_collections)
            .search(query)
            .annotate_score("_score")[:MAX_HITS]
        )
        return [Hit(Kind.DOCUMENT, doc.pk, _score(doc), doc) for doc in documents]

    # -- fields of action --------------------------------------------------------------------

    @cached_property
    def topic_filter(self):
        """Ids of pages and contacts filed under the chosen field of action, or None."""
        if not self.topic:
            return None
        from concept.models import ChapterPage
        from contacts.models import ContactTopic
        from events.models import EventTopic
        from news.models import NewsTopic

        chapters = list(
            ChapterPage.objects.descendant_of(self.home)
            .filter(topic__slug=self.topic)
            .values_list("pk", "path")
        )
        page_q = Q(pk__in=NewsTopic.objects.filter(topic__slug=self.topic).values("page_id"))
        page_q |= Q(pk__in=EventTopic.objects.filter(topic__slug=self.topic).values("page_id"))
        page_q |= Q(
            pk__in=Page.objects.filter(
                newspage__related_page_links__target_id__in=[pk for pk, _ in chapters]
            ).values("pk")
        )
        for _pk, path in chapters:
            page_q |= Q(path__startswith=path)
        pages = set(
            Page.objects.descendant_of(self.home).filter(page_q).values_list("pk", flat=True)
        )
        contacts = set(
            ContactTopic.objects.filter(topic__slug=self.topic).values_list("contact_id", flat=True)
        )
        return {Kind.CONTACT: contacts, "pages": pages}

    def _in_topic(self, hit):
        if self.topic_filter is None:
            return True
        if hit.kind == Kind.DOCUMENT:
            return False
        if hit.kind == Kind.CONTACT:
            return hit.pk in self.topic_filter[Kind.CONTACT]
        return hit.pk in self.topic_filter["pages"]

    # -- results -----------------------------------------------------------------------------

    def _hits_for(self, query):
        hits = []
        if self.kind != Kind.CONTACT and self.kind != Kind.DOCUMENT:
            hits += self._search_pages(query)
        if self._wants(Kind.CONTACT):
            hits += self._search_contacts(query)
        if self._wants(Kind.DOCUMENT):
            hits += self._search_documents(query)
        return [hit for hit in hits if self._in_topic(hit)]

    @cached_property
    def hits(self):
        """Every hit, best first; if no hit has all words, those with any of them."""
        if not self.text:
            return []
        hits = self._hits_for(self.text.backend_query("and"))
        if not hits and len(self.text.terms) > 1:
            hits = self._hits_for(self.text.backend_query("or"))
            self.any_word = bool(hits)
        hits.sort(key=lambda hit: -hit.score)
        return hits

    @cached_property
    def measure_matches(self):
        """Live public measures whose number the reader typed, current edition first."""
        number = self.text.measure_number()
        if not number or not self._wants(Kind.MEASURE):
            return []
        from concept.models import ConceptPage, MeasurePage
        from concept.models.status import EditionStatus

        chapter, measure = number
        measures = [
            page
            for page in MeasurePage.objects.live()
            .descendant_of(self.home)
            .filter(chapter_number=chapter, number=measure)
            .order_by("-path")
            if self.is_visible(page)
        ]
        if len(measures) > 1:
            adopted = set(
                ConceptPage.objects.live()
                .descendant_of(self.home)
                .filter(edition_status=EditionStatus.ADOPTED)
                .values_list("path", flat=True)
            )
            measures.sort(key=lambda page: not any(page.path.startswith(p) for p in adopted))
        return measures

    def ordered_hits(self):
        """Measure-number matches first, then the search's hits (without repeating them)."""
        jump = [Hit(Kind.MEASURE, page.pk, float("inf"), page) for page in self.measure_matches]
        jumped = {hit.pk for hit in jump}
        return jump + [
            hit
            for hit in self.hits
            if not (hit.kind != Kind.CONTACT and hit.kind != Kind.DOCUMENT and hit.pk in jumped)
        ]

    def page(self, number):
        """The requested results page (the last one if the number is too high)."""
        paginator = Paginator(self.ordered_hits(), PAGE_SIZE)
        results_page = paginator.get_page(number)
        results_page.object_list = ResultLoader(self).load(list(results_page.object_list))
        return results_page


class ResultLoader:
    """Turns the hits of one results page into what the template shows, in fixed queries."""

    def __init__(self, search):
        self.search = search
        self.request = search.request

    def load(self, hits):
        pages = self._pages([hit for hit in hits if hit.kind not in (Kind.CONTACT, Kind.DOCUMENT)])
        contact_ids = [hit.pk for hit in hits if hit.kind == Kind.CONTACT]
        contacts = self._contacts(contact_ids)
        results = []
        for hit in hits:
            if hit.kind == Kind.CONTACT:
                obj = contacts.get(hit.pk)
                if obj is not None:
                    results.append(ContactResult(obj, self.search, self.directory))
            elif hit.kind == Kind.DOCUMENT:
                results.append(DocumentResult(hit.obj, self.search))
            else:
                page = pages.get(hit.pk)
                if page is not None:
                    results.append(PageResult(page, hit.kind, self.search))
        return results

    def _pages(self, hits):
        """The hits' pages as their specific types: one query per page type, since the search
        already read each page's type."""
        ids_by_type = {}
        for hit in hits:
            ids_by_type.setdefault(hit.obj.content_type_id, []).append(hit.pk)
        pages = {}
        for content_type_id, ids in ids_by_type.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            if model is None:  # a page type no longer installed: shown as a plain page
                pages.update({hit.pk: hit.obj for hit in hits if hit.pk in ids})
                continue
            pages.update(model.objects.filter(pk__in=ids).in_bulk())
        return pages

    def _contacts(self, ids):
        if not ids:
            return {}
        from contacts.models import Contact

        return {
            contact.pk: contact
            for contact in Contact.objects.filter(pk__in=ids).select_related("organisation")
        }

    @cached_property
    def directory(self):
        from contacts.models import ContactDirectoryPage

        return ContactDirectoryPage.objects.live().descendant_of(self.search.home).first()


class Result:
    """One line of the results list."""

    kind = Kind.PAGE
    url = ""
    title = ""
    detail = ""
    language_code = ""

    def __init__(self, search):
        self.search = search

    @property
    def kind_label(self):
        return Kind.LABELS[self.kind]

    def excerpt_source(self):
        return ""

    @cached_property
    def excerpt(self):
        from search.highlight import excerpt

        return excerpt(self.excerpt_source(), self.search.text.highlight_prefixes)

    @cached_property
    def highlighted_title(self):
        from search.highlight import highlight

        return highlight(self.title, self.search.text.highlight_prefixes)


class PageResult(Result):
    def __init__(self, page, kind, search):
        super().__init__(search)
        self.page = page
        self.kind = kind
        self.title = page.title
        self.url = page.get_url(search.request)
        self.language_code = search.locale.language_code

    @property
    def number(self):
        return getattr(self.page, "full_number", "") if self.kind == Kind.MEASURE else ""

    @property
    def date(self):
        if self.kind == Kind.NEWS:
            return self.page.date
        if self.kind == Kind.EVENT:
            return timezone.localtime(self.page.start).date()
        return None

    def excerpt_source(self):
        method = getattr(self.page, "search_excerpt_text", None)
        if method is not None:
            return method()
        return self.page.search_description


class ContactResult(Result):
    kind = Kind.CONTACT

    def __init__(self, contact, search, directory):
        super().__init__(search)
        self.contact = contact
        self.title = contact.name
        self.url = directory.contact_url(contact, search.request) if directory else ""

    def excerpt_source(self):
        parts = [self.contact.position]
        if self.contact.organisation_id:
            parts.append(self.contact.organisation.name)
        return " · ".join(part for part in parts if part)


class DocumentResult(Result):
    kind = Kind.DOCUMENT

    def __init__(self, document, search):
        super().__init__(search)
        self.document = document
        self.title = document.title
        self.url = document.url

    @property
    def file_type(self):
        return self.document.file_extension.upper()

    @property
    def file_size(self):
        """Bytes, as recorded on upload; read from the file (never saved here) if missing."""
        if self.document.file_size is not None:
            return self.document.file_size
        try:
            return self.document.file.size
        except OSError:
            return None

    def excerpt_source(self):
        return ""
