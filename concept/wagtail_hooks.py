"""Admin for the concept: its vocabularies as snippets and a flat, filterable measure listing."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import BulkActionsColumn, PageStatusColumn, PageTitleColumn
from wagtail.admin.views.pages.listing import IndexView
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from concept.filters import MeasureFilterSet
from concept.models import CrossCuttingNeed, DecidingBody, MeasurePage, TargetGroup


class DecidingBodyViewSet(SnippetViewSet):
    model = DecidingBody
    icon = "gavel"
    menu_label = _("Gremien")
    list_display = ["name", "locale"]


class TargetGroupViewSet(SnippetViewSet):
    model = TargetGroup
    icon = "group"
    menu_label = _("Zielgruppen")
    list_display = ["name", "locale"]


class CrossCuttingNeedViewSet(SnippetViewSet):
    model = CrossCuttingNeed
    icon = "list-ul"
    menu_label = _("Querschnittsthemen")
    list_display = ["name", "description", "locale"]


class ConceptSnippetGroup(SnippetViewSetGroup):
    menu_label = _("Integrationskonzept")
    menu_icon = "doc-full-inverse"
    menu_order = 250
    items = (DecidingBodyViewSet, TargetGroupViewSet, CrossCuttingNeedViewSet)


register_snippet(ConceptSnippetGroup)


class MeasureIndexView(IndexView):
    """Measures of all editions, in the order of their numbers unless the officer sorts."""

    default_ordering = "chapter_number"

    def annotate_queryset(self, pages):
        return super().annotate_queryset(pages).select_related("lead_organisation")

    def order_queryset(self, queryset):
        queryset = super().order_queryset(queryset)
        if self.ordering in ("chapter_number", "-chapter_number") and not self.is_searching:
            sign = "-" if self.ordering.startswith("-") else ""
            queryset = queryset.order_by(f"{sign}chapter_number", f"{sign}number", "path")
        return queryset


class MeasureListingViewSet(PageListingViewSet):
    """All measures in one list, so an officer finds them without opening chapters."""

    model = MeasurePage
    icon = "list-ol"
    menu_label = _("Maßnahmen")
    menu_order = 240
    add_to_admin_menu = True
    name = "measures"
    index_view_class = MeasureIndexView
    filterset_class = MeasureFilterSet
    columns = [
        BulkActionsColumn("bulk_actions"),
        Column(
            "full_number",
            label=_("Nr."),
            accessor="full_number",
            sort_key="chapter_number",
            width="8%",
        ),
        PageTitleColumn("title", label=_("Titel"), sort_key="title", classname="title"),
        Column(
            "measure_status",
            label=_("Umsetzungsstand"),
            accessor=lambda page: page.status_label(),
            sort_key="status",
            width="14%",
        ),
        Column(
            "lead",
            label=_("Federführung"),
            accessor="lead_organisation_name",
            width="20%",
        ),
        PageStatusColumn("status", label=_("Veröffentlichung"), sort_key="live", width="12%"),
    ]


@hooks.register("register_admin_viewset")
def register_measure_listing():
    return MeasureListingViewSet()
