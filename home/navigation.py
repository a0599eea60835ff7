"""The site chrome of a public page: district, menu, breadcrumbs, languages and footer links.

Everything here is computed in a fixed number of queries, whatever the number of menu pages,
translations or footer links, so that menus never cost one query per item.
"""

from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Page, Site

from home import request_memo
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

    # The fields the chrome's page links need.
    PAGE_FIELDS = (
        "id",
        "title",
        "path",
        "depth",
        "numchild",
        "url_path",
        "translation_key",
        "live",
        "show_in_menus",
        "locale_id",
    )

    @cached_property
    def _routed_home(self):
        """The home page whose tree the request was routed through (home.routing), when it
        is this district's: the menu's pages are then read with the other pages."""
        home = getattr(self.request, "_localized_home", None)
        if home is None or not self.site:
            return None
        return home if home.translation_key == self.site.root_page.translation_key else None

    @cached_property
    def _pages(self):
        """All pages the chrome links to, in one query: the live translations of the current
        page and of the district's home page, the pages the district settings link (with
        their live translations), the menu's pages when the request was routed through the
        home page, and the current page's ancestors from the home page's depth on (the
        breadcrumbs, live or not, as Wagtail's `get_ancestors`).

        A UNION of one simple SELECT per part, so that the database finds each by an index
        (one condition with ORs made it read the whole page table)."""
        if not self.site:
            return []
        root = self.site.root_page
        keys = {root.translation_key}
        if self.page is not None:
            keys.add(self.page.translation_key)
        parts = [Page.objects.filter(live=True, translation_key__in=keys)]
        legal_ids = [page_id for _field, page_id in self._legal_fields]
        locales = request_memo.locales()
        reader_locale = locales.get(self.language_code)
        if legal_ids:
            parts.append(Page.objects.filter(id__in=legal_ids, live=True))
            if reader_locale is not None:
                originals = Page.objects.filter(id__in=legal_ids).values("translation_key")
                parts.append(
                    Page.objects.filter(
                        live=True, locale_id=reader_locale.pk, translation_key__in=originals
                    )
                )
        if self._routed_home is not None:
            parts.append(
                Page.objects.child_of(self._routed_home).filter(live=True, show_in_menus=True)
            )
        if self.page is not None and self.page.depth > root.depth:
            path, steplen = self.page.path, Page.steplen
            paths = [path[: depth * steplen] for depth in range(root.depth, self.page.depth)]
            parts.append(Page.objects.filter(path__in=paths))
        parts = [part.order_by().only(*self.PAGE_FIELDS) for part in parts]
        pages = list(parts[0].union(*parts[1:]).order_by("path"))
        # Each page's language from the request's list of locales, without a join.
        by_id = {locale.pk: locale for locale in locales.values()}
        locale_field = Page._meta.get_field("locale")
        for page in pages:
            locale_field.set_cached_value(page, by_id[page.locale_id])
        return pages

    @cached_property
    def _translations(self):
        """Live translations of the current page and of the district's home page, by key."""
        if not self.site:
            return {}
        keys = {self.site.root_page.translation_key}
        if self.page is not None:
            keys.add(self.page.translation_key)
        by_key = {}
        for page in self._pages:
            if page.live and page.translation_key in keys:
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
            for item in self._menu_pages()
        ]

    def _menu_pages(self):
        """The live, public children of the home page shown in the menu."""
        home = self.home
        if self._routed_home is None or self._routed_home.pk != home.pk:
            return list(home.get_children().live().in_menu().public())
        private = [restriction.page.path for restriction in request_memo.view_restrictions()]
        return [
            page
            for page in self._pages
            if page.live
            and page.show_in_menus
            and page.depth == home.depth + 1
            and page.path.startswith(home.path)
            and not any(page.path.startswith(path) for path in private)
        ]

    @cached_property
    def breadcrumbs(self):
        if self.page is None or not self.home or self.page.depth <= self.home.depth:
            return []
        paths = {self.page.path[: depth * Page.steplen] for depth in range(1, self.page.depth)}
        return [
            page for page in self._pages if page.path in paths and page.depth >= self.home.depth
        ]

    def _url(self, page):
        return page.get_url(self.request) if page is not None else ""

    @cached_property
    def locale_codes(self):
        """{locale id: language code} (the request's list of locales, read once)."""
        return request_memo.locale_codes()

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
    def _legal_fields(self):
        """(settings field, page id) of the pages the district settings link."""
        district = self.settings
        if district is None:
            return []
        return [
            (field, getattr(district, f"{field}_id"))
            for field, _label in DistrictSettings.FOOTER_LINKS
            if getattr(district, f"{field}_id")
        ]

    @cached_property
    def legal_links(self):
        """Legal and accessibility pages by settings field, in the reader's language if any."""
        fields = self._legal_fields
        if not fields:
            return {}
        labels = dict(DistrictSettings.FOOTER_LINKS)
        ids = {page_id for _field, page_id in fields}
        by_id = {}
        by_key = {}
        for page in self._pages:
            if not page.live:
                continue
            if page.id in ids:
                by_id[page.id] = page
            if page.locale.language_code == self.language_code:
                by_key[page.translation_key] = page
        links = {}
        for field, page_id in fields:
            original = by_id.get(page_id)
            if original is None:
                continue
            page = by_key.get(original.translation_key, original)
            links[field] = FooterLink(
                label=labels[field], url=self._url(page), language_code=page.locale.language_code
            )
        return links
