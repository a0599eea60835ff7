"""PO files for external translators: single and batch round trips, and every refusal."""

import io
import uuid
import zipfile

import polib
import pytest

from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from concept.factories import TargetGroupFactory, concept_tree
from concept.models import ChapterPage, TargetGroup
from contacts.factories import OrganisationFactory
from home.factories import translate_page

pytestmark = pytest.mark.django_db

HEADER = "X-WagtailLocalize-TranslationID"
DOWNLOAD = "translations_po_download"
UPLOAD = "translations_po_upload"

GERMAN = [
    ("Bildung und Sprache", "Sprachkurse für alle, die neu im Landkreis sind."),
    ("Ausbildung und Arbeit", "Wege in Ausbildung und Beruf."),
]
ARABIC = [
    ("التعليم واللغة", "دورات لغة لكل القادمين الجدد إلى المقاطعة."),
    ("التدريب والعمل", "طرق إلى التدريب والمهنة."),
]


def localize(instance, language_code, callbacks):
    """Translate a page or snippet with wagtail-localize and publish the (untranslated) copy."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code=language_code)
    )
    with callbacks(execute=True):
        translation.save_target(publish=True)
    return translation


@pytest.fixture
def callbacks(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture
def chapters(home, callbacks):
    """Two German chapters, each translated into Arabic and Turkish through wagtail-localize."""
    tree = concept_tree(home, chapters=2, measures_per_chapter=0)
    for code in ("ar", "tr"):
        translate_page(tree["concept"], code)
    pages = []
    for chapter, (title, intro) in zip(tree["chapters"], GERMAN, strict=True):
        chapter.title, chapter.intro = title, intro
        chapter.save_revision().publish()
        pages.append(ChapterPage.objects.get(pk=chapter.pk))
    return {
        "pages": pages,
        "ar": [localize(page, "ar", callbacks) for page in pages],
        "tr": [localize(page, "tr", callbacks) for page in pages],
    }


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser("redaktion", "r@example.org", "pw")
    client.force_login(user)
    return user


def translator_user(django_user_model, pages, publish=False, name="uebersetzung"):
    """An admin user allowed to edit (and perhaps publish) only the given target pages."""
    group = Group.objects.create(name=f"Gruppe {name}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for page in pages:
        GroupPagePermission.objects.create(group=group, page=page, permission_type="change")
        if publish:
            GroupPagePermission.objects.create(group=group, page=page, permission_type="publish")
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
    user.groups.add(group)
    return user


def target(translation):
    return translation.get_target_instance()


def snapshot():
    """Every stored string translation, to prove that a refused upload changed nothing."""
    return sorted(
        StringTranslation.objects.values_list("pk", "translation_of_id", "locale_id", "data")
    )


def stored(translation):
    return set(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("context__path", "data")
    )


def export(translation):
    return polib.pofile(str(translation.export_po()))


def filled(translation, **by_context):
    """The translation's PO file as exported, with msgstr filled for the given contexts."""
    po = export(translation)
    for entry in po:
        if entry.msgctxt in by_context:
            entry.msgstr = by_context[entry.msgctxt]
    return po


def arabic(index):
    title, intro = ARABIC[index]
    return {"title": title, "intro": intro}


def as_file(content, name="uebersetzung.po"):
    data = content if isinstance(content, bytes) else str(content).encode("utf-8")
    return SimpleUploadedFile(name, data, content_type="text/x-gettext-translation")


def texts(response):
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def upload_single(client, translation, content, name="uebersetzung.po"):
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": as_file(content, name), "next": "/admin/pages/"},
    )


def live_content(client, translation):
    page = Page.objects.get(pk=target(translation).pk)
    response = client.get(page.url)
    assert response.status_code == 200
    return response.content.decode()


# Single page, through wagtail-localize's editor URLs


