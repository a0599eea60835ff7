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
            # The live server needs committed data; the demo builder recreates what the
            # migrations made (root page, locales, collection) after each flush.
            item.add_marker(pytest.mark.django_db(transaction=True))


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


@pytest.fixture
def demo_site(transactional_db, settings, tmp_path, monkeypatch):
    """The real demo content of both districts, in the live server's database."""
    from django.core.management import call_command

    settings.DATA_DIR = tmp_path
    monkeypatch.setenv("DEMO_PASSWORD", "demo-passwort")
    with open(os.devnull, "w") as devnull:
        call_command("load_demo", stdout=devnull)


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
