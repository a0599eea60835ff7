"""The contacts directory: organisations, buildings, contacts, the directory page and the
contacts a page names ("Kontakt" box)."""

from contacts.models.pages import ContactDirectoryPage, PageContact
from contacts.models.snippets import (
    Contact,
    ContactTopic,
    Location,
    Organisation,
    SpokenLanguage,
)

__all__ = [
    "Contact",
    "ContactDirectoryPage",
    "ContactTopic",
    "Location",
    "Organisation",
    "PageContact",
    "SpokenLanguage",
]
