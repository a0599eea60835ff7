"""The benchmark's pure parts: wrk output, statistics, targets, table and JSON."""

import json
import os
import shutil

import pytest

from benchmark import report, run, wrk

WRK_OUTPUT = """\
Running 2s test @ http://127.0.0.1:8123/de/integrationskonzept-2024/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency    35.12ms    8.20ms  80.01ms   75.00%
    Req/Sec   114.20     20.11   150.00     70.00%
  Latency Distribution
     50%   33.90ms
     75%   38.50ms
     90%   45.10ms
     99%    1.20s
  456 requests in 2.01s, 7.32MB read
  Socket errors: connect 0, read 5, write 0, timeout 2
  Non-2xx or 3xx responses: 3
Requests/sec:    226.87
Transfer/sec:      3.64MB
"""

WRK_FAST = """\
Running 1s test @ http://127.0.0.1:8124/measure-de.html
  2 threads and 8 connections
  Latency Distribution
     50%  112.00us
     75%  150.00us
     90%  201.00us
     99%  512.00us
  41234 requests in 1.00s, 600.12MB read
Requests/sec:  41190.43
Transfer/sec:    599.50MB
"""


def test_wrk_durations():
    assert wrk.duration_ms("812.00us") == pytest.approx(0.812)
    assert wrk.duration_ms("3.21ms") == pytest.approx(3.21)
    assert wrk.duration_ms("1.02s") == pytest.approx(1020)
    assert wrk.duration_ms("2m") == pytest.approx(120_000)
    with pytest.raises(ValueError):
        wrk.duration_ms("fast")


def test_wrk_report_is_parsed():
    result = wrk.parse(WRK_OUTPUT)
    assert result["rps"] == pytest.approx(226.87)
    assert result["requests"] == 456
    assert result["duration_s"] == pytest.approx(2.01)
    assert result["latency_ms"] == {"p50": 33.9, "p75": 38.5, "p90": 45.1, "p99": 1200.0}
    assert result["non_2xx"] == 3
    assert result["socket_errors"] == 7

    fast = wrk.parse(WRK_FAST)
    assert fast["rps"] == pytest.approx(41190.43)
    assert fast["latency_ms"]["p50"] == pytest.approx(0.112)
    assert fast["non_2xx"] == 0 and fast["socket_errors"] == 0


def test_wrk_failure_is_an_error():
    with pytest.raises(ValueError, match="Requests/sec"):
        wrk.parse("unable to connect to 127.0.0.1:1 Connection refused")


def test_wrk_command():
    assert wrk.command("http://127.0.0.1:1/de/", 2, 8, host="localhost") == [
        "wrk",
        "-t2",
        "-c8",
        "-d2s",
        "--timeout=10s",
        "--latency",
        "-H",
        "Host: localhost",
        "http://127.0.0.1:1/de/",
    ]


def test_percentiles_and_summary():
    assert report.percentile([], 95) is None
    assert report.percentile([5, 1, 3, 2, 4], 50) == 3
    assert report.percentile(list(range(1, 101)), 95) == 95
    assert report.percentile(list(range(1, 21)), 95) == 19
    summary = report.summary_ms([0.010, 0.020, 0.030, 0.040])
    assert summary == {"requests": 4, "median_ms": 20.0, "p95_ms": 40.0, "max_ms": 40.0}
    assert report.summary_ms([])["median_ms"] is None


def row(kind, lang="de", full=10, half=10, cached=0, p95=20.0, ratio=0.5):
    return {
        "kind": kind,
        "lang": lang,
        "url": f"/{lang}/{kind}/",
        "status": 200,
        "queries": {"full": full, "half": half, "cached": cached},
        "inprocess": {"median_ms": p95 / 2, "p95_ms": p95, "requests": 20},
        "http": {
            "uncached": {"rps": 50.0, "latency_ms": {"p50": 40.0, "p99": 90.0}},
            "cached": {
                "rps": 500.0,
                "latency_ms": {"p50": 4.0, "p99": 9.0},
                "hit_ratio": 1.0,
                "cache_headers": ["hit-file"],
            },
            "cached_django": {"rps": 321.0, "latency_ms": {"p50": 5.0, "p99": 9.0}},
            "nginx": {"rps": 1000.0, "latency_ms": {"p50": 0.2, "p99": 1.0}},
            "cached_nginx_ratio": ratio,
        },
    }


