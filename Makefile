PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: help run test test-fast bench lint fmt sample golden postgres

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(BIN)/.dev: requirements-dev.txt requirements.txt $(BIN)/.runtime
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# Debian's PostgreSQL server binaries, for the store's tests (they start their own server)
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null)

run: $(BIN)/.runtime /usr/bin/chromium ## serve the dashboard on the bundled sample data
	$(BIN)/streamlit run dashboard.py --server.port $(PORT) --browser.gatherUsageStats false

test: $(BIN)/.dev /usr/bin/chromium postgres ## install what the tests need and run them all
	$(BIN)/python -m pytest -q

test-fast: $(BIN)/.dev postgres ## quick loop without the browser test
	$(BIN)/python -m pytest -q -m "not browser"

bench: $(BIN)/.dev /usr/bin/chromium postgres ## time reading, computing, publishing, the app; targets
	$(BIN)/python bench/run_bench.py
	$(BIN)/python bench/publish.py
	$(BIN)/python bench/sessions.py
	$(BIN)/python bench/targets.py
	$(BIN)/python bench/app_speed.py

lint: $(BIN)/.dev ## ruff
	$(BIN)/ruff check .

fmt: $(BIN)/.dev ## ruff fix
	$(BIN)/ruff check --fix .

sample: $(BIN)/.runtime ## regenerate sample_data/ from its generator
	$(BIN)/python sample_data/generate.py

golden: $(BIN)/.runtime ## show how tests/golden/ would change; WRITE=1 rewrites it, on purpose
	$(BIN)/python tests/make_golden.py $(if $(WRITE),--write)
