"""Lookups that every part of a page repeats, done once per request.

Wagtail looks up the reader's Locale each time anything asks for it (`Locale.get_active()`,
`get_default()`, `page.localized`): a page asked six times. During a request the answer is
remembered; outside requests (commands, tests without a request) nothing changes.
"""

from contextvars import ContextVar

_locales = ContextVar("request_locales", default=None)


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _locales.set({})
        try:
            return self.get_response(request)
        finally:
            _locales.reset(token)


def install():
    """Remember Locale lookups by language code within a request (called once at start)."""
    from wagtail.models.i18n import LocaleManager

    original = LocaleManager.get_for_language
    if getattr(original, "request_memo", False):
        return

    def get_for_language(self, language_code):
        memo = _locales.get()
        if memo is None:
            return original(self, language_code)
        if language_code not in memo:
            memo[language_code] = original(self, language_code)
        return memo[language_code]

    get_for_language.request_memo = True
    LocaleManager.get_for_language = get_for_language