def test_single_round_trip_download_fill_upload_publish(client, editor, chapters, callbacks):
    translation = chapters["ar"][0]
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    assert po.metadata[HEADER] == str(translation.uuid)
    assert {entry.msgctxt: entry.msgid for entry in po}["title"] == "Bildung und Sprache"

    for entry in po:
        entry.msgstr = arabic(0).get(entry.msgctxt, "")
    response = upload_single(client, translation, po)
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert texts(response) == ["2 neue oder geänderte Texte aus der PO-Datei übernommen."]
    assert stored(translation) == {("title", ARABIC[0][0]), ("intro", ARABIC[0][1])}

    assert ARABIC[0][0] not in live_content(client, translation)
    with callbacks(execute=True):
        translation.save_target(publish=True)
    content = live_content(client, translation)
    assert ARABIC[0][0] in content and ARABIC[0][1] in content
    assert "Sprachkurse für alle" not in content
    german = client.get(chapters["pages"][0].url).content.decode()
    assert "Bildung und Sprache" in german and ARABIC[0][0] not in german


def broken_syntax(chapters):
    lines = str(filled(chapters["ar"][0], **arabic(0))).splitlines()
    lines.insert(8, "Das ist keine PO-Zeile")
    return "\n".join(lines)


def without_header(chapters):
    po = filled(chapters["ar"][0], **arabic(0))
    del po.metadata[HEADER]
    return po


def turkish_language_header(chapters):
    po = filled(chapters["ar"][0], **arabic(0))
    po.metadata["Language"] = "tr"
    return po


def stale(chapters):
    """A file whose German texts are no longer those of the page (changed and synced since)."""
    po = filled(chapters["ar"][0], **arabic(0))
    for entry in po:
        entry.msgid = f"Früher: {entry.msgid}"
    return po


