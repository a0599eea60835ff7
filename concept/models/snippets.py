"""Reusable, translatable vocabularies of a concept: bodies, target groups, cross-cutting needs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class DecidingBody(TranslatableMixin, index.Indexed, models.Model):
    """A body of the district council that decides on the concept (Kreistag, a committee)."""

    name = models.CharField(_("Name"), max_length=200)

    panels = [FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Gremium")
        verbose_name_plural = _("Gremien")
        ordering = ["name"]

    def __str__(self):
        return self.name


class TargetGroup(TranslatableMixin, index.Indexed, models.Model):
    """Who a measure is for (Zielgruppe), e.g. newly arrived young adults."""

    name = models.CharField(_("Name"), max_length=200)

    panels = [FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Zielgruppe")
        verbose_name_plural = _("Zielgruppen")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CrossCuttingNeed(TranslatableMixin, index.Indexed, models.Model):
    """A need across all fields of action (Querschnittsthema), e.g. information, volunteering."""

    name = models.CharField(_("Name"), max_length=200)
    description = models.TextField(_("Beschreibung"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Querschnittsthema")
        verbose_name_plural = _("Querschnittsthemen")
        ordering = ["name"]

    def __str__(self):
        return self.name