def by_target(targets):
    return {(t["target"], t["subject"]): t for t in targets}


def test_targets_are_evaluated():
    rows = [
        row("measure", full=15, p95=49.0, ratio=0.31),
        row("chapter", full=16, half=15, cached=2, p95=51.0, ratio=0.29),
        row("catalogue", full=25),
        row("contacts", full=26),
        row("search_common", full=24),
        {"kind": "news", "lang": "ar", "url": "/ar/x/", "queries": {"full": 9}},
    ]
    admin = {
        "listing": {"subject": "/admin/pages/5/", "max_ms": 999.0},
        "save": {"subject": "/admin/pages/6/edit/", "max_ms": 1000.5},
    }
    memory = {"uncached": {"max_mb": 180.2}, "cached": {"max_mb": 251.0}}
    targets = by_target(report.evaluate(rows, admin, memory))

    assert targets[("queries uncached", "measure de")]["status"] == report.MET
    assert targets[("queries uncached", "chapter de")]["status"] == report.MISSED
    assert targets[("queries uncached", "catalogue de")]["status"] == report.MET
    assert targets[("queries uncached", "contacts de")]["status"] == report.MISSED
    assert targets[("queries same for half data", "chapter de")]["status"] == report.MISSED
    assert targets[("queries same for half data", "chapter de")]["value"] == "16 / 15"
    assert targets[("queries same for half data", "news ar")]["status"] == report.NA
    assert targets[("queries cached", "measure de")]["status"] == report.MET
    assert targets[("queries cached", "chapter de")]["status"] == report.MISSED
    assert ("queries cached", "search_common de") not in targets  # search is never cached
    assert targets[("cached rps / nginx rps", "measure de")]["status"] == report.MET
    assert targets[("cached rps / nginx rps", "chapter de")]["status"] == report.MISSED
    assert targets[("cached rps / nginx rps", "news ar")]["status"] == report.NA
    assert targets[("p95 in-process", "measure de")]["status"] == report.MET
    assert targets[("p95 in-process", "chapter de")]["status"] == report.MISSED
    assert ("p95 in-process", "catalogue de") not in targets
    assert targets[("worker peak memory", "gunicorn uncached")]["status"] == report.MET
    assert targets[("worker peak memory", "gunicorn cached")]["status"] == report.MISSED
    assert targets[("admin listing", "/admin/pages/5/")]["status"] == report.MET
    assert targets[("admin save", "/admin/pages/6/edit/")]["status"] == report.MISSED


def test_table_and_json(tmp_path):
    rows = [row("measure"), row("measure", lang="ar", full=30), row("search_rare")]
    results = {
        "meta": {
            "date": "2026-01-01T00:00:00+00:00",
            "scale": 0.02,
            "half_scale": 0.01,
            "requests": 20,
            "duration": 2,
            "connections": 8,
            "nginx_duration": 1,
        },
        "rows": rows,
        "admin": {"save": {"subject": "/admin/pages/6/edit/", "max_ms": 120.0}},
        "memory": {"uncached": {"max_mb": 150.0}},
        "skipped": ["nginx is missing"],
        "errors": ["HTTP cached /x/: status 500"],
        "ceiling": {
            "subject": "measure de",
            "rps": 4000.0,
            "nginx_rps": 20000.0,
            "cached_rps": 2000.0,
            "ratio_to_nginx": 0.2,
        },
    }
    results["targets"] = report.evaluate(rows, results["admin"], results["memory"])
    table = report.render(results)
    assert "Maßnahme" in table and "Suche selten" in table
    assert "30 MISS" in table  # Arabic measure: 30 queries > 15
    assert "10 ok" in table
    assert "50.0%" in table  # cached / nginx
    assert "100% hit-file" in table and "321.0" in table  # served by nginx; gunicorn's own
    assert "Skipped: nginx is missing" in table
    assert "ERROR: HTTP cached /x/: status 500" in table
    assert "Targets:" in table and "missed" in table
    assert (
        "without Django: 4000.0 rps = 20.0% of nginx; gunicorn with the page cache reaches 50% "
        "of that" in table
    )
    path = report.write_json(results, tmp_path / "out" / "bench.json")
    assert json.loads(path.read_text())["rows"][1]["queries"]["full"] == 30


