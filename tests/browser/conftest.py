"""Real-browser tests: Playwright drives Debian's Chromium against the live test server."""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in this thread; the ORM calls of the fixtures
# happen outside it, so Django's async-safety check does not apply here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # Makes pytest-django set up the test database; the demo itself is committed
            # once per session by `demo_site`, outside the tests' transactions.
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        message = (
            f"Chromium not found at {CHROMIUM}. Install it with: sudo apt-get install -y "
            "chromium (browser tests never skip in CI)."
        )
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class RequestLog:
    """Every request the page makes; tests assert that only the local server was contacted."""

    LOCAL_HOSTS = {"localhost", "127.0.0.1", "rems-murr.localhost", "::1"}

    def __init__(self):
        self.urls = []

    def record(self, request):
        self.urls.append(request.url)

    def foreign(self):
        return [
            url
            for url in self.urls
            if urlsplit(url).scheme in {"http", "https", "ws", "wss"}
            and urlsplit(url).hostname not in self.LOCAL_HOSTS
        ]


@pytest.fixture
def requests_log():
    return RequestLog()


@pytest.fixture
def page(browser, requests_log):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.on("request", requests_log.record)
    yield page
    context.close()
    assert requests_log.foreign() == [], "a request left the machine"


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The real demo content of both districts, built once and committed for all browser
    tests (which run last, see tests/conftest.py), with database access left open for the
    live server's thread."""
    from io import StringIO

    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings

    os.environ.setdefault("DEMO_PASSWORD", "demo-passwort")
    with django_db_blocker.unblock(), override_settings(DATA_DIR=tmp_path_factory.mktemp("d")):
        name = str(connection.settings_dict["NAME"])
        assert "test" in name, f"refusing to build the demo in a non-test database: {name}"
        call_command("load_demo", stdout=StringIO())
        yield


@pytest.fixture(scope="session")
def server(demo_site):
    """A live server on the demo database (pytest-django's live_server would flush it)."""
    from pytest_django.live_server_helper import LiveServer

    live = LiveServer("localhost")
    yield live
    live.stop()


def save_screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def axe_violations(page):
    """Run axe-core (bundled with axe-playwright-python, served from disk) on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
            "resultTypes": ["violations"],
        },
    )
    return [
        f"{violation['id']}: {violation['help']} "
        f"({', '.join(str(node['target']) for node in violation['nodes'][:5])})"
        for violation in results.response["violations"]
    ]
