# The two commands a newcomer needs: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT
# Development defaults; the environment overrides any of them.
export DEBUG ?= 1
# Development mail goes to the local sink that `make run` starts (manage.py mailsink on MAIL_PORT).
export MAIL_PORT ?= 1025
export EMAIL_URL ?= smtp://127.0.0.1:$(MAIL_PORT)
# Links in emails point at this server.
export SITE_URL ?= http://127.0.0.1:$(PORT)

.PHONY: run test lint format venv setup sample check-deploy bench clean requirements FORCE

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the requirements change. requirements-dev.txt is compiled (`make requirements`):
# every package, runtime and dev, transitive ones included, pinned; it is installed as it is.
$(VENV)/.installed: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# After editing requirements.in or requirements-dev.in (the lists people edit): compile them again with
# pip-tools. Pins already in the .txt files are kept unless the .in files ask otherwise;
# `make requirements UPGRADE=1` lets every unpinned transitive package move to its newest release.
PIP_COMPILE = $(BIN)/pip-compile --quiet --allow-unsafe --strip-extras --no-emit-find-links \
  --no-emit-index-url $(if $(filter 1,$(UPGRADE)),--upgrade)
requirements: venv
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.txt requirements-dev.in

# Development settings for commands run by hand from a second terminal (manage.py send_digests,
# extract ...): settings.py reads .env, and the real environment wins over it. Never in production.
# Rewritten when PORT or MAIL_PORT change, so a second terminal uses what `make run` uses.
.env: FORCE
	@printf '# Development settings written by make (settings.py reads them; the environment wins).\nDEBUG=1\nEMAIL_URL=%s\nSITE_URL=%s\n' \
	  '$(EMAIL_URL)' '$(SITE_URL)' > $@.new
	@cmp -s $@.new $@ && rm -f $@.new || mv $@.new $@

FORCE:

venv: $(VENV)/.installed .env

# LIVE=1: subscribe to the real sources of feeds/*.opml (court docket, outlets, news searches) instead
# of loading the offline sample; the workers poll them. `manage.py check_feeds` says which answer.
LIVE ?=
setup: venv
	$(BIN)/python manage.py migrate --noinput
ifeq ($(LIVE),1)
	for list in feeds/*.opml; do $(BIN)/python manage.py import_opml "$$list" || exit 1; done
else
	$(BIN)/python manage.py loadsample
	$(BIN)/python manage.py loaddocketsample
endif
	$(BIN)/python manage.py ensure_admin

run: setup
	@echo ""
	@echo "  Case tracker: http://127.0.0.1:$(PORT)/"
	@echo "  Admin:        http://127.0.0.1:$(PORT)/admin/  (the login is printed above)"
	@echo "  Stop with Ctrl-C."
	@echo ""
	@# Ctrl-C: honcho stops every process, then exits 130; that is the way out, not an error.
	$(BIN)/honcho start --port $(PORT) || [ $$? -eq 130 ]

test: venv
	$(BIN)/pytest $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Mutation testing of claim linking and docket linking ([tool.mutmut] in pyproject.toml: the modules and
# the fast tests that cover them), one mutant at a time (the tests share one SQLite test database).
# Afterwards `$(BIN)/mutmut results` lists the survivors and `$(BIN)/mutmut show NAME` shows one.
.PHONY: mutants
mutants: venv
	TRACKER_VAR_DIR=$(CURDIR)/var/mutants $(BIN)/mutmut run --max-children 1

check-deploy: venv
	DEBUG=0 SECRET_KEY=$$(head -c 48 /dev/urandom | base64) ALLOWED_HOSTS=tracker.example \
	  SITE_URL=https://tracker.example $(BIN)/python manage.py check --deploy --fail-level WARNING

bench: venv
	$(BIN)/python bench/ingest.py

clean:
	rm -rf var/broker var/*.sqlite3* var/staticfiles
