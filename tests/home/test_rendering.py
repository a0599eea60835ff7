"""Every page type and every block renders in every language, with the right lang and dir."""

import re

import pytest

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from wagtail.models import Locale

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
RTL = {"ar", "fa"}


def html_tag(content):
    return re.search(r"<html[^>]*>", content).group(0)


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_and_standard_pages_render_in_every_language(client, full_tree, code):
    for key in ("home", "info", "page"):
        page = full_tree[key].get_translation(Locale.objects.get(language_code=code))
        response = client.get(page.url)
        assert response.status_code == 200, (key, code)
        content = response.content.decode()
        direction = "rtl" if code in RTL else "ltr"
        assert html_tag(content) == f'<html lang="{code}" dir="{direction}">'
        assert f'<h1 class="kern-heading-x-large">{page.title}</h1>' in content


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_block_renders(client, full_tree, code):
    page = full_tree["page"].get_translation(Locale.objects.get(language_code=code))
    content = client.get(page.url).content.decode()
    # heading with an anchor for the table of contents
    assert (
        '<h2 class="kern-heading-medium" id="bildung-und-sprache">Bildung und Sprache</h2>'
        in content
    )
    assert "Ein Absatz über Sprachkurse." in content
    # image: the editor's alternative text, caption and credit
    assert 'alt="Teilnehmende am Workshop in Bühl"' in content
    assert "Workshop in Bühl" in content and "© Landratsamt" in content
    # document states its type and size by itself, e.g. "(PDF, 2.0 KB)"
    with translation.override(code):
        size = filesizeformat(full_tree["page"].body[3].value["document"].file_size)
    meta = f'<span class="document-block__meta" dir="ltr">(PDF, {size})</span>'
    assert f"Flyer zum Workshop</a>\n    {meta}" in content
    assert "Gemeinsam geht es besser." in content and "Eine Teilnehmerin" in content
    # a page link points to the page in the reader's language
    info = full_tree["info"].get_translation(Locale.objects.get(language_code=code))
    assert f'href="{info.url}">{info.title}</a>' in content
    assert 'href="https://example.org/"' in content
    assert "Zur Beteiligung" in content
    question = '<span class="kern-title">Wo finde ich einen Sprachkurs?</span>'
    assert f'<summary class="kern-accordion__header">{question}</summary>' in content
    assert '<caption class="kern-title">Workshops 2023</caption>' in content
    assert '<th class="kern-table__header" scope="col">Ort</th>' in content
    assert '<td class="kern-table__cell">Gaggenau</td>' in content
    assert "kern-alert--warning" in content and "Anmeldung erforderlich." in content


def test_every_block_has_template_preview_and_description():
    from home.blocks import BodyBlock

    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.template, name
        assert block.meta.description, name
        assert block.meta.preview_value is not None, name
        assert block.meta.icon, name


def test_every_block_renders_its_preview_value():
    from home.blocks import BodyBlock

    for name, block in BodyBlock().child_blocks.items():
        if name in {"image", "document"}:
            continue  # their previews need a chosen file; rendered with real files above
        value = block.to_python(block.get_prep_value(block.normalize(block.meta.preview_value)))
        html = block.render(value)
        assert html.strip(), name
