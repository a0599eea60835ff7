from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RolesConfig(AppConfig):
    name = "roles"
    verbose_name = _("Rollen und Freigabe")

    def ready(self):
        from roles import signals
        from roles.permissions import register_snippet_policies

        register_snippet_policies()
        signals.connect()