REFUSALS = {
    "other page": (
        lambda c: filled(c["ar"][1], **arabic(1)),
        "Die Datei gehört zu „Ausbildung und Arbeit“ (Arabisch), "
        "nicht zu „Bildung und Sprache“ (Arabisch).",
    ),
    "same page, other language": (
        lambda c: filled(c["tr"][0], title="Eğitim ve Dil"),
        "Die Datei gehört zur Übersetzung in die Sprache Türkisch, nicht Arabisch.",
    ),
    "broken syntax": (broken_syntax, "Keine gültige PO-Datei: Syntaxfehler in Zeile 9."),
    "binary file": (
        lambda c: b"%PDF-1.4\n\xff\xfe\x00\x01 Flyer",
        "Keine PO-Datei: Der Inhalt ist kein Text in UTF-8.",
    ),
    "CSV file": (
        lambda c: "name;telefon\nSachgebiet Integration;07222 0000\n",
        "Keine gültige PO-Datei: Syntaxfehler in Zeile 1.",
    ),
    "no translation header": (
        without_header,
        "Die Datei wurde nicht aus dem Integrationsportal heruntergeladen: "
        "die Kopfzeile „X-WagtailLocalize-TranslationID“ fehlt.",
    ),
    "language header of another language": (
        turkish_language_header,
        "Die Datei ist als Sprache „tr“ gekennzeichnet, gehört aber zur Übersetzung "
        "„Bildung und Sprache“ (Arabisch).",
    ),
    "German text changed since the download": (
        stale,
        "Keiner der übersetzten Texte passt zum aktuellen deutschen Text von "
        "„Bildung und Sprache“. Laden Sie die PO-Datei neu herunter.",
    ),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_single_upload_refuses_wrong_files_and_changes_nothing(client, editor, chapters, case):
    make, message = REFUSALS[case]
    content = make(chapters)
    before = snapshot()
    response = upload_single(client, chapters["ar"][0], content)
    assert response.status_code == 302
    assert snapshot() == before
    assert [message in text for text in texts(response)] == [True], texts(response)
    assert ARABIC[0][0] not in live_content(client, chapters["ar"][0])


def test_single_upload_of_an_unchanged_file_says_that_nothing_changed(client, editor, chapters):
    translation = chapters["ar"][0]
    first = upload_single(client, translation, filled(translation, **arabic(0)))
    assert texts(first) == ["2 neue oder geänderte Texte aus der PO-Datei übernommen."]
    before = snapshot()
    response = upload_single(client, translation, filled(translation, **arabic(0)))
    assert snapshot() == before
    # The first upload's message was never displayed, so it is still queued.
    assert texts(response)[1:] == [
        "Keine neuen oder geänderten Übersetzungen in der PO-Datei; nichts wurde geändert."
    ]


def test_single_upload_imports_what_matches_and_names_skipped_entries(client, editor, chapters):
    translation = chapters["ar"][0]
    po = filled(translation, **arabic(0))
    po.append(polib.POEntry(msgctxt="intro", msgid="Ein alter Satz.", msgstr="جملة قديمة"))
    response = upload_single(client, translation, po)
    assert texts(response) == [
        "2 neue oder geänderte Texte aus der PO-Datei übernommen.",
        "1 Eintrag passt nicht zum aktuellen deutschen Text und wurde übersprungen.",
    ]
    assert stored(translation) == {("title", ARABIC[0][0]), ("intro", ARABIC[0][1])}


def test_single_upload_needs_edit_permission_on_the_target(client, chapters, django_user_model):
    translation = chapters["ar"][0]
    user = translator_user(django_user_model, [target(chapters["ar"][1])])
    client.force_login(user)
    before = snapshot()
    response = upload_single(client, translation, filled(translation, **arabic(0)))
    # Wagtail answers a PermissionDenied in the admin with a redirect and an error message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert snapshot() == before
    allowed = upload_single(client, chapters["ar"][1], filled(chapters["ar"][1], **arabic(1)))
    assert allowed.status_code == 302
    assert stored(chapters["ar"][1]) == {("title", ARABIC[1][0]), ("intro", ARABIC[1][1])}


def test_translator_translates_only_the_new_strings_of_a_changed_chapter(
    client, editor, chapters, callbacks
):
    """The journey of the issue: German text changes, the translator fills only what is new."""
    translation = chapters["ar"][0]
    upload_single(client, translation, filled(translation, **arabic(0)))
    with callbacks(execute=True):
        translation.save_target(publish=True)

    chapter = chapters["pages"][0]
    chapter.intro = "Sprachkurse und Sprachcafés für alle, die neu im Landkreis sind."
    chapter.save_revision().publish()
    # The editor syncs the Arabic translation first (the download itself does not sync).
    translation.source.update_from_db()

    files = download_zip(client, language="ar", section=chapter.pk)
    po = polib.pofile(files[f"landkreis-rastatt/kapitel-1-{chapter.pk}.ar.po"])
    untranslated = [entry for entry in po if not entry.msgstr]
    assert [entry.msgctxt for entry in untranslated] == ["intro"]
    assert po.find("Bildung und Sprache", msgctxt="title").msgstr == ARABIC[0][0]
    untranslated[0].msgstr = "دورات لغة ومقاهي لغة لكل القادمين الجدد."
    with callbacks(execute=True):
        response = upload_batch(client, as_file(po, "kapitel-1.ar.po"), publish=True)
    assert texts(response)[-1] == (
        "1 Datei importiert, 1 neuer oder geänderter Text – „Bildung und Sprache“ (Arabisch): 1."
    )
    content = live_content(client, translation)
    assert ARABIC[0][0] in content and "دورات لغة ومقاهي لغة" in content
    assert Page.objects.get(pk=target(translation).pk).has_unpublished_changes is False


# Batch download


def download_zip(client, **query):
    response = client.get(reverse(DOWNLOAD), query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    return {name: archive.read(name).decode("utf-8") for name in archive.namelist()}


def entries(po):
    return [(entry.msgctxt, entry.msgid, entry.msgstr) for entry in po]


@pytest.fixture
def snippets(site, other_site, callbacks):
    """A shared target group and an organisation of each district, translated into Arabic."""
    group = TargetGroupFactory(name="Geflüchtete")
    rastatt = OrganisationFactory(name="Sachgebiet Integration", site=site)
    rems_murr = OrganisationFactory(name="Stabsstelle Integration", site=other_site)
    return {
        "group": (group, localize(group, "ar", callbacks)),
        "rastatt": (rastatt, localize(rastatt, "ar", callbacks)),
        "rems_murr": (rems_murr, localize(rems_murr, "ar", callbacks)),
    }


def test_zip_has_one_po_per_arabic_translation_named_readably(client, editor, chapters, snippets):
    one, two = chapters["pages"]
    upload_single(client, chapters["ar"][0], filled(chapters["ar"][0], title=ARABIC[0][0]))
    files = download_zip(client, language="ar")
    expected = {
        f"landkreis-rastatt/kapitel-1-{one.pk}.ar.po": chapters["ar"][0],
        f"landkreis-rastatt/kapitel-2-{two.pk}.ar.po": chapters["ar"][1],
        f"snippets/targetgroup-{snippets['group'][0].pk}.ar.po": snippets["group"][1],
        f"snippets/organisation-{snippets['rastatt'][0].pk}.ar.po": snippets["rastatt"][1],
        f"snippets/organisation-{snippets['rems_murr'][0].pk}.ar.po": snippets["rems_murr"][1],
    }
    assert set(files) == set(expected)
    for name, translation in expected.items():
        po = polib.pofile(files[name])
        assert po.metadata[HEADER] == str(translation.uuid)
        assert entries(po) == entries(export(translation))
    first = polib.pofile(files[f"landkreis-rastatt/kapitel-1-{one.pk}.ar.po"])
    assert ("title", "Bildung und Sprache", ARABIC[0][0]) in entries(first)
    assert ("intro", GERMAN[0][1], "") in entries(first)

    # A file from the ZIP is accepted by the page's own translation editor as well.
    first.find("Bildung und Sprache", msgctxt="title").msgstr = ""
    first.find(GERMAN[0][1], msgctxt="intro").msgstr = ARABIC[0][1]
    response = upload_single(client, chapters["ar"][0], first)
    assert texts(response)[-1] == "1 neuer oder geänderter Text aus der PO-Datei übernommen."
    assert ("intro", ARABIC[0][1]) in stored(chapters["ar"][0])


def test_zip_filters_by_language_site_and_section(
    client, editor, chapters, snippets, site, other_site
):
    one, two = chapters["pages"]
    turkish = download_zip(client, language="tr")
    assert sorted(turkish) == [
        f"landkreis-rastatt/kapitel-1-{one.pk}.tr.po",
        f"landkreis-rastatt/kapitel-2-{two.pk}.tr.po",
    ]
    assert polib.pofile(turkish[f"landkreis-rastatt/kapitel-1-{one.pk}.tr.po"]).metadata[
        HEADER
    ] == str(chapters["tr"][0].uuid)

    rastatt = download_zip(client, language="ar", site=site.pk)
    assert sorted(rastatt) == [
        f"landkreis-rastatt/kapitel-1-{one.pk}.ar.po",
        f"landkreis-rastatt/kapitel-2-{two.pk}.ar.po",
        f"snippets/organisation-{snippets['rastatt'][0].pk}.ar.po",
        f"snippets/targetgroup-{snippets['group'][0].pk}.ar.po",
    ]
    assert sorted(download_zip(client, language="ar", site=other_site.pk)) == [
        f"snippets/organisation-{snippets['rems_murr'][0].pk}.ar.po",
        f"snippets/targetgroup-{snippets['group'][0].pk}.ar.po",
    ]
    section = download_zip(client, language="ar", section=two.pk)
    assert list(section) == [f"landkreis-rastatt/kapitel-2-{two.pk}.ar.po"]
    # The Arabic page as section means the same part of the tree.
    assert list(download_zip(client, language="ar", section=target(chapters["ar"][1]).pk)) == [
        f"landkreis-rastatt/kapitel-2-{two.pk}.ar.po"
    ]


def test_download_without_matches_shows_the_form_with_a_notice(
    client, editor, chapters, other_site
):
    response = client.get(reverse(DOWNLOAD), {"language": "ar", "section": other_site.root_page_id})
    assert response.status_code == 200
    assert "Für diese Auswahl gibt es keine Übersetzungen" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "error"),
    [
        ({}, None),
        ({"language": "xx"}, "Bitte eine gültige Auswahl treffen. xx ist keine gültige Auswahl."),
        ({"language": "de"}, "Bitte eine gültige Auswahl treffen. de ist keine gültige Auswahl."),
        ({"language": ""}, "Dieses Feld muss ausgefüllt werden."),
    ],
)
def test_download_without_a_valid_language_shows_the_form(client, editor, chapters, query, error):
    response = client.get(reverse(DOWNLOAD), query)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    content = response.content.decode()
    for label in ("Sprache", "Landkreis (Website)", "Bereich", "ZIP-Datei herunterladen"):
        assert label in content
    assert '<option value="ar">Arabisch</option>' in content
    assert '<option value="de"' not in content
    assert reverse(UPLOAD) in content
    assert 'name="section"' in content and "Seite auswählen" in content
    if error:
        assert error in content
    else:
        assert "error-message" not in content


