"""`make bench`: create the benchmark databases, fill them, measure, print and save the results.

    python -m benchmark.run            (the Makefile runs it with the virtualenv's Python)

Environment (all optional):
    BENCH_SCALE          data size, 1.0 = the full district (default 1.0)
    BENCH_DURATION       seconds of each wrk run against gunicorn (default 10)
    BENCH_NGINX_DURATION seconds of each wrk run against nginx (default: half of the above, ≥ 1)
    BENCH_REQUESTS       requests per page for the in-process timing (default 200)
    BENCH_DATABASE_URL   default postgres://postgres@127.0.0.1:5432/integrationsportal_bench;
                         the half-size data set goes into the same name with "_half"
    BENCH_REDIS_URL      Redis database for the cached run (default redis://127.0.0.1:6379/14;
                         it is emptied before the run)
    BENCH_SEED           seed of the data (default 1)
    BENCH_OUTPUT_DIR     where the JSON goes (default bench-results/)
    BENCH_MEDIA_ROOT     generated images and documents (default data/bench-media)
    BENCH_HTTP_KINDS     page kinds measured over HTTP, comma-separated (default: all; CI
                         measures a few to stay quick)

Steps: tools (wrk, nginx: installed with apt-get when missing and running as root), databases
(created, migrated, filled by `bench_data` when the data of this seed and scale is missing),
collectstatic, in-process measurements on both databases (`bench_measure`), then HTTP:
gunicorn with the page cache off and on, and nginx serving the saved responses. Exits 1 only
when something is broken (a page not 200, a crash); missed targets are reported, not fatal.
Needs no internet; what it cannot do (no wrk, no nginx, no Redis) it skips and says so.
"""

import http.client
import json
import os
import platform
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from benchmark import report, wrk

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
HOST = "localhost"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/integrationsportal_bench"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
WORKERS = 2
CONNECTIONS = 8
HIT_SAMPLES = 10


@dataclass
class Config:
    scale: float = 1.0
    duration: int = 10
    nginx_duration: int = 5
    requests: int = 200
    seed: int = 1
    database_url: str = DEFAULT_DATABASE_URL
    half_database_url: str = ""
    redis_url: str = DEFAULT_REDIS_URL
    output_dir: str = "bench-results"
    media_root: str = ""
    http_kinds: tuple = ()

    @property
    def half_scale(self):
        return self.scale / 2


def with_database_name(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def database_name(url):
    return urlsplit(url).path.lstrip("/")


def config_from_env(environ):
    """The run's configuration from BENCH_* variables (see the module docstring)."""
    duration = int(float(environ.get("BENCH_DURATION") or 10))
    url = environ.get("BENCH_DATABASE_URL") or DEFAULT_DATABASE_URL
    config = Config(
        scale=float(environ.get("BENCH_SCALE") or 1.0),
        duration=max(1, duration),
        nginx_duration=max(1, int(float(environ.get("BENCH_NGINX_DURATION") or duration / 2))),
        requests=max(1, int(environ.get("BENCH_REQUESTS") or 200)),
        seed=int(environ.get("BENCH_SEED") or 1),
        database_url=url,
        half_database_url=with_database_name(url, f"{database_name(url)}_half"),
        redis_url=environ.get("BENCH_REDIS_URL") or DEFAULT_REDIS_URL,
        output_dir=environ.get("BENCH_OUTPUT_DIR") or "bench-results",
        media_root=environ.get("BENCH_MEDIA_ROOT") or str(ROOT / "data" / "bench-media"),
        http_kinds=tuple(
            kind.strip()
            for kind in (environ.get("BENCH_HTTP_KINDS") or "").split(",")
            if kind.strip()
        ),
    )
    if config.scale <= 0:
        raise ValueError("BENCH_SCALE must be positive")
    return config


def public_url(url):
    """A database URL without its password, for the report."""
    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        parts = parts._replace(netloc=netloc)
    return urlunsplit(parts)


def say(message):
    print(message, flush=True)


def step(message):
    say(f"\n==> {message}")


# --- environment of the Django processes ------------------------------------------------------


def django_env(config, database_url, page_cache=False, redis=False):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("PYTEST") and key not in ("DEBUG", "REDIS_URL", "DATABASE_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="bench-only-not-secret-integrationsportal",
        ALLOWED_HOSTS="localhost,.localhost,127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=database_url,
        MEDIA_ROOT=config.media_root,
        PAGE_CACHE="1" if page_cache else "0",
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    if redis:
        env["REDIS_URL"] = config.redis_url
    return env


def manage(config, database_url, *args, capture=False, check=True):
    command = [PYTHON, str(ROOT / "manage.py"), *args]
    completed = subprocess.run(
        command,
        cwd=ROOT,
        env=django_env(config, database_url),
        text=True,
        capture_output=capture,
        check=False,
    )
    if check and completed.returncode != 0:
        detail = (completed.stderr or "")[-2000:] if capture else ""
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({completed.returncode}) {detail}")
    return completed


# --- tools ---------------------------------------------------------------------------------------


def ensure_tool(name, package, skipped):
    """The path of a command; installed with apt-get when missing and running as root."""
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin")
    if found:
        return found
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        skipped.append(
            f"{name} is missing and this is not root: install it with "
            f"`sudo apt-get install -y {package}`"
        )
        return None
    say(f"Installing {package} with apt-get …")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for command in (["apt-get", "install", "-y", "-qq", package],):
        completed = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if completed.returncode != 0:
            subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, check=False)
            subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/local/sbin")
    if not found:
        skipped.append(f"{name} could not be installed with apt-get ({package})")
    return found


def gunicorn_available():
    completed = subprocess.run([PYTHON, "-c", "import gunicorn"], capture_output=True, check=False)
    return completed.returncode == 0


# --- databases -----------------------------------------------------------------------------------


def _admin_connection(url):
    import psycopg2

    connection = psycopg2.connect(with_database_name(url, "postgres"))
    connection.autocommit = True
    return connection


def database_exists(url):
    connection = _admin_connection(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database_name(url)])
            return cursor.fetchone() is not None
    finally:
        connection.close()


