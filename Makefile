# The documented way to do everything in KSD. On a fresh machine: `make run`, `make test`.

PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# Written after a successful install; pyproject.toml changing makes `setup` install again.
STAMP := $(VENV)/.ksd-installed
# Benchmarks run on one core so their figures compare from run to run.
PIN := $(shell command -v taskset >/dev/null 2>&1 && echo "taskset -c 0")

.PHONY: setup run serve test lint typecheck bench bench-web migrations-check messages docs-examples clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

run: setup
	$(BIN)/ksd migrate --no-input
	$(BIN)/ksd recompute_status --missing
	$(BIN)/ksd load_reference_data
	$(BIN)/ksd load_demo
	@echo "KSD: http://127.0.0.1:8000/"
	@# `ksd run` is runserver with the scheduled jobs (ksd tick, reminders) in a thread.
	$(BIN)/ksd run 127.0.0.1:8000 --insecure

# The production server on the embedded default: gunicorn, static files served by WhiteNoise.
# KSD_BIND and KSD_WORKERS set the address and the number of worker processes.
serve: setup
	$(BIN)/ksd migrate --no-input
	@# An upgraded database: the stored status of records that have none (minutes, with progress).
	$(BIN)/ksd recompute_status --missing
	$(BIN)/ksd load_reference_data
	$(BIN)/ksd collectstatic --no-input -v0
	@# The oversight pages' counts kept in the database, in the background (seconds at national
	@# scale, once per version of the code): their first visitors do not read the whole register.
	$(BIN)/ksd warm_oversight &
	$(BIN)/gunicorn ksd.wsgi --bind $${KSD_BIND:-127.0.0.1:8000} --workers $${KSD_WORKERS:-2} --access-logfile -

test: setup
	$(BIN)/pytest -q $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: setup
	$(BIN)/mypy --strict src/ksd/law src/ksd/core/clock.py src/ksd/core/env.py
	$(BIN)/lint-imports

bench: setup
	$(PIN) $(BIN)/python bench/run.py

# Pages at national scale (docs/performance.md): generates the dataset once per database, serves
# it with gunicorn and loads each page per role. BENCH_WEB_ARGS, e.g. "--cooperations 20000
# --databases sqlite". wrk gives fairer throughput figures; it is installed when apt can.
bench-web: setup
	@command -v wrk >/dev/null 2>&1 || { test "$$(id -u)" = 0 && command -v apt-get >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1; } || true
	$(BIN)/python bench/web.py $(BENCH_WEB_ARGS)

migrations-check: setup
	$(BIN)/ksd makemigrations --check --dry-run

# Rewrite docs/examples/*.out.json from their inputs; a test keeps them in step with the rules.
docs-examples: setup
	@for f in docs/examples/*.json; do \
	  case $$f in *.out.json) continue;; esac; \
	  $(BIN)/ksd assess "$$f" > "$${f%.json}.out.json" || exit 1; \
	done

# Refresh the .po catalogues from the code, then compile them; commit both .po and .mo.
messages: setup
	cd src/ksd && ../../$(BIN)/ksd makemessages --no-obsolete --no-location -l id -l en --ignore 'law/*'
	cd src/ksd && ../../$(BIN)/ksd compilemessages

# Removes the virtualenv, caches and build output. Keeps var/ (the database and secret key).
clean:
	rm -rf $(VENV) build dist src/*.egg-info .mypy_cache .ruff_cache .hypothesis .pytest_cache .import_linter_cache
	find src tests bench -name __pycache__ -type d -prune -exec rm -rf {} +
