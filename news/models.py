"""News of the integration office: one news index per district and language, and its items."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from contacts.mixins import PageContactsMixin
from home.i18n import localize_all
from home.models import BasePage, Topic
from home.routing import routed_parent

PAGE_SIZE = 10
FEED_SIZE = 20
LISTING_IMAGE = "fill-320x200"
# A related measure's own table (MeasurePage's link to its Page row), read with the link.
MEASURE_TABLE = "measurepage"


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The news of one district in one language ("Aktuelles"), newest first, with feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("Nachrichtenübersicht")
        verbose_name_plural = _("Nachrichtenübersichten")

    @classmethod
    def can_create_at(cls, parent):
        # One news index per district home page (and so per site and language).
        return super().can_create_at(parent) and not cls.objects.child_of(parent).exists()

    def news(self):
        """Every live, public news item of this index, newest first."""
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def listing(self, queryset):
        """The queryset with what a list entry shows, in a fixed number of queries: the
        entries with their images, the images' renditions, the tags with their names."""
        renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec=LISTING_IMAGE)
        )
        return queryset.select_related("locale", "lead_image").prefetch_related(
            Prefetch(
                "lead_image__renditions", queryset=renditions, to_attr="prefetched_renditions"
            ),
            Prefetch("tagged_items", queryset=NewsPageTag.objects.select_related("tag")),
        )

    def filtered_news(self, tag=None, topic=None, news=None):
        """The news with this tag slug and of this field of action (Topic slug), if given.

        A news item belongs to a field of action through its topics or through a related
        chapter filed under that topic. `news`: `self.news()`, if already built.
        """
        news = self.news() if news is None else news
        matches = news
        if tag:
            matches = matches.filter(tagged_items__tag__slug=tag)
        if topic:
            from concept.models import ChapterPage

            chapters = ChapterPage.objects.filter(topic__slug=topic).values("pk")
            matches = matches.filter(
                Q(topic_links__topic__slug=topic) | Q(related_page_links__target__in=chapters)
            )
        if tag or topic:
            news = news.filter(pk__in=matches.values("pk"))
        return news

    def tag_options(self, news=None):
        """Tags used by this index's news, for the filter."""
        news = self.news() if news is None else news
        return (
            Tag.objects.filter(news_newspagetag_items__content_object__in=news.values("pk"))
            .distinct()
            .order_by("name")
        )

    def topic_options(self, news=None):
        """Fields of action of this index's news, named in the reader's language."""
        from concept.models import ChapterPage

        news = (self.news() if news is None else news).values("pk")
        chapter_topics = ChapterPage.objects.filter(
            pk__in=NewsRelatedPage.objects.filter(page__in=news).values("target_id")
        ).values("topic_id")
        topics = Topic.objects.filter(
            Q(pk__in=NewsTopic.objects.filter(page__in=news).values("topic_id"))
            | Q(pk__in=chapter_topics)
        )
        localized = localize_all(topics)
        return sorted({topic.slug: topic for topic in localized}.values(), key=lambda t: t.name)

    def listing_context(self, request, tag=None):
        tag = tag or request.GET.get("tag", "").strip()
        topic = request.GET.get("thema", "").strip()
        # Built once: `public()` reads the page view restrictions each time it is called.
        news = self.news()
        paginator = Paginator(self.listing(self.filtered_news(tag, topic, news)), PAGE_SIZE)
        results = paginator.get_page(request.GET.get("page"))
        tags = list(self.tag_options(news))
        topics = self.topic_options(news)
        query = urlencode(
            [(name, value) for name, value in (("tag", tag), ("thema", topic)) if value]
        )
        return {
            "results": results,
            "tags": tags,
            "topics": topics,
            "active_tag": next((t for t in tags if t.slug == tag), None),
            "active_topic": next((t for t in topics if t.slug == topic), None),
            "selected_tag": tag,
            "selected_topic": topic,
            "query": query,
            "is_filtered": bool(tag or topic),
        }

    @path("")
    def index(self, request):
        return self.render(request, context_overrides=self.listing_context(request))

    @path("tag/<str:tag>/", name="tag")
    def tag_archive(self, request, tag):
        """All news with one tag: a shareable archive address."""
        if not Tag.objects.filter(slug=tag).exists():
            raise Http404
        return self.render(request, context_overrides=self.listing_context(request, tag=tag))

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        return self.feed_response(request, feedgenerator.Rss201rev2Feed)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        return self.feed_response(request, feedgenerator.Atom1Feed)

    def feed_response(self, request, feed_class):
        """The newest news of this index (so of one site and language) as RSS or Atom."""
        link = request.build_absolute_uri(self.get_url(request))
        feed = feed_class(
            title=self.title,
            link=link,
            description=self.intro or self.title,
            language=self.locale.language_code,
            feed_url=request.build_absolute_uri(request.path),
        )
        for item in self.listing(self.news())[:FEED_SIZE]:
            url = request.build_absolute_uri(item.get_url(request))
            published = timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))
            feed.add_item(
                title=item.title,
                link=url,
                description=item.teaser,
                unique_id=url,
                pubdate=published,
                updateddate=item.last_published_at or published,
                categories=[tagged.tag.name for tagged in item.tagged_items.all()],
            )
        response = HttpResponse(content_type=f"{feed.content_type}")
        feed.write(response, "utf-8")
        return response

    def feed_links(self, request=None):
        """(type, url) of the feeds, for <link rel="alternate"> and the page."""
        base = self.get_url(request)
        return [
            ("application/rss+xml", f"{base}feed/rss/", "RSS"),
            ("application/atom+xml", f"{base}feed/atom/", "Atom"),
        ]


