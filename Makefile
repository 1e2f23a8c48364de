# Two commands set everything up on a fresh machine:  `make serve`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
PORT   ?= 5000

.PHONY: serve test rebuild benchmark evaluate clean

$(BIN)/reportsearch: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,bench]"
	@# Compiled once at install, as pip does by default (the machine's PYTHONDONTWRITEBYTECODE stops it): otherwise
	@# the first test run compiles the libraries and the project in every worker and subprocess (~10-15 s on 2 cores).
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m compileall -q -j 0 $(VENV)/lib indexer webui tests >/dev/null || true
	touch $@

## Serve the web UI over seeds/ on http://127.0.0.1:$(PORT) (builds the index first if there is none).
serve: $(BIN)/reportsearch
	$(BIN)/reportsearch serve --port $(PORT)

PG_BIN = /usr/lib/postgresql/15/bin
# Test processes: the suite runs on both cores (pytest-xdist); the slow fixtures are built once per run.
JOBS   ?= 2
# Bytecode is kept (in __pycache__, ignored by git) even where PYTHONDONTWRITEBYTECODE is set: otherwise every test
# worker, and every server or CLI process a test starts, compiles the project and rewrites the tests again
# (~3 CPU seconds a worker, ~0.6 a subprocess).
test: export PYTHONDONTWRITEBYTECODE :=

## Run the whole test suite, browser tests included (installs Debian's chromium and PostgreSQL 15 when run as root;
## the PostgreSQL tests start their own throwaway primary and replica).
test: $(BIN)/reportsearch
	@[ -x $(PG_BIN)/initdb ] || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null); } || echo "PostgreSQL 15 is not installed: PostgreSQL backend tests will be skipped"
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); } || echo "chromium is not installed: browser tests will be skipped"
	$(BIN)/python -m pytest -n $(JOBS) --dist worksteal

rebuild: $(BIN)/reportsearch
	$(BIN)/reportsearch rebuild

benchmark: $(BIN)/reportsearch
	$(BIN)/reportsearch benchmark --paragraphs 100000

evaluate: $(BIN)/reportsearch
	$(BIN)/reportsearch evaluate --manifest ../shared/reports/manifest.csv

clean:
	rm -rf $(VENV) index/gen-* index/CURRENT index/PREVIOUS index/.building-* tests/artifacts
