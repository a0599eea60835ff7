"""Template tags of the translation workflow for the public site."""

from django import template

from translations.status import source_is_newer as newer_german_page

register = template.Library()


@register.simple_tag
def source_is_newer(page):
    """The live German page if it is newer than this translated page, else None (one query
    on translated pages, none on German ones)."""
    return newer_german_page(page)
