# The two set-up commands (see README): `make run` and `make test`.
# Each does every step it needs on a fresh clone; steps already done are skipped.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app wsgi
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test install translations migrate load lint typecheck chromium

# The web server and a job worker (`flask jobs worker`: bank checks, imports, exports,
# memory-model fits) together; Ctrl-C stops both.
run: install translations migrate load
	@$(FLASK) jobs worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(FLASK) run --host 127.0.0.1 --port 5000

# The whole suite on SQLite (browser tests included), then everything that touches the
# database again on a throwaway PostgreSQL server (tests/postgres.sh installs and starts it).
# Both runs have a throwaway Redis (tests/redis.sh): the throttle tests run against it as
# well as against the database store, and fail when it is missing. Lint (ruff and the
# import contracts) runs first: a back-import between features fails the build.
test: $(VENV)/.installed-test lint translations chromium
	tests/redis.sh $(BIN)/pytest -n auto --dist worksteal
	tests/postgres.sh tests/redis.sh $(BIN)/pytest -n auto --dist worksteal -m "not browser" \
	  -p no:cacheprovider

install: $(VENV)/.installed

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

# .mo files are build products: compiled from the committed .po files.
translations: install
	$(BIN)/pybabel compile -d translations >/dev/null

migrate: install translations
	$(FLASK) db upgrade

load: migrate
	$(FLASK) bank load

# The import contracts are in .importlinter: features import one way, top to bottom.
lint: $(VENV)/.installed-test
	$(BIN)/ruff check quizapp tests
	$(BIN)/lint-imports
	$(BIN)/mypy

# Settings in pyproject.toml ([tool.mypy]): strict on the pure modules.
typecheck: $(VENV)/.installed-test
	$(BIN)/mypy

# Browser tests drive Debian's Chromium (no browser download needed or possible).
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
	  SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; \
	fi
