"""A reader's registration for an event, kept only in the CMS."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Registration(models.Model):
    """One person registered for an event, with the topics they chose."""

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("Veranstaltung"),
        on_delete=models.CASCADE,
        related_name="registrations",
        help_text=_("In der Ausgangssprache, gleich in welcher Sprache angemeldet wurde."),
    )
    name = models.CharField(_("Name"), max_length=200)
    email = models.EmailField(_("E-Mail"), max_length=254)
    phone = models.CharField(_("Telefon"), max_length=40, blank=True)
    topics = models.JSONField(
        _("Gewählte Themen"), default=list, help_text=_("Die Texte in der Sprache der Anmeldung")
    )
    topic_indices = models.JSONField(_("Nummern der Themen"), default=list)
    language = models.CharField(_("Sprache"), max_length=10)
    consent = models.BooleanField(_("Einwilligung zur Datenverarbeitung"), default=False)
    created = models.DateTimeField(_("Angemeldet am"), auto_now_add=True)

    class Meta:
        verbose_name = _("Anmeldung")
        verbose_name_plural = _("Anmeldungen")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.name} – {self.event.title}"

    def topic_list(self):
        """The chosen topics as one line, for the admin listing and exports."""
        return "; ".join(self.topics)

    topic_list.short_description = _("Gewählte Themen")

    def topic_numbers(self):
        return ", ".join(str(index + 1) for index in self.topic_indices)

    topic_numbers.short_description = _("Nummern der Themen")