def test_download_contains_only_what_the_user_may_edit(client, chapters, django_user_model):
    one = chapters["pages"][0]
    client.force_login(translator_user(django_user_model, [target(chapters["ar"][0])]))
    assert list(download_zip(client, language="ar")) == [
        f"landkreis-rastatt/kapitel-1-{one.pk}.ar.po"
    ]
    response = client.get(reverse(DOWNLOAD), {"language": "tr"})
    assert response["Content-Type"].startswith("text/html")
    assert "Für diese Auswahl gibt es keine Übersetzungen" in response.content.decode()


# Batch upload


def upload_batch(client, *files, publish=False):
    data = {"files": list(files)}
    if publish:
        data["publish"] = "on"
    return client.post(reverse(UPLOAD), data)


def filled_zip(client, mapping, **query):
    """Download the ZIP, fill the given files' entries, and pack them again as a ZIP upload."""
    files = download_zip(client, **query)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            po = polib.pofile(content)
            for entry in po:
                entry.msgstr = mapping.get(name, {}).get(entry.msgctxt, entry.msgstr)
            archive.writestr(name, str(po))
    return SimpleUploadedFile("uebersetzungen-ar.zip", buffer.getvalue())


def test_batch_round_trip_of_two_chapters_published(client, editor, chapters, callbacks):
    one, two = chapters["pages"]
    files = download_zip(client, language="ar")
    uploads = []
    for index, page in enumerate((one, two)):
        name = f"landkreis-rastatt/kapitel-{index + 1}-{page.pk}.ar.po"
        po = polib.pofile(files[name])
        for entry in po:
            entry.msgstr = arabic(index).get(entry.msgctxt, "")
        uploads.append(as_file(po, name.split("/")[-1]))

    with callbacks(execute=True):
        response = upload_batch(client, *uploads, publish=True)
    assert response.status_code == 200
    content = response.content.decode()
    assert texts(response) == [
        "2 Dateien importiert, 4 neue oder geänderte Texte – „Bildung und Sprache“ (Arabisch): 2; "
        "„Ausbildung und Arbeit“ (Arabisch): 2."
    ]
    for index, translation in enumerate(chapters["ar"]):
        assert stored(translation) == {("title", ARABIC[index][0]), ("intro", ARABIC[index][1])}
        page = live_content(client, translation)
        assert ARABIC[index][0] in page and ARABIC[index][1] in page
        assert f"kapitel-{index + 1}-{chapters['pages'][index].pk}.ar.po" in content
    assert content.count("veröffentlicht</td>") == 2
    assert "<td>2</td>" in content
    assert "Bildung und Sprache" in content and "Ausbildung und Arbeit" in content
    # Turkish is untouched.
    assert stored(chapters["tr"][0]) == set()


