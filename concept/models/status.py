"""The vocabularies of a concept: edition status, measure status, timeframe, kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Entwurf")
    PARTICIPATION = "participation", _("In Beteiligung")
    ADOPTED = "adopted", _("Beschlossen")
    SUPERSEDED = "superseded", _("Abgelöst")


class Status(models.TextChoices):
    """Implementation status of a measure (Umsetzungsstand), in the order of its course."""

    PROPOSED = "proposed", _("Vorgeschlagen")
    PLANNED = "planned", _("Geplant")
    IN_PROGRESS = "in_progress", _("In Umsetzung")
    IMPLEMENTED = "implemented", _("Umgesetzt")
    ONGOING = "ongoing", _("Daueraufgabe")
    ON_HOLD = "on_hold", _("Zurückgestellt")
    DROPPED = "dropped", _("Verworfen")


# KERN badge variant per status, so that colour is never the only cue (the label is shown too).
STATUS_BADGE = {
    Status.PROPOSED: "info",
    Status.PLANNED: "info",
    Status.IN_PROGRESS: "warning",
    Status.IMPLEMENTED: "success",
    Status.ONGOING: "success",
    Status.ON_HOLD: "danger",
    Status.DROPPED: "danger",
}


class Timeframe(models.TextChoices):
    SHORT = "short", _("Kurzfristig")
    MEDIUM = "medium", _("Mittelfristig")
    LONG = "long", _("Langfristig")


class Kind(models.TextChoices):
    DISTRICT = "district", _("Maßnahme des Landkreises")
    RECOMMENDATION = "recommendation", _("Empfehlung an Kommunen und Partner")


class FundingState(models.TextChoices):
    APPLIED = "applied", _("Beantragt")
    GRANTED = "granted", _("Bewilligt")
    REFUSED = "refused", _("Abgelehnt")


class DecisionOutcome(models.TextChoices):
    APPROVED = "approved", _("Beschlossen")
    REJECTED = "rejected", _("Abgelehnt")
    POSTPONED = "postponed", _("Vertagt")
    NOTED = "noted", _("Zur Kenntnis genommen")
