"""The benchmark's page types, targets, statistics, table and JSON file (pure, no Django).

Targets are printed next to the numbers and marked met/missed; they never decide the exit
status of `make bench` (only errors do: a page that is not 200, a crash).
"""

import json
import math
from pathlib import Path

# (kind, label, category): every public page type the benchmark requests.
PAGE_KINDS = (
    ("home", "Startseite", "detail"),
    ("concept", "Konzept", "detail"),
    ("chapter", "Kapitel", "detail"),
    ("measure", "Maßnahme", "detail"),
    ("catalogue", "Katalog", "listing"),
    ("catalogue_csv", "Katalog CSV", "export"),
    ("report", "Jahresbericht", "listing"),
    ("news_index", "Aktuelles", "listing"),
    ("news", "Nachricht", "detail"),
    ("event", "Veranstaltung", "detail"),
    ("contacts", "Kontakte", "listing"),
    ("contact", "Kontakt", "detail"),
    ("search_common", "Suche häufig", "search"),
    ("search_rare", "Suche selten", "search"),
    ("api_measures", "API Maßnahmen", "listing"),
)
LANGUAGES = ("de", "ar")
CATEGORY = {kind: category for kind, _label, category in PAGE_KINDS}
LABEL = {kind: label for kind, label, _category in PAGE_KINDS}

TARGETS = {
    "queries_detail": 15,  # uncached queries per detail page
    "queries_listing": 25,  # listing, search, export
    "cached_queries": 0,
    "cached_nginx_ratio": 0.30,  # cached rps / nginx rps
    "p95_ms": 50.0,  # in-process, uncached
    "worker_mb": 250.0,
    "admin_s": 1.0,
}
P95_KINDS = ("measure", "chapter", "news")

MET, MISSED, NA = "met", "missed", "n/a"


def percentile(values, percent):
    """The nearest-rank percentile of `values` (None for none)."""
    ordered = sorted(values)
    if not ordered:
        return None
    rank = max(1, math.ceil(percent / 100 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(seconds):
    """Median, p95 and max in milliseconds of durations in seconds."""
    values = [value * 1000 for value in seconds]
    if not values:
        return {"requests": 0, "median_ms": None, "p95_ms": None, "max_ms": None}
    return {
        "requests": len(values),
        "median_ms": round(percentile(values, 50), 2),
        "p95_ms": round(percentile(values, 95), 2),
        "max_ms": round(max(values), 2),
    }


def query_limit(kind):
    return TARGETS["queries_detail"] if CATEGORY[kind] == "detail" else TARGETS["queries_listing"]


def _status(value, ok):
    if value is None:
        return NA
    return MET if ok else MISSED


def evaluate(rows, admin=None, memory=None):
    """Every target as {target, subject, value, limit, status}; status met/missed/n/a."""
    targets = []

    def add(target, subject, value, limit, ok):
        targets.append(
            {
                "target": target,
                "subject": subject,
                "value": value,
                "limit": limit,
                "status": _status(value, ok),
            }
        )

    for row in rows:
        subject = f"{row['kind']} {row['lang']}"
        queries = row.get("queries") or {}
        full, half, cached = queries.get("full"), queries.get("half"), queries.get("cached")
        limit = query_limit(row["kind"])
        add("queries uncached", subject, full, f"≤ {limit}", full is not None and full <= limit)
        add(
            "queries same for half data",
            subject,
            None if full is None or half is None else f"{full} / {half}",
            "equal",
            full is not None and full == half,
        )
        if CATEGORY[row["kind"]] != "search":  # search is never cached (every search counts)
            add("queries cached", subject, cached, "= 0", cached == TARGETS["cached_queries"])
            ratio = (row.get("http") or {}).get("cached_nginx_ratio")
            add(
                "cached rps / nginx rps",
                subject,
                None if ratio is None else round(ratio, 3),
                f"≥ {TARGETS['cached_nginx_ratio']:.0%}",
                ratio is not None and ratio >= TARGETS["cached_nginx_ratio"],
            )
        if row["kind"] in P95_KINDS:
            p95 = (row.get("inprocess") or {}).get("p95_ms")
            add(
                "p95 in-process",
                subject,
                p95,
                f"≤ {TARGETS['p95_ms']:g} ms",
                p95 is not None and p95 <= TARGETS["p95_ms"],
            )
    for run, data in (memory or {}).items():
        peak = data.get("max_mb")
        add(
            "worker peak memory",
            f"gunicorn {run}",
            peak,
            f"≤ {TARGETS['worker_mb']:g} MB",
            peak is not None and peak <= TARGETS["worker_mb"],
        )
    for name, data in (admin or {}).items():
        worst = data.get("max_ms")
        seconds = None if worst is None else round(worst / 1000, 4)
        add(
            f"admin {name}",
            data.get("subject", name),
            seconds,
            f"≤ {TARGETS['admin_s']:g} s",
            worst is not None and worst <= TARGETS["admin_s"] * 1000,
        )
    return targets


# --- table ---------------------------------------------------------------------------------------


def _fmt(value, digits=1):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _mark(status):
    return {MET: "ok", MISSED: "MISS", NA: "–"}[status]


def _table(header, lines):
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *lines, strict=True)]
    rule = "  ".join("-" * width for width in widths)
    out = ["  ".join(str(cell).ljust(width) for cell, width in zip(header, widths, strict=True))]
    out.append(rule)
    for line in lines:
        out.append("  ".join(str(cell).ljust(w) for cell, w in zip(line, widths, strict=True)))
    return "\n".join(out)


