"""What readers see of the contacts: public ones of their district, in their language.

Every function here runs a fixed number of queries, however many contacts a district has.
"""

import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Cast, Coalesce
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, ReferenceIndex, Site

from contacts.languages import LANGUAGE_NAMES, RTL_SPOKEN, SPOKEN_LANGUAGES, language_tag
from home.i18n import localize_all
from home.navigation import text_direction
from pagecache.tags import ANY_PAGE, depends_on, depends_on_model


def sort_key(text):
    """Sorts "Özdemir" with "O" and ignores leading punctuation, as a reader expects."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.casefold().lstrip(" .,-–\"'„“»«()")


def reader_locales():
    """The reader's locale and the source locale (German) to fall back to."""
    return Locale.get_active(), Locale.get_default()


def public_contacts(site, locale=None):
    """Public contacts of a district in the reader's language (or `locale`), German where
    untranslated."""
    from contacts.models import Contact

    active, default = reader_locales()
    active = locale or active
    depends_on_model(Contact)  # a new or changed entry changes every list of contacts
    base = Contact.objects.for_site(site).public()
    if active.pk == default.pk:
        return base.filter(locale=default)
    translated = base.filter(locale=active).values("translation_key")
    return base.filter(Q(locale=active) | (Q(locale=default) & ~Q(translation_key__in=translated)))


class LocalizedContacts(list):
    """Contacts already in the reader's version (see `localize_chosen`): the "Kontakt" box
    shows them without asking the database again."""


def _choose(contacts, versions, active, default):
    """The reader's version of each contact (else the German one, else the contact itself if
    public), each once, in the order of `contacts`."""
    result = LocalizedContacts()
    for contact in contacts:
        found = versions.get(contact.translation_key, {})
        chosen = found.get(active.pk) or found.get(default.pk)
        if chosen is None and contact.is_public:
            chosen = contact
        if chosen is not None and chosen not in result:
            result.append(chosen)
    return result


def localize_contacts(contacts):
    """The reader's version of each contact (else the German one); internal ones are dropped."""
    from contacts.models import Contact

    if isinstance(contacts, LocalizedContacts):
        return contacts
    contacts = [contact for contact in contacts if contact is not None]
    if not contacts:
        return LocalizedContacts()
    active, default = reader_locales()
    versions = {}
    for version in (
        Contact.objects.public()
        .filter(
            translation_key__in={contact.translation_key for contact in contacts},
            locale_id__in={active.pk, default.pk},
        )
        .select_related("organisation", "location", "site")
    ):
        versions.setdefault(version.translation_key, {})[version.locale_id] = version
    return _choose(contacts, versions, active, default)


def localize_chosen(chosen, related=("organisation", "location", "site"), **places):
    """Lists of contacts in the reader's version, as `localize_contacts` gives them, read with
    the contacts chosen in one query.

    `chosen` is a queryset of the chosen contacts (e.g. those a page's links name); each
    keyword names a list and gives the expressions that sort a contact into it (e.g. the
    sort order and id of the link that chose it), the first of them NULL for contacts that
    are not in that list.
    """
    from contacts.models import Contact

    active, default = reader_locales()
    annotations = {
        f"place_in_{name}_{index}": expression
        for name, expressions in places.items()
        for index, expression in enumerate(expressions)
    }
    rows = list(
        Contact.objects.filter(
            Q(pk__in=chosen.values("pk"))
            | Q(
                is_public=True,
                locale_id__in={active.pk, default.pk},
                translation_key__in=chosen.values("translation_key"),
            )
        )
        .annotate(**annotations)
        .select_related(*related)
    )
    versions = {}
    for row in rows:
        if row.is_public and row.locale_id in (active.pk, default.pk):
            versions.setdefault(row.translation_key, {})[row.locale_id] = row
    lists = {}
    for name, expressions in places.items():
        keys = [f"place_in_{name}_{index}" for index in range(len(expressions))]
        members = sorted(
            (row for row in rows if getattr(row, keys[0]) is not None),
            key=lambda row, keys=keys: tuple(getattr(row, key) for key in keys),
        )
        lists[name] = _choose(members, versions, active, default)
    return lists


def link_place(links):
    """Where a contact goes in a list of links to contacts (the PageContact rows of a page):
    the sort order and id of the first link that names it, NULL if none does."""
    first = links.filter(contact_id=OuterRef("pk")).order_by("sort_order", "pk")
    return (
        Subquery(first.annotate(place=Coalesce("sort_order", Value(0))).values("place")[:1]),
        Subquery(first.values("pk")[:1]),
    )


def single_place(pk):
    """Where the contact with this id goes in a list of just that contact."""
    return (Case(When(pk=pk, then=Value(0))),)


