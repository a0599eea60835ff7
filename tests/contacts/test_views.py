"""The public directory: A–Z list, filters, entries, vCards, languages and districts."""

import pytest
import vobject

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale, Page

from contacts.factories import ContactDirectoryPageFactory, ContactFactory, OrganisationFactory
from contacts.models import ContactDirectoryPage, ContactTopic
from home.factories import StandardPageFactory, translate_page
from tests.contacts.conftest import translate_contact

pytestmark = pytest.mark.django_db


def names(response):
    return [contact.name for contact in response.context["listing"].contacts]


def test_directory_can_only_live_under_a_home_page(directory, home):
    assert directory.get_parent().specific == home
    assert ContactDirectoryPage.parent_page_types == ["home.HomePage"]
    assert not ContactDirectoryPage.can_create_at(directory)


def test_directory_lists_public_contacts_a_to_z(client, directory, contacts):
    response = client.get("/de/kontakte/")
    assert response.status_code == 200
    # "Özlem" is filed under O, between J and the end, as German readers expect
    assert names(response) == ["Amira Beispiel", "Jonas Probe", "Özlem Muster"]
    content = response.content.decode()
    assert [group.letter for group in response.context["listing"].groups] == ["A", "J", "O"]
    assert 'href="#buchstabe-o"' in content
    assert content.count("<h1") == 1
    assert "Interna Geheim" not in content


def test_filter_form_is_labelled_and_works_without_javascript(client, directory, contacts):
    content = client.get("/de/kontakte/").content.decode()
    for name in ("q", "organisation", "topic", "language"):
        assert f'for="contact-filter-{name}"' in content
        assert f'id="contact-filter-{name}"' in content
    assert 'method="get"' in content and 'type="submit"' in content
    # The directory needs no script (the site-wide search suggestions are an extra).
    assert "<script" not in content.split("<main", 1)[1].split("</main>")[0]
    # languages offered in their own names, with lang and dir
    assert '<option value="ar" lang="ar" dir="rtl">العربية</option>' in content
    # the internal contact's languages do not leak either: nobody public speaks only those
    assert content.count('<option value="ar"') == 1


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?language=ar", ["Amira Beispiel"]),
        ("?language=tr", ["Özlem Muster"]),
        ("?q=ehrenamt", ["Özlem Muster"]),
        ("?q=jobcenter", ["Jonas Probe"]),
        ("?topic=ausbildung-arbeit", ["Jonas Probe"]),
        ("?language=ar&q=geheim", []),
        ("?language=xx", ["Amira Beispiel", "Jonas Probe", "Özlem Muster"]),
    ],
)
def test_directory_filters(client, directory, contacts, query, expected):
    assert names(client.get("/de/kontakte/" + query)) == expected


def test_filter_by_organisation(client, directory, contacts):
    response = client.get(f"/de/kontakte/?organisation={contacts['office'].pk}")
    assert names(response) == ["Amira Beispiel", "Özlem Muster"]
    assert "selected>Sachgebiet Integration</option>" in response.content.decode()


def test_only_contacts_of_the_current_district(client, directory, contacts, other_site):
    ContactFactory(name="Zora Rems", site=other_site)
    assert "Zora Rems" not in names(client.get("/de/kontakte/"))


def test_each_contact_has_its_own_address(client, directory, contacts):
    officer = contacts["officer"]
    url = directory.contact_url(officer)
    assert url == f"/de/kontakte/{officer.pk}-amira-beispiel/"
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "<h1" in content and "Amira Beispiel</h1>" in content
    assert 'href="tel:+4972220000123"><bdi dir="ltr">07222 0000123</bdi>' in content
    assert '<bdi dir="ltr">07222 0000199</bdi>' in content  # fax, not a link
    assert 'href="mailto:integration@example.org"' in content
    assert "Montag" in content and "08:30" in content and "und nach Vereinbarung" in content
    assert "D4.01" in content and officer.location.street in content
    assert '<span lang="ar" dir="rtl">العربية</span>' in content
    assert f'href="{url}vcard/"' in content
    # a wrong slug redirects to the right address
    assert client.get(f"/de/kontakte/{officer.pk}-falsch/").url == url


def test_internal_and_foreign_contacts_have_no_public_address(
    client, directory, contacts, other_site
):
    internal = contacts["internal"]
    for suffix in ("", "vcard/"):
        assert client.get(f"/de/kontakte/{internal.pk}-interna-geheim/{suffix}").status_code == 404
    foreign = ContactFactory(name="Zora Rems", site=other_site)
    assert client.get(f"/de/kontakte/{foreign.pk}-zora-rems/").status_code == 404


