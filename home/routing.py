"""Wagtail's routing in one query for the whole address, instead of two per tree level.

Wagtail walks a request's path one slug at a time (`Page.route`): for each level it loads the
child with that slug and then its specific page, so a measure four levels below the home
page cost eight queries before anything was rendered. A district's pages are addressed by
`url_path`, which is made of the same slugs: all pages on the way are found in one query,
and only the page that answers (or a routable page whose own routes take the rest of the
path) is loaded as its specific type.

The result is the same as Wagtail's walk: a routable page that is live gets the rest of the
path first when one of its routes matches it, missing pages are a 404, the page reached must
be live, and draft or unpublished pages on the way do not stop the walk.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def _model(row):
    # A page type whose code is gone is served as a plain page, as Wagtail's `.specific` does.
    return ContentType.objects.get_for_id(row.content_type_id).model_class() or Page


def _takes_the_rest(model, row, remaining):
    """Whether the routable page `row` answers the `remaining` path components itself."""
    if not (issubclass(model, RoutablePageMixin) and row.live):
        return False
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except (Resolver404, Http404):
        return False
    return True


# The fields routing reads of the pages on the way: what routing needs, and what a link to
# one of them needs (`routed_parent`).
ROW_FIELDS = (
    "id",
    "path",
    "depth",
    "url_path",
    "content_type_id",
    "live",
    "title",
    "translation_key",
    "locale_id",
)


def _suffixes(path_components):
    """The url_path of each level below a root, without the root's own part."""
    return [
        "".join(f"{part}/" for part in path_components[:length])
        for length in range(1, len(path_components) + 1)
    ]


def route_in_one_query(root, request, path_components, route_root, model=None, rows=None):
    """Route `path_components` below `root` as `Page.route` would; `route_root` is Wagtail's
    own `route` of the root page (its `super().route`). `root` is a page of its specific
    type, or a plain page whose specific type `model` is given; `rows` are the pages on the
    way by url_path, if already read."""
    model = model or type(root)
    if not path_components:
        return route_root(request, [])
    prefixes = [root.url_path + suffix for suffix in _suffixes(path_components)]
    if rows is None:
        rows = {
            row.url_path: row
            for row in Page.objects.filter(path__startswith=root.path, url_path__in=prefixes).only(
                *ROW_FIELDS
            )
        }
    request._routed_rows = {row.path: row for row in rows.values()}
    if _takes_the_rest(model, root, path_components):
        return route_root(request, path_components)

    for level, prefix in enumerate(prefixes, start=1):
        row = rows.get(prefix)
        if row is None or row.depth != root.depth + level:
            raise Http404
        remaining = path_components[level:]
        model = _model(row)
        if remaining and not _takes_the_rest(model, row, remaining):
            continue
        related = ("locale", *getattr(model, "serve_select_related", ()))
        page = model.objects.select_related(*related).get(pk=row.pk)
        return page.route(request, remaining)
    raise Http404  # pragma: no cover - the loop returns at the last level at the latest


def _localized_home_and_rows(root, path_components):
    """The live translation of the district's home page `root` in the reader's language
    (else `root`, as Wagtail's `localized`) and the pages on the way to the address below
    it, by url_path: one query, where `localized` and the routing needed one each.

    The pages on the way are found by slug and depth (indexed) and the end of their url_path,
    below any language version of the home page, then kept below the one that answers."""
    from django.db.models import Q

    from wagtail.models import Locale

    locale = Locale.get_active()
    if locale.pk == root.locale_id:
        return root, None
    wanted = Q(translation_key=root.translation_key, locale_id=locale.pk, live=True)
    for level, suffix in enumerate(_suffixes(path_components), start=1):
        wanted |= Q(
            depth=root.depth + level,
            slug=path_components[level - 1],
            url_path__endswith="/" + suffix,
        )
    found = list(Page.objects.filter(wanted).only(*ROW_FIELDS))
    home = next(
        (
            page
            for page in found
            if page.translation_key == root.translation_key
            and page.locale_id == locale.pk
            and page.live
        ),
        root,
    )
    rows = {
        row.url_path: row
        for row in found
        if row.depth > home.depth and row.url_path.startswith(home.url_path)
    }
    return home, rows


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, without loading the district's home page as its
    own type when the address lies below it: a home page that routes in one query
    (`routes_in_one_query`) needs only the fields every page has for that, and its
    translation in the reader's language is found with the pages on the way. The result
    is remembered on the request as Wagtail does, and the home page reached for the site
    chrome (home.navigation)."""
    from wagtail.models import Site

    if hasattr(request, "_wagtail_route_for_request"):
        return request._wagtail_route_for_request
    result = None
    try:
        site = Site.find_for_request(request)
        if site:
            path_components = [component for component in path.split("/") if component]
            root = site.root_page
            if path_components and getattr(_model(root), "routes_in_one_query", False):
                home, rows = _localized_home_and_rows(root, path_components)
                request._localized_home = home
                result = route_in_one_query(
                    home,
                    request,
                    path_components,
                    lambda request, components: home.specific.route(request, components),
                    model=_model(home),
                    rows=rows,
                )
            else:
                result = root.localized.specific.route(request, path_components)
    except Http404:
        result = None
    request._wagtail_route_for_request = result
    return result


def routed_parent(request, page):
    """The parent of `page` as routing read it for this request (a plain page with what a
    link to it needs: title, url_path, language), or None if the request was not routed
    through it."""
    rows = getattr(request, "_routed_rows", None) or {}
    return rows.get(page.path[: -page.steplen])


def install():
    """Serve pages through `route_for_request` (called once at start)."""
    Page.route_for_request = staticmethod(route_for_request)
