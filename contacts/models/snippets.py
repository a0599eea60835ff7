"""The contacts directory: organisations, buildings and the people or functions to call.

Names, numbers and addresses are the same in every language (synchronised); positions,
notes and accessibility hints are translated.
"""

from dataclasses import dataclass

from rest_framework import serializers

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.search.queryset import SearchableQuerySetMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from contacts.blocks import OfficeHoursStreamBlock
from contacts.languages import LANGUAGE_NAMES, RTL_SPOKEN, LanguageListField, language_tag
from contacts.phone import PhoneNumberField, display_phone
from contacts.serializers import AddressField, DirectoryURLField, OrganisationField


@dataclass(frozen=True)
class SpokenLanguage:
    """A language a contact speaks, named in itself, with its lang and dir attributes."""

    code: str
    name: str
    tag: str
    direction: str


class PublicContactQuerySet(SearchableQuerySetMixin, models.QuerySet):
    def public(self):
        return self.filter(is_public=True)

    def for_site(self, site):
        return self.filter(site=site)


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    """A unit of the district administration or an external partner organisation."""

    class Kind(models.TextChoices):
        ADMINISTRATION = "administration", _("Landratsamt / Verwaltung")
        UNIT = "unit", _("Amt, Stabsstelle oder Sachgebiet")
        MUNICIPALITY = "municipality", _("Stadt oder Gemeinde")
        JOBCENTER = "jobcenter", _("Jobcenter")
        EMPLOYMENT_AGENCY = "employment_agency", _("Agentur für Arbeit")
        COUNSELLING = "counselling", _("Migrationsberatung / Wohlfahrtsverband")
        LANGUAGE_SCHOOL = "language_school", _("Sprachkursträger")
        CHAMBER = "chamber", _("Kammer oder Verband")
        MIGRANT_ORGANISATION = "migrant_organisation", _("Migrantenorganisation")
        EDUCATION = "education", _("Bildungseinrichtung")
        OTHER = "other", _("Sonstige")

    name = models.CharField(_("Name"), max_length=255)
    kind = models.CharField(_("Art"), max_length=40, choices=Kind.choices, default=Kind.OTHER)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("Übergeordnete Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="units",
    )
    website = models.URLField(_("Website"), blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200, blank=True)
    postcode = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Landkreis (Website)"),
        on_delete=models.CASCADE,
        related_name="organisations",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("website"),
        MultiFieldPanel(
            [FieldPanel("street"), FieldPanel("postcode"), FieldPanel("city")],
            heading=_("Adresse"),
        ),
        FieldPanel("site"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("site"),
        index.FilterField("locale"),
        index.FilterField("kind"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("kind"),
        SynchronizedField("parent"),
        SynchronizedField("website"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        SynchronizedField("site"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Organisation")
        verbose_name_plural = _("Organisationen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Location(TranslatableMixin, models.Model):
    """A building where readers meet the office, with how to get in and how to get there."""

    name = models.CharField(_("Gebäude"), max_length=200)
    street = models.CharField(_("Straße und Hausnummer"), max_length=200)
    postcode = models.CharField(_("Postleitzahl"), max_length=10)
    city = models.CharField(_("Ort"), max_length=100)
    accessibility = models.TextField(
        _("Barrierefreiheit des Zugangs"),
        blank=True,
        help_text=_("z. B. stufenloser Eingang, Aufzug, barrierefreie Toilette"),
    )
    transport = models.TextField(
        _("Anfahrt mit Bus und Bahn"), blank=True, help_text=_("z. B. Haltestelle Schlossplatz")
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Landkreis (Website)"),
        on_delete=models.CASCADE,
        related_name="locations",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("street"),
        FieldPanel("postcode"),
        FieldPanel("city"),
        FieldPanel("accessibility"),
        FieldPanel("transport"),
        FieldPanel("site"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("street"),
        SynchronizedField("postcode"),
        SynchronizedField("city"),
        TranslatableField("accessibility"),
        TranslatableField("transport"),
        SynchronizedField("site"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Gebäude")
        verbose_name_plural = _("Gebäude")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.street}, {self.city}"


class Contact(TranslatableMixin, index.Indexed, ClusterableModel):
    """A person or a function ("Integrationsbeauftragte") readers can call or write to."""

    objects = PublicContactQuerySet.as_manager()

    name = models.CharField(
        _("Name"),
        max_length=200,
        help_text=_("Person oder Funktion, z. B. „Integrationsbeauftragte“"),
    )
    position = models.CharField(_("Funktion / Aufgabe"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("Organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    phone = PhoneNumberField(_("Telefon"))
    fax = PhoneNumberField(_("Fax"))
    mobile = PhoneNumberField(_("Mobil"))
    email = models.EmailField(_("E-Mail"), blank=True)
    website = models.URLField(_("Website"), blank=True)
    location = models.ForeignKey(
        Location,
        verbose_name=_("Gebäude"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contacts",
    )
    room = models.CharField(_("Raum"), max_length=40, blank=True)
    office_hours = StreamField(OfficeHoursStreamBlock(), verbose_name=_("Sprechzeiten"), blank=True)
    office_hours_note = models.CharField(
        _("Hinweis zu den Sprechzeiten"),
        max_length=255,
        blank=True,
        help_text=_("z. B. „und nach Vereinbarung“"),
    )
    languages = LanguageListField(_("Gesprochene Sprachen"))
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("Foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt_text = models.CharField(_("Alternativtext des Fotos"), max_length=255, blank=True)
    is_public = models.BooleanField(
        _("Öffentlich"),
        default=True,
        help_text=_("Interne Kontakte erscheinen nirgends auf der Website."),
    )
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Landkreis (Website)"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("name"), FieldPanel("position"), FieldPanel("organisation")],
            heading=_("Person oder Funktion"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("mobile"),
                FieldPanel("email"),
                FieldPanel("website"),
            ],
            heading=_("Erreichbarkeit"),
        ),
        MultiFieldPanel(
            [FieldPanel("location"), FieldPanel("room")],
            heading=_("Ort"),
        ),
        MultiFieldPanel(
            [FieldPanel("office_hours"), FieldPanel("office_hours_note")],
            heading=_("Sprechzeiten"),
        ),
        FieldPanel("languages"),
        InlinePanel("topic_links", label=_("Themen")),
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt_text")],
            heading=_("Foto"),
        ),
        FieldPanel("is_public"),
        FieldPanel("site"),
    ]
    search_fields = [
        index.SearchField("name", boost=3),
        index.AutocompleteField("name"),
        index.SearchField("position"),
        index.RelatedFields("organisation", [index.SearchField("name")]),
        index.SearchField("search_topic_names"),
        index.SearchField("search_language_names"),
        index.FilterField("site"),
        index.FilterField("locale"),
        index.FilterField("is_public"),
    ]
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("position"),
        SynchronizedField("organisation"),
        SynchronizedField("phone"),
        SynchronizedField("fax"),
        SynchronizedField("mobile"),
        SynchronizedField("email"),
        SynchronizedField("website"),
        SynchronizedField("location"),
        SynchronizedField("room"),
        SynchronizedField("office_hours"),
        TranslatableField("office_hours_note"),
        SynchronizedField("languages"),
        SynchronizedField("photo"),
        TranslatableField("photo_alt_text"),
        SynchronizedField("is_public"),
        SynchronizedField("site"),
        SynchronizedField("topic_links"),
    ]

    api_fields = [
        APIField("name"),
        APIField("position"),
        APIField("organisation", serializer=OrganisationField()),
        APIField("phone"),
        APIField("phone_display", serializer=serializers.CharField(read_only=True)),
        APIField("fax"),
        APIField("mobile"),
        APIField("email"),
        APIField("website"),
        APIField("address", serializer=AddressField(source="location")),
        APIField("room"),
        APIField("office_hours"),
        APIField("office_hours_note"),
        APIField("languages"),
        APIField("language", serializer=serializers.CharField(source="locale.language_code")),
        APIField("directory_url", serializer=DirectoryURLField(source="*")),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Kontakt")
        verbose_name_plural = _("Kontakte")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def phone_display(self):
        return display_phone(self.phone)

    def fax_display(self):
        return display_phone(self.fax)

    def mobile_display(self):
        return display_phone(self.mobile)

    def search_topic_names(self):
        """The entry's topics in its own language (German where untranslated), for search."""
        from home.models import Topic

        topics = [link.topic for link in self.topic_links.all()]
        translated = {
            topic.translation_key: topic
            for topic in Topic.objects.filter(
                translation_key__in=[topic.translation_key for topic in topics],
                locale_id=self.locale_id,
            )
        }
        return " ".join(translated.get(topic.translation_key, topic).name for topic in topics)

    def search_language_names(self):
        """The languages spoken, named in themselves, in German and in the entry's language
        ("العربية Arabisch"), so that readers find a person by the language they need."""
        from django.utils.translation import get_language_info, override

        names = []
        for code in self.languages or []:
            names.append(LANGUAGE_NAMES.get(code, code))
            for language in dict.fromkeys(["de", self.locale.language_code]):
                try:
                    with override(language):
                        names.append(str(get_language_info(code)["name_translated"]))
                except KeyError:
                    continue
        return " ".join(dict.fromkeys(names))

    def spoken_languages(self):
        """Each language spoken, named in itself ("العربية"), with its lang and dir."""
        return [
            SpokenLanguage(
                code=code,
                name=LANGUAGE_NAMES.get(code, code),
                tag=language_tag(code),
                direction="rtl" if code in RTL_SPOKEN else "ltr",
            )
            for code in self.languages or []
        ]

    @property
    def slug(self):
        """The readable part of the contact's public address ("anna-beispiel")."""
        return slugify(self.name)[:60].strip("-") or "kontakt"

    @property
    def initial(self):
        """The letter of the A–Z list the contact is filed under (umlauts under their base)."""
        from contacts.directory import sort_key

        key = sort_key(self.name)
        return key[:1].upper() if key[:1].isalpha() else "#"


class ContactTopic(Orderable):
    """Files a contact under a topic; synchronised into every language."""

    contact = ParentalKey(Contact, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "home.Topic", verbose_name=_("Thema"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("Thema")