def test_batch_upload_of_a_zip_without_publishing_saves_drafts(
    client, editor, chapters, snippets, callbacks
):
    one, two = chapters["pages"]
    group, group_translation = snippets["group"]
    mapping = {
        f"landkreis-rastatt/kapitel-1-{one.pk}.ar.po": arabic(0),
        f"landkreis-rastatt/kapitel-2-{two.pk}.ar.po": {"title": ARABIC[1][0]},
        f"snippets/targetgroup-{group.pk}.ar.po": {"name": "اللاجئون"},
    }
    upload = filled_zip(client, mapping, language="ar", site=chapters["pages"][0].get_site().pk)
    with callbacks(execute=True):
        response = upload_batch(client, upload)
    assert response.status_code == 200
    assert texts(response) == [
        "4 Dateien importiert, 4 neue oder geänderte Texte – „Bildung und Sprache“ (Arabisch): 2; "
        "„Ausbildung und Arbeit“ (Arabisch): 1; „Sachgebiet Integration“ (Arabisch): 0; "
        "„Geflüchtete“ (Arabisch): 1."
    ]
    content = response.content.decode()
    assert content.count("als Entwurf gespeichert</td>") == 2
    assert content.count("Texte gespeichert, erscheinen beim Veröffentlichen</td>") == 2

    first = Page.objects.get(pk=target(chapters["ar"][0]).pk).specific
    assert first.has_unpublished_changes
    assert first.get_latest_revision_as_object().title == ARABIC[0][0]
    assert ARABIC[0][0] not in live_content(client, chapters["ar"][0])
    assert stored(group_translation) == {("name", "اللاجئون")}
    assert TargetGroup.objects.get(pk=target(group_translation).pk).name == "Geflüchtete"

    # Publishing later (here: the same files again with the box ticked) makes them public.
    again = filled_zip(client, mapping, language="ar")
    with callbacks(execute=True):
        response = upload_batch(client, again, publish=True)
    assert texts(response)[-1].startswith("5 Dateien importiert, 0 neue oder geänderte Texte – ")
    assert ARABIC[0][0] in live_content(client, chapters["ar"][0])
    assert TargetGroup.objects.get(pk=target(group_translation).pk).name == "اللاجئون"


