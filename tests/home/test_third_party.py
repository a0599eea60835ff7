"""No rendered public page makes a reader's browser contact another host."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from django.conf import settings

from wagtail.models import Locale, Page

pytestmark = pytest.mark.django_db

# Attributes that make a browser fetch something without the reader clicking.
FETCHING = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
}


class ResourceCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and attributes.get("rel") in {"alternate", "canonical"}:
            return  # not fetched by the browser
        for name in FETCHING.get(tag, ()):
            value = attributes.get(name)
            if value:
                self.urls.extend(part.strip().split(" ")[0] for part in value.split(","))


def third_party_urls(content, allowed_hosts):
    collector = ResourceCollector()
    collector.feed(content)
    return [
        url
        for url in collector.urls
        if urlsplit(url).netloc and urlsplit(url).hostname not in allowed_hosts
    ]


def test_collector_finds_a_third_party_font():
    html = '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">'
    assert third_party_urls(html, {"testserver"}) == [
        "https://fonts.googleapis.com/css?family=Roboto"
    ]


def test_no_page_in_any_language_loads_from_a_third_party(client, full_tree):
    pages = Page.objects.live().exclude(depth=1).specific()
    assert pages.count() == 3 * len(settings.LANGUAGES)
    for page in pages:
        content = client.get(page.url).content.decode()
        assert third_party_urls(content, {"testserver"}) == [], page.url
    assert Locale.objects.count() == len(settings.LANGUAGES)


def test_stylesheets_and_fonts_are_served_locally(client, home):
    from django.contrib.staticfiles import finders

    for path in (
        "kern/kern.min.css",
        "kern/fonts/fira-sans.css",
        "fonts/noto-sans-arabic/400.css",
        "css/portal.css",
    ):
        assert finders.find(path), f"{path} is missing: run npm ci"
