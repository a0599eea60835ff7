from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from accounts.views import LockoutIndexView, can_unlock


@hooks.register("register_admin_urls")
def register_lockout_urls():
    return [path("anmeldesperren/", LockoutIndexView.as_view(), name="accounts_lockouts")]


class LockoutMenuItem(MenuItem):
    def is_shown(self, request):
        return can_unlock(request.user)


@hooks.register("register_settings_menu_item")
def register_lockout_menu_item():
    return LockoutMenuItem(
        _("Anmeldesperren"), reverse("accounts_lockouts"), icon_name="lock", order=610
    )


@hooks.register("register_log_actions")
def register_unlock_log_action(actions):
    actions.register_action(
        "accounts.unlock", _("Anmeldesperre aufheben"), _("Anmeldesperre aufgehoben")
    )
