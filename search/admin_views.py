"""Suchbegriffe: an admin report of what readers searched for, per district and language.

The counts come from ``search.models.SearchTerm`` (one row per district, language, term and
day). The report adds them up per term over the chosen period in the database (a fixed
number of queries, however many terms), shows how many results the most recent search found
(so editors see what readers miss), filters by district, language, period and "only without
results", and exports exactly the filtered rows as CSV/XLSX.

Superusers and the Administration see every district; the people in a district's role groups
(Redaktion, Integrationsbeauftragte, Übersetzung) see their own district(s) only; everybody
else is refused.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from functools import cached_property

import django_filters

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Max, OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language_info
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.views.defaults import permission_denied

from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Site

from roles.models import DISTRICT_ROLES, Role
from roles.permissions import district_roles
from search.models import SearchTerm

# Who sees what ---------------------------------------------------------------------------


def report_site_ids(user):
    """The districts whose search terms the user sees: None for all, else a set of site ids
    (empty: the user may not see the report)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    roles = district_roles(user)
    if any(role == Role.ADMINISTRATION for role, _site_id in roles):
        return None
    site_ids = set()
    for role, site_id in roles:
        if role in DISTRICT_ROLES:
            if site_id is None:  # a district role for every district (as roles.permissions)
                return None
            site_ids.add(site_id)
    return site_ids


def may_view_report(user):
    site_ids = report_site_ids(user)
    return site_ids is None or bool(site_ids)


# Rows ------------------------------------------------------------------------------------


def language_name(code):
    """The language's name in the admin's language ("Arabisch"); the code if Django has none."""
    try:
        return get_language_info(code)["name_translated"]
    except KeyError:
        return code


def site_label(site_name, hostname):
    return site_name or hostname


@dataclass(frozen=True)
class Row:
    """One term in one district and language, added up over the period."""

    term: str
    searches: int
    latest_results: int
    last_searched: date
    site_id: int
    site_name: str
    language: str

    @classmethod
    def from_values(cls, values):
        return cls(
            term=values["term"],
            searches=values["searches"],
            latest_results=values["latest_results"] or 0,
            last_searched=values["last_searched"],
            site_id=values["site"],
            site_name=site_label(values["site__site_name"], values["site__hostname"]),
            language=values["language"],
        )

    @property
    def language_name(self):
        return language_name(self.language)

    @property
    def has_results(self):
        return self.latest_results > 0

    @property
    def last_searched_display(self):
        return date_format(self.last_searched, "SHORT_DATE_FORMAT")


def period_start(days, today=None):
    """The first day of the last ``days`` days, today included."""
    return (today or timezone.localdate()) - timedelta(days=days - 1)


def search_term_rows(
    *, site_ids=None, site=None, language=None, since, without_results=False, ordering=()
):
    """Per district, language and term: searches, the most recent day and the number of
    results of that day's last search, as one aggregated query (dicts, see Row.from_values).

    ``site_ids``: the districts the user may see (None: all).
    """
    terms = SearchTerm.objects.filter(date__gte=since)
    if site_ids is not None:
        terms = terms.filter(site_id__in=site_ids)
    if site is not None:
        terms = terms.filter(site=site)
    if language:
        terms = terms.filter(language=language)
    latest_results = (
        SearchTerm.objects.filter(
            site=OuterRef("site"),
            language=OuterRef("language"),
            term=OuterRef("term"),
            date__gte=since,
        )
        .order_by("-date")
        .values("results")[:1]
    )
    rows = (
        terms.values("site", "site__site_name", "site__hostname", "language", "term")
        .annotate(
            searches=Sum("hits"),
            last_searched=Max("date"),
            latest_results=Subquery(latest_results),
        )
        .order_by(*ordering, "term", "site__site_name", "site__hostname", "language")
    )
    if without_results:
        rows = rows.filter(latest_results=0)
    return rows


# Filters ---------------------------------------------------------------------------------

PERIODS = [
    ("7", _("Letzte 7 Tage")),
    ("30", _("Letzte 30 Tage")),
    ("90", _("Letzte 90 Tage")),
    ("365", _("Letzte 365 Tage")),
]
DEFAULT_PERIOD = "30"


class SiteChoiceField(django_filters.fields.ModelChoiceField):
    def label_from_instance(self, obj):
        return site_label(obj.site_name, obj.hostname)


class SiteFilter(django_filters.ModelChoiceFilter):
    field_class = SiteChoiceField


def report_sites(request):
    """The districts the Landkreis filter offers: those the user may see."""
    sites = Site.objects.order_by("site_name", "hostname")
    site_ids = report_site_ids(request.user) if request is not None else set()
    return sites if site_ids is None else sites.filter(pk__in=site_ids)


def language_choices():
    return [(code, language_name(code)) for code, _name in settings.LANGUAGES]