class NewsPageTag(TaggedItemBase):
    """A tag on a news item (the same tags in every language)."""

    content_object = ParentalKey(
        "news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(PageContactsMixin, BasePage):
    """One news item: an approval, a workshop, a report in the press."""

    date = models.DateField(_("Datum"))
    teaser = models.TextField(
        _("Anreißer"),
        max_length=400,
        help_text=_("Zwei bis drei Sätze für Übersichten und Feeds."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Aufmacherbild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("Alternativtext des Aufmacherbilds"),
        max_length=300,
        blank=True,
        help_text=_("Beschreibt, was auf dem Bild zu sehen ist (für Screenreader)."),
    )
    concept = models.ForeignKey(
        "concept.ConceptPage",
        verbose_name=_("Integrationskonzept"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Die Ausgabe des Konzepts, um die es in der Nachricht geht."),
    )
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("Schlagwörter"))

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("tags")]),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [FieldPanel("lead_image"), FieldPanel("lead_image_alt")],
            heading=_("Aufmacherbild"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                PageChooserPanel("concept"),
                InlinePanel("related_page_links", label=_("Kapitel oder Maßnahme")),
                InlinePanel("topic_links", label=_("Themenfeld")),
            ],
            heading=_("Bezug zum Integrationskonzept"),
        ),
        *PageContactsMixin.contact_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("teaser"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]
    api_fields = BasePage.api_fields + [
        APIField("date"),
        APIField("teaser"),
        APIField("tag_names"),
        APIField("concept_id"),
        APIField("related_page_ids"),
        APIField("topic_slugs"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("date"),
        SynchronizedField("lead_image"),
        SynchronizedField("concept"),
        SynchronizedField("tags"),
        SynchronizedField("tagged_items"),
        SynchronizedField("related_page_links"),
        SynchronizedField("topic_links"),
    ]

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.lead_image_id and not self.lead_image_alt.strip():
            raise ValidationError(
                {"lead_image_alt": _("Bitte beschreiben Sie, was auf dem Bild zu sehen ist.")}
            )

    @property
    def tag_names(self):
        return [tag.name for tag in self.tags.all()]

    @property
    def related_page_ids(self):
        return [link.target_id for link in self.related_page_links.all()]

    @property
    def topic_slugs(self):
        return [link.topic.slug for link in self.topic_links.select_related("topic")]

    # The lead image is shown at the top: read with the page when it is served.
    serve_select_related = ("lead_image",)

    @cached_property
    def news_index(self):
        return self.get_parent().specific

    def localized_concept(self):
        """The edition the news item is about, in the reader's language where that is live,
        if live (one query)."""
        from concept.i18n import localized_by_pk
        from concept.models import ConceptPage

        if not self.concept_id:
            return None
        editions = localized_by_pk(
            ConceptPage.objects.defer_streamfields(), [self.concept_id], live=True
        )
        concept = editions.get(self.concept_id)
        return concept if concept is not None and concept.live else None

    def related_pages(self):
        """The related chapters and measures in the reader's language, live ones only, in one
        query with the links. The page shows a measure's number: measures come with their
        own fields (loaded in the same query), chapters as plain pages."""
        from concept.inline import linked_records

        localized = linked_records(
            self.related_page_links, "target", Page.objects.select_related(MEASURE_TABLE)
        )
        return [getattr(page, MEASURE_TABLE, None) or page for page in localized if page.live]

    def topics(self):
        """The topics in the reader's language, in one query with the links."""
        from concept.inline import linked_records

        return linked_records(self.topic_links, "topic", Topic.objects.all())

    def tag_links(self):
        """The news item's tags (NewsPageTag links with their tag), in one query."""
        return list(self.tagged_items.select_related("tag"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The index as routing read it (all the page links need), else loaded.
        context["news_index"] = routed_parent(request, self) or self.news_index
        context["related_pages"] = self.related_pages()
        context["topics"] = self.topics()
        context["tagged"] = self.tag_links()
        context["related_concept"] = self.localized_concept()
        return context


class NewsRelatedPage(Orderable):
    """A chapter or measure of the concept that a news item is about."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_page_links")
    target = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Kapitel oder Maßnahme"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [PageChooserPanel("target", ["concept.ChapterPage", "concept.MeasurePage"])]


class NewsTopic(Orderable):
    """A field of action a news item belongs to."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "home.Topic", verbose_name=_("Themenfeld"), on_delete=models.CASCADE, related_name="+"
    )
    panels = [FieldPanel("topic")]


def news_about(page, limit=5):
    """Live news in the page's language that refer to this chapter or measure (fixed queries)."""
    from pagecache.tags import depends_on_model

    depends_on_model(NewsPage)  # a news item published anywhere may refer to this page
    # From the page's language versions to the links to them, to the news: each step by an
    # index (a join from the news side read every news item of the language).
    versions = Page.objects.filter(translation_key=page.translation_key).values("pk")
    referring = NewsRelatedPage.objects.filter(target__in=versions).values("page_id")
    return list(
        NewsPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, pk__in=referring)
        .order_by("-date", "-pk")[:limit]
    )


def latest_news(home, limit=3):
    """The newest live news of a district's home page tree in its language (fixed queries)."""
    from pagecache.tags import depends_on_descendants

    depends_on_descendants(home)
    return list(
        NewsPage.objects.live()
        .public()
        .descendant_of(home)
        .filter(locale_id=home.locale_id)
        .order_by("-date", "-pk")[:limit]
    )