def create_database(url, template=None):
    from psycopg2 import sql

    connection = _admin_connection(url)
    try:
        with connection.cursor() as cursor:
            statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database_name(url)))
            if template:
                statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(database_name(template)))
            cursor.execute(statement)
    finally:
        connection.close()


def drop_database(url):
    from psycopg2 import sql

    connection = _admin_connection(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(database_name(url))
                )
            )
    finally:
        connection.close()


def data_status(config, url, scale):
    completed = manage(
        config,
        url,
        "bench_data",
        "--status",
        "--scale",
        str(scale),
        "--seed",
        str(config.seed),
        capture=True,
    )
    return completed.stdout.strip().splitlines()[-1]


def start_generating(config, url, scale, status):
    """Start `bench_data` for a database in `status` (see `bench_data --status`); None when
    the data is there. Benchmark data of another seed or scale is replaced; a database with
    other content is never touched."""
    if status == "present":
        say(f"{database_name(url)}: benchmark data of scale {scale:g} is there")
        return None
    if status == "other":
        raise RuntimeError(
            f"{database_name(url)} holds content that is not benchmark data: "
            "refusing to fill it (set BENCH_DATABASE_URL to a database of its own)"
        )
    if status == "bench":
        say(f"{database_name(url)}: benchmark data of another seed or scale: re-created")
        drop_database(url)
        create_database(url)
        manage(config, url, "migrate", "--noinput", "-v0")
    args = ["bench_data", "--scale", str(scale), "--seed", str(config.seed)]
    say(f"{database_name(url)}: generating scale {scale:g} …")
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed by finish_generating
    process = subprocess.Popen(
        [PYTHON, str(ROOT / "manage.py"), *args],
        cwd=ROOT,
        env=django_env(config, url),
        stdout=log,
        stderr=subprocess.STDOUT,
        text=True,
    )
    return process, log, time.monotonic()


def finish_generating(job, url, timings, name):
    if job is None:
        return
    process, log, started = job
    returncode = process.wait()
    timings[f"bench_data_{name}_s"] = round(time.monotonic() - started, 1)
    log.seek(0)
    say(log.read().rstrip())
    log.close()
    if returncode != 0:
        raise RuntimeError(f"bench_data failed on {database_name(url)}")


