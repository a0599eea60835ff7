"""The ceiling of any Python page cache under gunicorn: files served from memory, no Django.

`make bench` runs this under gunicorn (same workers, same wrk) with the saved responses that
nginx serves, so the report shows how much of nginx's throughput gunicorn itself allows on
this machine, next to what the page cache reaches.
"""

import os
from pathlib import Path

TYPES = {".html": "text/html; charset=utf-8", ".csv": "text/csv", ".json": "application/json"}
FILES = {
    f"/{path.name}": (path.read_bytes(), TYPES.get(path.suffix, "application/octet-stream"))
    for path in Path(os.environ.get("BENCH_STATIC_DIR", ".")).glob("*.*")
}


def application(environ, start_response):
    found = FILES.get(environ.get("PATH_INFO", ""))
    if found is None:
        start_response("404 Not Found", [("Content-Length", "0")])
        return []
    body, content_type = found
    start_response("200 OK", [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]
