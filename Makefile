# The two commands a new developer needs: `make run` and `make test`.
# Everything else (the virtual environment, the install) follows from them.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-check screenshots catalogs clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) scripts/i18n.py compile
	touch $(STAMP)

# The compiled catalogs (translations/*/LC_MESSAGES/lotse.mo) are build output, rebuilt
# on every run and test so an edited .po shows at once (it takes a fraction of a second).
catalogs: $(STAMP)
	$(PY) scripts/i18n.py compile

run: $(STAMP) catalogs
	$(VENV)/bin/lotse

test: $(STAMP) catalogs
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check app tests benchmarks

# The suite at 10,000 cases: figures to benchmarks/results/latest.json, docs/performance.md regenerated.
bench: $(STAMP)
	$(VENV)/bin/lotse-cli bench --cases 10000 --write-docs

# The same, failing (exit 6) when a figure is more than 30 % worse than benchmarks/baseline.json.
bench-check: $(STAMP)
	$(VENV)/bin/lotse-cli bench --cases 10000 --check

# Screenshots of the real windows under a virtual X server, into screenshots/ (gitignored);
# the product tour (screenshots_tour.py) into docs/screenshots/<lang>/, which the README shows.
# Needs Xvfb and the X libraries Qt's xcb plugin loads (Debian/Ubuntu package names below).
XVFB_PACKAGES := xvfb libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxkbcommon-x11-0
screenshots: $(STAMP) catalogs
	@command -v xvfb-run >/dev/null || { echo "xvfb-run is missing: sudo apt-get install -y $(XVFB_PACKAGES)"; exit 1; }
	xvfb-run -a -s "-screen 0 1440x900x24" $(PY) scripts/screenshots.py
	xvfb-run -a -s "-screen 0 1440x900x24" $(PY) scripts/screenshots_reports.py
	xvfb-run -a -s "-screen 0 1440x900x24" $(PY) scripts/screenshots_agreements.py
	xvfb-run -a -s "-screen 0 1440x900x24" $(PY) scripts/screenshots_tour.py

clean:
	rm -rf $(VENV) build *.egg-info
