"""Test settings: fast hashing, local memory cache, plain static storage, locmem e-mail."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret-integrationsportal"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = LOCAL_CACHES  # noqa: F405 - never Redis in tests, whatever REDIS_URL says
# Tests change content without always going through Wagtail's signals; the page cache has its
# own tests (tests/pagecache), which switch it on.
PAGE_CACHE_ENABLED = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / "data" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# django-axes stays on; only the test client's login(), which has no request, skips it.
AUTHENTICATION_BACKENDS = [
    "tests.roles.login_backend.TestClientAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# wagtail-localize's dummy translator (reverses the words) instead of DeepL, key or not.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}

# A file, not SQLite's shared in-memory database: the live server of the browser tests then
# uses its own connection and cannot interleave with the test's flush and restore.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # One file per test process, so that parallel runs do not share it.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(BASE_DIR / "data" / f"test-db-{os.getpid()}.sqlite3")  # noqa: F405
    }
