"""Page types of the events section: Home → Veranstaltungen → one event."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from contacts.mixins import PageContactsMixin
from home import text_blocks
from home.i18n import localize_all
from home.models import BasePage


class RegistrationStatus(models.TextChoices):
    """Whether and how readers can register for an event."""

    OPEN = "open", _("Anmeldung offen")
    FULL = "full", _("Ausgebucht")
    CLOSED = "closed", _("Anmeldung geschlossen")
    NONE = "none", _("Ohne Anmeldung")


class WorkshopTopicsBlock(blocks.StreamBlock):
    """The topics a participant chooses from; a StreamBlock so each text is translated."""

    topic = text_blocks.CharBlock(
        label=_("Thema"),
        max_length=200,
        icon="tag",
        description=_("Ein Thema, das Teilnehmende bei der Anmeldung wählen können."),
    )


class EventIndexPage(RoutablePageMixin, BasePage):
    """The events of a district in one language: upcoming and past, with a calendar feed."""

    per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")
        verbose_name_plural = _("Veranstaltungsübersichten")

    def events(self):
        return (
            EventPage.objects.child_of(self)
            .live()
            .public()
            .defer_streamfields()
            .only(
                "id",
                "title",
                "slug",
                "url_path",
                "path",
                "depth",
                "locale_id",
                "start",
                "end",
                "place",
                "registration_status",
                "translation_key",
            )
        )

    def upcoming_events(self, now=None, events=None):
        """Events that have not ended yet, the next first (`events`: `self.events()`, if
        already built)."""
        events = self.events() if events is None else events
        return events.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past_events(self, now=None, events=None):
        """Events that have ended, the latest first."""
        events = self.events() if events is None else events
        return events.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def paginate(self, request, queryset, parameter):
        return Paginator(queryset, self.per_page).get_page(request.GET.get(parameter))

    @path("")
    def index(self, request):
        now = timezone.now()
        events = self.events()  # once: `public()` reads the page view restrictions each time
        return self.render(
            request,
            context_overrides={
                "upcoming": self.paginate(request, self.upcoming_events(now, events), "page"),
                "past": self.paginate(request, self.past_events(now, events), "past"),
            },
        )

    @path("ical/", name="ical")
    def ical(self, request):
        """The upcoming events as an iCalendar feed that calendar programs subscribe to."""
        from events.ical import calendar_response

        events = list(self.upcoming_events().select_related("locale"))
        return calendar_response(request, events, f"{self.slug}.ics", name=self.title)


class EventPage(PageContactsMixin, RoutablePageMixin, BasePage):
    """One event, e.g. a workshop on the integration concept, with optional registration."""

    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(_("Ende"))
    place = models.CharField(
        _("Ort"), max_length=200, help_text=_("z. B. „Landratsamt Rastatt, Großer Saal“")
    )
    address = models.CharField(
        _("Adresse"), max_length=200, blank=True, help_text=_("Straße, Postleitzahl und Ort")
    )
    accessibility = models.TextField(
        _("Barrierefreiheit"),
        blank=True,
        help_text=_("z. B. stufenloser Zugang, Aufzug, Gebärdensprachdolmetschung auf Anfrage"),
    )
    organiser = models.ForeignKey(
        "contacts.Contact",
        verbose_name=_("Veranstalter / Ansprechperson"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registration_status = models.CharField(
        _("Anmeldung"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.NONE,
    )
    capacity = models.PositiveIntegerField(
        _("Plätze"), null=True, blank=True, help_text=_("Leer lassen, wenn es keine Grenze gibt.")
    )
    topic_count = models.PositiveSmallIntegerField(
        _("Anzahl zu wählender Themen"),
        default=0,
        help_text=_("Wie viele der Themen jede Person genau wählt, z. B. 2 von 5."),
    )
    workshop_topics = StreamField(
        WorkshopTopicsBlock(), verbose_name=_("Themen zur Auswahl"), blank=True
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("address"), FieldPanel("accessibility")],
            heading=_("Ort"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("event_topics", label=_("Thema"), heading=_("Themen")),
        FieldPanel("organiser"),
        MultiFieldPanel(
            [
                FieldPanel("registration_status"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("topic_count")]),
                FieldPanel("workshop_topics"),
            ],
            heading=_("Anmeldung"),
        ),
        *PageContactsMixin.contact_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("place"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("start"),
        APIField("end"),
        APIField("place"),
        APIField("address"),
        APIField("accessibility"),
        APIField("registration_status"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("address"),
        SynchronizedField("organiser"),
        SynchronizedField("registration_status"),
        SynchronizedField("capacity"),
        SynchronizedField("topic_count"),
        SynchronizedField("event_topics"),
    ]

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("Das Ende muss nach dem Beginn liegen.")})
        if self.topic_count and self.topic_count > len(self.topic_choices()):
            raise ValidationError(
                {"topic_count": _("Es gibt weniger Themen zur Auswahl als zu wählen sind.")}
            )

    # --- facts shown on the page -----------------------------------------------------

    def topics(self):
        """The event's topics in the reader's language."""
        return localize_all(link.topic for link in self.event_topics.select_related("topic"))

    def topic_choices(self):
        """(index, text) of the topics to choose from, in this page's language."""
        return [(index, str(block.value)) for index, block in enumerate(self.workshop_topics)]

    @property
    def ends_same_day(self):
        return timezone.localtime(self.start).date() == timezone.localtime(self.end).date()

    @property
    def is_past(self):
        return self.end < timezone.now()

    @cached_property
    def source_event(self):
        """The event in the source language, which registrations of every language count on."""
        if self.locale_id == Locale.get_default().pk:
            return self
        return self.get_translation_or_none(Locale.get_default()) or self

    def registration_count(self):
        """Registrations in every language: they are stored on the source event."""
        from events.models.registration import Registration
        from pagecache.tags import depends_on_model

        # A cached page that shows the places left or "Ausgebucht" is out of date with the
        # next registration.
        depends_on_model(Registration)
        return Registration.objects.filter(event__translation_key=self.translation_key).count()

    def places_left(self, registrations=None):
        """Free places (None without a limit); `registrations`: the count, if already read."""
        if self.capacity is None:
            return None
        if registrations is None:
            registrations = self.registration_count()
        return max(self.capacity - registrations, 0)

    def has_registration(self):
        return self.registration_status != RegistrationStatus.NONE

    def is_full(self, registrations=None):
        return (
            self.registration_status == RegistrationStatus.FULL
            or self.places_left(registrations) == 0
        )

    def registration_is_open(self, registrations=None):
        return (
            self.registration_status == RegistrationStatus.OPEN
            and not self.is_past
            and not self.is_full(registrations)
        )

    def registration_state(self, registrations=None):
        """The status readers see: an open event with no place left shows as full."""
        if self.registration_status == RegistrationStatus.OPEN and self.is_past:
            return RegistrationStatus.CLOSED
        if self.registration_status == RegistrationStatus.OPEN and self.is_full(registrations):
            return RegistrationStatus.FULL
        return RegistrationStatus(self.registration_status)

    def registration_facts(self):
        """What the page says about registering – the state, whether it is open and the
        places left (counted only while registration is open and limited, else None) –
        reading the number of registrations at most once."""
        registrations = None
        if (
            self.registration_status == RegistrationStatus.OPEN
            and self.capacity is not None
            and not self.is_past
        ):
            registrations = self.registration_count()
        is_open = self.registration_is_open(registrations)
        return {
            "registration_state": self.registration_state(registrations),
            "registration_open": is_open,
            "places_left": None if registrations is None else self.places_left(registrations),
        }

    # --- views -------------------------------------------------------------------------
    # The event page itself has no form, so it sets no cookie and the page cache keeps it;
    # registering happens on its own address (anmeldung/), which is never cached.

    def registration_form(self, data=None):
        from events.forms import RegistrationForm

        return RegistrationForm(self, data=data)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.registration_facts())
        context["topics"] = self.topics()
        boxes = self.contact_lists(organisers=self.organiser_id)
        context["organisers"] = boxes["organisers"]
        context["event_contacts"] = boxes["contacts"]
        return context

    @path("")
    def event(self, request):
        if request.method == "POST" and self.has_registration():
            # A form sent from the event page as it was before registering moved to its own
            # address (a reader's open tab).
            return self.register(request)
        return self.render(request)

    @path("anmeldung/", name="registration")
    def registration(self, request):
        """The registration form, on its own address so that the event page stays cacheable;
        without registration (status "Ohne Anmeldung") there is none."""
        if not self.has_registration():
            raise Http404
        if request.method == "POST":
            return self.register(request)
        return self.render_registration(request, self.registration_form())

    def render_registration(self, request, form, status=200):
        return self.render(
            request,
            template="events/event_registration_page.html",
            context_overrides={"form": form},
            status=status,
        )

    def register(self, request):
        from events.registration import register

        form = self.registration_form(data=request.POST)
        if not form.is_valid():
            return self.render_registration(request, form, status=400)
        with transaction.atomic():
            # Lock the source event's row so two last-minute registrations cannot both pass.
            Page.objects.select_for_update().filter(pk=self.source_event.pk).first()
            if not self.registration_is_open():
                form.add_error(None, form.closed_message())
                return self.render_registration(request, form, status=409)
            register(self, form, request)
        return redirect(self.get_url(request) + self.reverse_subpage("registered"))

    @path("angemeldet/", name="registered")
    def registered(self, request):
        return self.render(request, context_overrides={"registered": True})

    @path("ical/", name="ical")
    def ical(self, request):
        """This event as an .ics file for a calendar program."""
        from events.ical import calendar_response

        return calendar_response(request, [self], f"{self.slug}.ics", name=self.title)

    def render(self, request, *args, status=200, **kwargs):
        response = super().render(request, *args, **kwargs)
        response.status_code = status
        return response


class EventTopic(Orderable):
    """Files an event under a topic; synchronised into every language."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="event_topics")
    topic = models.ForeignKey(
        "home.Topic", verbose_name=_("Thema"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")
