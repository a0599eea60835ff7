"""Office hours as structured days and times."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

WEEKDAYS = [
    ("mo", _("Montag")),
    ("tu", _("Dienstag")),
    ("we", _("Mittwoch")),
    ("th", _("Donnerstag")),
    ("fr", _("Freitag")),
    ("sa", _("Samstag")),
]


class OfficeHoursBlock(blocks.StructBlock):
    """One opening slot: a weekday with its opening and closing time."""

    day = blocks.ChoiceBlock(label=_("Tag"), choices=WEEKDAYS)
    opens = blocks.TimeBlock(label=_("von"))
    closes = blocks.TimeBlock(label=_("bis"))

    class Meta:
        icon = "time"
        label = _("Sprechzeit")

    def clean(self, value):
        value = super().clean(value)
        if value.get("opens") and value.get("closes") and value["closes"] <= value["opens"]:
            raise blocks.StructBlockValidationError(
                block_errors={"closes": [_("Das Ende muss nach dem Beginn liegen.")]}
            )
        return value


class OfficeHoursStreamBlock(blocks.StreamBlock):
    slot = OfficeHoursBlock()
