"""Cached pages as files, for a web server in front that serves them without Python.

With `PAGE_CACHE_FILES_DIR` set (and Redis as the shared cache), every response the page cache
stores for anonymous readers at an address ending in "/" – HTML pages, the API's JSON, the
catalogue's CSV export – is also written to `<dir>/<host>/<path>index.<ext>` (with the query
string: `index?page=2.html`, when the page read every parameter). nginx in front (`manage.py
page_cache_nginx` writes its configuration) serves that file to readers without cookies of
a session, with the same headers, and passes everything else to the application: a hit
costs no Python at all.

The invalidation is the same exact one (pagecache/tags.py): the file's name is registered
under each tag of the page, and a change deletes the files registered under the tags it bumps.
Races with a change during rendering are closed by the change generation (`tags.generation`):
the file is registered before it is written and deleted again when a change happened since
the request began, so a file is either registered before the change deletes it or never
survives its own check.
"""

import os
import re
import tempfile
from pathlib import Path

from django.conf import settings
from django.http import QueryDict
from django.http.request import split_domain_port

from pagecache.tags import page_cache, redis_client

INDEX_PREFIX = "pagecache:files:"
# What nginx serves from files: extension -> the content type Django sends, in the order nginx
# tries them (pagecache/nginx.py).
TYPES = {"html": "text/html", "json": "application/json", "csv": "text/csv"}
MAX_QUERY = 200
# Downloads: nginx names them as Django does (the catalogue's CSV export: "<slug>.csv").
DOWNLOAD = re.compile(r"/(?P<slug>[A-Za-z0-9_-]+)/export/csv/$")


def files_dir():
    directory = getattr(settings, "PAGE_CACHE_FILES_DIR", "")
    return Path(directory) if directory else None


def download_header(path):
    """The Content-Disposition nginx adds for a file at this path ("" for none)."""
    match = DOWNLOAD.search(path)
    return f'attachment; filename="{match["slug"]}.csv"' if match else ""


class ReadQueryDict(QueryDict):
    """`request.GET` that remembers which parameters the view read: only a query string the
    page uses gets a file, so made-up parameters (`?x=1`, `?x=2`, …) cannot fill the disk."""

    def __init__(self, *args, **kwargs):
        self.read = set()
        super().__init__(*args, **kwargs)
        self.read.clear()  # filling it is not reading

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def _getlist(self, key, *args, **kwargs):
        self.read.add(key)
        return super()._getlist(key, *args, **kwargs)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def lists(self):
        self.read.update(self.keys())
        return super().lists()


def track_parameters(request):
    """Let `file_name` see which query parameters the response depends on."""
    query = request.META.get("QUERY_STRING", "")
    if query and files_dir() is not None:
        request.GET = ReadQueryDict(query, encoding=request.encoding)


def uses_every_parameter(request):
    parameters = request.GET
    return isinstance(parameters, ReadQueryDict) and set(parameters.keys()) <= parameters.read


def file_name(request, response):
    """The file's name below the directory – `host/path/index.html`, with the query string
    `index?page=2.html`, `.json` and `.csv` by content type – or None when nginx could not
    serve this response from a file with the same headers."""
    if files_dir() is None or request.method != "GET":
        return None
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    extension = next((ext for ext, kind in TYPES.items() if kind == content_type), None)
    path, query = request.path, request.META.get("QUERY_STRING", "")
    if extension is None or response.get("Content-Disposition", "") != download_header(path):
        return None
    if not path.endswith("/") or any(char in path for char in "\\\x00\n"):
        return None
    if query and (
        len(query) > MAX_QUERY
        or any(char in query for char in "/\\\x00\n")
        or not uses_every_parameter(request)
    ):
        return None
    parts = path.split("/")[1:-1]
    if any(part in ("", ".", "..") for part in parts):
        return None
    host, _port = split_domain_port(request.get_host())
    if not host or host.startswith("."):
        return None
    stem = f"index?{query}" if query else "index"
    return "/".join([host, *parts, f"{stem}.{extension}"])


def is_page_file(path):
    return path.is_file() and path.name.startswith("index") and path.suffix[1:] in TYPES


def write(name, content, tags):
    """Register `name` under every tag, then write the file atomically."""
    register(name, tags)
    target = files_dir() / name
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o755)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)  # nginx's workers run as another user
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def delete(names):
    root = files_dir()
    if root is None:
        return
    for name in names:
        (root / name).unlink(missing_ok=True)


def drop(tags):
    """Delete the files of every page that shows one of these tags."""
    if files_dir() is not None and tags:
        delete(take(tags))


# -- the index: tag -> names of files ------------------------------------------------------------


def _index_keys(tags):
    store = page_cache()
    return [store.make_key(INDEX_PREFIX + tag) for tag in tags]


def register(name, tags):
    store = page_cache()
    client = redis_client(store)
    if client is None:  # one process (tests, development): the cache's own get/set
        for tag in tags:
            key = INDEX_PREFIX + tag
            store.set(key, (store.get(key) or set()) | {name}, timeout=None)
        return
    pipeline = client.pipeline(transaction=False)
    for key in _index_keys(tags):
        pipeline.sadd(key, name)
    pipeline.execute()


def take(tags):
    """The names registered under these tags, removed from the index."""
    store = page_cache()
    client = redis_client(store)
    if client is None:
        keys = [INDEX_PREFIX + tag for tag in tags]
        found = store.get_many(keys)
        store.delete_many(keys)
        return set().union(*found.values()) if found else set()
    pipeline = client.pipeline(transaction=True)
    for key in _index_keys(tags):
        pipeline.smembers(key)
        pipeline.delete(key)
    replies = pipeline.execute()
    return {member.decode() for members in replies[::2] for member in members}