def test_run_configuration_from_environment():
    config = run.config_from_env({})
    assert config.scale == 1.0 and config.duration == 10 and config.requests == 200
    assert config.nginx_duration == 5
    assert config.database_url.endswith("/integrationsportal_bench")
    assert config.half_database_url.endswith("/integrationsportal_bench_half")
    config = run.config_from_env(
        {
            "BENCH_SCALE": "0.02",
            "BENCH_DURATION": "2",
            "BENCH_REQUESTS": "20",
            "BENCH_DATABASE_URL": "postgres://u:secret@db:5433/b",
        }
    )
    assert (config.scale, config.duration, config.nginx_duration, config.requests) == (
        0.02,
        2,
        1,
        20,
    )
    assert config.half_scale == 0.01
    assert config.half_database_url == "postgres://u:secret@db:5433/b_half"
    assert run.public_url(config.database_url) == "postgres://u:***@db:5433/b"
    assert config.http_kinds == ()
    kinds = run.config_from_env({"BENCH_HTTP_KINDS": "measure, news,"}).http_kinds
    assert kinds == ("measure", "news")
    with pytest.raises(ValueError):
        run.config_from_env({"BENCH_SCALE": "0"})


def test_rows_of_both_databases_are_merged():
    full = {"rows": [row("measure", full=12), row("news", full=9)]}
    half = {"rows": [{"kind": "measure", "lang": "de", "queries": {"full": 11}}]}
    merged = run.merge_rows(full, half)
    assert merged[0]["queries"]["half"] == 11
    assert merged[1]["queries"]["half"] is None


def test_process_helpers():
    assert run.file_suffix("text/csv; charset=utf-8") == ".csv"
    assert run.file_suffix("application/json") == ".json"
    assert run.file_suffix("text/html; charset=utf-8") == ".html"
    assert os.getpid() in run.child_pids(os.getppid())
    assert run.peak_memory_mb(os.getpid()) > 1
    assert run.peak_memory_mb(2**22 + 7) is None
    assert "listen 127.0.0.1:81;" in run.REFERENCE.format(directory="/t", port=81)


@pytest.mark.skipif(
    not (shutil.which("wrk") and (shutil.which("nginx") or os.path.exists("/usr/sbin/nginx"))),
    reason="needs wrk and nginx (apt-get install wrk nginx-light); `make bench` installs them",
)
def test_nginx_reference_run():
    """nginx started from a temporary directory serves a saved page, wrk measures it, and
    the server is gone afterwards."""
    config = run.Config(nginx_duration=1)
    rows = [{"kind": "measure", "lang": "de", "http": {"cached": {"rps": 10.0}}}]
    errors = []
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    results = {}
    run.measure_nginx(
        config, nginx, rows, {("measure", "de"): ("text/html", b"<p>x</p>")}, errors, results
    )
    assert errors == []
    assert rows[0]["http"]["nginx"]["rps"] > 10
    assert rows[0]["http"]["cached_nginx_ratio"] < 1
    # gunicorn serving the same file without Django: the ceiling of a Python page cache
    ceiling = results["ceiling"]
    assert ceiling["subject"] == "measure de" and ceiling["rps"] > 10
    assert ceiling["ratio_to_nginx"] == ceiling["rps"] / rows[0]["http"]["nginx"]["rps"]
