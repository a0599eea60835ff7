"""Page types of the concept tree: Home → Concept → Chapter → Measure, plus catalogue and report."""

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from concept.blocks import (
    DecisionsBlock,
    FiguresBlock,
    GoalsBlock,
    MilestonesBlock,
    ProgressStreamBlock,
    WorkshopsBlock,
    localize_decision_bodies,
)
from concept.i18n import RecordRows, localized_by_pk, stand_in
from concept.inline import linked_records, linked_values
from concept.models.snippets import CrossCuttingNeed
from concept.models.status import (
    STATUS_BADGE,
    EditionStatus,
    FundingState,
    Kind,
    Status,
    Timeframe,
)
from contacts.mixins import PageContactsMixin
from home.models import BasePage


def parent_of_type(page, queryset):
    """The parent of `page` from `queryset` (of its specific type), in one query where
    `get_parent().specific` needs two."""
    return queryset.get(path=page.path[: -page.steplen])


class ConceptPage(RoutablePageMixin, BasePage):
    """One edition of a district's integration concept, e.g. "Integrationskonzept 2017"."""

    short_title = models.CharField(_("Kurztitel"), max_length=80, blank=True)
    period = models.CharField(
        _("Zeitraum / Jahr"),
        max_length=40,
        blank=True,
        help_text=_("z. B. „2024“ oder „2017–2023“"),
    )
    edition_status = models.CharField(
        _("Stand"), max_length=20, choices=EditionStatus.choices, default=EditionStatus.DRAFT
    )
    key_figures = StreamField(FiguresBlock(), verbose_name=_("Kennzahlen"), blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Gesamtdokument"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    predecessor = models.ForeignKey(
        "concept.ConceptPage",
        verbose_name=_("Vorherige Ausgabe"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
    )
    participation_period = models.CharField(
        _("Zeitraum der Beteiligung"), max_length=100, blank=True
    )
    participation_text = RichTextField(
        _("Wie das Konzept entstand"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
    )
    workshops = StreamField(WorkshopsBlock(), verbose_name=_("Workshops"), blank=True)
    participants_total = models.PositiveIntegerField(
        _("Teilnehmende insgesamt"), null=True, blank=True
    )
    online_suggestions = models.TextField(
        _("Online-Beteiligung"),
        blank=True,
        help_text=_("z. B. wie Einwohnerinnen und Einwohner Vorschläge online melden konnten"),
    )
    decisions = StreamField(DecisionsBlock(), verbose_name=_("Beschlüsse"), blank=True)

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "concept.ChapterPage",
        "concept.MeasureCatalogPage",
        "concept.ProgressReportPage",
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("short_title"), FieldPanel("period")]),
        FieldPanel("edition_status"),
        FieldPanel("intro"),
        FieldPanel("key_figures"),
        FieldPanel("document"),
        FieldPanel("predecessor"),
        FieldPanel("decisions"),
        InlinePanel("cross_cutting_links", label=_("Querschnittsthemen")),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("participation_period"),
                FieldPanel("participation_text"),
                FieldPanel("workshops"),
                FieldPanel("participants_total"),
                FieldPanel("online_suggestions"),
            ],
            heading=_("Beteiligung"),
        ),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("short_title"),
        index.SearchField("participation_text"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("short_title"),
        APIField("period"),
        APIField("edition_status"),
        APIField("key_figures"),
        APIField("decisions"),
        APIField("workshops"),
        APIField("participants_total"),
        APIField("predecessor"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("period")
    ]

    class Meta:
        verbose_name = _("Integrationskonzept (Ausgabe)")
        verbose_name_plural = _("Integrationskonzepte")

    @cached_property
    def _decisions(self):
        values = sorted(
            (block.value for block in self.decisions), key=lambda value: value["date"], reverse=True
        )
        return localize_decision_bodies(values)

    def decision_history(self):
        """Decisions on this edition, newest first (the bodies' names localised once)."""
        return self._decisions

    def adoption(self):
        """The newest decision that approved this edition, or None."""
        return next((value for value in self.decision_history() if value.is_adoption()), None)

    def chapters(self):
        return ChapterPage.objects.child_of(self).live().public().order_by("number")

    def catalogue(self):
        return MeasureCatalogPage.objects.child_of(self).live().public().first()

    def edition_with_chapters(self):
        """The German edition, when this translation has no chapters of its own yet."""
        german = self.get_translation_or_none(Locale.get_default())
        if german is None or german.pk == self.pk or not german.live:
            return None
        return german if german.chapters().exists() else None

    def reports(self):
        return ProgressReportPage.objects.child_of(self).live().public().order_by("-year")

    def catalogue_and_reports(self):
        """The catalogue (or None) and the reports, newest first, in one query: the links
        need only what every page has, so the pages come without their own fields."""
        pages = (
            Page.objects.child_of(self)
            .live()
            .public()
            .type(MeasureCatalogPage, ProgressReportPage)
            .annotate(report_year=models.F("progressreportpage__year"))
            .order_by("path")
            .specific(defer=True)
        )
        catalogue, reports = None, []
        for page in pages:
            if isinstance(page, ProgressReportPage):
                reports.append(page)
            elif catalogue is None:
                catalogue = page
        reports.sort(key=lambda report: report.report_year, reverse=True)
        return catalogue, reports

    def cross_cutting_needs(self):
        return linked_records(self.cross_cutting_links, "need", CrossCuttingNeed.objects.all())

    def localized_predecessor(self):
        """The previous edition in the reader's language (else as it is), if it is live."""
        if not self.predecessor_id:
            return None
        editions = localized_by_pk(
            ConceptPage.objects.defer_streamfields(), [self.predecessor_id], live=True
        )
        predecessor = editions.get(self.predecessor_id)
        return predecessor if predecessor is not None and predecessor.live else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["chapters"] = chapters = list(self.chapters().defer_streamfields())
        if not chapters:
            # The chapters are not translated yet: point to the edition that has them.
            context["edition_with_chapters"] = self.edition_with_chapters()
        context["catalogue"], context["reports"] = self.catalogue_and_reports()
        context["cross_cutting_needs"] = self.cross_cutting_needs()
        context["predecessor"] = self.localized_predecessor()
        return context

    def measures(self):
        return MeasurePage.objects.descendant_of(self).live().public()

    @path("")
    def index(self, request):
        return self.render(request)

    @path("gesamt/", name="print")
    def print_view(self, request):
        """The whole edition on one printable page: every chapter and measure in order."""
        from concept.catalogue import localized_names

        chapters = list(self.chapters())
        measures = list(
            self.measures()
            .select_related("lead_organisation")
            .defer("progress", "milestones")
            .order_by("chapter_number", "number")
        )
        leads = localized_names(measure.lead_organisation for measure in measures)
        by_path = {chapter.path: chapter for chapter in chapters}
        for chapter in chapters:
            chapter.printed_measures = []
        for measure in measures:
            measure.lead_name = leads.get(measure.lead_organisation_id, "")
            chapter = by_path.get(measure.path[: -Page.steplen])
            if chapter is not None:
                chapter.printed_measures.append(measure)
        # The context of every page, not the edition page's links and lists (print shows none).
        context = super().get_context(request)
        context["chapters"] = chapters
        return TemplateResponse(request, "concept/concept_print.html", context)


class ConceptCrossCuttingNeed(Orderable):
    page = ParentalKey(ConceptPage, on_delete=models.CASCADE, related_name="cross_cutting_links")
    need = models.ForeignKey(
        "concept.CrossCuttingNeed",
        verbose_name=_("Querschnittsthema"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("need")]


class NumberedPageForm(WagtailAdminPageForm):
    """Refuses a number that a sibling already has, also when the page is being created."""

    def clean(self):
        cleaned_data = super().clean()
        parent = self.parent_page if not self.instance.path else self.instance.get_parent()
        self.instance.number = cleaned_data.get("number")
        error = self.instance.number_error(parent.specific) if parent else None
        if error:
            self.add_error("number", error)
        return cleaned_data


class ChapterPage(PageContactsMixin, BasePage):
    """A field of action (Themenfeld / Kapitel) of an edition, with its goals and measures."""

    base_form_class = NumberedPageForm

    number = models.PositiveSmallIntegerField(_("Kapitelnummer"))
    topic = models.ForeignKey(
        "home.Topic",
        verbose_name=_("Thema"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Verbindet das Kapitel mit Kontakten und Nachrichten zum selben Thema."),
    )
    goals = StreamField(GoalsBlock(), verbose_name=_("Ziele"), blank=True)

    parent_page_types = ["concept.ConceptPage"]
    subpage_types = ["concept.MeasurePage"]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("topic")]),
        FieldPanel("intro"),
        FieldPanel("goals"),
        FieldPanel("body"),
        *PageContactsMixin.contact_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("goals"),
        index.FilterField("number"),
    ]
    api_fields = BasePage.api_fields + [APIField("number"), APIField("goals"), APIField("topic")]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("topic")
    ]

    class Meta:
        verbose_name = _("Kapitel (Themenfeld)")
        verbose_name_plural = _("Kapitel")

    def number_error(self, parent):
        """A message if a sibling chapter in the same language has this number."""
        clash = (
            ChapterPage.objects.child_of(parent)
            .filter(number=self.number, locale_id=self.locale_id)
            .exclude(pk=self.pk)
        )
        if self.number is not None and clash.exists():
            return _("Diese Ausgabe hat bereits ein Kapitel %(n)s.") % {"n": self.number}
        return None

    def clean(self):
        super().clean()
        if self.path:
            error = self.number_error(self.get_parent())
            if error:
                raise ValidationError({"number": error})

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Measures carry their chapter's number for sorting and search ("2.5").
        MeasurePage.objects.child_of(self).exclude(chapter_number=self.number).update(
            chapter_number=self.number
        )

    def table_of_contents(self):
        """The chapter's headings as (anchor, text, level) for the "Inhalt" box."""
        return [
            (block.value.anchor(), block.value["text"], block.value["level"])
            for block in self.body
            if block.block_type == "heading"
        ]

    def goal_texts(self):
        return {block.value["number"]: block.value["text"] for block in self.goals}

    def measures(self):
        return MeasurePage.objects.child_of(self).live().public().order_by("number")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["measures"] = list(self.measures().defer_streamfields())
        return context


