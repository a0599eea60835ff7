"""Übersetzungsstand: an admin report of every German page and snippet per reader language.

The statuses come from ``translations.status`` (derived from wagtail-localize's records, never
stored). The report filters by district, section, language, status and kind, counts the
statuses of what is shown, exports exactly the shown rows as CSV/XLSX and links each row to
where a translator continues: the translation editor, "translate" or "sync".
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

import django_filters

from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import FieldDoesNotExist
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import TranslationSource

from translations.status import (
    Status,
    snippet_queryset,
    source_locale,
    summarise,
    target_locales,
    translation_states,
)

PAGES = "pages"
SNIPPETS = "snippets"
KIND_CHOICES = [(PAGES, _("Seiten")), (SNIPPETS, _("Snippets"))]


def translatable_snippet_models():
    """Registered snippet models that are translated (contacts, topics, bodies, …)."""
    return [
        model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin) and has_translated_text(model)
    ]


def has_translated_text(model):
    """Whether a translator has anything to do for this model: snippets whose fields are all
    synchronised (organisation names, for example) only follow their German original."""
    return any(isinstance(field, TranslatableField) for field in get_translatable_fields(model))


@dataclass(frozen=True)
class Row:
    """One German object in one language, as the report shows and exports it."""

    state: object  # translations.status.TranslationState
    title: str
    kind: str
    type_label: str
    site_name: str
    edit_url: str

    @property
    def status(self):
        return self.state.status

    @property
    def status_label(self):
        return self.state.status_label

    @property
    def language(self):
        return self.state.locale.language_code

    @property
    def language_name(self):
        return get_language_info(self.language)["name_translated"]

    @property
    def last_synced_at(self):
        return self.state.last_synced_at

    @property
    def translation_url(self):
        """The translated object's edit view: wagtail-localize's editor while it is synced."""
        if self.state.translation_id is None:
            return ""
        return _edit_url(self.state.source, self.state.translation_id)

    @property
    def translate_url(self):
        """wagtail-localize's "translate" form for a missing translation, language preselected."""
        if self.state.status != Status.MISSING:
            return ""
        source = self.state.source
        if self.kind == PAGES:
            url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
        else:
            meta = type(source)._meta
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=[meta.app_label, meta.model_name, quote(source.pk)],
            )
        return f"{url}?{urlencode({'select_locale': self.language})}"

    @property
    def sync_url(self):
        """wagtail-localize's "sync translations" for an outdated translation."""
        if self.state.status != Status.OUTDATED or self.state.translation_source_id is None:
            return ""
        return reverse(
            "wagtail_localize:update_translations", args=[self.state.translation_source_id]
        )


def _edit_url(obj, pk):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return reverse(type(obj).snippet_viewset.get_url_name("edit"), args=[quote(pk)])


def build_rows(*, site=None, section=None, kind=None, languages=None):
    """The report's rows for the given filters, in a fixed number of queries.

    ``site``: pages of that district and snippets of that district or shared by all.
    ``section``: that page and its subpages (snippets belong to no section).
    """
    german = source_locale()
    locales = target_locales(languages)
    sites = list(Site.objects.select_related("root_page").order_by("root_page__path"))
    objects = []
    if kind in (None, "", PAGES):
        pages = Page.objects.filter(locale=german, depth__gt=1).order_by("path")
        if site is not None:
            pages = pages.filter(path__startswith=site.root_page.path)
        if section is not None:
            pages = pages.filter(path__startswith=section.path)
        objects += pages.only(
            "id",
            "title",
            "path",
            "depth",
            "translation_key",
            "locale_id",
            "content_type_id",
            "last_published_at",
        )
    if kind in (None, "", SNIPPETS) and section is None:
        for model in translatable_snippet_models():
            snippets = snippet_queryset(model).filter(locale=german)
            if site is not None and _site_field(model):
                snippets = snippets.filter(site=site)
            objects += sorted(snippets, key=str)
    site_names = {site.pk: site.site_name or site.hostname for site in sites}
    rows = []
    for state in translation_states(objects, locales, german=german):
        obj = state.source
        if isinstance(obj, Page):
            owner = next((s for s in sites if obj.path.startswith(s.root_page.path)), None)
            rows.append(
                Row(
                    state=state,
                    title=obj.title,
                    kind=PAGES,
                    type_label=str(obj.specific_class._meta.verbose_name)
                    if obj.specific_class
                    else "",
                    site_name=(owner.site_name or owner.hostname) if owner else "",
                    edit_url=_edit_url(obj, obj.pk),
                )
            )
        else:
            site_id = getattr(obj, "site_id", None) if _site_field(type(obj)) else None
            rows.append(
                Row(
                    state=state,
                    title=str(obj),
                    kind=SNIPPETS,
                    type_label=str(type(obj)._meta.verbose_name),
                    site_name=site_names.get(site_id, "") if site_id else "",
                    edit_url=_edit_url(obj, obj.pk),
                )
            )
    return rows


def _site_field(model):
    try:
        field = model._meta.get_field("site")
    except FieldDoesNotExist:
        return False
    return getattr(field, "related_model", None) is Site


