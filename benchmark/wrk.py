"""Running wrk and reading its report (pure parsing, no Django)."""

import re

UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def duration_ms(text):
    """A wrk duration ("812.00us", "3.21ms", "1.02s", "2m") in milliseconds."""
    match = re.fullmatch(r"\s*([\d.]+)\s*(us|ms|s|m)\s*", text)
    if not match:
        raise ValueError(f"not a wrk duration: {text!r}")
    return float(match.group(1)) * UNITS[match.group(2)]


def parse(output):
    """The numbers of a `wrk --latency` report: requests, rps, p50/p75/p90/p99 (ms), errors.

    Raises ValueError when the report has no "Requests/sec" line (wrk failed)."""
    result = {
        "requests": None,
        "duration_s": None,
        "rps": None,
        "latency_ms": {},
        "non_2xx": 0,
        "socket_errors": 0,
    }
    rps = re.search(r"^Requests/sec:\s*([\d.]+)", output, re.M)
    if rps is None:
        raise ValueError("wrk report without Requests/sec: " + output.strip()[-300:])
    result["rps"] = float(rps.group(1))
    total = re.search(r"^\s*(\d+) requests in ([\d.]+\w+),", output, re.M)
    if total:
        result["requests"] = int(total.group(1))
        result["duration_s"] = duration_ms(total.group(2)) / 1000
    for percent, value in re.findall(r"^\s*(50|75|90|99)%\s+([\d.]+\w+)\s*$", output, re.M):
        result["latency_ms"][f"p{percent}"] = round(duration_ms(value), 3)
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", output)
    if non_2xx:
        result["non_2xx"] = int(non_2xx.group(1))
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if errors:
        result["socket_errors"] = sum(int(number) for number in errors.groups())
    return result


def command(url, duration, connections=8, threads=2, host=None, timeout=10):
    """The wrk command line for one URL."""
    args = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        f"--timeout={timeout}s",
        "--latency",
    ]
    if host:
        args += ["-H", f"Host: {host}"]
    return [*args, url]