def test_vcard_download_parses_back_with_utf8_names(client, directory, contacts):
    volunteer = contacts["volunteer"]
    response = client.get(directory.vcard_url(volunteer))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="ozlem-muster.vcf"'
    card = vobject.readOne(response.content.decode("utf-8"))
    assert card.fn.value == "Özlem Muster"
    assert card.tel.value == "+4972220000124"
    assert "Türkçe" in card.note.value


def test_arabic_directory_shows_arabic_versions_and_falls_back_to_german(
    client, directory, contacts
):
    officer_ar = translate_contact(contacts["officer"], "ar", position="مسؤولة الاندماج")
    response = client.get("/ar/kontakte/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    listing = response.context["listing"]
    assert {contact.locale.language_code for contact in listing.contacts} == {"ar", "de"}
    assert "مسؤولة الاندماج" in content
    # the Arabic version has its own address under the Arabic directory
    assert f'href="/ar/kontakte/{officer_ar.pk}-amira-beispiel/"' in content
    # phone numbers keep left-to-right order inside the right-to-left page
    assert '<a class="kern-link" href="tel:+4972220000123"><bdi dir="ltr">' in content
    detail = client.get(f"/ar/kontakte/{officer_ar.pk}-amira-beispiel/").content.decode()
    assert "مسؤولة الاندماج" in detail and '<bdi dir="ltr">07222 0000123</bdi>' in detail
    # the German id under /ar/ leads to the Arabic version
    german_url = f"/ar/kontakte/{contacts['officer'].pk}-amira-beispiel/"
    assert client.get(german_url).url == f"/ar/kontakte/{officer_ar.pk}-amira-beispiel/"


def test_entry_lists_live_public_pages_that_mention_the_contact(client, directory, contacts, home):
    officer = contacts["officer"]
    page = StandardPageFactory(parent=home, title="Sprachkurse", slug="sprachkurse")
    page.page_contacts.create(contact=officer)
    page.save_revision().publish()
    draft = StandardPageFactory(parent=home, title="Entwurf", slug="entwurf", live=False)
    draft.page_contacts.create(contact=officer)
    draft.save()
    content = client.get(directory.contact_url(officer)).content.decode()
    assert 'href="/de/sprachkurse/">Sprachkurse</a>' in content
    assert "Entwurf" not in content
    # in Arabic the Arabic translation of the page is linked
    translate_page(page, "ar")
    officer_ar = translate_contact(officer, "ar")
    arabic = client.get(f"/ar/kontakte/{officer_ar.pk}-amira-beispiel/").content.decode()
    assert 'href="/ar/sprachkurse/">Sprachkurse [ar]</a>' in arabic


def directory_queries(client):
    client.get("/de/kontakte/")  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/de/kontakte/?q=&language=")
    assert response.status_code == 200
    return len(queries), len(response.context["listing"].contacts)


def make_contacts(site, count, topic):
    organisations = [OrganisationFactory(site=site) for _ in range(5)]
    for index in range(count):
        contact = ContactFactory(
            site=site,
            organisation=organisations[index % 5],
            languages=["de", "ar"] if index % 2 else ["de", "tr"],
        )
        ContactTopic.objects.create(contact=contact, topic=topic)


def test_directory_query_count_does_not_grow_with_contacts(client, directory, site, topic):
    make_contacts(site, 10, topic)
    small, shown = directory_queries(client)
    assert shown == 10
    make_contacts(site, 290, topic)
    large, shown = directory_queries(client)
    assert shown == 300
    assert small == large


def test_directory_page_per_language(client, directory):
    for code in ("de", "en", "ar"):
        response = client.get(f"/{code}/kontakte/")
        assert response.status_code == 200
        assert response.context["page"].locale.language_code == code


def test_second_directory_under_the_same_home_is_not_allowed(directory, home):
    assert not ContactDirectoryPage.can_create_at(home)
    other_home = Page.objects.get(pk=home.pk)
    assert ContactDirectoryPage.objects.child_of(other_home).count() == 1


def test_directory_page_factory_renders(client, other_site):
    page = ContactDirectoryPageFactory(parent=other_site.root_page, slug="kontakte")
    response = client.get(page.url, HTTP_HOST="rems-murr.localhost")
    assert response.status_code == 200
    assert "Keine Kontakte gefunden" in response.content.decode()
    assert Locale.get_default().language_code == "de"
