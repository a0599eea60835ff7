"""Admin hooks of the site search: the "Suchbegriffe" report under Berichte.

Wagtail's own "Search terms" report (wagtail.contrib.search_promotions) counts queries
without district or language, and the site search does not feed it, so it leaves the reports
menu; the promoted results under Einstellungen stay.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import SearchTermReportView, may_view_report

# The name of Wagtail's own search terms report in the reports menu.
WAGTAIL_SEARCH_TERMS_ITEM = "search-terms"


class SearchTermReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_report(request.user)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "reports/suchbegriffe/",
            SearchTermReportView.as_view(),
            name="search_terms_report",
        ),
        path(
            "reports/suchbegriffe/results/",
            SearchTermReportView.as_view(results_only=True),
            name="search_terms_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_search_term_report_menu_item():
    return SearchTermReportMenuItem(
        _("Suchbegriffe"),
        reverse("search_terms_report"),
        name="district-search-terms",
        icon_name="search",
        order=660,
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms_report(request, menu_items):
    menu_items[:] = [item for item in menu_items if item.name != WAGTAIL_SEARCH_TERMS_ITEM]
