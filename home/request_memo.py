"""Lookups that every part of a page repeats, done once per request.

Wagtail looks up the reader's Locale each time anything asks for it (`Locale.get_active()`,
`get_default()`, `page.localized`): a page asked six times. All locales are read once per
request instead (a handful of rows), which answers the reader's locale, the German one and
the language of any record shown. And every `.public()` page query
(menu, latest news, contact boxes) and the privacy check before a page is served read the
page view restrictions again: five queries on a measure page. During a request both answers
are remembered; outside reading requests (posts, commands, tests without a request) nothing
is remembered.

Every response that read the restrictions depends on them in the page cache: making a page
private drops every cached page (pagecache/tags.py).
"""

from contextvars import ContextVar

from django.db.models import Q

_memo = ContextVar("request_memo", default=None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # A reading request only: a POST may change restrictions (admin privacy settings).
        token = _memo.set({} if request.method in ("GET", "HEAD") else None)
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def _remembered(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def view_restrictions():
    """All page view restrictions with their pages (one query per request)."""
    from wagtail.models import PageViewRestriction

    from pagecache.tags import depends_on_model

    depends_on_model(PageViewRestriction)
    return _remembered(
        "view_restrictions",
        lambda: list(PageViewRestriction.objects.select_related("page")),
    )


def restricted_paths():
    """Tree paths below which pages are private: restricted pages and their aliases."""

    def compute():
        from wagtail.models import Page

        restrictions = view_restrictions()
        if not restrictions:
            return []
        paths = {restriction.page.path for restriction in restrictions}
        aliases = Page.objects.filter(alias_of__in=[r.page_id for r in restrictions])
        paths.update(aliases.values_list("path", flat=True))
        return sorted(paths)

    return _remembered("restricted_paths", compute)


def locales():
    """{language code: Locale} of every locale (one query per request)."""
    from wagtail.models import Locale

    return _remembered(
        "locales", lambda: {locale.language_code: locale for locale in Locale.objects.all()}
    )


def locale_codes():
    """{locale id: language code} of every locale."""
    return {locale.pk: code for code, locale in locales().items()}


def install():
    """Answer Locale lookups from the request's list of locales and read the view
    restrictions once per request (called once at start)."""
    from wagtail.models.i18n import LocaleManager
    from wagtail.query import PageQuerySet

    original = LocaleManager.get_for_language
    if getattr(original, "request_memo", False):
        return

    def get_for_language(self, language_code):
        if _memo.get() is None:
            return original(self, language_code)
        from wagtail.coreutils import get_supported_content_language_variant

        locale = locales().get(get_supported_content_language_variant(language_code))
        if locale is None:
            raise self.model.DoesNotExist(f"No locale for {language_code!r}")
        return locale

    get_for_language.request_memo = True
    LocaleManager.get_for_language = get_for_language

    def private_q(self):
        # Wagtail's PageQuerySet.private_q, with the restrictions read once per request.
        q = Q()
        for restriction in view_restrictions():
            q |= self.descendant_of_q(restriction.page, inclusive=True)
        return q if q else Q(pk__in=[])

    PageQuerySet.private_q = private_q