def _target_value(target):
    value = target["value"]
    if "nginx" in target["target"] and isinstance(value, float):
        return f"{value:.1%}"
    return _fmt(value)


def render(results):
    """The tables printed at the end of `make bench`."""
    rows = results.get("rows", [])
    targets = results.get("targets", [])
    status = {(t["target"], t["subject"]): t["status"] for t in targets}
    parts = []
    meta = results.get("meta", {})
    parts.append(
        "Benchmark {date} – scale {scale}, half {half_scale}, {requests} requests in-process, "
        "wrk {duration} s × {connections} connections (nginx {nginx_duration} s)".format(
            **{
                key: meta.get(key, "?")
                for key in (
                    "date",
                    "scale",
                    "half_scale",
                    "requests",
                    "duration",
                    "connections",
                    "nginx_duration",
                )
            }
        )
    )

    lines = []
    for row in rows:
        subject = f"{row['kind']} {row['lang']}"
        queries = row.get("queries") or {}
        inprocess = row.get("inprocess") or {}
        limit = query_limit(row["kind"])
        lines.append(
            [
                LABEL.get(row["kind"], row["kind"]),
                row["lang"],
                _fmt(row.get("status")),
                f"{_fmt(queries.get('full'))} "
                f"{_mark(status.get(('queries uncached', subject), NA))}",
                f"≤{limit}",
                f"{_fmt(queries.get('half'))} "
                f"{_mark(status.get(('queries same for half data', subject), NA))}",
                f"{_fmt(queries.get('cached'))} "
                f"{_mark(status.get(('queries cached', subject), NA))}",
                _fmt(inprocess.get("median_ms")),
                _fmt(inprocess.get("p95_ms"))
                + (
                    f" {_mark(status.get(('p95 in-process', subject), NA))}"
                    if row["kind"] in P95_KINDS
                    else ""
                ),
            ]
        )
    parts.append(
        "\nDatabase queries per request and in-process time (test client, uncached, DEBUG off)\n"
        + _table(
            [
                "page",
                "lang",
                "status",
                "queries",
                "target",
                "half",
                "cached",
                "median ms",
                "p95 ms",
            ],
            lines,
        )
    )

    lines = []
    for row in rows:
        subject = f"{row['kind']} {row['lang']}"
        http = row.get("http") or {}
        uncached, cached, django, nginx = (
            http.get(name) or {} for name in ("uncached", "cached", "cached_django", "nginx")
        )
        ratio = http.get("cached_nginx_ratio")
        hit = cached.get("hit_ratio")
        served = "/".join(cached.get("cache_headers") or []) or "–"
        lines.append(
            [
                LABEL.get(row["kind"], row["kind"]),
                row["lang"],
                _fmt(uncached.get("rps")),
                _fmt((uncached.get("latency_ms") or {}).get("p50")),
                _fmt((uncached.get("latency_ms") or {}).get("p99")),
                _fmt(cached.get("rps")),
                _fmt((cached.get("latency_ms") or {}).get("p50")),
                _fmt((cached.get("latency_ms") or {}).get("p99")),
                "–" if hit is None else f"{hit:.0%} {served}",
                _fmt(django.get("rps")),
                _fmt(nginx.get("rps")),
                ("–" if ratio is None else f"{ratio:.1%}")
                + (
                    f" {_mark(status.get(('cached rps / nginx rps', subject), NA))}"
                    if CATEGORY.get(row["kind"]) != "search"
                    else ""
                ),
            ]
        )
    parts.append(
        "\nHTTP (wrk; uncached: gunicorn, 2 workers; cached: nginx in front serving pages from\n"
        "files, the rest from gunicorn with the page cache in Redis; gunicorn cached: the same\n"
        "gunicorn without nginx; nginx: the saved response as a static file)\n"
        + _table(
            [
                "page",
                "lang",
                "uncached rps",
                "p50 ms",
                "p99 ms",
                "cached rps",
                "p50 ms",
                "p99 ms",
                "hits",
                "gunicorn cached rps",
                "nginx rps",
                "cached/nginx ≥30%",
            ],
            lines,
        )
    )

    ceiling = results.get("ceiling")
    if ceiling and ceiling.get("ratio_to_nginx") is not None:
        parts.append(
            "Ceiling: gunicorn ({workers} workers) serving the saved {subject} page from memory "
            "without Django: {rps} rps = {ratio:.1%} of nginx; gunicorn with the page cache "
            "reaches {cached} of that.".format(
                workers=meta.get("gunicorn_workers", "?"),
                subject=ceiling["subject"],
                rps=_fmt(ceiling["rps"]),
                ratio=ceiling["ratio_to_nginx"],
                cached=(
                    f"{ceiling['cached_rps'] / ceiling['rps']:.0%}"
                    if ceiling.get("cached_rps") and ceiling["rps"]
                    else "–"
                ),
            )
        )

    others = [t for t in targets if t["target"].startswith(("admin", "worker"))]
    if others:
        parts.append(
            "\nAdmin and memory\n"
            + _table(
                ["target", "subject", "value", "limit", "status"],
                [
                    [t["target"], t["subject"], _fmt(t["value"]), t["limit"], t["status"]]
                    for t in others
                ],
            )
        )
    counts = {MET: 0, MISSED: 0, NA: 0}
    for target in targets:
        counts[target["status"]] += 1
    parts.append(
        f"\nTargets: {counts[MET]} met, {counts[MISSED]} missed, {counts[NA]} not measured."
    )
    missed = {}
    for target in targets:
        if target["status"] == MISSED:
            missed.setdefault((target["target"], target["limit"]), []).append(target)
    for (name, limit), items in missed.items():
        parts.append(
            f"  missed {name} ({limit}): "
            + ", ".join(f"{t['subject']} {_target_value(t)}" for t in items)
        )
    for skipped in results.get("skipped", []):
        parts.append(f"Skipped: {skipped}")
    for error in results.get("errors", []):
        parts.append(f"ERROR: {error}")
    return "\n".join(parts)


def write_json(results, path):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str) + "\n")
    return path
