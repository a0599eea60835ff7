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


def route_in_one_query(root, request, path_components, route_root):
    """Route `path_components` below `root` (a specific page) as `Page.route` would;
    `route_root` is Wagtail's own `route` of the root page (its `super().route`)."""
    if not path_components:
        return route_root(request, [])
    prefixes = [
        root.url_path + "".join(f"{part}/" for part in path_components[:length])
        for length in range(1, len(path_components) + 1)
    ]
    rows = {
        row.url_path: row
        for row in Page.objects.filter(path__startswith=root.path, url_path__in=prefixes).only(
            "id", "path", "depth", "url_path", "content_type_id", "live"
        )
    }
    if _takes_the_rest(type(root), root, path_components):
        return route_root(request, path_components)

    for level, prefix in enumerate(prefixes, start=1):
        row = rows.get(prefix)
        if row is None or row.depth != root.depth + level:
            raise Http404
        remaining = path_components[level:]
        model = _model(row)
        if remaining and not _takes_the_rest(model, row, remaining):
            continue
        page = model.objects.select_related("locale").get(pk=row.pk)
        return page.route(request, remaining)
    raise Http404  # pragma: no cover - the loop returns at the last level at the latest
