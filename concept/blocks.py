"""Structured parts of a concept that wagtail-localize translates: no ListBlock anywhere."""

import datetime

from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from concept.models.status import DecisionOutcome, Status
from home import text_blocks
from home.i18n import localize_all

TEMPLATES = "concept/blocks"


class FigureBlock(blocks.StructBlock):
    """One key figure of an edition: "156" "Seiten"."""

    value = text_blocks.CharBlock(label=_("Zahl"), max_length=20)
    label = text_blocks.CharBlock(label=_("Bezeichnung"), max_length=100)

    class Meta:
        icon = "order"
        label = _("Kennzahl")
        template = f"{TEMPLATES}/figure_block.html"
        preview_value = {"value": "156", "label": "Seiten"}
        description = _("Eine Kennzahl, z. B. Seiten oder Teilnehmende.")


class FiguresBlock(blocks.StreamBlock):
    figure = FigureBlock()


class TopicItemBlock(text_blocks.CharBlock):
    """One topic discussed at a workshop."""

    class Meta:
        icon = "tag"
        label = _("Thema")


class WorkshopBlock(blocks.StructBlock):
    """A participation workshop: where, when, what about, how many took part."""

    place = text_blocks.CharBlock(label=_("Ort"), max_length=120)
    date = blocks.DateBlock(label=_("Datum"), required=False)
    period = text_blocks.CharBlock(
        label=_("Zeitraum (falls kein Datum)"), max_length=60, required=False
    )
    topics = blocks.StreamBlock(
        [("topic", TopicItemBlock(max_length=200))], label=_("Themen"), required=False
    )
    participants = blocks.IntegerBlock(label=_("Teilnehmende"), required=False, min_value=0)

    class Meta:
        icon = "group"
        label = _("Workshop")
        template = f"{TEMPLATES}/workshop_block.html"
        preview_value = {"place": "Bühl", "period": "Sommer 2023", "participants": 40}
        description = _("Ein Workshop der Beteiligung mit Ort, Datum und Themen.")


class WorkshopsBlock(blocks.StreamBlock):
    workshop = WorkshopBlock()


class DecisionValue(blocks.StructValue):
    def date_label(self):
        return self.get("date_text") or date_format(self.get("date"), "DATE_FORMAT")

    def chosen_bodies(self):
        """The deciding bodies of this decision (deleted ones left out)."""
        return [child.value for child in self.get("bodies") or [] if child.value is not None]

    def body_names(self):
        """The bodies' names in the reader's language (set for many decisions at once by
        `localize_decision_bodies`)."""
        names = getattr(self, "localized_body_names", None)
        if names is None:
            names = [body.name for body in localize_all(self.chosen_bodies())]
        return names

    def is_adoption(self):
        return self.get("outcome") == DecisionOutcome.APPROVED

    def outcome_label(self):
        return DecisionOutcome(self.get("outcome")).label


def localize_decision_bodies(values):
    """Gives each decision value its bodies' names in the reader's language, with one query
    for all decisions (each decision's `body_names` would otherwise ask on its own)."""
    bodies = [body for value in values for body in value.chosen_bodies()]
    localized = dict(zip((body.pk for body in bodies), localize_all(bodies), strict=True))
    for value in values:
        value.localized_body_names = [localized[body.pk].name for body in value.chosen_bodies()]
    return values


class DecidingBodyChooserBlock(text_blocks.SynchronisedSnippetChooserBlock):
    """Chooses a deciding body; synchronised like a foreign key, so translating a concept never
    creates copies of the bodies: each reader sees a body's name in their language."""

    def __init__(self, **kwargs):
        super().__init__("concept.DecidingBody", **kwargs)


