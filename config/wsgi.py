import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = get_wsgi_application()

# Cached pages for anonymous readers are answered before Django's request handling.
from pagecache.wsgi import PageCacheApplication  # noqa: E402

application = PageCacheApplication(application)
