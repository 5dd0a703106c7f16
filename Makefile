# govsvc-desktop: `make run` opens the application, `make test` runs the whole suite.
PY ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSSTAMP := build/.system-deps
PKGVENV := build/package-venv
PKGSTAMP := $(PKGVENV)/.installed
QM := translations/govsvc_fa.qm

.PHONY: run test bench lint setup translations package package-test pg-up pg-down clean

setup: $(STAMP) $(SYSSTAMP) $(QM)

$(SYSSTAMP): scripts/system-deps.sh
	bash scripts/system-deps.sh
	mkdir -p build && touch $@

$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements.lock -r requirements-dev.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

$(QM): translations/govsvc_fa.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent translations/govsvc_fa.ts -qm $(QM)

translations: $(QM)

run: setup
	$(BIN)/govsvc-desktop gui

test: setup
	$(BIN)/ruff check govsvc_desktop tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -n auto --dist worksteal tests --ignore=tests/bench

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/bench --benchmark-enable --benchmark-columns=min,mean,median,max,rounds

lint: setup
	$(BIN)/ruff check govsvc_desktop tests
	$(BIN)/mypy
	$(BIN)/lint-imports

# The frozen build sees the run-time packages alone: a virtualenv of its own holds
# requirements.lock and PyInstaller (pinned in requirements-dev.lock), so nothing of the test
# tools (numpy, SciPy, pyphen ...) can be picked up by PyInstaller's analysis.
$(PKGSTAMP): requirements.lock requirements-dev.lock pyproject.toml
	rm -rf $(PKGVENV)
	$(PY) -m venv $(PKGVENV)
	$(PKGVENV)/bin/python -m pip install -q --upgrade pip
	grep -E '^(pyinstaller|pyinstaller-hooks-contrib|altgraph)==' requirements-dev.lock > $(PKGVENV)/pyinstaller.txt
	$(PKGVENV)/bin/python -m pip install -q -r requirements.lock -r $(PKGVENV)/pyinstaller.txt
	$(PKGVENV)/bin/python -m pip install -q --no-deps -e .
	touch $@

package: $(PKGSTAMP) $(SYSSTAMP)
	@start=$$(date +%s); \
	$(PKGVENV)/bin/pyinstaller packaging/govsvc-desktop.spec --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller && \
	sh packaging/linux/make_tarball.sh && \
	echo "package: built in $$(( $$(date +%s) - start )) s" && \
	du -sh dist/govsvc-desktop dist/govsvc-desktop-*-linux-*.tar.gz

package-test: package setup
	$(BIN)/python -m pytest -q packaging/tests

clean:
	rm -rf build dist $(VENV) $(QM)

pg-up: $(SYSSTAMP)
	@bash scripts/pg.sh up

pg-down:
	@bash scripts/pg.sh down
