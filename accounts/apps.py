from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    """Sign-in protection of the admin: lock-out after failed logins and its unlocking."""

    name = "accounts"
    verbose_name = _("Anmeldung")
