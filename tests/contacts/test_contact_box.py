"""The "Kontakt" box: as a body block and as the page's contacts, in every language."""

import uuid

import pytest

from django.conf import settings

from contacts.blocks import ContactBlock
from home.blocks import BodyBlock
from home.factories import StandardPageFactory, translate_page
from tests.contacts.conftest import translate_contact

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def page_with_boxes(home, directory, contacts):
    """A page naming the officer in its body and the volunteer coordinator as page contact,
    translated into every language; the officer's position is translated into Arabic."""
    page = StandardPageFactory(
        parent=home,
        title="Sprachkurse",
        slug="sprachkurse",
        body=[
            {
                "type": "contact",
                "value": {"heading": "", "contact": contacts["officer"].pk},
                "id": str(uuid.uuid4()),
            },
            {
                "type": "contact",
                "value": {"heading": "Intern", "contact": contacts["internal"].pk},
                "id": str(uuid.uuid4()),
            },
        ],
    )
    page.page_contacts.create(contact=contacts["volunteer"])
    page.save_revision().publish()
    for code in LANGUAGES[1:]:
        translate_page(home, code)
        translate_page(page, code)
    translate_contact(contacts["officer"], "ar", position="مسؤولة الاندماج")
    return page


def test_contact_block_is_part_of_the_shared_body():
    block = BodyBlock().child_blocks["contact"]
    assert isinstance(block, ContactBlock)
    assert block.meta.icon and block.meta.template and block.meta.description
    assert block.meta.preview_value


@pytest.mark.parametrize("code", LANGUAGES)
def test_contact_boxes_render_in_every_language(client, page_with_boxes, contacts, code):
    response = client.get(f"/{code}/sprachkurse/")
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count('class="kern-card contact-box"') == 2  # block + page contacts
    assert "Amira Beispiel" in content and "Özlem Muster" in content
    assert 'href="tel:+4972220000123"><bdi dir="ltr">07222 0000123</bdi>' in content
    assert "D4.01" in content and "integration@example.org" in content
    # internal contacts are never shown, even when a page names them
    assert "Interna Geheim" not in content and "0000999" not in content
    directory = f"/{code}/kontakte/" if code in ("de", "en", "ar") else "/de/kontakte/"
    assert f'href="{directory}' in content


def test_arabic_box_shows_the_arabic_version_and_links_its_entry(client, page_with_boxes, contacts):
    officer_ar = contacts["officer"].get_translation(
        contacts["officer"].locale.__class__.objects.get(language_code="ar")
    )
    content = client.get("/ar/sprachkurse/").content.decode()
    assert "مسؤولة الاندماج" in content
    assert f'href="/ar/kontakte/{officer_ar.pk}-amira-beispiel/"' in content
    # untranslated contacts fall back to German and link the Arabic directory
    volunteer = contacts["volunteer"]
    assert f'href="/ar/kontakte/{volunteer.pk}-ozlem-muster/"' in content


def test_page_contacts_stay_synchronised_in_translations(page_with_boxes, contacts):
    arabic = page_with_boxes.get_translation(
        page_with_boxes.locale.__class__.objects.get(language_code="ar")
    )
    assert [link.contact for link in arabic.specific.page_contacts.all()] == [contacts["volunteer"]]


def test_contact_block_is_not_a_translatable_segment(contacts):
    block = ContactBlock()
    value = block.to_python({"heading": "Kontakt", "contact": contacts["officer"].pk})
    chooser = block.child_blocks["contact"]
    assert chooser.get_translatable_segments(value["contact"]) == []


def test_block_preview_renders_a_placeholder_but_pages_do_not(client, home, directory):
    block = ContactBlock()
    value = block.to_python(block.get_prep_value(block.normalize(block.meta.preview_value)))
    assert "Hier erscheint die gewählte Ansprechperson" in block.render(value)
    assert block.render(value, context={"page": home}).strip() == ""