# Filters ------------------------------------------------------------------------------------


class SectionChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return "– " * max(obj.depth - 2, 0) + obj.title


class SectionFilter(django_filters.ModelChoiceFilter):
    field_class = SectionChoiceField


def sections(request=None):
    """German pages with subpages down to chapter level: a district's home, its sections,
    a concept edition, its chapters."""
    return Page.objects.filter(
        locale__language_code=settings.LANGUAGE_CODE, depth__gte=2, depth__lte=4, numchild__gt=0
    ).order_by("path")


def language_choices():
    return [(code, name) for code, name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslationStatusFilterSet(WagtailFilterSet):
    site = django_filters.ModelChoiceFilter(
        label=_("Landkreis (Website)"),
        queryset=Site.objects.order_by("site_name", "hostname"),
        empty_label=_("Alle"),
    )
    section = SectionFilter(
        label=_("Bereich"),
        queryset=sections,
        empty_label=_("Alle"),
        help_text=_("Eine Seite und alle Seiten darunter."),
    )
    language = django_filters.ChoiceFilter(
        label=_("Sprache"), choices=language_choices, empty_label=_("Alle")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Alle")
    )
    kind = django_filters.ChoiceFilter(label=_("Art"), choices=KIND_CHOICES, empty_label=_("Alle"))


# View ---------------------------------------------------------------------------------------


class TranslationLinksColumn(Column):
    cell_template_name = "translations/status_report_links_cell.html"


def _csv_datetime(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


class TranslationStatusReportView(ReportView):
    """Übersetzungsstand: per German page and snippet and language, how its translation is."""

    page_title = _("Übersetzungsstand")
    header_icon = "wagtail-localize-language"
    index_url_name = "translations_status"
    index_results_url_name = "translations_status_results"
    results_template_name = "translations/status_report_results.html"
    filterset_class = TranslationStatusFilterSet
    permission_policy = PagePermissionPolicy()
    permission_required = "change"
    paginate_by = 50
    export_filename = "uebersetzungsstand"
    columns = [
        TitleColumn("title", label=_("Titel"), get_url=lambda row: row.edit_url),
        Column("type_label", label=_("Typ")),
        Column("site_name", label=_("Landkreis")),
        Column("language_name", label=_("Sprache")),
        StatusTagColumn(
            "status_label",
            label=_("Status"),
            primary=lambda row: row.status == Status.UP_TO_DATE,
        ),
        DateColumn("last_synced_at", label=_("Zuletzt synchronisiert")),
        TranslationLinksColumn("links", accessor="status", label=_("Übersetzung")),
    ]
    list_export = [
        "title",
        "type_label",
        "site_name",
        "language_name",
        "language",
        "status_label",
        "last_synced_at",
    ]
    export_headings = {
        "title": _("Titel"),
        "type_label": _("Typ"),
        "site_name": _("Landkreis"),
        "language_name": _("Sprache"),
        "language": _("Sprachcode"),
        "status_label": _("Status"),
        "last_synced_at": _("Zuletzt synchronisiert"),
    }
    custom_field_preprocess = {"last_synced_at": {"csv": _csv_datetime}}

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": TranslationSource.objects.none()}

    @cached_property
    def filter_values(self):
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data
        return {}

    def get_queryset(self):
        values = self.filter_values
        language = values.get("language")
        rows = build_rows(
            site=values.get("site"),
            section=values.get("section"),
            kind=values.get("kind"),
            languages=[language] if language else None,
        )
        self.status_counts = summarise(row.state for row in rows)
        status = values.get("status")
        if status:
            rows = [row for row in rows if row.status == status]
        return rows

    def filter_queryset(self, queryset):
        return queryset  # the filters are applied while the rows are built

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def _url_with(self, **params):
        query = self.request.GET.copy()
        for key in ("p", "export", "_w_filter_fragment"):
            query.pop(key, None)
        for key, value in params.items():
            query[key] = value
        return f"{self.index_url}?{query.urlencode()}"

    @property
    def summary(self):
        """Counts per status for the current filters (other than the status filter itself),
        each linking to the rows with that status."""
        return [
            {
                "status": status,
                "label": Status(status).label,
                "count": count,
                "url": self._url_with(status=status),
                "is_current": self.filter_values.get("status") == status,
            }
            for status, count in self.status_counts.items()
        ]

    @property
    def po_download_url(self):
        """Link to the PO download of the shown pages in the chosen language (PO module)."""
        values = self.filter_values
        if not values.get("language"):
            return ""
        try:
            url = reverse("translations_po_download")
        except NoReverseMatch:
            return ""
        params = {"language": values["language"]}
        if values.get("site"):
            params["site"] = values["site"].pk
        if values.get("section"):
            params["section"] = values["section"].pk
        return f"{url}?{urlencode(params)}"


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return PagePermissionPolicy().user_has_permission(request.user, "change")


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "translations/status/",
            TranslationStatusReportView.as_view(),
            name="translations_status",
        ),
        path(
            "translations/status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="translations_status_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Übersetzungsstand"),
        reverse("translations_status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=650,
    )
