from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def ensure_locales(**kwargs):
    """Create a Wagtail locale for every configured content language (idempotent)."""
    from django.conf import settings

    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Startseite und allgemeine Seiten")

    def ready(self):
        from home import request_memo, routing

        post_migrate.connect(ensure_locales, sender=self)
        request_memo.install()
        routing.install()
