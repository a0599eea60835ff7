"""Cached pages as files for nginx in front (pagecache/files.py, pagecache/nginx.py): written
for anonymous readers' HTML pages only, deleted exactly when what they show changes, and
served by a real nginx in front of the live application."""

import os
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from django.core.handlers.wsgi import WSGIHandler
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connections
from django.test.testcases import LiveServerThread

from wagtail import hooks
from wagtail.models import Page

from pagecache.nginx import configuration, standalone

pytestmark = pytest.mark.django_db


@pytest.fixture
def files_dir(settings, tmp_path):
    settings.PAGE_CACHE_FILES_DIR = str(tmp_path / "pages")
    return tmp_path / "pages"


def file_of(files_dir, url, host="testserver"):
    return files_dir / host / url.strip("/") / "index.html"


def fresh(page):
    return Page.objects.get(pk=page.pk).specific


def test_an_anonymous_readers_page_is_written_as_a_file_and_dropped_on_publish(
    client, tree, files_dir
):
    url = tree["measure"].url
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    stored = file_of(files_dir, url)
    assert stored.read_bytes() == response.content
    chapter_file = file_of(files_dir, tree["chapter"].url)
    client.get(tree["chapter"].url)
    news_file = file_of(files_dir, tree["news"].url)
    client.get(tree["news"].url)
    assert chapter_file.exists() and news_file.exists()

    measure = fresh(tree["measure"])
    measure.title = "Wohnraumlotsinnen"
    measure.save_revision().publish()

    assert not stored.exists()
    assert not chapter_file.exists()  # lists the measure
    assert news_file.exists()  # shows nothing of it
    response = client.get(url)
    assert "Wohnraumlotsinnen" in stored.read_text()
    assert stored.read_bytes() == response.content


def test_a_contact_edit_deletes_the_files_of_the_pages_showing_its_box(client, tree, files_dir):
    for url in (tree["chapter"].url, tree["directory"].url, tree["other_measure"].url):
        client.get(url)
    contact = tree["contact"]
    contact.phone = "+4972220000999"
    contact.save()
    assert not file_of(files_dir, tree["chapter"].url).exists()
    assert not file_of(files_dir, tree["directory"].url).exists()
    assert file_of(files_dir, tree["other_measure"].url).exists()


def test_unpublishing_deletes_the_file(client, tree, files_dir):
    client.get(tree["news"].url)
    fresh(tree["news"]).unpublish()
    assert not file_of(files_dir, tree["news"].url).exists()
    assert client.get(tree["news"].url).status_code == 404


def test_query_strings_json_and_csv_get_files_with_their_type(client, tree, files_dir):
    index = files_dir / "testserver" / tree["news_index"].url.strip("/")
    client.get(tree["news_index"].url + "?page=1")
    assert (index / "index?page=1.html").exists()
    catalogue = files_dir / "testserver" / tree["catalogue"].url.strip("/")
    response = client.get(tree["catalogue"].url + "export/csv/")
    assert response["Content-Disposition"] == f'attachment; filename="{tree["catalogue"].slug}.csv"'
    assert (catalogue / "export" / "csv" / "index.csv").read_bytes() == response.content
    client.get("/api/v2/pages/?type=concept.MeasurePage")
    api = files_dir / "testserver" / "api" / "v2" / "pages"
    assert (api / "index?type=concept.MeasurePage.json").exists()


def test_made_up_query_parameters_get_no_file(client, tree, files_dir):
    """Parameters the page never reads would let anyone fill the disk with copies."""
    index = files_dir / "testserver" / tree["news_index"].url.strip("/")
    for number in range(3):
        client.get(f"{tree['news_index'].url}?x={number}")
        client.get(f"{tree['news_index'].url}?page=1&x={number}")
    assert not any(index.glob("index?*"))
    client.get(tree["news_index"].url + "?page=1")
    assert [path.name for path in index.glob("index?*")] == ["index?page=1.html"]


def test_no_file_where_nginx_could_not_answer_the_same(client, tree, files_dir, admin_user):
    # A spreadsheet: a type nginx is not told about.
    client.get(tree["catalogue"].url + "export/xlsx/")
    client.get(tree["catalogue"].url + "export/xlsx/")
    assert not files_dir.exists() or not any(files_dir.rglob("index*"))
    # Logged-in users never reach the cache.
    client.force_login(admin_user)
    client.get(tree["measure"].url)
    assert not file_of(files_dir, tree["measure"].url).exists()


def test_a_change_while_the_page_is_rendered_keeps_it_out_of_the_cache(client, tree, files_dir):
    """An editor publishes while a reader's request renders the page: that response may show
    the old state, so it is neither kept nor written."""
    url = tree["measure"].url

    def publish_meanwhile(page, request, serve_args, serve_kwargs):
        measure = fresh(tree["measure"])
        measure.title = "Wohnraumlotsinnen"
        measure.save_revision().publish()

    with hooks.register_temporarily("before_serve_page", publish_meanwhile):
        response = client.get(url)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") != "miss"
    assert not file_of(files_dir, url).exists()
    again = client.get(url)
    assert again["X-Page-Cache"] == "miss"
    assert "Wohnraumlotsinnen" in again.content.decode()


def test_with_redis_the_index_is_shared_and_a_change_deletes_the_files(
    client, tree, files_dir, redis_cache
):
    client.get(tree["measure"].url)
    client.get(tree["news"].url)
    measure = fresh(tree["measure"])
    measure.title = "Wohnraumlotsinnen"
    measure.save_revision().publish()
    assert not file_of(files_dir, tree["measure"].url).exists()
    assert file_of(files_dir, tree["news"].url).exists()