def prepare_databases(config, timings, half=True):
    """The database(s) exist, are migrated and hold the data of this seed and scale."""
    full_url, half_url = config.database_url, config.half_database_url
    if not database_exists(full_url):
        say(f"Creating database {database_name(full_url)}")
        create_database(full_url)
    started = time.monotonic()
    manage(config, full_url, "migrate", "--noinput", "-v0")
    timings["migrate_s"] = round(time.monotonic() - started, 1)
    full_status = data_status(config, full_url, config.scale)
    jobs = []
    if half:
        if not database_exists(half_url):
            say(f"Creating database {database_name(half_url)}")
            # A copy of the migrated, still empty full database spares a second migration.
            create_database(half_url, template=full_url if full_status == "empty" else None)
        manage(config, half_url, "migrate", "--noinput", "-v0")
        half_status = data_status(config, half_url, config.half_scale)
        jobs.append(
            (half_url, "half", start_generating(config, half_url, config.half_scale, half_status))
        )
    # Both at once when both are missing: there are two cores and nothing is measured yet.
    jobs.insert(
        0, (full_url, "full", start_generating(config, full_url, config.scale, full_status))
    )
    for url, name, job in jobs:
        finish_generating(job, url, timings, name)
        analyze(url)


def analyze(url):
    """Planner statistics for the data (also for a database filled by an older version, or
    on a server with autovacuum off): without them PostgreSQL reads whole tables. VACUUM
    too: freshly written rows would otherwise be vacuumed by autovacuum, and their hint
    bits written by the first readers, while the pages are being measured."""
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    finally:
        connection.close()


# --- in-process --------------------------------------------------------------------------------


def in_process(config, url, timing, admin):
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        output = handle.name
    args = ["bench_measure", "--output", output, "--requests", str(config.requests)]
    if not timing:
        args.append("--no-timing")
    if not admin:
        args.append("--no-admin")
    completed = manage(config, url, *args, check=False)
    try:
        data = json.loads(Path(output).read_text())
    except (OSError, ValueError):
        data = {"rows": [], "errors": [f"bench_measure crashed ({completed.returncode})"]}
    finally:
        Path(output).unlink(missing_ok=True)
    if completed.returncode != 0 and not data.get("errors"):
        data.setdefault("errors", []).append(f"bench_measure exited {completed.returncode}")
    return data


def merge_rows(full, half):
    halves = {(row["kind"], row["lang"]): row for row in half.get("rows", [])}
    rows = []
    for row in full.get("rows", []):
        queries = dict(row.get("queries") or {})
        other = halves.get((row["kind"], row["lang"]))
        queries["half"] = (other.get("queries") or {}).get("full") if other else None
        rows.append({**row, "queries": queries})
    return rows


# --- servers -------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(port, path, host=HOST, timeout=60):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": host})
        response = connection.getresponse()
        body = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    finally:
        connection.close()


def wait_for(port, path, process, seconds=90):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            http_get(port, path, timeout=5)
            return True
        except OSError:
            time.sleep(0.3)
    return False


def stop(process):
    """Stop a server this run started (its own process group), politely first."""
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


def child_pids(parent):
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # pid (comm) state ppid …: comm may hold spaces, so split after the last ")".
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == parent:
            pids.append(int(entry.name))
    return sorted(pids)


