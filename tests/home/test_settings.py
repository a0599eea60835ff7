"""Production settings refuse to start without secrets and pass check --deploy with them."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "x7#kP2$vQ9@mL4!nR8&wT3^zB6*cF1(hJ5)dG0-sY2+eU7=aK9~pN4"


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        # the browser tests allow sync ORM calls in their process; production never does
        if key
        not in {
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_SETTINGS_MODULE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
            "REDIS_URL",
            "PAGE_CACHE",
            "PAGE_CACHE_FILES_DIR",
        }
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.production", **env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="portal.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY=GOOD_SECRET)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_passes_deploy_check_without_warnings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="portal.example.org",
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def page_cache_setting(**env):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; "
        "print(settings.PAGE_CACHE_ENABLED, settings.CACHES['pagecache']['BACKEND'])",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="portal.example.org",
        **env,
    )
    assert result.returncode == 0, result.stderr
    enabled, backend = result.stdout.strip().splitlines()[-1].split()
    return enabled == "True", backend.rsplit(".", 1)[-1]


def test_production_page_cache_is_on_with_redis_shared_by_all_workers():
    assert page_cache_setting(REDIS_URL="redis://127.0.0.1:6379/3") == (True, "RedisCache")
    # Without Redis each worker would drop pages only for edits it handled itself.
    assert page_cache_setting() == (False, "LocMemCache")
    assert page_cache_setting(PAGE_CACHE="1") == (True, "LocMemCache")
    assert page_cache_setting(REDIS_URL="redis://127.0.0.1:6379/3", PAGE_CACHE="0")[0] is False


def test_production_refuses_page_files_without_redis():
    """Without Redis the workers could not tell each other which files to delete."""
    result = run_manage(
        "check",
        SECRET_KEY=GOOD_SECRET,
        ALLOWED_HOSTS="portal.example.org",
        PAGE_CACHE_FILES_DIR="/tmp/pages",
    )
    assert result.returncode != 0
    assert "PAGE_CACHE_FILES_DIR needs REDIS_URL" in result.stderr
