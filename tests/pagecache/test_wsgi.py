"""Cache hits answered in front of Django (pagecache/wsgi.py, config/wsgi.py)."""

import pytest

from django.test import RequestFactory

from wagtail.models import Page

from config.wsgi import application as site_application
from pagecache.wsgi import PageCacheApplication

pytestmark = pytest.mark.django_db


class Django:
    """Stands for Django behind the cache: records whether a request reached it."""

    def __init__(self):
        self.calls = 0

    def __call__(self, environ, start_response):
        self.calls += 1
        start_response("200 OK", [("Content-Type", "text/plain")])
        return [b"from Django"]


def call(application, url, method="GET", **headers):
    factory = RequestFactory()
    environ = getattr(factory, method.lower())(url, **headers).environ
    answer = {}

    def start_response(status, response_headers):
        answer["status"] = status
        answer["headers"] = dict(response_headers)

    answer["body"] = b"".join(application(environ, start_response))
    return answer


@pytest.fixture
def stored(client, tree):
    url = tree["measure"].url
    assert client.get(url)["X-Page-Cache"] == "miss"
    return url


def test_the_site_application_answers_hits_in_front_of_django():
    assert isinstance(site_application, PageCacheApplication)


def test_a_hit_is_answered_without_django_and_without_a_query(stored, django_assert_num_queries):
    django = Django()
    with django_assert_num_queries(0):
        answer = call(PageCacheApplication(django), stored)
    assert django.calls == 0
    assert answer["status"] == "200 OK"
    assert answer["headers"]["X-Page-Cache"] == "hit"
    assert "Wohnraumlotsen" in answer["body"].decode()
    assert answer["headers"]["Content-Length"] == str(len(answer["body"]))
    # Django's SecurityMiddleware headers, as on every response of the site.
    assert answer["headers"]["X-Content-Type-Options"] == "nosniff"
    assert answer["headers"]["Referrer-Policy"]


def test_head_gets_the_headers_without_the_body(stored):
    answer = call(PageCacheApplication(Django()), stored, method="HEAD")
    assert answer["headers"]["X-Page-Cache"] == "hit" and answer["body"] == b""


def test_a_change_sends_the_request_to_django_again(stored, tree):
    measure = Page.objects.get(pk=tree["measure"].pk).specific
    measure.title = "Wohnraumlotsinnen"
    measure.save_revision().publish()
    django = Django()
    assert call(PageCacheApplication(django), stored)["body"] == b"from Django"
    assert django.calls == 1


def test_readers_with_a_session_or_credentials_always_reach_django(stored, client):
    for headers in (
        {"HTTP_COOKIE": "sessionid=abc"},
        {"HTTP_COOKIE": "messages=abc"},
        {"HTTP_AUTHORIZATION": "Basic eDp5"},
    ):
        django = Django()
        assert call(PageCacheApplication(django), stored, **headers)["body"] == b"from Django"
    assert call(PageCacheApplication(Django()), stored, method="POST")["body"] == b"from Django"


def test_an_unknown_host_reaches_django_which_refuses_it(stored, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    django = Django()
    call(PageCacheApplication(django), stored, HTTP_HOST="evil.example")
    assert django.calls == 1


def test_the_https_redirect_comes_before_the_cache(stored, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    django = Django()
    call(PageCacheApplication(django), stored)
    assert django.calls == 1
    answer = call(PageCacheApplication(Django()), stored, secure=True)
    # Stored for http://testserver; an https request has the same key and gets HSTS.
    assert answer["headers"].get("X-Page-Cache") == "hit"
    assert answer["headers"]["Strict-Transport-Security"] == "max-age=3600"


def test_switched_off_everything_reaches_django(stored, settings):
    settings.PAGE_CACHE_ENABLED = False
    django = Django()
    call(PageCacheApplication(django), stored)
    assert django.calls == 1
