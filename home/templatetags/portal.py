from django import template

from home.navigation import SiteChrome

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context, page=None):
    """Header and footer data for the current request (see home.navigation.SiteChrome)."""
    return SiteChrome(context["request"], page)
