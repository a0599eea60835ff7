from django import template

from home.navigation import SiteChrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context, page=None):
    """Header and footer data for the current request (see home.navigation.SiteChrome); the
    view's own, if it made one for the same page (the search page does)."""
    chrome = context.get("chrome")
    if isinstance(chrome, SiteChrome) and chrome.page == (page or None):
        return chrome
    return SiteChrome(context["request"], page)