def directory_page(site, request=None, locale=None):
    """The district's directory page in the reader's language (or `locale`), else German."""
    from contacts.models import ContactDirectoryPage

    if site is None:
        return None
    active, default = reader_locales()
    active = locale or active
    cache = getattr(request, "_contact_directories", None) if request is not None else None
    if cache is not None and (site.pk, active.pk) in cache:
        return cache[(site.pk, active.pk)]
    # The German directory below the site's root page gives the translation key (one query
    # with the root page's path as a subquery).
    root_path = Page.objects.filter(pk=site.root_page_id).values("path")
    source_keys = ContactDirectoryPage.objects.filter(path__startswith=Subquery(root_path)).values(
        "translation_key"
    )
    pages = {
        page.locale_id: page
        for page in ContactDirectoryPage.objects.live()
        .public()
        .filter(translation_key__in=source_keys, locale_id__in={active.pk, default.pk})
        .defer_streamfields()
    }
    page = pages.get(active.pk) or pages.get(default.pk)
    if request is not None:
        if cache is None:
            cache = request._contact_directories = {}
        cache[(site.pk, active.pk)] = page
    return page


def find_public_contact(request, contact_id, related=()):
    """The public contact with this id (any language) of the request's district, in the
    reader's language; None for internal contacts and other districts' contacts. One query;
    `related` adds relations to load with it."""
    from contacts.models import Contact

    site = Site.find_for_request(request)
    found = Contact.objects.for_site(site).public().filter(pk=contact_id)
    localized = localize_chosen(
        found,
        related=("organisation", "location", "site", *related),
        contact=single_place(contact_id),
    )["contact"]
    return localized[0] if localized else None


@dataclass
class ContactEntry:
    """A contact as a reader sees it, with the address of its directory entry."""

    contact: object
    url: str = ""


def contact_entries(contacts, request):
    """Localised public contacts with links to their entries in the reader's directory."""
    localized = localize_contacts(contacts)
    entries = []
    for contact in localized:
        directory = directory_page(contact.site if contact.site_id else None, request)
        url = directory.contact_url(contact, request) if directory else ""
        entries.append(ContactEntry(contact, url))
    return entries


def pages_mentioning(contact, request=None):
    """Live public pages (in the reader's language where possible) that name this contact,
    in any language version, according to Wagtail's reference index (one query)."""
    from contacts.models import Contact

    depends_on(ANY_PAGE)  # a page published anywhere may name this contact
    versions = Contact.objects.filter(translation_key=contact.translation_key)
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = (
        ReferenceIndex.get_references_to_in_bulk(versions)
        .filter(base_content_type=page_type)
        .annotate(page_id=Cast("object_id", output_field=IntegerField()))
        .values("page_id")
    )
    active, default = reader_locales()
    keys = Page.objects.filter(pk__in=page_ids).values("translation_key")
    candidates = {}
    for page in (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys, locale_id__in={active.pk, default.pk})
        .select_related("locale")
    ):
        candidates.setdefault(page.translation_key, {})[page.locale_id] = page
    pages = [found.get(active.pk) or found.get(default.pk) for found in candidates.values()]
    return sorted(
        (page for page in pages if page.get_url(request)), key=lambda page: sort_key(page.title)
    )


# --- the directory listing -----------------------------------------------------------------


@dataclass(frozen=True)
class FilterOption:
    value: str
    label: str
    selected: bool
    lang: str = ""
    direction: str = ""


class ContactFilterForm(forms.Form):
    """The directory's filters; read from GET so they work without JavaScript."""

    q = forms.CharField(label=_("Name, Aufgabe oder Stichwort"), required=False, max_length=100)
    organisation = forms.ChoiceField(label=_("Organisation"), required=False)
    topic = forms.ChoiceField(label=_("Thema"), required=False)
    language = forms.ChoiceField(label=_("Gesprochene Sprache"), required=False)

    def __init__(self, data, organisations, topics, languages):
        super().__init__(data)
        self.fields["organisation"].choices = [("", "")] + [
            (str(organisation.pk), organisation.name) for organisation in organisations
        ]
        self.fields["topic"].choices = [("", "")] + [(topic.slug, topic.name) for topic in topics]
        self.fields["language"].choices = [("", "")] + [
            (code, LANGUAGE_NAMES[code]) for code in languages
        ]

    def value_of(self, name):
        """The cleaned value of a filter, or "" when it is empty or not one of the choices."""
        if not self.is_bound:
            return ""
        self.is_valid()
        return self.cleaned_data.get(name) or ""


@dataclass
class LetterGroup:
    letter: str
    contacts: list = field(default_factory=list)

    @property
    def anchor(self):
        return "buchstabe-" + ("0" if self.letter == "#" else self.letter.lower())


