"""The editors' flow through wagtail-localize's own admin views: translate a measure and a
contact, let a translator fill the Arabic strings and publish, change the German source, and
"sync translated pages": synchronised facts follow at once, translated text is kept."""

import datetime
import decimal
from urllib.parse import urlencode

import pytest

from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from concept.factories import concept_tree
from concept.models import MeasurePage, Status
from contacts.factories import ContactDirectoryPageFactory, ContactFactory
from contacts.models import Contact
from contacts.phone import display_phone
from home.factories import translate_page

pytestmark = pytest.mark.django_db

# What the Arabic translator writes for each German string of the measure.
ARABIC = {
    "Sprachkurse für Eltern": "دورات لغة للآباء",
    "Eltern lernen Deutsch, während ihre Kinder betreut werden.": (
        "يتعلم الآباء اللغة الألمانية بينما يتم الاعتناء بأطفالهم."
    ),
    "Die Kurse finden in Familienzentren statt.": "تقام الدورات في مراكز الأسرة.",
    "Bundesmittel": "أموال اتحادية",
}
NEW_INTRO = "Eltern lernen Deutsch, ihre Kinder spielen nebenan."


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


@pytest.fixture
def redaktion(client, django_user_model):
    """A logged-in superuser of the editorial team."""
    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    login(client, user)
    return user


@pytest.fixture
def measure(home):
    """A German measure whose concept, chapter and home page exist in Arabic and Persian."""
    tree = concept_tree(home, chapters=1, measures_per_chapter=1)
    measure = tree["measures"][0]
    measure.title = "Sprachkurse für Eltern"
    measure.intro = "Eltern lernen Deutsch, während ihre Kinder betreut werden."
    measure.body = [
        ("paragraph", "<p>Die Kurse finden in Familienzentren statt.</p>"),
        # No letters, nothing to translate: it needs no translator and no notice.
        ("heading", {"text": "2024", "level": "h2"}),
    ]
    measure.status = Status.PLANNED
    measure.start_date = datetime.date(2024, 9, 1)
    measure.funding_source = "Bundesmittel"
    measure.funding_amount = decimal.Decimal("750")
    measure.save_revision().publish()
    for code in ("ar", "fa"):
        for page in (home, tree["concept"], tree["chapters"][0]):
            translate_page(page, code)
    return MeasurePage.objects.get(pk=measure.pk)


def locale(code):
    return Locale.objects.get(language_code=code)


def put_string(client, translation_id, segment, value):
    """What the translation editor sends when a translator saves one string."""
    url = reverse("wagtail_localize:edit_string_translation", args=[translation_id, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def fill_strings(client, instance, code, mapping):
    """The translator types the translation of every string found in `mapping`."""
    target = locale(code)
    job = Translation.objects.get(source__object_id=instance.translation_key, target_locale=target)
    for segment in StringSegment.objects.filter(source=job.source).select_related("string"):
        if segment.string.data in mapping:
            response = put_string(client, job.pk, segment, mapping[segment.string.data])
            assert response.status_code in (200, 201), response.content
    return job


def source_strings(instance):
    return set(
        StringSegment.objects.filter(source__object_id=instance.translation_key).values_list(
            "string__data", flat=True
        )
    )


def label_in(code, choice):
    with translation.override(code):
        return str(choice.label)


@pytest.fixture
def published_in_arabic(client, redaktion, measure, django_capture_on_commit_callbacks):
    """The measure submitted for Arabic and Persian; the Arabic translator has published."""
    url = reverse("wagtail_localize:submit_page_translation", args=[measure.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [locale("ar").pk, locale("fa").pk]})
    assert response.status_code == 302
    arabic = measure.get_translation(locale("ar"))
    fill_strings(client, measure, "ar", ARABIC)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    return MeasurePage.objects.get(pk=arabic.pk)


def change_german_measure(measure):
    """The officer records progress: a new intro, a new status, a later start, more money."""
    measure = MeasurePage.objects.get(pk=measure.pk)
    measure.intro = NEW_INTRO
    measure.status = Status.IN_PROGRESS
    measure.start_date = datetime.date(2025, 3, 1)
    measure.funding_amount = decimal.Decimal("950")
    measure.save_revision().publish()
    return measure


def sync(client, instance, django_capture_on_commit_callbacks, publish=True):
    """wagtail-localize's "Sync translated pages" (or snippets), "publish immediately" checked
    unless `publish` is False."""
    job = Translation.objects.filter(source__object_id=instance.translation_key).first()
    url = reverse("wagtail_localize:update_translations", args=[job.source_id])
    assert client.get(url).status_code == 200
    data = {"publish_translations": "on"} if publish else {}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302


def test_translating_creates_drafts_that_readers_do_not_see_yet(
    client, redaktion, measure, django_capture_on_commit_callbacks
):
    url = reverse("wagtail_localize:submit_page_translation", args=[measure.pk])
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [locale("ar").pk, locale("fa").pk]})
    assert response.status_code == 302

    for code in ("ar", "fa"):
        page = measure.get_translation(locale(code)).specific
        # The draft is there for the translator, with the synchronised facts already copied.
        assert (page.number, page.status, page.start_date) == (
            measure.number,
            "planned",
            datetime.date(2024, 9, 1),
        )
        assert page.slug == measure.slug
        assert not page.live
        assert Translation.objects.get(
            source__object_id=measure.translation_key, target_locale=locale(code)
        ).enabled
    client.logout()
    assert client.get(measure.get_translation(locale("ar")).url).status_code == 404


