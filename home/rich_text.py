"""Rich-text page links that stay on the reader's host and in the reader's language."""

from contextvars import ContextVar

from django.utils.html import escape

from wagtail.rich_text.pages import PageLinkHandler

current_request = ContextVar("current_request", default=None)


class CurrentRequestMiddleware:
    """Remembers the request being served, for code that renders without one (rich text)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            current_request.reset(token)


class LocalizedPageLinkHandler(PageLinkHandler):
    """Like Wagtail's, but relative to the current request: with several districts, Wagtail
    would write absolute URLs with the site's stored port, which break on any other port.
    Links to unpublished pages lose their href, so readers never meet a dead link."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        request = current_request.get()
        links = []
        for page in cls.get_many(attrs_list):
            target = page.localized if page else None
            if target is None or not target.live:
                links.append("<a>")
            else:
                links.append(f'<a href="{escape(target.get_url(request))}">')
        return links
