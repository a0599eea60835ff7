from wagtail import hooks

from pagecache.tags import depends_on_descendants


@hooks.register("before_serve_page")
def page_shows_its_descendants(page, request, serve_args, serve_kwargs):
    """A page (and its routes: feeds, exports, entries) may list anything below it."""
    depends_on_descendants(page)