def peak_memory_mb(pid):
    """VmHWM (peak resident set) of a process in MB, or None."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def start_gunicorn(config, page_cache, log, app="config.wsgi:application", env=None):
    """gunicorn with the benchmark's workers on a free port: the site (production settings)
    or, with `app` and `env`, another WSGI application."""
    port = free_port()
    if env is None:
        env = django_env(config, config.database_url, page_cache=page_cache, redis=True)
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            app,
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--timeout",
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    return process, port


def run_wrk(port, path, duration, host=HOST):
    completed = subprocess.run(
        wrk.command(f"http://127.0.0.1:{port}{path}", duration, CONNECTIONS, host=host),
        capture_output=True,
        text=True,
        check=False,
        timeout=duration + 60,
    )
    return wrk.parse(completed.stdout + completed.stderr)


def start_nginx(nginx, directory, http):
    """nginx with `http` (the body of its http block) as a process of this run; its
    configuration, logs and temporary files live in `directory`."""
    from pagecache.nginx import standalone

    directory.chmod(0o755)  # nginx's workers may run as nobody
    conf = directory / "nginx.conf"
    conf.write_text(standalone(http, directory, workers=WORKERS))
    log = open(directory / "stdout.log", "w")  # noqa: SIM115 - closed with the process
    return subprocess.Popen(
        [nginx, "-p", str(directory), "-c", str(conf), "-e", str(directory / "error.log")],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def nginx_error(directory, what):
    log = directory / "error.log"
    return f"{what} did not start: " + (log.read_text()[-1000:] if log.exists() else "")


def start_front(config, nginx, gunicorn_port, directory, files_dir, errors):
    """nginx in front of gunicorn as in production with pages as files (pagecache/nginx.py,
    the configuration from `manage.py page_cache_nginx`). Returns (process, port) or None."""
    port = free_port()
    completed = subprocess.run(
        [
            PYTHON,
            str(ROOT / "manage.py"),
            "page_cache_nginx",
            "--upstream",
            f"127.0.0.1:{gunicorn_port}",
            "--listen",
            f"127.0.0.1:{port}",
            "--files-dir",
            str(files_dir),
        ],
        cwd=ROOT,
        env=django_env(config, config.database_url, page_cache=True, redis=True),
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        errors.append(f"manage.py page_cache_nginx failed: {completed.stderr[-1000:]}")
        return None
    process = start_nginx(nginx, directory, completed.stdout)
    if not wait_for(port, "/de/", process, seconds=15):
        errors.append(nginx_error(directory, "nginx in front of gunicorn"))
        stop(process)
        return None
    return process, port


def measure_gunicorn(config, rows, page_cache, errors, bodies=None, nginx=None):
    """wrk against gunicorn for every row; returns memory of its workers. With the page cache
    and `nginx`, also through nginx in front serving pages from files, the production set-up:
    that result is "cached", gunicorn's own "cached_django"."""
    name = "cached" if page_cache else "uncached"
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in the finally clause
    front_dir = Path(tempfile.mkdtemp(prefix="bench-front-"))
    env = None
    if page_cache and nginx:
        env = django_env(config, config.database_url, page_cache=True, redis=True)
        env["PAGE_CACHE_FILES_DIR"] = str(front_dir / "pages")
    process, port = start_gunicorn(config, page_cache, log, env=env)
    front = None
    try:
        if not wait_for(port, "/de/", process):
            log.seek(0)
            errors.append(f"gunicorn ({name}) did not start: {log.read()[-1500:]}")
            return None
        if env is not None:
            front = start_front(config, nginx, port, front_dir, front_dir / "pages", errors)
        for row in rows:
            path = row["url"]
            http_result = row.setdefault("http", {})
            if page_cache and report.CATEGORY.get(row["kind"]) == "search":
                # Never served from the page cache (every search is counted): the cached run
                # would measure the uncached one again.
                http_result["cached"] = {"skipped": "search is not cached"}
                continue
            try:
                targets = [(name, port)]
                if front is not None:
                    targets = [("cached", front[1]), ("cached_django", port)]
                for _ in range(2):  # warm up (and fill the page cache)
                    status, headers, body = http_get(targets[0][1], path)
                if status != 200:
                    errors.append(f"HTTP {name} {path}: status {status}")
                    continue
                if bodies is not None:
                    bodies[(row["kind"], row["lang"])] = (headers.get("content-type", ""), body)
                for label, target_port in targets:
                    result = run_wrk(target_port, path, config.duration)
                    if result["non_2xx"] or result["socket_errors"]:
                        errors.append(
                            f"HTTP {label} {path}: {result['non_2xx']} non-2xx responses, "
                            f"{result['socket_errors']} socket errors"
                        )
                    if page_cache:
                        seen = [
                            http_get(target_port, path)[1].get("x-page-cache", "")
                            for _ in range(HIT_SAMPLES)
                        ]
                        result["cache_headers"] = sorted(set(seen))
                        hits = [value for value in seen if value.startswith("hit")]
                        result["hit_ratio"] = len(hits) / len(seen) if any(seen) else None
                    http_result[label] = result
                    say(
                        f"  {label:<13} {row['kind']:<14} {row['lang']}  "
                        f"{result['rps']:8.1f} rps  "
                        f"p50 {result['latency_ms'].get('p50', '-')} ms  "
                        f"p99 {result['latency_ms'].get('p99', '-')} ms"
                        + (f"  {'/'.join(result['cache_headers'])}" if page_cache else "")
                    )
            except (OSError, ValueError, subprocess.TimeoutExpired) as error:
                errors.append(f"HTTP {name} {path}: {type(error).__name__}: {error}")
        workers = [{"pid": pid, "vmhwm_mb": peak_memory_mb(pid)} for pid in child_pids(process.pid)]
        peaks = [worker["vmhwm_mb"] for worker in workers if worker["vmhwm_mb"] is not None]
        return {"workers": workers, "max_mb": max(peaks) if peaks else None}
    finally:
        if front is not None:
            stop(front[0])
        stop(process)
        log.close()
        shutil.rmtree(front_dir, ignore_errors=True)


REFERENCE = """\
    server {{
        listen 127.0.0.1:{port};
        root {directory}/www;
    }}
"""


