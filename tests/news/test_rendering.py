"""Every news page type and the gallery, document list and press blocks in every language."""

import datetime
import re
import uuid

import pytest

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from wagtail.models import Locale

from home.factories import translate_page
from news.factories import news_item

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
RTL = {"ar", "fa"}


def _id():
    return str(uuid.uuid4())


def news_blocks(image, document):
    return [
        {
            "type": "gallery",
            "id": _id(),
            "value": {
                "heading": "Impressionen",
                "images": [
                    {
                        "type": "image",
                        "id": _id(),
                        "value": {
                            "image": image.pk,
                            "alt_text": "Flipchart mit Ergebnissen",
                            "caption": "Workshop in Gaggenau",
                            "credit": "Landratsamt",
                        },
                    }
                ],
            },
        },
        {
            "type": "document_list",
            "id": _id(),
            "value": {
                "heading": "Unterlagen",
                "documents": [
                    {
                        "type": "document",
                        "id": _id(),
                        "value": {"document": document.pk, "title": "Flyer Workshop"},
                    }
                ],
            },
        },
        {
            "type": "press",
            "id": _id(),
            "value": {
                "heading": "Pressestimmen",
                "mentions": [
                    {
                        "type": "mention",
                        "id": _id(),
                        "value": {
                            "outlet": "Stuttgarter Zeitung",
                            "date": "2017-05-10",
                            "title": "Kreis beschließt Integrationsplan",
                            "url": "https://example.org/artikel",
                        },
                    }
                ],
            },
        },
    ]


@pytest.fixture
def news_tree(home, news_index, image, document):
    page = news_item(
        news_index,
        title="Beschluss",
        date=datetime.date(2024, 6, 18),
        lead_image=image,
        lead_image_alt="Sitzungssaal des Kreistags",
        tags=["Beschluss"],
        body=news_blocks(image, document),
    )
    for code in LANGUAGES[1:]:
        for item in (home, news_index, page):
            translate_page(item, code)
    return {"index": news_index, "page": page}


def html_tag(content):
    return re.search(r"<html[^>]*>", content).group(0)


@pytest.mark.parametrize("code", LANGUAGES)
def test_news_pages_and_blocks_render_in_every_language(client, news_tree, document, code):
    locale = Locale.objects.get(language_code=code)
    direction = "rtl" if code in RTL else "ltr"
    for key in ("index", "page"):
        page = news_tree[key].get_translation(locale)
        response = client.get(page.url)
        assert response.status_code == 200, (key, code)
        content = response.content.decode()
        assert html_tag(content) == f'<html lang="{code}" dir="{direction}">'
        assert content.count("<h1") == 1
        assert page.title in content
    page = news_tree["page"].get_translation(locale)
    content = client.get(page.url).content.decode()
    assert 'alt="Sitzungssaal des Kreistags"' in content
    assert '<bdi><time datetime="2024-06-18">' in content
    # gallery: the thumbnail links to the large rendition, no script needed
    large = re.search(r'<a class="gallery-block__link" href="([^"]+)">', content).group(1)
    assert "max-1600x1600" in large or large.endswith((".png", ".jpg", ".gif"))
    assert 'alt="Flipchart mit Ergebnissen"' in content
    assert "Workshop in Gaggenau" in content and "© Landratsamt" in content
    # document list: type and size
    with translation.override(code):
        size = filesizeformat(document.get_file_size())
    assert f'href="{document.url}">Flyer Workshop</a>' in content
    assert f'<span class="document-block__meta" dir="ltr">(PDF, {size})</span>' in content
    # press: outlet, date and an external link that says so
    assert "<strong>Stuttgarter Zeitung</strong>" in content
    assert 'href="https://example.org/artikel" rel="noopener"' in content
    assert "kern-icon--open-in-new" in content
    assert '<time datetime="2017-05-10">' in content


def test_gallery_large_view_is_a_larger_rendition(client, news_tree, image):
    from django.core.files.storage import default_storage

    content = client.get(news_tree["page"].url).content.decode()
    match = re.search(
        r'<a class="gallery-block__link" href="([^"]+)"><img[^>]+src="([^"]+)"', content
    )
    large, thumbnail = match.groups()
    assert large != thumbnail
    large_rendition = image.get_rendition("max-1600x1600")
    assert large == large_rendition.url
    assert default_storage.exists(large_rendition.file.name)


def test_new_blocks_are_translatable(news_tree):
    from wagtail_localize.models import StringSegment, TranslationSource

    source, _ = TranslationSource.get_or_create_from_instance(news_tree["page"])
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    for text in (
        "Impressionen",
        "Flipchart mit Ergebnissen",
        "Workshop in Gaggenau",
        "Unterlagen",
        "Flyer Workshop",
        "Pressestimmen",
        "Kreis beschließt Integrationsplan",
    ):
        assert text in strings


def test_gallery_image_requires_alt_text():
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import GalleryImageBlock

    block = GalleryImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": None, "alt_text": "", "caption": ""}))
