"""Measure queries and in-process server time of every public page type (benchmark/inprocess.py).

    manage.py bench_measure --output part.json [--requests 200] [--no-timing] [--no-admin]

Part of `make bench` (benchmark/run.py), which runs it once per database with the production
settings and the page cache off; it can also run on its own. Writes JSON and exits 1 when a
page did not answer 200 or something failed.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from benchmark.generate import existing_dataset
from benchmark.inprocess import collect, page_counts


class Command(BaseCommand):
    help = "Measure database queries and in-process time of the benchmark pages."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True)
        parser.add_argument("--requests", type=int, default=200)
        parser.add_argument("--no-timing", action="store_true", help="Count queries only.")
        parser.add_argument("--no-admin", action="store_true", help="Skip the admin views.")

    def handle(self, *args, output, requests, no_timing, no_admin, **options):
        dataset = existing_dataset()
        result = {"dataset": {"seed": dataset[0], "scale": dataset[1]} if dataset else None}
        result.update(
            collect(
                requests,
                timing=not no_timing,
                admin=not no_admin,
                log=lambda line: self.stdout.write(line),
            )
        )
        result["page_counts"] = page_counts()
        Path(output).write_text(json.dumps(result, indent=2, ensure_ascii=False, default=str))
        for error in result["errors"]:
            self.stderr.write(f"ERROR: {error}")
        if result["errors"]:
            sys.exit(1)