def test_the_translator_publishes_arabic_with_the_same_number_and_status(
    client, measure, published_in_arabic
):
    client.logout()
    response = client.get(published_in_arabic.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert published_in_arabic.url.startswith("/ar/")
    for text in ARABIC.values():
        assert text in content
    assert "Die Kurse finden in Familienzentren statt." not in content
    assert label_in("ar", Status.PLANNED) in content
    assert 'datetime="2024-09-01"' in content
    assert "750 €" in content
    assert published_in_arabic.full_number == measure.full_number
    assert "untranslated-notice" not in content  # "2024" has no translation and needs none
    # Persian was submitted too but nobody has translated it: still a draft.
    assert not measure.get_translation(locale("fa")).live


def test_sync_updates_facts_in_every_language_and_keeps_the_translators_text(
    client, redaktion, measure, published_in_arabic, django_capture_on_commit_callbacks
):
    change_german_measure(measure)

    # Before the sync the Arabic page still shows what the translator published.
    client.logout()
    before = client.get(published_in_arabic.url).content.decode()
    assert 'datetime="2024-09-01"' in before
    assert label_in("ar", Status.PLANNED) in before

    login(client, redaktion)
    sync(client, measure, django_capture_on_commit_callbacks)

    arabic = MeasurePage.objects.get(pk=published_in_arabic.pk)
    assert (arabic.status, arabic.start_date, arabic.funding_amount) == (
        "in_progress",
        datetime.date(2025, 3, 1),
        decimal.Decimal("950"),
    )
    assert arabic.live and not arabic.has_unpublished_changes
    client.logout()
    content = client.get(arabic.url).content.decode()
    assert label_in("ar", Status.IN_PROGRESS) in content
    assert label_in("ar", Status.PLANNED) not in content
    assert 'datetime="2025-03-01"' in content
    assert "950 €" in content and "750 €" not in content
    # The translator's unchanged strings are still Arabic ...
    for german in ("Sprachkurse für Eltern", "Die Kurse finden in Familienzentren statt."):
        assert ARABIC[german] in content
    # ... and the changed German string waits for them in the source, untranslated.
    strings = source_strings(measure)
    assert NEW_INTRO in strings
    assert "Eltern lernen Deutsch, während ihre Kinder betreut werden." not in strings
    assert not StringTranslation.objects.filter(
        translation_of__data=NEW_INTRO, locale=locale("ar")
    ).exists()


def test_untranslated_text_after_a_published_sync_is_announced(
    client, redaktion, measure, published_in_arabic, django_capture_on_commit_callbacks
):
    """wagtail-localize publishes untranslated segments in German: the page says so."""
    change_german_measure(measure)
    login(client, redaktion)
    sync(client, measure, django_capture_on_commit_callbacks)
    client.logout()

    arabic = MeasurePage.objects.get(pk=published_in_arabic.pk)
    content = client.get(arabic.url).content.decode()
    assert NEW_INTRO in content  # German fallback text inside the Arabic page ...
    assert "untranslated-notice" in content  # ... and the page tells the reader
    assert arabic.shows_untranslated_text()

    # Persian was only a draft, but "publish immediately" publishes every translation of
    # the page: the Persian page goes live in German, and is announced as such too.
    persian = MeasurePage.objects.get(pk=measure.get_translation(locale("fa")).pk)
    assert persian.live
    persian_content = client.get(persian.url).content.decode()
    assert "Sprachkurse für Eltern" in persian_content
    assert "untranslated-notice" in persian_content

    # The translator translates the new string and publishes: the notice goes away.
    login(client, redaktion)
    fill_strings(client, measure, "ar", {NEW_INTRO: "يتعلم الآباء الألمانية ويلعب أطفالهم."})
    # Translated but not yet published: the reader still sees German, still announced.
    assert MeasurePage.objects.get(pk=arabic.pk).shows_untranslated_text()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("wagtailadmin_pages:edit", args=[arabic.pk]), {"action": "publish"})
    client.logout()
    content = client.get(arabic.url).content.decode()
    assert "يتعلم الآباء الألمانية ويلعب أطفالهم." in content
    assert NEW_INTRO not in content
    assert "untranslated-notice" not in content


