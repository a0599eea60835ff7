import os

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
def _reset_active_language():
    """Each test starts in the default language: a request to /ar/ leaves Arabic active."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(scope="session", autouse=True)
def _media_root(tmp_path_factory):
    """Uploaded files of the whole run go to a temporary folder."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Browser tests last: they share one committed demo database for the rest of the run.

    With several processes (pytest-xdist) the order is not kept, so browser tests must then
    run in a pytest run of their own (`make test` runs them after the others)."""
    items.sort(key=lambda item: "tests/browser/" in str(item.fspath))
    in_browser = {"tests/browser/" in str(item.fspath) for item in items}
    parallel = getattr(config.option, "numprocesses", None) or os.environ.get("PYTEST_XDIST_WORKER")
    if parallel and in_browser == {True, False}:
        raise pytest.UsageError(
            "Browser tests commit demo data: run them in their own pytest run, "
            'not in parallel with the others (make test does: -m "not browser" -n auto, '
            "then -m browser)."
        )


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


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-data")


@pytest.fixture(scope="module")
def demo(request, django_db_setup, django_db_blocker, demo_data_dir):
    """The demo content of both districts, as `make run` builds it; for each test module.

    Written inside a transaction that is rolled back after the module, so other tests never
    see it; each test still runs in its own savepoint through the `db` fixture. It is built
    once per test process and copied back for later modules (tests/demo_snapshot.py); a
    module that sets `DEMO_FRESH = True` gets it built anew.
    """
    import os
    from io import StringIO

    from django.db import connection, transaction
    from django.test import override_settings

    from tests import demo_snapshot

    fresh = getattr(request.module, "DEMO_FRESH", False) and connection.vendor == "sqlite"
    previous = os.environ.get("DEMO_PASSWORD")
    os.environ["DEMO_PASSWORD"] = "demo-passwort"
    with django_db_blocker.unblock(), override_settings(DATA_DIR=demo_data_dir):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            if demo_snapshot.has_snapshot() and not fresh:
                demo_snapshot.restore()
            else:
                call_command("load_demo", stdout=StringIO())
                if not fresh:
                    demo_snapshot.take()
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            demo_snapshot.forget_cached_records()
            if previous is None:
                os.environ.pop("DEMO_PASSWORD", None)
            else:
                os.environ["DEMO_PASSWORD"] = previous
