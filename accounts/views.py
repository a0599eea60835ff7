"""Admin view of the current login locks, where the administration can lift one."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from accounts.lockout import LOCK_KINDS, active_locks, cool_off_minutes, unlock

# Whoever may edit user accounts may also lift their lock.
UNLOCK_PERMISSION = "auth.change_user"


def can_unlock(user):
    return user.has_perm(UNLOCK_PERMISSION)


class LockoutIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The user names and addresses locked out now, each with a button to unlock it."""

    template_name = "accounts/admin/lockouts.html"
    page_title = gettext_lazy("Anmeldesperren")
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not can_unlock(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            usernames=active_locks("username"),
            addresses=active_locks("ip_address"),
            minutes=cool_off_minutes(),
            **kwargs,
        )

    def post(self, request):
        kind = request.POST.get("kind")
        value = request.POST.get("value", "").strip()
        if kind not in LOCK_KINDS or not value:
            messages.error(request, _("Unbekannte Sperre."))
            return redirect("accounts_lockouts")
        if unlock(kind, value):
            if kind == "username":
                # In the audit trail of the account, if the name belongs to one.
                for user in get_user_model().objects.filter(username=value):
                    log(instance=user, action="accounts.unlock", user=request.user)
            messages.success(
                request, _("Die Sperre für „%(value)s“ ist aufgehoben.") % {"value": value}
            )
        else:
            messages.warning(
                request, _("Für „%(value)s“ bestand keine Sperre mehr.") % {"value": value}
            )
        return redirect(reverse("accounts_lockouts"))