def bad_zip(chapters):
    return b"PK\x03\x04 das ist abgeschnitten"


BATCH_REFUSALS = {
    **{case: (make, message, "uebersetzung.po") for case, (make, message) in REFUSALS.items()},
    "unknown translation": (
        lambda c: str(filled(c["ar"][1], **arabic(1))).replace(
            str(c["ar"][1].uuid), str(uuid.uuid4())
        ),
        "Zu dieser Datei gibt es keine Übersetzung (mehr).",
        "uebersetzung.po",
    ),
    "broken ZIP": (bad_zip, "Keine gültige ZIP-Datei.", "paket.zip"),
}
# In a batch, "other page" and "other language" are not wrong per se: every file names its
# own translation. The duplicate file is the batch's own mistake.
del BATCH_REFUSALS["other page"], BATCH_REFUSALS["same page, other language"]


@pytest.mark.parametrize("case", list(BATCH_REFUSALS))
def test_batch_refuses_everything_if_one_file_is_wrong(client, editor, chapters, case):
    make, message, name = BATCH_REFUSALS[case]
    good = as_file(filled(chapters["ar"][0], **arabic(0)), "kapitel-1.ar.po")
    bad = as_file(make(chapters), name)
    before = snapshot()
    response = upload_batch(client, good, bad, publish=True)
    assert response.status_code == 200
    assert snapshot() == before
    assert texts(response) == ["1 Datei wurde abgelehnt. Es wurde nichts importiert."]
    content = response.content.decode()
    assert "Abgelehnt – es wurde nichts importiert" in content
    assert f"<strong>{name}</strong>: {message}" in content
    checked = "Geprüft wurde 1 Datei." if name.endswith(".zip") else "Geprüft wurden 2 Dateien."
    assert checked in content
    assert ARABIC[0][0] not in live_content(client, chapters["ar"][0])


def test_batch_refuses_the_same_translation_twice(client, editor, chapters):
    po = filled(chapters["ar"][0], **arabic(0))
    before = snapshot()
    response = upload_batch(client, as_file(po, "a.po"), as_file(po, "b.po"))
    assert snapshot() == before
    assert (
        "<strong>b.po</strong>: Dieselbe Übersetzung wie „a.po“; bitte nur eine Datei hochladen."
        in response.content.decode()
    )


