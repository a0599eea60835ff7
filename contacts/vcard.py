"""vCards (version 3.0, UTF-8) that phone and desktop address books import."""

import vobject

from django.utils.translation import gettext as _


def _name_parts(name):
    """Family and given name of a person's name; a function ("Integrationsbeauftragte")
    keeps its whole name as the family part."""
    parts = name.split()
    if len(parts) < 2:
        return name, ""
    return parts[-1], " ".join(parts[:-1])


def contact_vcard(contact):
    """The vCard text of one public contact, in the language of its version."""
    card = vobject.vCard()
    card.add("fn").value = contact.name
    family, given = _name_parts(contact.name)
    card.add("n").value = vobject.vcard.Name(family=family, given=given)
    if contact.position:
        card.add("title").value = contact.position
    organisation = contact.organisation
    if organisation is not None:
        units = [organisation.name]
        if organisation.parent_id:
            units.insert(0, organisation.parent.name)
        card.add("org").value = units
    for number, kinds in (
        (contact.phone, ["WORK", "VOICE"]),
        (contact.mobile, ["CELL", "VOICE"]),
        (contact.fax, ["WORK", "FAX"]),
    ):
        if number:
            line = card.add("tel")
            line.value = number
            line.type_param = kinds
    if contact.email:
        line = card.add("email")
        line.value = contact.email
        line.type_param = ["INTERNET", "WORK"]
    if contact.website:
        card.add("url").value = contact.website
    location = contact.location
    if location is not None:
        extended = location.name
        if contact.room:
            extended = f"{extended}, {_('Raum')} {contact.room}"
        address = card.add("adr")
        address.value = vobject.vcard.Address(
            street=location.street,
            city=location.city,
            code=location.postcode,
            country="Deutschland",
            extended=extended,
        )
        address.type_param = ["WORK"]
    notes = []
    if contact.office_hours:
        hours = ", ".join(
            f"{slot.value.day_label()} {slot.value['opens']:%H:%M}–{slot.value['closes']:%H:%M}"
            for slot in contact.office_hours
        )
        notes.append(f"{_('Sprechzeiten')}: {hours}")
    if contact.office_hours_note:
        notes.append(contact.office_hours_note)
    if contact.languages:
        names = ", ".join(language.name for language in contact.spoken_languages())
        notes.append(f"{_('Gesprochene Sprachen')}: {names}")
    if notes:
        card.add("note").value = "\n".join(notes)
    card.add("uid").value = f"urn:uuid:{contact.translation_key}"
    return card.serialize()
