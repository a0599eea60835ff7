"""Phone and e-mail links that stay readable in right-to-left pages, and the "Kontakt" box."""

from django import template
from django.core.exceptions import ValidationError
from django.utils.html import format_html

from contacts.directory import contact_entries
from contacts.phone import display_phone, normalize_phone
from home.templatetags.bidi import ltr

register = template.Library()


@register.filter
def phone_link(e164):
    """A tap-to-call link: tel: in international form, the German display form kept
    left-to-right inside Arabic and Persian text."""
    if not e164:
        return ""
    try:
        e164 = normalize_phone(e164)
    except ValidationError:
        return ltr(e164)
    return format_html('<a class="kern-link" href="tel:{}">{}</a>', e164, ltr(display_phone(e164)))


@register.filter
def phone_text(e164):
    """A number that is not called (fax), kept left-to-right."""
    if not e164:
        return ""
    try:
        return ltr(display_phone(normalize_phone(e164)))
    except ValidationError:
        return ltr(e164)


@register.filter
def email_link(address):
    if not address:
        return ""
    return format_html('<a class="kern-link" href="mailto:{}">{}</a>', address, ltr(address))


@register.simple_tag(takes_context=True)
def localized_contact_entries(context, contacts):
    """The reader's versions of these contacts with links to their directory entries
    (contacts a page has already localised are shown as they are)."""
    return contact_entries(contacts or [], context.get("request"))