class MeasurePage(PageContactsMixin, BasePage):
    """A measure or recommendation (Maßnahme / Handlungsempfehlung), numbered in its chapter."""

    base_form_class = NumberedPageForm

    number = models.PositiveSmallIntegerField(
        _("Nummer im Kapitel"), help_text=_("„5“ in Kapitel 2 ergibt Maßnahme 2.5")
    )
    chapter_number = models.PositiveSmallIntegerField(editable=False, default=0, db_index=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, default=Kind.DISTRICT)
    lead_organisation = models.ForeignKey(
        "contacts.Organisation",
        verbose_name=_("Federführung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_measures",
    )
    status = models.CharField(
        _("Umsetzungsstand"),
        max_length=20,
        choices=Status.choices,
        default=Status.PROPOSED,
        help_text=_("Gibt es Jahresstände, gilt der Stand des neuesten Jahres."),
    )
    timeframe = models.CharField(
        _("Zeitrahmen"), max_length=10, choices=Timeframe.choices, blank=True
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    quick_win = models.BooleanField(
        _("Mit geringem Aufwand umsetzbar"),
        default=False,
        help_text=_("„Kleine Schritte, große Wirkung“"),
    )
    funding_source = models.CharField(_("Finanzierung durch"), max_length=200, blank=True)
    funding_amount = models.DecimalField(
        _("Betrag (Euro)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    funding_state = models.CharField(
        _("Stand der Förderung"), max_length=10, choices=FundingState.choices, blank=True
    )
    resources = models.CharField(
        _("Ressourcen"), max_length=200, blank=True, help_text=_("z. B. „2 Vollzeitstellen“")
    )
    milestones = StreamField(MilestonesBlock(), verbose_name=_("Meilensteine"), blank=True)
    progress = StreamField(
        ProgressStreamBlock(), verbose_name=_("Jahresstände (Jahresbericht)"), blank=True
    )

    parent_page_types = ["concept.ChapterPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("kind")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("goal_links", label=_("Ziele des Kapitels, denen die Maßnahme dient")),
        MultiFieldPanel(
            [
                FieldPanel("lead_organisation"),
                InlinePanel("partner_links", label=_("Kooperationspartner")),
                InlinePanel("target_group_links", label=_("Zielgruppen")),
                InlinePanel("cross_cutting_links", label=_("Querschnittsthemen")),
            ],
            heading=_("Beteiligte"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("timeframe"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("quick_win"),
                FieldPanel("milestones"),
            ],
            heading=_("Umsetzung"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("funding_source"),
                FieldRowPanel([FieldPanel("funding_amount"), FieldPanel("funding_state")]),
                FieldPanel("resources"),
            ],
            heading=_("Finanzierung und Ressourcen"),
        ),
        FieldPanel("progress"),
        InlinePanel("related_links", label=_("Verwandte Maßnahmen")),
        *PageContactsMixin.contact_panels,
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("full_number", boost=5),
        index.FilterField("status"),
        index.FilterField("kind"),
        index.FilterField("timeframe"),
        index.FilterField("chapter_number"),
        index.FilterField("number"),
    ]
    api_fields = BasePage.api_fields + [
        APIField("number"),
        APIField("full_number"),
        APIField("chapter_number"),
        APIField("status"),
        APIField("kind"),
        APIField("timeframe"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("quick_win"),
        APIField("lead_organisation_name"),
        APIField("funding_source"),
        APIField("funding_amount"),
        APIField("funding_state"),
        APIField("resources"),
        APIField("milestones"),
        APIField("progress"),
    ]
    override_translatable_fields = BasePage.override_translatable_fields + [
        SynchronizedField("lead_organisation")
    ]

    class Meta:
        verbose_name = _("Maßnahme")
        verbose_name_plural = _("Maßnahmen")

    @property
    def full_number(self):
        return f"{self.chapter_number}.{self.number}"

    @property
    def lead_organisation_name(self):
        return self.lead_organisation.name if self.lead_organisation_id else ""

    def status_label(self):
        return Status(self.status).label

    def status_badge(self):
        return STATUS_BADGE[Status(self.status)]

    def progress_history(self):
        """Yearly states, newest first."""
        return sorted(
            (block.value for block in self.progress), key=lambda v: v["year"], reverse=True
        )

    def progress_for(self, year):
        return next((value for value in self.progress_history() if value["year"] == year), None)

    def _parent_chapter(self):
        return self.get_parent().specific if self.path else None

    def number_error(self, chapter):
        """A message if a sibling measure in the same language has this number."""
        clash = (
            MeasurePage.objects.child_of(chapter)
            .filter(number=self.number, locale_id=self.locale_id)
            .exclude(pk=self.pk)
        )
        if self.number is not None and clash.exists():
            return _("In diesem Kapitel gibt es schon die Maßnahme %(number)s.") % {
                "number": f"{getattr(chapter, 'number', '')}.{self.number}"
            }
        return None

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Das Ende liegt vor dem Beginn.")
        if self.path:
            error = self.number_error(self.get_parent().specific)
            if error:
                errors["number"] = error
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        chapter = self._parent_chapter()
        if isinstance(chapter, ChapterPage):
            self.chapter_number = chapter.number
        history = self.progress_history()
        if history:
            # The current status is the latest yearly state.
            self.status = history[0]["status"]
        super().save(*args, **kwargs)

    @cached_property
    def chapter(self):
        return parent_of_type(self, ChapterPage.objects.defer("body"))

    # The inline relations the page shows, with the field each link contributes.
    INLINE_LINKS = (
        ("goal_links", "goal_number"),
        ("partner_links", "organisation_id"),
        ("target_group_links", "target_group_id"),
        ("cross_cutting_links", "need_id"),
        ("related_links", "measure_id"),
    )

    # What the page shows of each kind of linked record: (kind, model label, fields).
    LINKED_RECORDS = (
        ("lead", "contacts.Organisation", ("name",)),
        ("partner_links", "contacts.Organisation", ("name",)),
        ("target_group_links", "concept.TargetGroup", ("name",)),
        ("cross_cutting_links", "concept.CrossCuttingNeed", ("name",)),
        (
            "related_links",
            "concept.MeasurePage",
            ("title", "path", "depth", "url_path", "live", "number", "chapter_number"),
        ),
    )

    # Stand-ins for the values the query of `linked` is built with (see RecordRows).
    PAGE, LEAD, LOCALE = stand_in(0), stand_in(1), stand_in(2)

    def _linked_rows(self, chosen, locale=None):
        """A RecordRows of the links (if `chosen` are their querysets) and the linked records."""
        from django.apps import apps

        rows = RecordRows(locale=locale)
        for name, field in self.INLINE_LINKS:
            links = chosen[name]
            if isinstance(links, models.QuerySet):
                rows.add_values(f"link:{name}", links, ("sort_order", "pk", field))
                chosen[name] = links.values(field)
        for kind, label, fields in self.LINKED_RECORDS:
            if isinstance(chosen[kind], list) and not chosen[kind]:
                continue
            rows.add_records(kind, apps.get_model(label).objects.all(), chosen[kind], fields)
        return rows

    @classmethod
    def _stored_linked_rows(cls, with_lead, with_locale, _built={}):  # noqa: B006 - the cache
        """The query of a stored page's links and linked records, built with stand-ins once
        per process and shape (with or without a lead, a reader's locale)."""
        key = (with_lead, with_locale)
        if key not in _built:
            from django.apps import apps

            chosen = {
                name: apps.get_model("concept", model).objects.filter(page_id=cls.PAGE)
                for (name, _field), model in zip(
                    cls.INLINE_LINKS,
                    (
                        "MeasureGoal",
                        "MeasurePartner",
                        "MeasureTargetGroup",
                        "MeasureCrossCuttingNeed",
                        "RelatedMeasure",
                    ),
                    strict=True,
                )
            }
            chosen["lead"] = [cls.LEAD] if with_lead else []
            locale = Locale(pk=cls.LOCALE) if with_locale else False
            _built[key] = cls(pk=cls.PAGE)._linked_rows(chosen, locale=locale)
        return _built[key]

    def linked(self):
        """The links of the page in the editor's order ({relation: [value, …]}) and the
        records they choose, each in the reader's language ({kind: {pk: record}}): all in
        one query, a union of the link tables and of the chosen records with their
        translations (a preview's links are in memory: one query for the records)."""
        relations = {name: getattr(self, name).all() for name, _field in self.INLINE_LINKS}
        try:
            locale = Locale.get_active()
        except Locale.DoesNotExist:
            locale = None
        lead = self.lead_organisation_id
        if all(isinstance(links, models.QuerySet) for links in relations.values()):
            rows = self._stored_linked_rows(bool(lead), locale is not None)
            found = rows.rows(
                {self.PAGE: self.pk, self.LEAD: lead, self.LOCALE: locale.pk if locale else None}
            )
            linked = {name: [] for name, _field in self.INLINE_LINKS}
            links = sorted(
                (
                    (kind.removeprefix("link:"), int(order) if order is not None else None)
                    + (int(pk), int(value))
                    for kind, (order, pk, value, *_rest) in found
                    if kind.startswith("link:")
                ),
                # As ordered by the editor (sort_order), links without an order last.
                key=lambda link: (link[1] is None, link[1] or 0, link[2]),
            )
            for name, _order, _pk, value in links:
                linked[name].append(value)
        else:
            linked = linked_values(self, self.INLINE_LINKS)
            rows = self._linked_rows({**linked, "lead": [lead] if lead else []}, locale=locale)
            found = rows.rows()
        locale_id = locale.pk if locale else None
        records = {
            kind: rows.records(found, kind, locale_id) if kind in rows.kinds else {}
            for kind, _label, _fields in self.LINKED_RECORDS
        }
        return linked, records

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        linked, records = self.linked()
        goal_texts = self.chapter.goal_texts()
        context["chapter"] = self.chapter
        context["goals"] = [(number, goal_texts.get(number, "")) for number in linked["goal_links"]]

        def in_order(kind, pks):
            return [records[kind][pk] for pk in pks if pk in records[kind]]

        lead = records["lead"].get(self.lead_organisation_id)
        context["lead"] = lead
        context["partners"] = in_order("partner_links", linked["partner_links"])
        context["target_groups"] = in_order("target_group_links", linked["target_group_links"])
        context["cross_cutting_needs"] = in_order(
            "cross_cutting_links", linked["cross_cutting_links"]
        )
        related = in_order("related_links", linked["related_links"])
        context["related_measures"] = [measure for measure in related if measure.live]
        return context


class MeasureGoal(Orderable):
    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="goal_links")
    goal_number = models.PositiveSmallIntegerField(_("Nummer des Ziels"))
    panels = [FieldPanel("goal_number")]


class MeasurePartner(Orderable):
    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="partner_links")
    organisation = models.ForeignKey(
        "contacts.Organisation",
        verbose_name=_("Organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("organisation")]


class MeasureTargetGroup(Orderable):
    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="target_group_links")
    target_group = models.ForeignKey(
        "concept.TargetGroup",
        verbose_name=_("Zielgruppe"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("target_group")]


class MeasureCrossCuttingNeed(Orderable):
    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="cross_cutting_links")
    need = models.ForeignKey(
        "concept.CrossCuttingNeed",
        verbose_name=_("Querschnittsthema"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("need")]


class RelatedMeasure(Orderable):
    page = ParentalKey(MeasurePage, on_delete=models.CASCADE, related_name="related_links")
    measure = models.ForeignKey(
        "concept.MeasurePage",
        verbose_name=_("Maßnahme"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    panels = [FieldPanel("measure")]


class SingletonPerConcept:
    """A page type of which each concept edition has at most one."""

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and not cls.objects.child_of(parent).exists()


class MeasureCatalogPage(SingletonPerConcept, RoutablePageMixin, BasePage):
    """The measure catalogue (Maßnahmenkatalog): every measure of the edition in one table."""

    parent_page_types = ["concept.ConceptPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Maßnahmenkatalog")
        verbose_name_plural = _("Maßnahmenkataloge")

    @cached_property
    def concept(self):
        return parent_of_type(self, ConceptPage.objects.defer_streamfields())

    def catalogue(self, request):
        from concept.catalogue import MeasureCatalogue

        return MeasureCatalogue(self, request)

    @path("")
    def index(self, request):
        catalogue = self.catalogue(request)
        return self.render(
            request,
            context_overrides={"catalogue": catalogue, "results": catalogue.page_of_rows()},
        )

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        """Exactly the filtered measures as CSV (UTF-8 with BOM), headings in the reader's
        language."""
        return self.catalogue(request).csv_response()

    @path("export/xlsx/", name="export_xlsx")
    def export_xlsx(self, request):
        """Exactly the filtered measures as an Excel workbook."""
        return self.catalogue(request).xlsx_response()


class ProgressReportPage(BasePage):
    """The annual report (Jahresbericht): every measure's state in one year."""

    year = models.PositiveSmallIntegerField(_("Berichtsjahr"))

    parent_page_types = ["concept.ConceptPage"]
    subpage_types = []
    content_panels = Page.content_panels + [
        FieldPanel("year"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    api_fields = BasePage.api_fields + [APIField("year")]

    class Meta:
        verbose_name = _("Jahresbericht")
        verbose_name_plural = _("Jahresberichte")

    @cached_property
    def concept(self):
        return parent_of_type(self, ConceptPage.objects.defer_streamfields())

    def get_context(self, request, *args, **kwargs):
        from concept.report import ProgressReport

        context = super().get_context(request, *args, **kwargs)
        context["report"] = ProgressReport(self.concept, self.year, request)
        return context
