"""Whole public pages for anonymous readers from the shared cache (see pagecache/tags.py).

A request is served from the cache only when nothing about it is personal: GET or HEAD, no
session or messages cookie, no authorisation header, not the admin, documents (privacy
checks), search (every search is counted) or anything in PAGE_CACHE_EXCLUDE. A response is
stored only when it is a 200 that sets no cookie and is not marked private – so a page with a
form (its CSRF token sets the cookie) is never stored, and logged-in users and previews never
reach the cache. The header `X-Page-Cache` says hit or miss.
"""

import hashlib
import re

from django.conf import settings
from django.http import HttpResponse

from pagecache import files
from pagecache.tags import (
    ANY_PAGE,
    depends_on,
    generation,
    is_current,
    page_cache,
    read_entry,
    start_collecting,
    stop_collecting,
    versions_for_storing,
)

HEADER = "X-Page-Cache"
KEY_PREFIX = "pagecache:page:"
# Headers a stored response keeps (others, e.g. Set-Cookie or Vary, are not replayed).
KEPT_HEADERS = {
    "content-type",
    "content-language",
    "content-disposition",
    "cache-control",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-opener-policy",
    "link",
    "allow",
}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.excluded = [re.compile(pattern) for pattern in settings.PAGE_CACHE_EXCLUDE]
        self.personal_cookies = {
            settings.SESSION_COOKIE_NAME,
            getattr(settings, "MESSAGES_COOKIE_NAME", "messages"),
        }

    def __call__(self, request):
        if not self.is_cacheable(request):
            return self.get_response(request)
        key = self.key(request)
        hit = self.lookup(key)
        if hit is not None:
            return hit
        started = generation()
        files.track_parameters(request)
        token = start_collecting()
        try:
            if request.path.startswith("/api/"):
                depends_on(ANY_PAGE)
            response = self.get_response(request)
        finally:
            tags = stop_collecting(token)
        storable = request.method == "GET" and self.is_storable(request, response)
        if storable and self.store(request, key, response, tags, started):
            response[HEADER] = "miss"
        return response

    @staticmethod
    def store(request, key, response, tags, started):
        """Keep the response under `key` (and as a file for nginx, see pagecache/files.py),
        unless something changed since the request began: then it may show the old state."""
        versions = versions_for_storing(tags)
        if generation() != started:
            return False
        page_cache().set(
            key,
            {
                "content": response.content,
                "status": response.status_code,
                "headers": [
                    (name, value)
                    for name, value in response.items()
                    if name.lower() in KEPT_HEADERS
                ],
                "versions": versions,
            },
            timeout=settings.PAGE_CACHE_TIMEOUT,
        )
        name = files.file_name(request, response)
        if name is not None:
            files.write(name, response.content, tags)
            if generation() != started:
                files.delete([name])
        return True

    def lookup(self, key):
        """The stored response for `key` if every record it shows is unchanged, else None."""
        entry = read_entry(key)
        if entry is not None and is_current(entry["versions"]):
            return self.replay(entry)
        return None

    def is_cacheable(self, request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return False
        if self.personal_cookies & set(request.COOKIES) or "HTTP_AUTHORIZATION" in request.META:
            return False
        return not any(pattern.search(request.path) for pattern in self.excluded)

    @staticmethod
    def key(request):
        url = f"{request.get_host()}{request.get_full_path()}"
        return KEY_PREFIX + hashlib.sha256(url.encode()).hexdigest()

    @staticmethod
    def is_storable(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        return not any(word in cache_control for word in ("private", "no-store", "no-cache"))

    @staticmethod
    def replay(entry):
        response = HttpResponse(entry["content"], status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response[HEADER] = "hit"
        return response
