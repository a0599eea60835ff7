import pytest

from django.conf import settings

from wagtail.models import Locale, Page

from home.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def test_every_configured_language_has_a_locale_after_migrate():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {code for code, _name in settings.LANGUAGES}
    assert codes == {"de", "en", "ar", "fa", "tr", "uk", "ru"}


def test_german_is_the_default_locale():
    assert Locale.get_default().language_code == "de"


def test_home_page_only_at_the_top_of_the_tree(home):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home)
    assert not StandardPage.can_create_at(root)
    assert StandardPage.can_create_at(home)


def test_allowed_children():
    from concept.models import ConceptPage
    from contacts.models import ContactDirectoryPage
    from events.models import EventIndexPage
    from news.models import NewsIndexPage
    from participation.models import SuggestionFormPage

    assert set(HomePage.allowed_subpage_models()) == {
        StandardPage,
        ConceptPage,
        ContactDirectoryPage,
        NewsIndexPage,
        EventIndexPage,
        SuggestionFormPage,
    }
    assert StandardPage.allowed_subpage_models() == [StandardPage]
    assert StandardPage.allowed_parent_page_models() == [HomePage, StandardPage]
