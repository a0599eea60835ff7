"""CSV import: all lines or nothing, each failing line named with its reason."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from contacts.factories import ContactFactory, LocationFactory
from contacts.models import Contact

pytestmark = pytest.mark.django_db

HEADER = "name,position,organisation,phone,fax,email,building,room,languages,public\n"
GOOD = (
    HEADER + "Hanna Neu,Sprachkurskoordination,Sachgebiet Integration,07222 0000-150,,"
    "hanna@example.org,Landratsamt Rastatt,D4.05,ar;tr,ja\n"
    + 'Ümit Beispiel,"Beratung, Anerkennung",Jobcenter Landkreis Rastatt,+49 7222 0000151,'
    "07222 0000-199,uemit@example.org,,,de,nein\n"
)


@pytest.fixture
def building(site):
    return LocationFactory(name="Landratsamt Rastatt", site=site)


def run_command(tmp_path, content, encoding="utf-8", host=None):
    path = tmp_path / "kontakte.csv"
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    arguments = [str(path)] + (["--site", host] if host else [])
    call_command("import_contacts", *arguments)


def test_import_creates_contacts(tmp_path, contacts, building, site):
    before = Contact.objects.count()
    run_command(tmp_path, GOOD)
    assert Contact.objects.count() == before + 2
    hanna = Contact.objects.get(name="Hanna Neu")
    assert hanna.phone == "+4972220000150"
    assert hanna.languages == ["ar", "tr"]
    assert hanna.organisation == contacts["office"] and hanna.location == building
    assert hanna.site == site and hanna.locale.language_code == "de" and hanna.is_public
    uemit = Contact.objects.get(name="Ümit Beispiel")
    assert uemit.position == "Beratung, Anerkennung" and not uemit.is_public


def test_import_accepts_byte_order_mark_and_semicolons(tmp_path, contacts, building):
    content = "\ufeff" + GOOD.replace("ar;tr", "ar tr").replace(",", ";")
    content = content.replace('"Beratung; Anerkennung"', "Beratung")
    run_command(tmp_path, content)
    assert Contact.objects.filter(name="Ümit Beispiel", position="Beratung").exists()


def test_import_into_another_district(tmp_path, other_site):
    run_command(tmp_path, "name,phone\nRita Rems,07151 0000-100\n", host="rems-murr.localhost")
    assert Contact.objects.get(name="Rita Rems").site == other_site


FAILURES = [
    ("name;telefon\nA;1\n", "Zeile 1:", "Unbekannte Spalten: telefon"),
    ("position\nA\n", "Zeile 1:", "Es fehlt die Spalte „name“"),
    (HEADER + "Eva,,,12345,,,,,,\n", "Zeile 2:", "keine gültige Telefonnummer"),
    (HEADER + "Eva,,,,,kein-at,,,,\n", "Zeile 2:", "keine gültige E-Mail-Adresse"),
    (HEADER + "Eva,,Unbekannt e.V.,,,,,,,\n", "Zeile 2:", "Unbekannte Organisation"),
    (HEADER + "Eva,,,,,,,,ar;xx,\n", "Zeile 2:", "Unbekannte Sprachkürzel: xx"),
    (HEADER + "Eva,,,,,,Rathaus,,,\n", "Zeile 2:", "Unbekanntes Gebäude"),
    (HEADER + "Eva,,,,,,,,,vielleicht\n", "Zeile 2:", "„ja“ oder „nein“"),
    (HEADER + ",Ohne Namen,,,,,,,,\n", "Zeile 2:", "Der Name fehlt"),
    (
        HEADER + "Eva,,,,,eva@example.org,,,,\nEVA,,,,,eva@example.org,,,,\n",
        "Zeile 3:",
        "Doppelt in der Datei (wie Zeile 2)",
    ),
    (
        HEADER + "Amira Beispiel,,,,,integration@example.org,,,,\n",
        "Zeile 2:",
        "gibt es in diesem Landkreis schon",
    ),
    (HEADER + "Eva,,,,,,,,,,zu viel\n", "Zeile 2:", "mehr Felder"),
    (HEADER, "Zeile 1:", "keine Kontakte"),
]


@pytest.mark.parametrize("content, line, reason", FAILURES)
def test_command_reports_each_failing_line_and_writes_nothing(
    tmp_path, capsys, contacts, building, content, line, reason
):
    if content != HEADER:
        # a good line before the bad one must not be imported either
        content = content.replace(HEADER, HEADER + "Gute Zeile,,,07222 0000-160,,,,,,\n", 1)
        line = line if "Zeile 1" in line else f"Zeile {int(line.split()[1][:-1]) + 1}:"
        reason = reason.replace("wie Zeile 2", "wie Zeile 3")
    before = Contact.objects.count()
    with pytest.raises(CommandError, match="nichts importiert"):
        run_command(tmp_path, content)
    errors = capsys.readouterr().err
    assert line in errors and reason in errors, errors
    assert Contact.objects.count() == before


def test_wrong_encoding_names_the_line(tmp_path, capsys, building):
    content = (HEADER + "Eva,,,,,,,,,\nJürgen,,,,,,,,,\n").encode("latin-1")
    with pytest.raises(CommandError):
        run_command(tmp_path, content)
    errors = capsys.readouterr().err
    assert "Zeile 3:" in errors and "UTF-8" in errors
    assert not Contact.objects.exists()


def test_duplicate_check_is_per_district(tmp_path, site, other_site):
    ContactFactory(name="Eva Gleich", email="eva@example.org", site=other_site)
    run_command(tmp_path, "name,email\nEva Gleich,eva@example.org\n")
    assert Contact.objects.filter(name="Eva Gleich").count() == 2


def upload(content):
    return SimpleUploadedFile("kontakte.csv", content.encode("utf-8"), content_type="text/csv")


def test_admin_view_imports_a_good_file(admin_client, site, contacts, building):
    url = "/admin/snippets/contacts/contact/import/"
    page = admin_client.get(url)
    assert page.status_code == 200 and 'type="file"' in page.content.decode()
    response = admin_client.post(url, {"site": site.pk, "file": upload(GOOD)}, follow=True)
    assert response.status_code == 200
    assert "2 Kontakte importiert" in response.content.decode()
    assert Contact.objects.filter(name="Hanna Neu").exists()


def test_admin_view_lists_errors_and_writes_nothing(admin_client, site, contacts, building):
    before = Contact.objects.count()
    bad = HEADER + "Eva,,,12345,,,,,,\nOtto,,,,,kein-at,,,,\n"
    response = admin_client.post(
        "/admin/snippets/contacts/contact/import/", {"site": site.pk, "file": upload(bad)}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Zeile 2: Telefon:" in content and "Zeile 3:" in content
    assert Contact.objects.count() == before


def test_admin_view_needs_permission_to_add_contacts(client, django_user_model, site):
    user = django_user_model.objects.create_user("redakteur", password="x")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get("/admin/snippets/contacts/contact/import/").status_code in (302, 403)