class CheckboxFilter(django_filters.BooleanFilter):
    """A checkbox: ticked filters, unticked does not (and does not count as a filter)."""

    field_class = forms.BooleanField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxInput)
        super().__init__(*args, **kwargs)


class CheckboxFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            gettext_now("ja"),
            self.get_url_without_filter_param(self.name),
        )


register_filter_adapter_class(CheckboxFilter, CheckboxFilterAdapter, exact_class=True)


class SearchTermFilterSet(WagtailFilterSet):
    site = SiteFilter(label=_("Landkreis"), queryset=report_sites, empty_label=_("Alle"))
    language = django_filters.ChoiceFilter(
        label=_("Sprache"), choices=language_choices, empty_label=_("Alle")
    )
    period = django_filters.ChoiceFilter(
        label=_("Zeitraum"),
        choices=PERIODS,
        empty_label=None,
        initial=DEFAULT_PERIOD,
        widget=forms.RadioSelect,
    )
    without_results = CheckboxFilter(
        label=_("Nur ohne Treffer"),
        help_text=_("Begriffe, deren letzte Suche nichts gefunden hat."),
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and not data.get("period"):
            data = data.copy()
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, *args, **kwargs)


# View ------------------------------------------------------------------------------------


class ResultsColumn(Column):
    """The number of results, or a clear "keine Treffer" tag when the search found nothing."""

    cell_template_name = "search/admin/results_cell.html"


def _csv_text(value):
    """Readers typed the terms: never let a spreadsheet read one as a formula."""
    value = str(value)
    return f"'{value}" if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class SearchTermReportView(ReportView):
    """Suchbegriffe: what readers searched for per district and language, most searched first."""

    page_title = _("Suchbegriffe")
    header_icon = "search"
    index_url_name = "search_terms_report"
    index_results_url_name = "search_terms_report_results"
    results_template_name = "search/admin/search_terms_results.html"
    filterset_class = SearchTermFilterSet
    paginate_by = 50
    default_ordering = "-searches"
    export_filename = "suchbegriffe"
    columns = [
        Column("term", label=_("Suchbegriff"), sort_key="term"),
        NumberColumn("searches", label=_("Suchanfragen"), sort_key="searches"),
        ResultsColumn("latest_results", label=_("Treffer")),
        Column(
            "last_searched",
            accessor="last_searched_display",
            label=_("Zuletzt gesucht"),
            sort_key="last_searched",
        ),
        Column("site_name", label=_("Landkreis")),
        Column("language_name", label=_("Sprache")),
    ]
    list_export = [
        "term",
        "searches",
        "latest_results",
        "last_searched",
        "site_name",
        "language_name",
        "language",
    ]
    export_headings = {
        "term": _("Suchbegriff"),
        "searches": _("Suchanfragen"),
        "latest_results": _("Treffer"),
        "last_searched": _("Zuletzt gesucht"),
        "site_name": _("Landkreis"),
        "language_name": _("Sprache"),
        "language": _("Sprachcode"),
    }
    custom_field_preprocess = {"term": {"csv": _csv_text}}

    def dispatch(self, request, *args, **kwargs):
        if not may_view_report(request.user):
            # A plain 403: the admin would turn PermissionDenied into a redirect home.
            return permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def site_ids(self):
        return report_site_ids(self.request.user)

    def get_filterset_kwargs(self):
        return {**super().get_filterset_kwargs(), "queryset": SearchTerm.objects.none()}

    @cached_property
    def filter_values(self):
        """The valid filter values; an invalid one (a district the user may not see, say) is
        left out, and the rows stay limited to the user's districts anyway."""
        if not self.filters:
            return {}
        self.filters.is_valid()
        return self.filters.form.cleaned_data

    @cached_property
    def period_days(self):
        return int(self.filter_values.get("period") or DEFAULT_PERIOD)

    @cached_property
    def since(self):
        return period_start(self.period_days)

    @property
    def period_label(self):
        """ "01.05.2025 – 30.05.2025" for the note above the table."""
        since = date_format(self.since, "SHORT_DATE_FORMAT")
        return f"{since} – {date_format(timezone.localdate(), 'SHORT_DATE_FORMAT')}"

    def get_queryset(self):
        values = self.filter_values
        ordering = self.ordering
        return search_term_rows(
            site_ids=self.site_ids,
            site=values.get("site"),
            language=values.get("language"),
            since=self.since,
            without_results=bool(values.get("without_results")),
            ordering=[ordering] if ordering else [],
        )

    def filter_queryset(self, queryset):
        return queryset  # the filters are applied while the rows are aggregated

    def decorate_paginated_queryset(self, object_list):
        return [Row.from_values(values) for values in object_list]

    def get_table(self, object_list):
        return super().get_table(self.decorate_paginated_queryset(object_list))

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"
