import pytest

from wagtail.models import Locale

from home.factories import HomePageFactory, StandardPageFactory, translate_page
from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_page_factories_build_live_german_pages_with_distinct_text(home):
    first = StandardPageFactory(parent=home)
    second = StandardPageFactory(parent=home)
    assert isinstance(home, HomePage) and isinstance(first, StandardPage)
    assert first.live and first.locale == Locale.get_default()
    assert first.slug != second.slug
    assert first.intro != second.intro  # Faker is evaluated per instance


def test_translate_page_creates_the_translation_with_its_parents(home):
    page = StandardPageFactory(parent=home)
    arabic = translate_page(page, "ar")
    assert arabic.locale.language_code == "ar"
    assert arabic.get_parent().specific.locale.language_code == "ar"
    assert translate_page(page, "ar").pk == arabic.pk


def test_home_page_factory_under_root():
    from wagtail.models import Page

    page = HomePageFactory(parent=Page.get_first_root_node())
    assert page.depth == 2
