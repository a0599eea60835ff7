"""The suggestion form and its thank-you page render in every language."""

import pytest

from django.conf import settings

from home.factories import translate_page

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
RTL = {"ar", "fa"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_form_and_landing_render_in_every_language(client, form_page, valid_data, code):
    page = form_page if code == "de" else translate_page(form_page, code)
    direction = "rtl" if code in RTL else "ltr"
    response = client.get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in content
    assert f'<h1 class="kern-heading-x-large">{page.title}</h1>' in content
    assert 'name="topic"' in content and 'name="consent"' in content
    response = client.post(page.url, valid_data, REMOTE_ADDR=f"192.0.2.{len(code)}")
    assert response.status_code == 200
    assert f'<html lang="{code}" dir="{direction}">' in response.content.decode()
    assert response.content.decode().count("<h1") == 1
