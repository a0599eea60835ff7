"""Cache hits answered before Django handles the request (wrapped around the WSGI application).

A hit needs no view, no URL resolution and no database; what still costs time is Django's
request handling around it (request signals, fifteen middlewares). `PageCacheApplication`
answers hits in front of all that, with the same decisions as `PageCacheMiddleware`: the same
request checks and cache key (through Django's own request object, so host validation and the
path are exactly Django's), the same freshness check, and Django's SecurityMiddleware for the
HTTPS redirect and the security headers. Everything else, misses included, goes to Django,
where the middleware stores the response.
"""

from django.core.exceptions import DisallowedHost
from django.core.handlers.wsgi import WSGIRequest
from django.middleware.security import SecurityMiddleware

from pagecache.middleware import PageCacheMiddleware


def _not_called(request):  # pragma: no cover - the middlewares here never call onwards
    raise AssertionError("only the cache checks are used")


class PageCacheApplication:
    def __init__(self, application):
        self.application = application
        self.cache = PageCacheMiddleware(_not_called)
        self.security = SecurityMiddleware(_not_called)

    def __call__(self, environ, start_response):
        response = self.hit(environ)
        if response is None:
            return self.application(environ, start_response)
        response["Content-Length"] = str(len(response.content))
        status = f"{response.status_code} {response.reason_phrase}"
        start_response(status, list(response.items()))
        return [] if environ.get("REQUEST_METHOD") == "HEAD" else [response.content]

    def hit(self, environ):
        request = WSGIRequest(environ)
        try:
            if not self.cache.is_cacheable(request) or self.security.process_request(request):
                return None
            response = self.cache.lookup(self.cache.key(request))
        except DisallowedHost:
            return None  # Django answers it (400)
        if response is None:
            return None
        return self.security.process_response(request, response)
