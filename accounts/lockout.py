"""Lock-out after repeated failed logins (django-axes): the page a locked client sees, the
list of current locks for the administration, and unlocking.

A lock holds per user name and per client address separately (AXES_LOCKOUT_PARAMETERS), so
the list shows both kinds. Unlocking one forgets its failed attempts; those attempts then no
longer count for the other kind either (axes records each attempt once, with name and address).
"""

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from axes.utils import reset

from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

LOCK_KINDS = ("username", "ip_address")


def cool_off_minutes(request=None):
    """How long a lock lasts, in whole minutes."""
    return int(get_cool_off(request).total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """The page a locked-out client gets instead of the login form (AXES_LOCKOUT_CALLABLE)."""
    context = {
        "minutes": cool_off_minutes(request),
        "failure_limit": get_failure_limit(request, credentials),
        "contact_email": settings.LOGIN_HELP_EMAIL,
    }
    return render(
        request, "accounts/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE
    )


def active_locks(kind):
    """The user names (kind "username") or addresses ("ip_address") locked out right now.

    Each entry has the value, the number of failed attempts and when the lock ends.
    """
    cool_off = get_cool_off()
    limit = get_failure_limit(None, None)
    rows = (
        AccessAttempt.objects.filter(attempt_time__gte=timezone.now() - cool_off)
        .exclude(**{f"{kind}__isnull": True})
        .values(kind)
        .annotate(failures=Sum("failures_since_start"), last_attempt=Max("attempt_time"))
        .filter(failures__gte=limit)
        .order_by("-last_attempt")
    )
    return [
        {
            "value": row[kind],
            "failures": row["failures"],
            "last_attempt": row["last_attempt"],
            "locked_until": row["last_attempt"] + cool_off,
        }
        for row in rows
    ]


def unlock(kind, value):
    """Forget the failed attempts of this user name or address; returns how many there were."""
    if kind == "username":
        return reset(username=value)
    if kind == "ip_address":
        return reset(ip=value)
    raise ValueError(f"unknown lock kind: {kind}")
