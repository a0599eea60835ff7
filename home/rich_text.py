"""Rich-text page links that stay on the reader's host and in the reader's language."""

from contextvars import ContextVar

from django.conf import settings
from django.db.models import Q
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Page
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


def link_targets(page_ids, language_code):
    """{page id: the live page a link to it leads to}: its translation in `language_code`
    where one is live, else the page itself; unpublished targets are left out.

    One query for all links of a rich text, whatever their number: the linked pages and
    their live translations, found by translation key."""
    ids = {int(page_id) for page_id in page_ids if str(page_id).isdigit()}
    if not ids:
        return {}
    keys = Page.objects.filter(pk__in=ids).values("translation_key")
    pages = list(
        Page.objects.filter(translation_key__in=keys)
        .filter(Q(pk__in=ids) | Q(live=True, locale__language_code=language_code))
        .select_related("locale")
    )
    translations = {
        page.translation_key: page
        for page in pages
        if page.live and page.locale.language_code == language_code
    }
    targets = {}
    for page in pages:
        if page.pk not in ids:
            continue
        target = translations.get(page.translation_key, page)
        if target.live:
            targets[page.pk] = target
    return targets


class LocalizedPageLinkHandler(PageLinkHandler):
    """Like Wagtail's, but relative to the current request: with several districts, Wagtail
    would write absolute URLs with the site's stored port, which break on any other port.

    A link leads to the reader's translation of the page; where there is none it leads to the
    German page and says so: `hreflang` on the link and the hint "(Deutsch)" after its text
    (added by the `language_hints` filter in templates/wagtailcore/shared/richtext.html).
    The link text itself is the translator's text, so the link keeps the page's `lang`.
    Links to unpublished pages lose their href, so readers never meet a dead link."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        request = current_request.get()
        language = translation.get_language() or settings.LANGUAGE_CODE
        ids = [attrs.get("id") for attrs in attrs_list]
        targets = link_targets(ids, language)
        links = []
        for page_id in ids:
            target = targets.get(int(page_id)) if str(page_id).isdigit() else None
            url = target.get_url(request) if target is not None else None
            if not url:
                links.append("<a>")
                continue
            url = escape(url)
            code = escape(target.locale.language_code)
            if code == language:
                links.append(f'<a href="{url}">')
            else:
                links.append(f'<a href="{url}" hreflang="{code}" data-language-hint="{code}">')
        return links
