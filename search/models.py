"""What readers search for, per district, language and day (no addresses, no users)."""

from datetime import timedelta

from django.db import IntegrityError, models, transaction
from django.db.models import F, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# How long the counts are kept (`manage.py prune_search_terms`).
KEEP_DAYS = 400


class SearchTerm(models.Model):
    """How often a term was searched on one day in one district and language."""

    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("Landkreis (Website)"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    language = models.CharField(_("Sprache"), max_length=10)
    term = models.CharField(_("Suchbegriff"), max_length=100)
    date = models.DateField(_("Tag"))
    hits = models.PositiveIntegerField(_("Suchanfragen"), default=0)
    results = models.PositiveIntegerField(
        _("Treffer"), default=0, help_text=_("Anzahl der Treffer bei der letzten Suche")
    )

    class Meta:
        verbose_name = _("Suchbegriff")
        verbose_name_plural = _("Suchbegriffe")
        constraints = [
            models.UniqueConstraint(
                fields=["site", "language", "term", "date"], name="unique_search_term_per_day"
            )
        ]
        indexes = [models.Index(fields=["site", "language", "date"])]

    def __str__(self):
        return self.term

    @classmethod
    def record(cls, site, language, term, results):
        """Count one search (at most two queries; safe when two readers search at once)."""
        if not term or site is None:
            return
        today = timezone.localdate()
        key = {"site": site, "language": language, "term": term[:100], "date": today}
        if cls.objects.filter(**key).update(hits=F("hits") + 1, results=results):
            return
        try:
            with transaction.atomic():
                cls.objects.create(**key, hits=1, results=results)
        except IntegrityError:
            cls.objects.filter(**key).update(hits=F("hits") + 1, results=results)

    @classmethod
    def popular(cls, site, language, limit=8, days=90):
        """The most searched terms that found something, for the no-results page."""
        since = timezone.localdate() - timedelta(days=days)
        return list(
            cls.objects.filter(site=site, language=language, date__gte=since, results__gt=0)
            .values("term")
            .annotate(total=Sum("hits"))
            .order_by("-total", "term")
            .values_list("term", flat=True)[:limit]
        )

    @classmethod
    def prune(cls, keep_days=KEEP_DAYS):
        return cls.objects.filter(
            date__lt=timezone.localdate() - timedelta(days=keep_days)
        ).delete()[0]
