# The two commands of the README:
#   make demo   set up, import the Kazakhstan example, print its IRI summary, serve the site on 127.0.0.1:8000
#   make test   set up and run the whole test suite on SQLite and on a throwaway PostgreSQL
# and the quality gates CI runs beside them:
#   make check  manage.py check, makemigrations --check, ruff check, ruff format --check, mypy
# and for packaging:
#   make package  the wheel and sdist in dist/ (tests/packaging installs the wheel elsewhere and serves it)
#   make lock     regenerate requirements/*.txt from pyproject.toml's ranges (pip-compile)

PYTHON ?= $(shell scripts/find-python)
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
HOST ?= 127.0.0.1
PORT ?= 8000
export RIGHTSTRACK_DATA_DIR ?= $(CURDIR)/var
# The rest of the Kazakhstan example: public data read from ../shared/data when it is there.
KAZAKHSTAN_DATA = $(SHARED)/data/wg-reports/texts/kazakhstan2010.txt $(SHARED)/data/wg-reports/texts/kazakhstan2014.txt \
	$(SHARED)/data/kazakhstan/ccpr_followup_2018.json $(SHARED)/data/kazakhstan/upr_2010_2014.csv

.PHONY: setup system demo example test test-sqlite test-postgres check bench clean package lock

# The locked versions (requirements/dev.txt: runtime + [dev], [postgres], [rq]), then the project itself.
$(BIN)/rightstrack: pyproject.toml requirements/dev.txt
	@test -n "$(PYTHON)" || { echo "no Python >= 3.12 found" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements/dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

setup: $(BIN)/rightstrack node_modules/.package-lock.json

# The tests' JavaScript (axe-core, package.json's devDependencies) at the locked versions; without npm the
# accessibility tests skip and say why.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --ignore-scripts --no-audit --no-fund --silent; \
	else echo "note: npm is missing: the accessibility tests will skip"; fi

example: setup
	$(BIN)/rightstrack migrate
	$(BIN)/rightstrack import examples/kazakhstan/*.txt $(wildcard $(KAZAKHSTAN_DATA))
	$(BIN)/rightstrack analyse
	$(BIN)/rightstrack iri --state KAZ --mechanism UPR --cycle 1

demo: example
	$(BIN)/rightstrack serve --host $(HOST) --port $(PORT)

# Debian's Chromium (browser tests) and Redis (the queue test's broker), as root; otherwise those tests
# skip and say why.
system:
	@if command -v chromium >/dev/null 2>&1 && command -v redis-server >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium redis-server poppler-utils >/dev/null; \
	else echo "note: chromium or redis-server is missing: browser and queue tests will skip"; fi

test: system test-sqlite test-postgres

# The SQLite run gets a throwaway PostgreSQL too, as the target of the SQLite -> PostgreSQL move test.
test-sqlite: setup
	RIGHTSTRACK_DATA_DIR=$$(mktemp -d) scripts/with-postgres sh -c \
		'RIGHTSTRACK_MOVE_TARGET_URL=$$DATABASE_URL DATABASE_URL= $(BIN)/pytest -q'

# The install-elsewhere test (tests/packaging) does not touch the database: the SQLite run has it.
test-postgres: setup
	RIGHTSTRACK_DATA_DIR=$$(mktemp -d) scripts/with-postgres $(BIN)/pytest -q -m "not packaging"

package: setup
	$(BIN)/python -m build --no-isolation --outdir dist

LOCK = $(BIN)/pip-compile --quiet --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links \
	--annotation-style line
lock: setup
	$(LOCK) -o requirements/runtime.txt pyproject.toml
	$(LOCK) --extra dev --extra postgres --extra rq -c requirements/runtime.txt -o requirements/dev.txt pyproject.toml

check: setup
	RIGHTSTRACK_DATA_DIR=$$(mktemp -d) $(BIN)/python manage.py check --fail-level WARNING
	RIGHTSTRACK_DATA_DIR=$$(mktemp -d) $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy

# Every benchmark of bench/, each printing its figures beside the reference measured in the same run
# (about an hour on 2 cores, most of it the fuzzing and the 270k scale). Needs ../shared/data and wrk.
FUZZ_CASES ?= 10000
bench: setup
	$(BIN)/pip install --quiet -c requirements/dev.txt -e ".[bench]"
	$(BIN)/python -m bench.wg_reports
	$(BIN)/python -m bench.pdfs
	$(BIN)/python -m bench.web_pages
	$(BIN)/python -m bench.reports
	$(BIN)/python -m bench.analysis
	$(BIN)/python -m bench.evidence
	$(BIN)/python -m bench.scale --scale both
	$(BIN)/python -m bench.fuzz_importers --cases $(FUZZ_CASES)

clean:
	rm -rf $(VENV) var dist build
