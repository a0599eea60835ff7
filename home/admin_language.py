"""The admin speaks the editors' language, whatever the browser asks for."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from wagtail.admin.localization import get_available_admin_languages


class AdminLanguageMiddleware:
    """Keeps the admin (its login page included) in German, or in another language of
    WAGTAILADMIN_PERMITTED_LANGUAGES that the editor's browser prefers.

    Django's LocaleMiddleware picks the browser's language from every content language;
    Wagtail only corrects that for editors who already have a profile, so an editor with an
    Arabic browser would otherwise get a partly Arabic admin on the first day. An editor's
    own choice in "Konto → Sprache" still wins (Wagtail applies it inside the admin views)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def is_admin(self, path):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        return path.startswith(self.admin_prefix)

    def __call__(self, request):
        if self.is_admin(request.path_info):
            permitted = dict(get_available_admin_languages())
            if translation.get_language() not in permitted:
                translation.activate(settings.LANGUAGE_CODE)
                request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)
