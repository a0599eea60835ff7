import pytest

from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from home.factories import (
    DocumentFactory,
    StandardPageFactory,
    body_with_every_block,
    district_site,
    translate_page,
)


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """Compile the gettext catalogues once, so rendered pages use the translated strings."""
    call_command("compile_catalogues", verbosity=0)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def site(db):
    """Landkreis Rastatt on the default host with a German home page."""
    return district_site()


@pytest.fixture
def other_site(db):
    """Rems-Murr-Kreis on its own host."""
    return district_site(
        hostname="rems-murr.localhost", name="Rems-Murr-Kreis", is_default_site=False
    )


@pytest.fixture
def home(site):
    return site.root_page.specific


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Workshop", file=get_test_image_file())


@pytest.fixture
def document(db):
    return DocumentFactory()


@pytest.fixture
def full_tree(home, image, document):
    """A district with a page that uses every block, translated into every language."""
    from django.conf import settings

    info = StandardPageFactory(
        parent=home, title="Beteiligung", slug="beteiligung", show_in_menus=True
    )
    page = StandardPageFactory(
        parent=info,
        title="Alle Bausteine",
        slug="alle-bausteine",
        body=body_with_every_block(image, document, info),
    )
    page.save_revision().publish()
    for code, _name in settings.LANGUAGES[1:]:
        for item in (home, info, page):
            translate_page(item, code)
    return {"home": home, "info": info, "page": Page.objects.get(pk=page.pk).specific}