class DecisionBlock(blocks.StructBlock):
    """A committee decision (Beschluss) on this edition; several bodies for a joint session."""

    bodies = blocks.StreamBlock(
        [("body", DecidingBodyChooserBlock(label=_("Gremium")))],
        label=_("Gremien"),
        min_num=1,
    )
    date = blocks.DateBlock(label=_("Sitzungsdatum"))
    date_text = text_blocks.CharBlock(
        label=_("Datum als Text (optional)"),
        max_length=40,
        required=False,
        help_text=_("Wenn nur der Monat bekannt ist, z. B. „Dezember 2017“."),
    )
    subject = text_blocks.CharBlock(label=_("Gegenstand"), max_length=300)
    outcome = blocks.ChoiceBlock(
        label=_("Ergebnis"), choices=DecisionOutcome.choices, default=DecisionOutcome.APPROVED
    )
    document = DocumentChooserBlock(label=_("Niederschrift / Vorlage"), required=False)
    minutes_url = blocks.URLBlock(label=_("Link zum Ratsinformationssystem"), required=False)

    class Meta:
        icon = "gavel"
        label = _("Beschluss")
        value_class = DecisionValue
        template = f"{TEMPLATES}/decision_block.html"
        preview_value = {
            "date": datetime.date(2024, 6, 18),
            "subject": "Fortschreibung des Integrationskonzepts",
            "outcome": "approved",
        }
        description = _("Ein Beschluss eines Gremiums über diese Ausgabe.")


class DecisionsBlock(blocks.StreamBlock):
    decision = DecisionBlock()


class GoalBlock(blocks.StructBlock):
    """A goal of a chapter (Ziel), numbered within the chapter."""

    number = blocks.IntegerBlock(label=_("Nummer"), min_value=1)
    text = text_blocks.TextBlock(label=_("Ziel"))

    class Meta:
        icon = "success"
        label = _("Ziel")
        template = f"{TEMPLATES}/goal_block.html"
        preview_value = {"number": 1, "text": "Alle Neuzugewanderten finden einen Sprachkurs."}
        description = _("Ein nummeriertes Ziel des Kapitels.")


class GoalsBlock(blocks.StreamBlock):
    goal = GoalBlock()


class MilestoneBlock(blocks.StructBlock):
    date = blocks.DateBlock(label=_("Datum"))
    text = text_blocks.CharBlock(label=_("Meilenstein"), max_length=300)

    class Meta:
        icon = "date"
        label = _("Meilenstein")
        template = f"{TEMPLATES}/milestone_block.html"
        preview_value = {"date": datetime.date(2017, 6, 30), "text": "Erste Sitzung"}
        description = _("Ein Meilenstein mit Datum.")


class MilestonesBlock(blocks.StreamBlock):
    milestone = MilestoneBlock()


class ProgressValue(blocks.StructValue):
    def status_label(self):
        return Status(self.get("status")).label


class ProgressBlock(blocks.StructBlock):
    """The state of a measure in one year (Jahresbericht)."""

    year = blocks.IntegerBlock(label=_("Jahr"), min_value=2000, max_value=2100)
    status = blocks.ChoiceBlock(label=_("Umsetzungsstand"), choices=Status.choices)
    text = text_blocks.TextBlock(label=_("Bericht"))
    indicator = text_blocks.CharBlock(
        label=_("Kennzahl"), max_length=100, required=False, help_text=_("z. B. „45 Teilnehmende“")
    )

    class Meta:
        icon = "history"
        label = _("Jahresstand")
        value_class = ProgressValue
        template = f"{TEMPLATES}/progress_block.html"
        preview_value = {"year": 2018, "status": "in_progress", "text": "Die Stellen sind besetzt."}
        description = _("Der Umsetzungsstand in einem Jahr.")


class ProgressStreamBlock(blocks.StreamBlock):
    update = ProgressBlock()

    def clean(self, value):
        value = super().clean(value)
        years = [child.value["year"] for child in value]
        duplicates = sorted({year for year in years if years.count(year) > 1})
        if duplicates:
            raise blocks.StreamBlockValidationError(
                non_block_errors=[
                    _("Pro Jahr nur ein Stand: %(years)s")
                    % {"years": ", ".join(map(str, duplicates))}
                ]
            )
        return value