def test_the_nginx_configuration_command(settings, files_dir, capsys):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 3600
    call_command("page_cache_nginx", "--upstream", "127.0.0.1:8000", "--listen", "8080")
    text = capsys.readouterr().out
    assert f"root {files_dir};" in text
    assert "server 127.0.0.1:8000;" in text
    assert '"1|https|" "";' in text  # files only over HTTPS, as Django redirects
    assert "Strict-Transport-Security" in text
    assert "$cookie_sessionid$cookie_messages$http_authorization" in text


# -- a real nginx in front of the live application ------------------------------------------------

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


@pytest.fixture
def nginx_front(application_server, settings):
    if not Path(NGINX).exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("nginx is missing (.ci/run installs nginx-light)")
        pytest.skip("nginx is not installed (apt-get install nginx-light)")
    settings.ALLOWED_HOSTS = ["*"]
    directory = Path(tempfile.mkdtemp(prefix="nginx-front-"))
    directory.chmod(0o755)  # nginx's workers may run as nobody
    files_dir = directory / "pages"
    settings.PAGE_CACHE_FILES_DIR = str(files_dir)
    port = _free_port()
    upstream = application_server
    http = configuration(upstream, listen=f"127.0.0.1:{port}", files_dir=files_dir)
    conf = directory / "nginx.conf"
    conf.write_text(standalone(http, directory))
    process = subprocess.Popen(
        [NGINX, "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    base = f"http://localhost:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/_missing", timeout=1)  # noqa: S310
        except urllib.error.HTTPError:
            break
        except OSError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(directory, ignore_errors=True)


class _OneRequestAtATime(WSGIServer):
    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


class _ServerThread(LiveServerThread):
    """Django's live server thread, serving one request at a time on the test's own database
    connection, inside the test's transaction (as Django does for in-memory SQLite): what the
    test writes, the server reads, and nothing is committed or flushed afterwards."""

    server_class = _OneRequestAtATime

    def run(self):
        for alias, connection in self.connections_override.items():
            connections[alias] = connection
        try:
            self.httpd = self._create_server(connections_override=self.connections_override)
            self.port = self.httpd.server_address[1]
            self.httpd.set_app(WSGIHandler())
            self.is_ready.set()
            self.httpd.serve_forever()
        except Exception as error:  # noqa: BLE001 - reported to the test below
            self.error = error
            self.is_ready.set()
        # The connection is the test's: not closed here.


@pytest.fixture
def application_server(db):
    """The application on a free port ("host:port"), sharing the test's transaction."""
    connection = connections["default"]
    connection.inc_thread_sharing()
    # Like Django's test client: the test's open transaction is not a reason to close it.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    thread = _ServerThread("127.0.0.1", None, connections_override={"default": connection})
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    try:
        if thread.error:
            raise thread.error
        yield f"127.0.0.1:{thread.port}"
    finally:
        thread.terminate()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
        connection.dec_thread_sharing()


def _free_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, cookie=None):
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
        return response.headers, response.read().decode()


def test_nginx_serves_the_file_and_an_edit_shows_at_once(nginx_front, tree):
    url = nginx_front + tree["measure"].url
    headers, first = fetch(url)
    assert headers["X-Page-Cache"] == "miss"
    headers, second = fetch(url)
    assert headers["X-Page-Cache"] == "hit-file"  # from nginx, without the application
    assert second == first
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Content-Language"] == "de"
    assert headers["X-Frame-Options"] == "DENY"

    measure = fresh(tree["measure"])
    measure.title = "Wohnraumlotsinnen"
    measure.save_revision().publish()

    headers, after = fetch(url)
    assert headers["X-Page-Cache"] == "miss"
    assert "Wohnraumlotsinnen" in after
    # A reader with a session (an editor) always reaches the application.
    headers, _body = fetch(url, cookie="sessionid=abc")
    assert headers.get("X-Page-Cache") != "hit-file"
    # A query string the page uses is a miss first, then a file of its own; a made-up one
    # stays with the application.
    news = nginx_front + tree["news_index"].url + "?page=1"
    assert fetch(news)[0]["X-Page-Cache"] == "miss"
    assert fetch(news)[0]["X-Page-Cache"] == "hit-file"
    assert fetch(url + "?x=1")[0]["X-Page-Cache"] == "miss"
    assert fetch(url + "?x=1")[0]["X-Page-Cache"] == "hit"


def test_nginx_serves_the_api_and_the_csv_export_with_the_applications_headers(nginx_front, tree):
    for path in ("/api/v2/pages/?type=concept.MeasurePage", tree["catalogue"].url + "export/csv/"):
        first_headers, first = fetch(nginx_front + path)
        headers, second = fetch(nginx_front + path)
        assert (first_headers["X-Page-Cache"], headers["X-Page-Cache"]) == ("miss", "hit-file")
        assert second == first
        for name in ("Content-Disposition",):
            assert headers[name] == first_headers[name], path
        assert headers["Content-Type"].split(";")[0] == first_headers["Content-Type"].split(";")[0]


def test_old_files_are_pruned_like_expired_cache_entries(client, tree, files_dir, settings):
    client.get(tree["measure"].url)
    client.get(tree["news"].url)
    old = file_of(files_dir, tree["measure"].url)
    past = time.time() - settings.PAGE_CACHE_TIMEOUT - 60
    os.utime(old, (past, past))

    call_command("prune_page_files")
    assert not old.exists()
    assert file_of(files_dir, tree["news"].url).exists()

    call_command("prune_page_files", "--all")
    assert not file_of(files_dir, tree["news"].url).exists()
