"""Home and general pages of a district, and the district's site settings."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from contacts.mixins import PageContactsMixin
from home.blocks import BodyBlock


class BasePage(Page):
    """Fields and behaviour every public page of the portal shares: an intro and the body."""

    intro = models.TextField(
        _("Einleitung"),
        blank=True,
        help_text=_("Ein bis drei Sätze, die oben auf der Seite und in Übersichten stehen."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("intro"), APIField("body")]
    # Fields the site search shows an excerpt of, in this order (rich text and streams too).
    search_excerpt_fields = ["search_description", "intro", "body"]
    # A page keeps its address in every language (the language prefix tells them apart), so
    # translators never retype it and links survive a translation.
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta:
        abstract = True

    def get_view_restrictions(self):
        """Wagtail's privacy check before a page is served, without a query where no
        restriction can apply (the restrictions are read once per request)."""
        from wagtail.models import PageViewRestriction

        from home.request_memo import restricted_paths

        paths = restricted_paths()
        if not self.alias_of_id and not any(self.path.startswith(path) for path in paths):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def search_excerpt_text(self):
        """Plain text of `search_excerpt_fields`, read from stored data without queries."""
        from search.highlight import plain_text, stream_text

        texts = []
        for name in self.search_excerpt_fields:
            value = getattr(self, name, "")
            texts.append(plain_text(value) if isinstance(value, str) else stream_text(value))
        return " ".join(text for text in texts if text)

    def shows_untranslated_text(self):
        """Whether this live translation shows German text: wagtail-localize publishes a
        segment that no translator had translated at the last publication in the source
        language. Strings without letters ("2024", "40 %") read the same in every language.
        Derived from the translation records, in one query."""
        from django.db.models import Exists, OuterRef
        from django.utils.html import strip_tags

        from wagtail_localize.models import StringSegment, StringTranslation

        if not self.live or self.last_published_at is None:
            return False
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return False
        published = self.last_published_at
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=self.locale_id,
            has_error=False,
            created_at__lte=published,
        )
        untranslated = (
            StringSegment.objects.filter(
                source__object_id=self.translation_key,
                source__translations__target_locale_id=self.locale_id,
                source__translations__enabled=True,
                # A source updated after the last publication is not on the page yet.
                source__last_updated_at__lte=published,
            )
            .exclude(Exists(translated))
            .values_list("string__data", flat=True)
        )
        return any(
            any(character.isalpha() for character in strip_tags(text)) for text in untranslated
        )


class HomePage(BasePage):
    """The start page of one district in one language: the root of that district's tree."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "concept.ConceptPage",
        "contacts.ContactDirectoryPage",
        "news.NewsIndexPage",
        "events.EventIndexPage",
        "participation.SuggestionFormPage",
    ]

    # Addresses below the home page are found without loading it as a home page.
    routes_in_one_query = True

    def route(self, request, path_components):
        """Every address of the district's tree, found in one query (home/routing.py)."""
        from home.routing import route_in_one_query

        return route_in_one_query(self, request, path_components, super().route)

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")


class StandardPage(PageContactsMixin, BasePage):
    """A general content page: legal pages, Leichte Sprache, sign language, information."""

    content_panels = BasePage.content_panels + PageContactsMixin.contact_panels
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("Allgemeine Seite")
        verbose_name_plural = _("Allgemeine Seiten")


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """A field of action or general topic ("Wohnen", "Arbeit") that content is filed under."""

    name = models.CharField(_("Name"), max_length=120)
    slug = models.SlugField(
        _("Kurzname"),
        max_length=120,
        allow_unicode=False,
        help_text=_("Für Filter in Adressen, z. B. „wohnen“; in allen Sprachen gleich."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_locale")
        ]

    def __str__(self):
        return self.name


@register_setting(icon="site")
class DistrictSettings(BaseSiteSetting):
    """Who runs this district's site, how to reach them, and which pages the footer links."""

    name = models.CharField(_("Name des Landkreises"), max_length=200, default="Landkreis")
    office_name = models.CharField(
        _("Dienststelle"),
        max_length=200,
        blank=True,
        help_text=_("z. B. Landratsamt – Sachgebiet Integration"),
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Impressum"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Erklärung zur Barrierefreiheit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    easy_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Leichte Sprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sign_language_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Gebärdensprache"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    feedback_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Barriere melden / Feedback"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Seite, auf der Lesende eine Barriere oder ein Anliegen melden."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("office_name"),
                FieldPanel("logo"),
            ],
            heading=_("Landkreis"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Kontakt"),
        ),
        MultiFieldPanel(
            [
                PageChooserPanel("imprint_page"),
                PageChooserPanel("privacy_page"),
                PageChooserPanel("accessibility_page"),
                PageChooserPanel("easy_language_page"),
                PageChooserPanel("sign_language_page"),
                PageChooserPanel("feedback_page"),
            ],
            heading=_("Pflichtseiten im Fußbereich"),
        ),
    ]

    # The footer links, in the order the footer shows them: (settings field, label).
    FOOTER_LINKS = [
        ("imprint_page", _("Impressum")),
        ("privacy_page", _("Datenschutz")),
        ("accessibility_page", _("Erklärung zur Barrierefreiheit")),
        ("easy_language_page", _("Leichte Sprache")),
        ("sign_language_page", _("Gebärdensprache")),
        ("feedback_page", _("Barriere melden")),
    ]

    # The header shows the logo on every page: read with the settings.
    select_related = ["logo"]

    class Meta:
        verbose_name = _("Einstellungen des Landkreises")

    def __str__(self):
        return self.name

    def localized_page_url(self, field, request=None):
        """URL of a page chosen here (e.g. the privacy statement) in the reader's language,
        else the German one; "" if none is set or it is not live."""
        page = getattr(self, field)
        if page is None:
            return ""
        target = page.localized
        if not target.live:
            target = page
        return (target.get_url(request) or "") if target.live else ""
