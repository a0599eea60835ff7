"""A per-client rate limit in Django's cache, so a bot cannot flood a form.

The client is the reader's address as `home.client.client_address` finds it (REMOTE_ADDR,
or X-Forwarded-For behind TRUSTED_PROXY_COUNT reverse proxies). Only a salted hash of the
address is kept, for the length of the window, in the cache (local memory or Redis), never
in the database.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from home.client import client_address

DEFAULT_LIMIT = (5, 600)  # at most 5 submissions per 10 minutes


def _limit():
    return getattr(settings, "PARTICIPATION_RATE_LIMIT", DEFAULT_LIMIT)


def _key(request, scope):
    address = client_address(request)
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    return f"participation:ratelimit:{scope}:{digest}"


def is_limited(request, scope):
    """Whether this client has used up its submissions for the current window."""
    count, _window = _limit()
    return (cache.get(_key(request, scope)) or 0) >= count


def record(request, scope):
    """Count one submission of this client; the window starts with its first one."""
    _count, window = _limit()
    key = _key(request, scope)
    if cache.add(key, 1, window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)


def retry_after():
    """Seconds a limited client should wait, for the Retry-After header."""
    return _limit()[1]