def file_suffix(content_type):
    if "csv" in content_type:
        return ".csv"
    if "json" in content_type:
        return ".json"
    return ".html"


def measure_nginx(config, nginx, rows, bodies, errors, results=None):
    """nginx serving each page's saved response as a static file: the reference rps. Then
    the ceiling of gunicorn itself: the measure page's file from memory, no Django."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
    process = None
    try:
        www = tmp / "www"
        www.mkdir()
        files = {}
        for (kind, lang), (content_type, body) in bodies.items():
            name = f"{kind}-{lang}{file_suffix(content_type)}"
            (www / name).write_bytes(body)
            files[(kind, lang)] = name
        for path in (tmp, www, *www.iterdir()):  # nginx's workers may run as nobody
            path.chmod(0o755 if path.is_dir() else 0o644)
        port = free_port()
        process = start_nginx(nginx, tmp, REFERENCE.format(port=port, directory=tmp))
        first = next(iter(files.values()), "")
        if not wait_for(port, f"/{first}", process, seconds=15):
            errors.append(nginx_error(tmp, "nginx"))
            return
        for row in rows:
            name = files.get((row["kind"], row["lang"]))
            if name is None or report.CATEGORY.get(row["kind"]) == "search":
                continue  # the reference is for pages the page cache serves
            try:
                result = run_wrk(port, f"/{name}", config.nginx_duration)
            except (OSError, ValueError, subprocess.TimeoutExpired) as error:
                errors.append(f"nginx {name}: {type(error).__name__}: {error}")
                continue
            http_result = row.setdefault("http", {})
            http_result["nginx"] = result
            cached = (http_result.get("cached") or {}).get("rps")
            if cached is not None and result["rps"]:
                http_result["cached_nginx_ratio"] = cached / result["rps"]
            say(f"  nginx    {row['kind']:<14} {row['lang']}  {result['rps']:8.1f} rps")
        if results is not None:
            measure_gunicorn_ceiling(config, www, rows, files, results, errors)
    finally:
        stop(process)
        shutil.rmtree(tmp, ignore_errors=True)


def measure_gunicorn_ceiling(config, www, rows, files, results, errors):
    """gunicorn with the same workers serving one saved page from memory without Django
    (benchmark/static_wsgi.py): the most any Python page cache could reach here."""
    row = next((r for r in rows if (r["kind"], r["lang"]) == ("measure", "de")), None)
    row = row or next((r for r in rows if (r["kind"], r["lang"]) in files), None)
    if row is None:
        return
    name = files[(row["kind"], row["lang"])]
    log = tempfile.TemporaryFile(mode="w+")  # noqa: SIM115 - closed in the finally clause
    process, port = start_gunicorn(
        config,
        False,
        log,
        app="benchmark.static_wsgi:application",
        env={**os.environ, "BENCH_STATIC_DIR": str(www)},
    )
    try:
        if not wait_for(port, f"/{name}", process, seconds=30):
            log.seek(0)
            errors.append(f"gunicorn ceiling run did not start: {log.read()[-1000:]}")
            return
        result = run_wrk(port, f"/{name}", config.nginx_duration)
        nginx_rps = (row.get("http", {}).get("nginx") or {}).get("rps")
        http_result = row.get("http", {})
        django = http_result.get("cached_django") or http_result.get("cached") or {}
        cached_rps = django.get("rps")
        results["ceiling"] = {
            "subject": f"{row['kind']} {row['lang']}",
            "rps": result["rps"],
            "nginx_rps": nginx_rps,
            "cached_rps": cached_rps,
            "ratio_to_nginx": result["rps"] / nginx_rps if nginx_rps else None,
        }
        say(f"  gunicorn without Django {row['kind']} {row['lang']}  {result['rps']:8.1f} rps")
    except (OSError, ValueError, subprocess.TimeoutExpired) as error:
        errors.append(f"gunicorn ceiling: {type(error).__name__}: {error}")
    finally:
        stop(process)
        log.close()


def flush_redis(url):
    import redis

    client = redis.Redis.from_url(url, socket_connect_timeout=3)
    client.flushdb()
    client.close()


# --- the run -----------------------------------------------------------------------------------


def run(config):
    started = time.monotonic()
    now = datetime.now(UTC)
    results = {
        "meta": {
            "date": now.isoformat(timespec="seconds"),
            **{key: value for key, value in asdict(config).items() if key != "database_url"},
            "half_scale": config.half_scale,
            "database": public_url(config.database_url),
            "half_database_url": public_url(config.half_database_url),
            "connections": CONNECTIONS,
            "gunicorn_workers": WORKERS,
            "cpus": os.cpu_count(),
            "load_average_at_start": os.getloadavg(),
            "python": platform.python_version(),
            "timings": {},
        },
        "rows": [],
        "skipped": [],
        "errors": [],
    }
    errors, skipped, timings = results["errors"], results["skipped"], results["meta"]["timings"]

    step("Tools")
    wrk_path = ensure_tool("wrk", "wrk", skipped)
    nginx_path = ensure_tool("nginx", "nginx-light", skipped)
    has_gunicorn = gunicorn_available()
    if not has_gunicorn:
        skipped.append(
            "gunicorn is not installed in the virtualenv (pyproject lists it): "
            "pip install 'gunicorn>=23,<24'"
        )
    say(f"wrk: {wrk_path or 'missing'}, nginx: {nginx_path or 'missing'}, gunicorn: {has_gunicorn}")

    try:
        step(
            f"Databases ({database_name(config.database_url)}, scale {config.scale:g}; "
            f"{database_name(config.half_database_url)}, scale {config.half_scale:g})"
        )
        prepare_databases(config, timings)

        step("Static files (collectstatic, as production serves them)")
        manage(config, config.database_url, "collectstatic", "--noinput", "-v0")

        step(f"In-process: queries and server time, {config.requests} requests per page")
        moment = time.monotonic()
        full = in_process(config, config.database_url, timing=True, admin=True)
        step("In-process: queries on the half-size data")
        half = in_process(config, config.half_database_url, timing=False, admin=False)
        timings["in_process_s"] = round(time.monotonic() - moment, 1)
        results["rows"] = merge_rows(full, half)
        results["admin"] = full.get("admin", {})
        results["dataset"] = {"full": full.get("page_counts"), "half": half.get("page_counts")}
        errors += [f"full data: {error}" for error in full.get("errors", [])]
        errors += [f"half data: {error}" for error in half.get("errors", [])]

        rows = [
            row
            for row in results["rows"]
            if row.get("status") == 200
            and (not config.http_kinds or row["kind"] in config.http_kinds)
        ]
        if wrk_path and has_gunicorn and rows:
            moment = time.monotonic()
            memory = results["memory"] = {}
            bodies = {}
            step(f"HTTP: gunicorn ({WORKERS} workers), page cache off, wrk {config.duration} s")
            memory["uncached"] = measure_gunicorn(config, rows, False, errors, bodies)
            step(f"HTTP: gunicorn, page cache on (Redis {config.redis_url})")
            try:
                flush_redis(config.redis_url)
                memory["cached"] = measure_gunicorn(config, rows, True, errors, nginx=nginx_path)
            except Exception as error:  # Redis down: say so, measure the rest
                skipped.append(f"cached run: Redis at {config.redis_url} unavailable ({error})")
            if nginx_path and bodies:
                step(
                    f"HTTP: nginx serving the same responses as files, wrk "
                    f"{config.nginx_duration} s"
                )
                measure_nginx(config, nginx_path, rows, bodies, errors, results)
            memory = {key: value for key, value in memory.items() if value}
            results["memory"] = memory
            timings["http_s"] = round(time.monotonic() - moment, 1)
        elif not wrk_path or not has_gunicorn:
            skipped.append("HTTP measurements (wrk/gunicorn missing)")
    except Exception as error:  # the run is broken: report what there is, exit non-zero
        errors.append(f"{type(error).__name__}: {error}")

    timings["total_s"] = round(time.monotonic() - started, 1)
    results["targets"] = report.evaluate(
        results["rows"], results.get("admin"), results.get("memory")
    )
    path = report.write_json(
        results, Path(config.output_dir) / f"bench-{now.strftime('%Y%m%d-%H%M%S')}.json"
    )
    say("\n" + report.render(results))
    say(f"\nResults: {path}  ({timings['total_s']:.0f} s)")
    return results


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    try:
        config = config_from_env(os.environ)
    except ValueError as error:
        say(f"Configuration error: {error}")
        return 2
    if argv == ["data"]:  # `make bench-data`: only the full-size database
        timings = {}
        try:
            prepare_databases(config, timings, half=False)
        except Exception as error:
            say(f"ERROR: {type(error).__name__}: {error}")
            return 1
        say(f"Benchmark database {public_url(config.database_url)} is ready ({timings}).")
        return 0
    results = run(config)
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