class DirectoryListing:
    """The directory's filters and its A–Z groups of contacts, for one request."""

    def __init__(self, request, page):
        from contacts.models import ContactTopic, Organisation
        from home.models import Topic

        self.page = page
        site = Site.find_for_request(request)
        active, default = reader_locales()
        contacts = public_contacts(site)

        # The filter names each organisation in the reader's language where translated; the
        # German name of an untranslated one is marked as German. Both in one query.
        german = Organisation.objects.filter(site=site, locale=default)
        organisations = Organisation.objects.filter(
            Q(pk__in=german.values("pk"))
            | Q(locale=active, translation_key__in=german.values("translation_key"))
        )
        self.organisations, translated = [], {}
        for item in organisations:
            if item.locale_id == default.pk:
                self.organisations.append(item)
            else:
                translated[item.translation_key] = item
        organisation_keys = {str(item.pk): item.translation_key for item in self.organisations}
        self.organisation_names = {}
        for item in self.organisations:
            version = translated.get(item.translation_key)
            untranslated = active.pk != default.pk and version is None
            self.organisation_names[item.pk] = (
                (version or item).name,
                default.language_code if untranslated else "",
            )
        self.organisations.sort(key=lambda item: sort_key(self.organisation_names[item.pk][0]))
        self.active_locale = active
        self.default_language = default.language_code

        used_slugs = ContactTopic.objects.filter(
            contact__site=site, contact__is_public=True
        ).values("topic__slug")
        topics = {}
        for topic in Topic.objects.filter(
            slug__in=used_slugs, locale_id__in={active.pk, default.pk}
        ):
            if topic.locale_id == active.pk or topic.slug not in topics:
                topics[topic.slug] = topic
        self.topics = sorted(topics.values(), key=lambda topic: sort_key(topic.name))

        contacts = contacts.select_related("organisation", "location")
        # Without filters the list shows every contact, so the languages they speak are read
        # from the list itself; a filtered list needs the languages of all of them.
        unfiltered = None if request.GET else list(contacts)
        spoken = set()
        for languages in (
            [contact.languages for contact in unfiltered]
            if unfiltered is not None
            else contacts.values_list("languages", flat=True)
        ):
            spoken.update(code for code in languages or [] if code in LANGUAGE_NAMES)
        self.languages = [code for code, _name in SPOKEN_LANGUAGES if code in spoken]

        self.form = ContactFilterForm(
            request.GET or None, self.organisations, self.topics, self.languages
        )
        self.query = self.form.value_of("q").strip()
        self.organisation = self.form.value_of("organisation")
        self.topic = self.form.value_of("topic")
        self.language = self.form.value_of("language")

        if self.query:
            contacts = contacts.filter(
                Q(name__icontains=self.query)
                | Q(position__icontains=self.query)
                | Q(organisation__name__icontains=self.query)
                | Q(room__icontains=self.query)
            )
        if self.organisation:
            contacts = contacts.filter(
                organisation__translation_key=organisation_keys[self.organisation]
            )
        if self.topic:
            contacts = contacts.filter(topic_links__topic__slug=self.topic).distinct()
        if self.language:
            # The languages are a JSON list; its text holds each code in quotes.
            contacts = contacts.filter(languages__icontains=f'"{self.language}"')

        self.contacts = sorted(
            unfiltered if unfiltered is not None else contacts,
            key=lambda contact: sort_key(contact.name),
        )
        directory = page
        for contact in self.contacts:
            contact.entry_url = directory.contact_url(contact, request)

    @property
    def is_filtered(self):
        return bool(self.query or self.organisation or self.topic or self.language)

    @cached_property
    def groups(self):
        return [
            LetterGroup(letter, list(members))
            for letter, members in groupby(self.contacts, key=lambda contact: contact.initial)
        ]

    def organisation_options(self):
        options = []
        for item in self.organisations:
            name, lang = self.organisation_names[item.pk]
            options.append(
                FilterOption(
                    str(item.pk),
                    name,
                    str(item.pk) == self.organisation,
                    lang=lang,
                    direction=text_direction(lang) if lang else "",
                )
            )
        return options

    def topic_options(self):
        options = []
        for item in self.topics:
            lang = "" if item.locale_id == self.active_locale.pk else self.default_language
            options.append(
                FilterOption(
                    item.slug,
                    item.name,
                    item.slug == self.topic,
                    lang=lang,
                    direction=text_direction(lang) if lang else "",
                )
            )
        return options

    def language_options(self):
        return [
            FilterOption(
                code,
                LANGUAGE_NAMES[code],
                code == self.language,
                lang=language_tag(code),
                direction="rtl" if code in RTL_SPOKEN else "ltr",
            )
            for code in self.languages
        ]


class ContactDetail:
    """Everything the entry of one contact shows."""

    def __init__(self, request, page, contact):
        self.contact = contact
        self.vcard_url = page.vcard_url(contact, request)
        self.location = localize_all([contact.location])[0] if contact.location else None
        self.organisation = contact.organisation
        self.topics = localize_all(
            link.topic for link in contact.topic_links.select_related("topic")
        )
        self.pages = pages_mentioning(contact, request)
