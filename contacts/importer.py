"""Import contacts from a CSV file: every line is checked first, and nothing is written
unless every line is valid.

The file is UTF-8 (with or without byte order mark), separated by commas or semicolons,
with a header line naming the columns (see COLUMNS; only "name" is required).
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail.models import Locale

from contacts.languages import LANGUAGE_NAMES
from contacts.models import Contact, Location, Organisation
from contacts.phone import normalize_phone

COLUMNS = [
    "name",
    "position",
    "organisation",
    "phone",
    "fax",
    "mobile",
    "email",
    "website",
    "building",
    "room",
    "languages",
    "office_hours_note",
    "public",
]
REQUIRED_COLUMNS = ["name"]
TRUE_VALUES = {"", "ja", "yes", "true", "1", "öffentlich", "x"}
FALSE_VALUES = {"nein", "no", "false", "0", "intern"}


class LineError(Exception):
    """One line of the file that cannot be imported, and why."""

    def __init__(self, line, message):
        super().__init__(line, message)
        self.line = line
        self.message = message

    def __str__(self):
        return _("Zeile %(line)s: %(message)s") % {"line": self.line, "message": self.message}


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors


def _duplicate_key(name, email):
    return (name.strip().casefold(), email.strip().casefold())


def _split_codes(value):
    """Language codes separated by semicolons, commas, bars or spaces ("ar;tr", "ar tr")."""
    return [code.lower() for code in re.split(r"[\s,;|]+", value) if code]


def read_rows(data):
    """(line number, row) pairs of a CSV file given as bytes or text; raises LineError."""
    if isinstance(data, bytes):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            raise LineError(
                line,
                _("Die Datei ist nicht in UTF-8 gespeichert. Bitte als „CSV UTF-8“ speichern."),
            ) from error
    else:
        text = data.lstrip("\ufeff")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [(column or "").strip().lower() for column in reader.fieldnames or []]
    unknown = [column for column in header if column not in COLUMNS]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if not header or unknown or missing:
        parts = []
        if missing or not header:
            parts.append(
                _("Es fehlt die Spalte „%(columns)s“.")
                % {"columns": ", ".join(missing or REQUIRED_COLUMNS)}
            )
        if unknown:
            parts.append(_("Unbekannte Spalten: %(columns)s.") % {"columns": ", ".join(unknown)})
        parts.append(_("Erlaubt sind: %(columns)s.") % {"columns": ", ".join(COLUMNS)})
        raise LineError(1, " ".join(parts))
    reader.fieldnames = header
    rows = []
    for row in reader:
        if None in row:
            raise LineError(reader.line_num, _("Die Zeile hat mehr Felder als die Kopfzeile."))
        rows.append((reader.line_num, {key: (value or "").strip() for key, value in row.items()}))
    return rows


class ContactImporter:
    """Checks and imports the contacts of one district (site) in German."""

    def __init__(self, site):
        self.site = site
        self.locale = Locale.get_default()
        self.organisations = {
            organisation.name.casefold(): organisation
            for organisation in Organisation.objects.filter(site=site, locale=self.locale)
        }
        self.locations = {
            location.name.casefold(): location
            for location in Location.objects.filter(site=site, locale=self.locale)
        }
        self.existing = {
            _duplicate_key(name, email)
            for name, email in Contact.objects.filter(site=site, locale=self.locale).values_list(
                "name", "email"
            )
        }

    def run(self, data, dry_run=False):
        result = ImportResult()
        try:
            rows = read_rows(data)
        except LineError as error:
            result.errors.append(error)
            return result
        if not rows:
            result.errors.append(LineError(1, _("Die Datei enthält keine Kontakte.")))
            return result
        contacts = []
        seen = {}
        for line, row in rows:
            contact, messages = self.build(row)
            key = _duplicate_key(row.get("name", ""), row.get("email", ""))
            if key in seen:
                messages.append(
                    _("Doppelt in der Datei (wie Zeile %(line)s).") % {"line": seen[key]}
                )
            elif key in self.existing:
                messages.append(_("Diesen Kontakt gibt es in diesem Landkreis schon."))
            seen.setdefault(key, line)
            for message in messages:
                result.errors.append(LineError(line, message))
            contacts.append(contact)
        if result.errors or dry_run:
            return result
        with transaction.atomic():
            for contact in contacts:
                contact.save()
                result.created.append(contact)
        return result

    def build(self, row):
        """A Contact from one line, and the reasons the line is refused."""
        messages = []
        name = row.get("name", "")
        if not name:
            messages.append(_("Der Name fehlt."))
        contact = Contact(
            name=name,
            position=row.get("position", ""),
            room=row.get("room", ""),
            office_hours_note=row.get("office_hours_note", ""),
            site=self.site,
            locale=self.locale,
        )
        for column in ("phone", "fax", "mobile"):
            try:
                setattr(contact, column, normalize_phone(row.get(column, "")))
            except ValidationError as error:
                label = Contact._meta.get_field(column).verbose_name
                messages.append(f"{label}: {' '.join(error.messages)}")
        email = row.get("email", "")
        if email:
            try:
                validate_email(email)
                contact.email = email
            except ValidationError:
                messages.append(
                    _("„%(value)s“ ist keine gültige E-Mail-Adresse.") % {"value": email}
                )
        website = row.get("website", "")
        if website:
            try:
                URLValidator()(website)
                contact.website = website
            except ValidationError:
                messages.append(
                    _("„%(value)s“ ist keine gültige Internetadresse.") % {"value": website}
                )
        organisation = row.get("organisation", "")
        if organisation:
            contact.organisation = self.organisations.get(organisation.casefold())
            if contact.organisation is None:
                messages.append(_("Unbekannte Organisation „%(value)s“.") % {"value": organisation})
        building = row.get("building", "")
        if building:
            contact.location = self.locations.get(building.casefold())
            if contact.location is None:
                messages.append(_("Unbekanntes Gebäude „%(value)s“.") % {"value": building})
        codes = _split_codes(row.get("languages", ""))
        unknown = [code for code in codes if code not in LANGUAGE_NAMES]
        if unknown:
            messages.append(
                _("Unbekannte Sprachkürzel: %(codes)s.") % {"codes": ", ".join(unknown)}
            )
        contact.languages = [code for code in dict.fromkeys(codes) if code in LANGUAGE_NAMES]
        public = row.get("public", "").casefold()
        if public in TRUE_VALUES:
            contact.is_public = True
        elif public in FALSE_VALUES:
            contact.is_public = False
        else:
            messages.append(
                _("„%(value)s“ in der Spalte „public“: bitte „ja“ oder „nein“.")
                % {"value": row.get("public", "")}
            )
        for field_name in ("name", "position", "room", "office_hours_note"):
            max_length = Contact._meta.get_field(field_name).max_length
            if len(getattr(contact, field_name)) > max_length:
                label = Contact._meta.get_field(field_name).verbose_name
                messages.append(
                    _("%(field)s ist länger als %(max)s Zeichen.")
                    % {"field": label, "max": max_length}
                )
        return contact, messages