def test_batch_refuses_a_zip_with_a_file_that_is_not_po(client, editor, chapters):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("kapitel-1.ar.po", str(filled(chapters["ar"][0], **arabic(0))))
        archive.writestr("notizen.docx", b"\xd0\xcf\x11\xe0 Word")
    before = snapshot()
    response = upload_batch(client, SimpleUploadedFile("paket.zip", buffer.getvalue()))
    assert snapshot() == before
    assert (
        "<strong>paket.zip: notizen.docx</strong>: Keine PO-Datei: Der Inhalt ist kein Text in "
        "UTF-8." in response.content.decode()
    )


def test_batch_refuses_pages_the_user_may_not_edit(client, chapters, django_user_model):
    client.force_login(translator_user(django_user_model, [target(chapters["ar"][0])]))
    files = [
        as_file(filled(translation, **arabic(index)), f"kapitel-{index + 1}.ar.po")
        for index, translation in enumerate(chapters["ar"])
    ]
    before = snapshot()
    response = upload_batch(client, *files)
    assert response.status_code == 200
    assert snapshot() == before
    assert (
        "<strong>kapitel-2.ar.po</strong>: Sie dürfen „Ausbildung und Arbeit“ (Arabisch) nicht "
        "bearbeiten." in response.content.decode()
    )


def test_batch_refuses_a_translation_that_is_no_longer_synced(client, editor, chapters):
    translation = chapters["ar"][0]
    po = filled(translation, **arabic(0))
    Translation.objects.filter(pk=translation.pk).update(enabled=False)
    before = snapshot()
    response = upload_batch(client, as_file(po, "k1.po"))
    assert snapshot() == before
    assert "„Bildung und Sprache“ (Arabisch) wird direkt bearbeitet" in response.content.decode()
    assert list(download_zip(client, language="ar")) == [
        f"landkreis-rastatt/kapitel-2-{chapters['pages'][1].pk}.ar.po"
    ]


def test_batch_refuses_a_page_locked_by_someone_else(client, editor, chapters, django_user_model):
    from django.utils import timezone

    translation = chapters["ar"][0]
    other = django_user_model.objects.create_superuser("kollegin", "k@example.org", "pw")
    Page.objects.filter(pk=target(translation).pk).update(
        locked=True, locked_by=other, locked_at=timezone.now()
    )
    before = snapshot()
    response = upload_batch(client, as_file(filled(translation, **arabic(0)), "k1.po"))
    assert snapshot() == before
    assert (
        "<strong>k1.po</strong>: „Bildung und Sprache“ (Arabisch) ist gesperrt und kann nicht "
        "gespeichert werden." in response.content.decode()
    )


def test_batch_publishing_needs_publish_permission(client, chapters, django_user_model, callbacks):
    translation = chapters["ar"][0]
    client.force_login(translator_user(django_user_model, [target(translation)]))
    before = snapshot()
    response = upload_batch(client, as_file(filled(translation, **arabic(0))), publish=True)
    assert snapshot() == before
    assert "nicht veröffentlichen" in response.content.decode()

    with callbacks(execute=True):
        response = upload_batch(client, as_file(filled(translation, **arabic(0))))
    assert texts(response) == [
        "1 Datei importiert, 2 neue oder geänderte Texte – „Bildung und Sprache“ (Arabisch): 2."
    ]
    page = Page.objects.get(pk=target(translation).pk)
    assert page.has_unpublished_changes
    assert ARABIC[0][0] not in live_content(client, translation)


def test_batch_publishes_for_a_translator_with_publish_permission(
    client, chapters, django_user_model, callbacks
):
    translation = chapters["ar"][0]
    user = translator_user(django_user_model, [target(translation)], publish=True)
    client.force_login(user)
    with callbacks(execute=True):
        response = upload_batch(client, as_file(filled(translation, **arabic(0))), publish=True)
    assert texts(response) == [
        "1 Datei importiert, 2 neue oder geänderte Texte – „Bildung und Sprache“ (Arabisch): 2."
    ]
    assert ARABIC[0][0] in live_content(client, translation)
    assert StringTranslation.objects.filter(last_translated_by=user).count() == 2