def test_a_sync_without_publishing_leaves_the_live_translation_alone(
    client, redaktion, measure, published_in_arabic, django_capture_on_commit_callbacks
):
    change_german_measure(measure)
    login(client, redaktion)
    sync(client, measure, django_capture_on_commit_callbacks, publish=False)
    client.logout()
    arabic = MeasurePage.objects.get(pk=published_in_arabic.pk)
    assert arabic.status == "planned"
    content = client.get(arabic.url).content.decode()
    assert NEW_INTRO not in content
    assert "untranslated-notice" not in content
    assert NEW_INTRO in source_strings(measure)


# --- a snippet: a contact ---------------------------------------------------------------


@pytest.fixture
def directory(home):
    page = ContactDirectoryPageFactory(parent=home, title="Kontakte", slug="kontakte")
    page.save_revision().publish()
    translate_page(home, "ar")
    translate_page(page, "ar")
    return page


def test_contact_sync_updates_phone_and_email_and_keeps_the_translated_note(
    client, redaktion, site, directory, django_capture_on_commit_callbacks
):
    contact = ContactFactory(
        name="Amira Beispiel",
        position="Integrationsbeauftragte",
        phone="+4972220000123",  # as the admin form stores "07222 0000-123"
        email="integration@example.org",
        office_hours_note="und nach Vereinbarung",
        site=site,
    )
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["contacts", "contact", contact.pk]
    )
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [locale("ar").pk]})
    assert response.status_code == 302
    arabic = contact.get_translation(locale("ar"))
    # A contact has no drafts: its Arabic copy is saved at once, with the German text in it
    # until the translator has translated and saved.
    assert (arabic.position, arabic.phone) == ("Integrationsbeauftragte", contact.phone)

    fill_strings(
        client,
        contact,
        "ar",
        {"Integrationsbeauftragte": "مفوضة الاندماج", "und nach Vereinbarung": "وبموعد مسبق"},
    )
    edit_url = reverse("wagtailsnippets_contacts_contact:edit", args=[arabic.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code in (200, 302)
    arabic.refresh_from_db()
    assert (arabic.position, arabic.office_hours_note) == ("مفوضة الاندماج", "وبموعد مسبق")

    contact = Contact.objects.get(pk=contact.pk)
    contact.position = "Integrationsbeauftragte des Landkreises"
    contact.phone = "+4972220000456"  # as the admin form stores "07222 0000-456"
    contact.email = "integrationsbeauftragte@example.org"
    contact.save()
    sync(client, contact, django_capture_on_commit_callbacks)

    arabic.refresh_from_db()
    assert arabic.phone == contact.phone
    assert arabic.email == "integrationsbeauftragte@example.org"
    assert arabic.office_hours_note == "وبموعد مسبق"
    assert "Integrationsbeauftragte des Landkreises" in source_strings(contact)
    # The changed position has no Arabic yet: wagtail-localize puts the German text in.
    assert arabic.position == "Integrationsbeauftragte des Landkreises"

    client.logout()
    arabic_directory = directory.get_translation(locale("ar")).specific
    response = client.get(arabic_directory.contact_url(arabic))
    assert response.status_code == 200
    content = response.content.decode()
    assert "integrationsbeauftragte@example.org" in content
    assert display_phone("+4972220000456") in content
    assert display_phone("+4972220000123") not in content
    assert "وبموعد مسبق" in content
