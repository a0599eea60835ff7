from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PageCacheConfig(AppConfig):
    name = "pagecache"
    verbose_name = _("Seiten-Cache")

    def ready(self):
        from pagecache import signals  # noqa: F401
