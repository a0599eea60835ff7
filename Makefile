# Integrationsportal – `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.DEFAULT_GOAL := help

.PHONY: help
help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: install
install: $(VENV)/.installed node_modules/.installed ## Install Python and front-end dependencies (only what is missing)
	$(PY) manage.py compile_catalogues

.PHONY: run
run: install ## Set up SQLite with demo content and serve the site on http://127.0.0.1:$(PORT)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo --port $(PORT)
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

BROWSER_TESTS ?= 1

.PHONY: test
test: install ## Run the whole test suite (set DATABASE_URL for PostgreSQL; BROWSER_TESTS=0 skips the browser)
	$(PY) -m pytest -n auto --dist loadfile -m "not browser" $(PYTEST_ARGS)
	[ "$(BROWSER_TESTS)" = "0" ] || $(PY) -m pytest -m browser $(PYTEST_ARGS) || [ $$? -eq 5 ]  # 5: none selected

.PHONY: lint
lint: $(VENV)/.installed ## Check code style with ruff
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

.PHONY: format
format: $(VENV)/.installed ## Format code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

.PHONY: messages
messages: $(VENV)/.installed ## Update the gettext catalogues (needs GNU gettext) and compile them
	$(PY) manage.py makemessages --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests $(foreach l,de en ar fa tr uk ru,-l $(l))
	$(PY) manage.py compile_catalogues

.PHONY: lock
lock: ## Refresh requirements.lock from the current virtual environment
	$(PY) -m pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock

# Benchmark (benchmark/run.py): a database of its own, PostgreSQL, wrk and nginx (apt-get).
BENCH_SCALE ?= 1.0
BENCH_DURATION ?= 10
BENCH_REQUESTS ?= 200
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/integrationsportal_bench
BENCH_ENV = BENCH_SCALE=$(BENCH_SCALE) BENCH_DURATION=$(BENCH_DURATION) BENCH_REQUESTS=$(BENCH_REQUESTS) BENCH_DATABASE_URL=$(BENCH_DATABASE_URL)

.PHONY: bench-data
bench-data: install ## Create, migrate and fill the benchmark database (BENCH_SCALE=1.0, BENCH_DATABASE_URL)
	$(BENCH_ENV) $(PY) -m benchmark.run data

.PHONY: bench
bench: install ## Measure queries, server time, HTTP throughput, memory (BENCH_SCALE, BENCH_DURATION, BENCH_REQUESTS)
	$(BENCH_ENV) $(PY) -m benchmark.run
