# Varanto: `make run` and `make test` are all a fresh machine needs.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
# Debian packages: Chromium for the browser tests, Voikko for Finnish search,
# gettext for translations, nginx and wrk for the benchmarks, Node.js (with npm) for the
# OpenID provider the single sign-on test runs (varanto/testing/oidc).
DEBIAN_PACKAGES := chromium libvoikko1 voikko-fi gettext nginx-light wrk nodejs
OIDC_TEST_PROVIDER := varanto/testing/oidc

.PHONY: install run dev test test-sqlite test-postgres bench demo-data messages clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock $(OIDC_TEST_PROVIDER)/package-lock.json
	@scripts/install-system-packages $(DEBIAN_PACKAGES)
	command -v npm >/dev/null && npm ci --prefix $(OIDC_TEST_PROVIDER) --ignore-scripts --no-audit --no-fund --silent || true
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	$(BIN)/varanto compilemessages --ignore "$(VENV)" -v0
	touch $(STAMP)

# Prepares the embedded SQLite database, loads and publishes the Imatra demo catalogue,
# creates demo back-office users, and serves it all with the production server.
run: install
	$(BIN)/varanto migrate --no-input -v1
	$(BIN)/varanto loaddemo
	@# Back-office users for trying each role on the demo; passwords are printed when first made.
	$(BIN)/varanto createdemousers --organization imatran-kaupunki
	$(BIN)/varanto collectstatic --no-input -v0
	@echo "Varanto: $${PUBLIC_BASE_URL:-http://$(HOST):$(PORT)}/"
	@echo "Request texts, DCAT and the API link to $${PUBLIC_BASE_URL:-the address each page is asked at} (set PUBLIC_BASE_URL to fix one)."
	$(BIN)/granian --interface wsgi --host $(HOST) --port $(PORT) --workers 2 --blocking-threads 1 varanto.wsgi:application

# Django's development server, reloading on code changes.
dev: install
	$(BIN)/varanto migrate --no-input -v1
	$(BIN)/varanto loaddemo
	DEBUG=true $(BIN)/varanto runserver $(HOST):$(PORT)

# The whole suite on SQLite and on PostgreSQL (see scripts/test-all).
test: install
	@scripts/test-all

test-sqlite: install
	$(BIN)/pytest -n 2

test-postgres: install
	DATABASE_URL=$${PG_TEST_URL:-postgres://postgres@127.0.0.1:5432/varanto} $(BIN)/pytest -n 2

bench: install
	$(BIN)/python bench/public_pages.py
	$(BIN)/python bench/search.py
	$(BIN)/python bench/public_api.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/import_real.py
	$(BIN)/python bench/import_html.py

# Regenerates demo/imatra.catalog.json from the published page with the importer.
demo-data: install
	$(BIN)/python demo/build_demo.py

# Updates each app's translation catalogues (varanto/<app>/locale) after strings changed.
messages: install
	for dir in varanto/*/locale; do \
	  (cd $$(dirname $$dir) && $(CURDIR)/$(BIN)/varanto makemessages -l fi -l sv -l en --no-obsolete --ignore "tests/*" -v0); \
	done

clean:
	rm -rf $(VENV) var
