"""Settings shared by every environment. Holds no secret and never turns DEBUG on."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from config.search_backend import search_backend

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "home",
    "contacts",
    "concept",
    "news",
    "events",
    "participation",
    "translations",
    "roles",
    "search",
    "accounts",
    "pagecache",
    "benchmark",
    "wagtail_localize",
    "wagtail_localize.locales",
    "django_tasks",
    "django_tasks_db",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before sessions and the site lookup: a cached page costs no database query.
    "pagecache.middleware.PageCacheMiddleware",
    "home.request_memo.RequestMemoMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "home.rich_text.CurrentRequestMiddleware",
    "home.admin_language.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a lock-out into its page (accounts/lockout.py).
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under data/ by default; DATABASE_URL for PostgreSQL in production and CI.
if not os.environ.get("DATABASE_URL"):
    DATA_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise. The page cache (pagecache/) has
# its own alias, so that its many small entries never push out what Wagtail and Django keep in
# the default cache (site root paths, rate limits).
REDIS_URL = os.environ.get("REDIS_URL", "")
LOCAL_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pagecache": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pagecache",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
if REDIS_URL:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
        for alias, prefix in (
            ("default", "integrationsportal"),
            ("pagecache", "integrationsportal-pages"),
        )
    }
else:
    CACHES = LOCAL_CACHES

# Whole public pages for anonymous readers (pagecache/): on unless PAGE_CACHE=0; in Redis when
# REDIS_URL is set (shared by all workers), else in each process's memory.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))
PAGE_CACHE_EXCLUDE = [
    r"^/admin/",
    r"^/django-admin/",
    r"^/documents/",
    r"^/static/",
    r"^/media/",
    r"^/[^/]+/search/",
]
# Cached HTML pages also as files for nginx in front (pagecache/files.py, `manage.py
# page_cache_nginx`); off unless set. Needs Redis: the index of which file shows what is shared.
PAGE_CACHE_FILES_DIR = os.environ.get("PAGE_CACHE_FILES_DIR", "")
# A reverse proxy or CDN in front (Varnish, nginx, …) is purged by Wagtail's front-end cache
# invalidation when FRONTEND_CACHE_PURGE_URL is set; off by default.
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in protection (README "Rollen, Freigabe und Anmeldung"). django-axes counts failed
# logins in the database; after AXES_FAILURE_LIMIT failures within the cool-off the user name
# AND, separately, the client address are locked (per user: another address does not help;
# per address: another user name does not help). Every further attempt extends the lock.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_CALLABLE = "accounts.lockout.lockout_response"
# The client address as for the suggestion form's rate limit (home/client.py): REMOTE_ADDR,
# or X-Forwarded-For counted from the right behind TRUSTED_PROXY_COUNT reverse proxies.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "home.client.client_address"
# Only failed attempts are kept, and only until their cool-off has passed; no log of logins.
AXES_DISABLE_ACCESS_LOG = True
AXES_HTTP_RESPONSE_CODE = 429
# Whom the lock-out page names for help (empty: "the administration" without an address).
LOGIN_HELP_EMAIL = os.environ.get("LOGIN_HELP_EMAIL", "")

# An admin session lasts 8 hours and, unless "Für das nächste Mal merken" was ticked at the
# login, also ends when the browser closes; then Wagtail asks for the password again.
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_COOKIE_AGE", str(8 * 60 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Date formats of some languages adjusted for running text (config/formats/).
FORMAT_MODULE_PATH = ["config.formats"]

# Languages: German is the source; the reader languages are configuration.
# Each language is named in itself (the language switcher shows these names).
LANGUAGE_NAMES = {
    "de": "Deutsch",
    "en": "English",
    "ar": "العربية",
    "fa": "فارسی",
    "tr": "Türkçe",
    "uk": "Українська",
    "ru": "Русский",
}
LANGUAGE_CODE = "de"
LANGUAGES = [
    (code, LANGUAGE_NAMES.get(code, code))
    for code in env_list("CONTENT_LANGUAGES", ",".join(LANGUAGE_NAMES))
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# "Übersetzen" creates drafts: a translation goes live when its translator publishes it, not
# at once in German because the source is live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Berlin"
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static files: our own and the self-hosted front-end packages from npm.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("kern", NODE_MODULES / "@kern-ux" / "native" / "dist"),
    ("fonts/noto-sans-arabic", NODE_MODULES / "@fontsource" / "noto-sans-arabic"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# E-mail: console in development, SMTP from the environment in production.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "integrationsportal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Approval e-mails go to the approving groups and the submitter, not to every superuser.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# The last approval publishes, also when the approver has no publishing rights of their own.
WAGTAIL_FINISH_WORKFLOW_ACTION = "roles.workflows.publish_approved"

# Wagtail
WAGTAIL_SITE_NAME = "Integrationsportal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": search_backend(os.environ, DATABASES["default"]["ENGINE"])}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "pptx", "csv", "txt", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch"), ("en", "English")]
WAGTAIL_USER_TIME_ZONES = ["Europe/Berlin"]
WAGTAILEMBEDS_FINDERS = []
# No Gravatar and no update check: editors' browsers contact no third party either.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAILAPI_LIMIT_MAX = 100

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Background tasks (Django's task framework as Wagtail 8 installs it, `django_tasks`).
# Wagtail's own tasks keep running immediately in the request, as before; machine translation
# goes to the database queue "translations", worked off by `manage.py db_worker` (README).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "translations": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["machine_translation"],
    },
}

# Machine translation: DeepL when a key is set, otherwise off (wagtail-localize then shows no
# machine translation button). Free-plan keys end in ":fx" and reach DeepL's free API.
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
if DEEPL_AUTH_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": DEEPL_AUTH_KEY,
            "SERVER_URL": os.environ.get("DEEPL_SERVER_URL", ""),
            # Seconds per request to DeepL, and how often a failed request is retried.
            "TIMEOUT": float(os.environ.get("DEEPL_TIMEOUT", "30")),
            "MAX_RETRIES": int(os.environ.get("DEEPL_MAX_RETRIES", "3")),
            # An office addresses its readers formally ("Sie") where the language knows it.
            "FORMALITY": os.environ.get("DEEPL_FORMALITY", "prefer_more"),
        },
    }
