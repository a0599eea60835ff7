"""The reader's network address, the same for every feature that limits per client.

Without a proxy it is REMOTE_ADDR. Behind reverse proxies, set TRUSTED_PROXY_COUNT to the
number of proxies in front of the application: the address is then taken from
X-Forwarded-For, counting that many entries from the right — the entries further left
were written by the client and can be forged, the ones the trusted proxies appended cannot.
Used by the suggestion form's rate limit and the login lock-out (django-axes).
"""

from django.conf import settings


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "") or ""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxies:
        # Not (fully) behind the configured proxies: the header cannot be trusted.
        return remote
    return forwarded[-proxies]