@pytest.fixture
def district_roles(chapters, snippets, site, other_site, django_user_model):
    """The project's role groups of both districts, and one person per role."""
    from roles.models import Role, RoleGroup
    from roles.setup import ensure_district_roles

    ensure_district_roles(site)
    ensure_district_roles(other_site)

    def person(name, role, district):
        user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw")
        user.groups.add(RoleGroup.objects.get(role=role, site=district).group)
        return user

    return {
        "editor": person("redakteurin", Role.EDITOR, site),
        "officer": person("beauftragte", Role.OFFICER, site),
        "translator": person("uebersetzerin", Role.TRANSLATOR, site),
        "other translator": person("uebersetzer-rm", Role.TRANSLATOR, other_site),
    }


ROLE_FILES = {
    "editor": ["kapitel-1", "kapitel-2"],
    "officer": ["kapitel-1", "kapitel-2", "organisation-rastatt", "targetgroup"],
    "translator": ["kapitel-1", "kapitel-2", "organisation-rastatt", "targetgroup"],
    "other translator": ["organisation-rems_murr", "targetgroup"],
}


@pytest.mark.parametrize("role", list(ROLE_FILES))
def test_role_matrix_download_and_upload(
    client, chapters, snippets, district_roles, callbacks, role
):
    client.force_login(district_roles[role])
    one, two = chapters["pages"]
    names = {
        "kapitel-1": f"landkreis-rastatt/kapitel-1-{one.pk}.ar.po",
        "kapitel-2": f"landkreis-rastatt/kapitel-2-{two.pk}.ar.po",
        "targetgroup": f"snippets/targetgroup-{snippets['group'][0].pk}.ar.po",
    }
    for key in ("rastatt", "rems_murr"):
        names[f"organisation-{key}"] = f"snippets/organisation-{snippets[key][0].pk}.ar.po"
    assert sorted(download_zip(client, language="ar")) == sorted(
        names[key] for key in ROLE_FILES[role]
    )

    translation = chapters["ar"][0]
    before = snapshot()
    with callbacks(execute=True):
        response = upload_batch(client, as_file(filled(translation, **arabic(0))), publish=True)
    if role == "officer":
        assert ARABIC[0][0] in live_content(client, translation)
        return
    assert snapshot() == before
    content = response.content.decode()
    if role == "other translator":
        assert "Sie dürfen „Bildung und Sprache“ (Arabisch) nicht bearbeiten." in content
        return
    assert "Sie dürfen „Bildung und Sprache“ (Arabisch) nicht veröffentlichen." in content
    with callbacks(execute=True):
        upload_batch(client, as_file(filled(translation, **arabic(0))))
    page = Page.objects.get(pk=target(translation).pk)
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().title == ARABIC[0][0]
    assert ARABIC[0][0] not in live_content(client, translation)


@pytest.mark.parametrize("role", ["anonymous", "reader without admin access"])
def test_users_without_admin_access_neither_download_nor_upload(
    client, chapters, django_user_model, role
):
    if role != "anonymous":
        client.force_login(django_user_model.objects.create_user("leser", "l@ex.org", "pw"))
    before = snapshot()
    upload = {"files": [as_file(filled(chapters["ar"][0], **arabic(0)))], "publish": "on"}
    for response in (
        client.get(reverse(DOWNLOAD), {"language": "ar"}),
        client.post(reverse(UPLOAD), upload),
        upload_single(client, chapters["ar"][0], filled(chapters["ar"][0], **arabic(0))),
    ):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))
        assert response["Content-Type"].startswith("text/html")
    assert snapshot() == before


def test_upload_form_and_menu_link(client, editor, chapters):
    content = client.get(reverse(UPLOAD)).content.decode()
    assert 'type="file"' in content and "multiple" in content
    assert "Übersetzungen veröffentlichen" in content
    assert reverse(DOWNLOAD) in content
    response = upload_batch(client)
    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse(DOWNLOAD) in dashboard and "PO-Dateien" in dashboard
