"""Office hours as structured days and times."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home import text_blocks

WEEKDAYS = [
    ("mo", _("Montag")),
    ("tu", _("Dienstag")),
    ("we", _("Mittwoch")),
    ("th", _("Donnerstag")),
    ("fr", _("Freitag")),
    ("sa", _("Samstag")),
]


class OfficeHoursValue(blocks.StructValue):
    """An opening slot with its weekday named in the reader's language."""

    def day_label(self):
        return dict(WEEKDAYS).get(self.get("day"), "")


class OfficeHoursBlock(blocks.StructBlock):
    """One opening slot: a weekday with its opening and closing time."""

    day = blocks.ChoiceBlock(label=_("Tag"), choices=WEEKDAYS)
    opens = blocks.TimeBlock(label=_("von"))
    closes = blocks.TimeBlock(label=_("bis"))

    class Meta:
        icon = "time"
        label = _("Sprechzeit")
        value_class = OfficeHoursValue

    def clean(self, value):
        value = super().clean(value)
        if value.get("opens") and value.get("closes") and value["closes"] <= value["opens"]:
            raise blocks.StructBlockValidationError(
                block_errors={"closes": [_("Das Ende muss nach dem Beginn liegen.")]}
            )
        return value


class OfficeHoursStreamBlock(blocks.StreamBlock):
    """A contact's office hours, one slot per weekday and time span."""

    slot = OfficeHoursBlock()


class ContactChooserBlock(text_blocks.SynchronisedSnippetChooserBlock):
    """Chooses a contact; synchronised, since each reader sees the contact in their language."""

    def __init__(self, **kwargs):
        super().__init__("contacts.Contact", **kwargs)


class ContactBlockValue(blocks.StructValue):
    """The chosen contact as a list, ready for the "Kontakt" box template."""

    def contacts(self):
        contact = self.get("contact")
        return [contact] if contact is not None else []


class ContactBlock(blocks.StructBlock):
    """The "Kontakt" box of the seeds: who to call, with a link to the directory entry."""

    heading = text_blocks.CharBlock(
        label=_("Überschrift"),
        required=False,
        max_length=100,
        help_text=_("Leer lassen für „Kontakt“."),
    )
    contact = ContactChooserBlock(label=_("Kontakt"))

    class Meta:
        icon = "user"
        template = "components/streamfield/blocks/contact_block.html"
        label = _("Kontakt")
        value_class = ContactBlockValue
        description = _(
            "Ein Kasten mit Name, Funktion, Telefon, E-Mail und Raum einer Ansprechperson."
        )
        preview_value = {"heading": "Kontakt"}
