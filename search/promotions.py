"""Editors' promoted results (wagtail.contrib.search_promotions) for the current district.

A promotion names a page; readers see that page's live translation in their language, and
only in the district whose tree holds it. Promotions with an external link are shown in
every district and language (only Administration manages promotions).
"""

from dataclasses import dataclass

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string


@dataclass
class Promotion:
    title: str
    url: str
    description: str


def promotions_for(text, home, search):
    """The promotions for what the reader typed, in the editors' order (two queries)."""
    picks = list(
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(text.text))
        .select_related("page")
        .order_by("sort_order")
    )
    if not picks:
        return []
    keys = {pick.page.translation_key for pick in picks if pick.page_id}
    pages = {
        page.translation_key: page
        for page in Page.objects.live()
        .descendant_of(home, inclusive=True)
        .filter(translation_key__in=keys)
    }
    promotions = []
    for pick in picks:
        if pick.page_id:
            page = pages.get(pick.page.translation_key)
            if page is None or not search.is_visible(page):
                continue
            promotions.append(Promotion(page.title, page.get_url(search.request), pick.description))
        elif pick.external_link_url:
            promotions.append(
                Promotion(
                    pick.external_link_text or pick.external_link_url,
                    pick.external_link_url,
                    pick.description,
                )
            )
    return promotions
