"""The site chrome of a public page: district, menu, breadcrumbs, languages and footer links.

Everything here is computed in a fixed number of queries, whatever the number of menu pages,
translations or footer links, so that menus never cost one query per item.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page, Site

from home.models import DistrictSettings
from pagecache.tags import depends_on_children

RTL_LANGUAGES = set(settings.LANGUAGES_BIDI)


def text_direction(language_code):
    """Return "rtl" for right-to-left languages (Arabic, Persian), else "ltr"."""
    return "rtl" if language_code.split("-")[0] in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class LanguageOption:
    """One entry of the language switcher."""

    code: str
    name: str
    url: str
    is_current: bool
    has_translation: bool

    @property
    def direction(self):
        return text_direction(self.code)


@dataclass(frozen=True)
class FooterLink:
    label: str
    url: str
    language_code: str


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    is_current: bool
    is_ancestor: bool
    # Set when the reader's language has no home page and the menu shows German pages.
    language_code: str = ""

    @property
    def direction(self):
        return text_direction(self.language_code) if self.language_code else ""


class SiteChrome:
    """Header and footer data of one request; each part is computed once, on first use."""

    def __init__(self, request, page=None):
        self.request = request
        self.page = page or None  # templates without a page pass ""
        self.language_code = translation.get_language() or settings.LANGUAGE_CODE

    @property
    def direction(self):
        return text_direction(self.language_code)

    @cached_property
    def site(self):
        return Site.find_for_request(self.request)

    @cached_property
    def settings(self):
        return DistrictSettings.for_request(self.request) if self.site else None

    @cached_property
    def _translations(self):
        """Live translations of the current page and of the district's home page, by key."""
        if not self.site:
            return {}
        keys = {self.site.root_page.translation_key}
        if self.page is not None:
            keys.add(self.page.translation_key)
        pages = (
            Page.objects.live()
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only(
                "id", "title", "path", "depth", "numchild", "url_path", "translation_key", "locale"
            )
        )
        by_key = {}
        for page in pages:
            by_key.setdefault(page.translation_key, {})[page.locale.language_code] = page
        return by_key

    @cached_property
    def home_translations(self):
        return self._translations.get(self.site.root_page.translation_key, {}) if self.site else {}

    @cached_property
    def page_translations(self):
        if self.page is None:
            return {}
        return self._translations.get(self.page.translation_key, {})

    @cached_property
    def home(self):
        """The district's home page in the reader's language, else in German."""
        if not self.site:
            return None
        return self.home_translations.get(self.language_code) or self.site.root_page

    @cached_property
    def content_language(self):
        """The language the page's content is written in (may differ from the reader's)."""
        if self.page is not None:
            return self.page.locale.language_code
        return self.language_code

    @property
    def content_direction(self):
        return text_direction(self.content_language)

    @property
    def content_is_fallback(self):
        return self.content_language != self.language_code

    @cached_property
    def home_language(self):
        """The language of the home page whose menu is shown ("" if there is none)."""
        if not self.home:
            return ""
        for code, page in self.home_translations.items():
            if page.id == self.home.id:
                return code
        return settings.LANGUAGE_CODE

    @cached_property
    def menu_items(self):
        if not self.home:
            return []
        current_path = self.page.path if self.page is not None else ""
        # Without a home page in the reader's language the menu lists the German pages:
        # each entry then says so instead of leading to German text unannounced.
        language = self.home_language if self.home_language != self.language_code else ""
        depends_on_children(self.home)
        return [
            MenuItem(
                title=item.title,
                url=self._url(item),
                is_current=self.page is not None and item.id == self.page.id,
                is_ancestor=current_path.startswith(item.path) and current_path != item.path,
                language_code=language,
            )
            for item in self.home.get_children().live().in_menu().public()
        ]

    @cached_property
    def breadcrumbs(self):
        if self.page is None or not self.home or self.page.depth <= self.home.depth:
            return []
        return list(self.page.get_ancestors().filter(depth__gte=self.home.depth))

    def _url(self, page):
        return page.get_url(self.request) if page is not None else ""

    @cached_property
    def locale_codes(self):
        """{locale id: language code}; read (in one query) only when a page shows something
        in another language than its own."""
        return dict(Locale.objects.values_list("pk", "language_code"))

    def other_language(self, obj):
        """The language code of a page or snippet shown here that is not in the language of
        the text around it (an untranslated German entry on an Arabic page), else "".

        Free of queries whenever the object is in the page's own language."""
        locale_id = getattr(obj, "locale_id", None)
        if locale_id is None:
            return ""
        if self.page is not None and locale_id == self.page.locale_id:
            return ""
        code = self.locale_codes.get(locale_id, "")
        return "" if code == self.content_language else code

    @cached_property
    def languages(self):
        options = []
        for code, name in settings.LANGUAGES:
            if self.page is not None:
                target = self.page_translations.get(code)
                url = self._url(target) if target else self._url(self.home_translations.get(code))
                has_translation = target is not None
            else:
                url = translate_url(self.request.get_full_path(), code)
                has_translation = True
            if not url:
                url = f"/{code}/"
            options.append(
                LanguageOption(
                    code=code,
                    name=name,
                    url=url,
                    is_current=code == self.language_code,
                    has_translation=has_translation,
                )
            )
        return options

    @cached_property
    def alternates(self):
        """hreflang alternates: every language this page exists in, plus x-default (German)."""
        if self.page is None:
            return []
        absolute = self.request.build_absolute_uri
        links = [(code, absolute(self._url(page))) for code, page in self.page_translations.items()]
        default = self.page_translations.get(settings.LANGUAGE_CODE)
        if default is not None:
            links.append(("x-default", absolute(self._url(default))))
        return links

    @cached_property
    def footer_links(self):
        return list(self.legal_links.values())

    @cached_property
    def legal_links(self):
        """Legal and accessibility pages by settings field, in the reader's language if any."""
        district = self.settings
        if district is None:
            return {}
        fields = [
            (field, label)
            for field, label in DistrictSettings.FOOTER_LINKS
            if getattr(district, f"{field}_id")
        ]
        ids = [getattr(district, f"{field}_id") for field, _label in fields]
        originals = Page.objects.filter(id__in=ids).values("translation_key")
        candidates = (
            Page.objects.live()
            .filter(translation_key__in=originals)
            .filter(Q(locale__language_code=self.language_code) | Q(id__in=ids))
            .select_related("locale")
            .only("id", "title", "path", "depth", "url_path", "translation_key", "locale")
        )
        by_id = {}
        by_key = {}
        for page in candidates:
            by_id[page.id] = page
            if page.locale.language_code == self.language_code:
                by_key[page.translation_key] = page
        links = {}
        for (field, label), page_id in zip(fields, ids, strict=True):
            original = by_id.get(page_id)
            if original is None:
                continue
            page = by_key.get(original.translation_key, original)
            links[field] = FooterLink(
                label=label, url=self._url(page), language_code=page.locale.language_code
            )
        return links
