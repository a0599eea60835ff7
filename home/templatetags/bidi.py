"""Readable mixed-direction text and honest language marks for the public templates.

`ltr` and `isolate` keep measure numbers, phone numbers, e-mail addresses, URLs, dates and
German names readable inside Arabic and Persian pages. `lang_attrs` and `language_hint` mark
a page or snippet that is shown in another language than the text around it (the German
entry of something not translated yet), so that no reader meets German text unannounced.
"""

import re

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_info

from home.navigation import SiteChrome, text_direction

register = template.Library()


def bidi_isolate(value, direction="", css_class=""):
    """`value` in a <bdi>: isolated from the surrounding text direction, and with a fixed
    direction when given (numbers, phone numbers and addresses always read left to right)."""
    if value is None or value == "":
        return ""
    attrs = format_html(' class="{}"', css_class) if css_class else mark_safe("")
    if direction:
        attrs += format_html(' dir="{}"', direction)
    return format_html("<bdi{}>{}</bdi>", attrs, value)


@register.filter
def ltr(value, css_class=""):
    """A value that reads left to right in every language: "2.5", "07222 381-0", e-mail
    addresses, URLs, "08:30–12:00". Usage: {{ page.full_number|ltr:"measure-number" }}, or
    {% filter ltr %}…markup…{% endfilter %} for several elements."""
    return bidi_isolate(value, "ltr", css_class)


@register.filter
def isolate(value, css_class=""):
    """A value whose direction follows its own first letter: names, streets, rooms and dates
    with month names ("18 يونيو، 2024" in Arabic, "18. Juni 2024" in German)."""
    return bidi_isolate(value, "", css_class)


@register.simple_tag
def isolated_date(value):
    """A date as <time> in the reader's date format, isolated from the text around it."""
    if not value:
        return ""
    from django.utils.dateformat import format as date_format
    from django.utils.formats import date_format as localized

    return bidi_isolate(
        format_html('<time datetime="{}">{}</time>', date_format(value, "Y-m-d"), localized(value))
    )


def _chrome(context):
    """The page's SiteChrome (set by base.html), or one made for this render."""
    chrome = context.get("chrome")
    if isinstance(chrome, SiteChrome):
        return chrome
    cache = context.render_context
    if "bidi_chrome" not in cache:
        cache["bidi_chrome"] = SiteChrome(context.get("request"), context.get("page"))
    return cache["bidi_chrome"]


def _language_of(context, obj):
    """The language `obj` must be marked with here, or "".

    A language code (footer links) is compared with the reader's language; a page or
    snippet with the language of the text around it."""
    if not obj:
        return ""
    chrome = _chrome(context)
    if isinstance(obj, str):
        return "" if obj == chrome.language_code else obj
    return chrome.other_language(obj)


@register.simple_tag(takes_context=True)
def lang_attrs(context, obj, link=False, isolate=True):
    """` lang="de" dir="ltr"` (and `hreflang` for links) on an element showing a page or
    snippet in another language than the text around it; "" otherwise.

    `isolate=False` leaves out `dir`, for a heading that should stay aligned with the page
    (a German name in an Arabic page)."""
    code = _language_of(context, obj)
    if not code:
        return ""
    attrs = format_html(' lang="{}"', code)
    if isolate:
        attrs += format_html(' dir="{}"', text_direction(code))
    if link:
        attrs += format_html(' hreflang="{}"', code)
    return attrs


@register.simple_tag(takes_context=True)
def hreflang(context, obj):
    """` hreflang="de"` on a link to a page in another language than the text around it, for
    links whose text is in the reader's language (a translated link text)."""
    code = _language_of(context, obj)
    return format_html(' hreflang="{}"', code) if code else ""


def language_hint_html(code):
    """The hint "(Deutsch)" in the reader's language, for a link or entry in `code`."""
    reader = translation.get_language() or settings.LANGUAGE_CODE
    try:
        name = get_language_info(code)["name_translated"]
    except KeyError:
        name = code
    return format_html(
        '<span class="language-hint" lang="{}" dir="{}"> ({})</span>',
        reader,
        text_direction(reader),
        name,
    )


@register.simple_tag(takes_context=True)
def language_hint(context, obj):
    """The visible hint "(Deutsch)", in the reader's language, after something shown in
    another language; "" when it is in the language around it."""
    code = _language_of(context, obj)
    return language_hint_html(code) if code else ""


FALLBACK_LINK = re.compile(r'(<a\b[^>]*\sdata-language-hint="([a-z-]+)"[^>]*>)(.*?)(</a>)', re.S)


@register.filter(is_safe=True)
def language_hints(html):
    """Rich text whose links to a page without a translation (see home.rich_text) end with
    the hint "(Deutsch)". Only for rich text Wagtail has already expanded."""
    return mark_safe(  # noqa: S308 - the expanded rich text of the page, marked safe by Wagtail too
        FALLBACK_LINK.sub(
            lambda match: match[1] + match[3] + language_hint_html(match[2]) + match[4],
            str(html),
        )
    )
