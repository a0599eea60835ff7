"""Routing in one query (home/routing.py) finds what Wagtail's walk finds, at any depth, and
the privacy check before a page is served still refuses private pages."""

import pytest

from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page, PageViewRestriction

from concept.factories import (
    ChapterPageFactory,
    ConceptPageFactory,
    MeasureCatalogPageFactory,
    MeasurePageFactory,
)
from home.factories import StandardPageFactory
from news.factories import NewsIndexPageFactory, news_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home):
    concept = ConceptPageFactory(parent=home, title="Integrationskonzept", slug="konzept")
    chapter = ChapterPageFactory(parent=concept, number=1, slug="wohnen")
    measure = MeasurePageFactory(parent=chapter, number=1, slug="wohnraum")
    catalogue = MeasureCatalogPageFactory(parent=concept, slug="katalog")
    news = NewsIndexPageFactory(parent=home, title="Aktuelles", slug="aktuelles")
    item = news_item(news, title="Sprachkurse", slug="sprachkurse", tags=["sprache"])
    draft_parent = StandardPageFactory(parent=home, title="Entwurf", slug="entwurf")
    live_child = StandardPageFactory(parent=draft_parent, title="Unterseite", slug="unterseite")
    draft_parent.unpublish()
    unpublished = StandardPageFactory(parent=home, title="Zurückgezogen", slug="weg")
    unpublished.unpublish()
    level = home
    levels = []
    for depth in range(1, 5):
        level = StandardPageFactory(parent=level, title=f"Ebene {depth}", slug=f"ebene-{depth}")
        levels.append(level)
    return {
        "measure": measure,
        "catalogue": catalogue,
        "item": item,
        "live_child": live_child,
        "levels": levels,
    }


PATHS = [
    "",
    "konzept",
    "konzept/gesamt",
    "konzept/wohnen",
    "konzept/wohnen/wohnraum",
    "konzept/wohnen/wohnraum/zu-viel",
    "konzept/katalog",
    "konzept/katalog/export/csv",
    "konzept/katalog/export/pdf",
    "konzept/fehlt",
    "aktuelles",
    "aktuelles/sprachkurse",
    "aktuelles/tag/sprache",
    "aktuelles/feed/rss",
    "aktuelles/gibt-es-nicht",
    "entwurf",
    "entwurf/unterseite",
    "weg",
    "ebene-1/ebene-2/ebene-3/ebene-4",
    "gibt-es-nicht/auch-nicht",
]


NOT_FOUND = {
    "konzept/wohnen/wohnraum/zu-viel",
    "konzept/katalog/export/pdf",
    "konzept/fehlt",
    "aktuelles/gibt-es-nicht",
    "entwurf",
    "weg",
    "gibt-es-nicht/auch-nicht",
}


def outcome(route, request, components):
    try:
        result = route(request, components)
    except Http404:
        return "404"
    page, args, kwargs = result
    view = args[0].__name__ if args else ""
    return (page.pk, type(page).__name__, view, tuple(args[1]) if args else (), kwargs)


@pytest.mark.parametrize("path", PATHS)
def test_finds_what_wagtails_walk_finds(home, tree, path):
    request = RequestFactory().get(f"/de/{path}/")
    components = [part for part in path.split("/") if part]
    ours = outcome(home.route, request, components)
    wagtails = outcome(lambda r, c: Page.route(home, r, c), request, components)
    assert ours == wagtails
    assert (ours == "404") == (path in NOT_FOUND)


def test_pages_below_an_unpublished_page_are_served_as_wagtail_does(client, tree):
    assert client.get("/de/entwurf/").status_code == 404
    response = client.get("/de/entwurf/unterseite/")
    assert response.status_code == 200
    assert "Unterseite" in response.content.decode()


def test_routing_costs_the_same_queries_at_every_depth(client, tree):
    shallow, deep = tree["levels"][0].url, tree["levels"][3].url
    counts = []
    for url in (shallow, deep):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    # The deeper page shows three more breadcrumbs, from the same query.
    assert counts[0] == counts[1]


def test_a_private_page_and_its_children_are_not_served_to_readers(client, tree):
    levels = tree["levels"]
    PageViewRestriction.objects.create(
        page=levels[1], restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for level in levels[1:]:
        response = client.get(level.url)
        assert response.status_code == 200  # Wagtail's password form instead of the page
        assert 'name="password"' in response.content.decode()
        assert f"Ebene {levels.index(level) + 1}</h1>" not in response.content.decode()
    public = client.get(levels[0].url).content.decode()
    assert 'name="password"' not in public and "Ebene 1</h1>" in public


def test_an_alias_of_a_private_page_is_private_too(client, home, tree):
    private = tree["levels"][0]
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    other = StandardPageFactory(parent=home, title="Ablage", slug="ablage")
    alias = private.create_alias(parent=other, update_slug="ebene-kopie")
    response = client.get(alias.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_a_translated_tree_is_routed_from_the_readers_home_page(client, home, tree):
    """Below the reader's home page (found with the pages on the way, home/routing.py), the
    page Wagtail's walk from that home page finds; with the home page's translation
    unpublished, the German tree, as Wagtail's `localized` gives it."""
    from home.factories import translate_page

    english_measure = translate_page(tree["measure"], "en")
    english_home = translate_page(home, "en")
    path = ["konzept", "wohnen", "wohnraum"]
    request = RequestFactory().get("/en/konzept/wohnen/wohnraum/")
    expected = outcome(lambda r, c: Page.route(english_home, r, c), request, path)
    response = client.get("/en/konzept/wohnen/wohnraum/")
    assert response.status_code == 200
    assert expected[0] == english_measure.pk
    assert f"{english_measure.title}</h1>" in response.content.decode()

    english_home.unpublish()
    response = client.get("/en/konzept/wohnen/wohnraum/")
    assert response.status_code == 200
    assert f"{tree['measure'].title}</h1>" in response.content.decode()
