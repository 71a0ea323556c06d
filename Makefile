# The habits, each one line to call. `make report` and `make test` set up the environment first.
# uv installs exactly what uv.lock pins; it is itself pinned and lives in .tools/ so that `uv sync`
# (which removes whatever the lock does not list) never removes it from .venv.
UV_VERSION := 0.13.9
PYTHON ?= python3
UV := .tools/bin/uv
export UV_PROJECT_ENVIRONMENT := .venv
# Compile bytecode at install time: with PYTHONDONTWRITEBYTECODE set, imports would otherwise
# recompile every module on every run (about twice as slow).
SYNC := $(UV) sync --frozen --compile-bytecode --quiet

.PHONY: setup report test test-slow lint format bench profile clean chromium notebooks lab screenshot model snapshot compiled clean-compiled bench-compiled

setup: .venv/.synced

$(UV):
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

.venv/.synced: pyproject.toml uv.lock | $(UV)
	$(SYNC)
	touch $@

report: setup
	.venv/bin/research report

# The suite without its few long behaviour tests (marked slow: the 10 MB article); `make test-slow`
# runs those. No test has a time limit: speed is measured by `make bench`. The test files run in
# parallel, one process a core (pytest-xdist; at most four), each file whole in one process.
test: setup chromium
	.venv/bin/python -m pytest -m "not slow" --numprocesses auto --maxprocesses 4 --dist loadfile

test-slow: setup
	.venv/bin/python -m pytest -m slow

# The browser test loads rendered reports in headless Chromium. As root on Debian (CI), install the
# distribution's chromium when it is missing; elsewhere the test is skipped and says why.
chromium:
	@if [ ! -x /usr/bin/chromium ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium with apt-get, for the browser test"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
			|| echo "warning: chromium could not be installed: the browser test will be skipped"; \
	fi

lint: setup
	.venv/bin/ruff check src tests benchmarks scripts
	.venv/bin/ruff format --check src tests benchmarks scripts
	.venv/bin/mypy
	.venv/bin/python scripts/notebooks.py check

format: setup
	.venv/bin/ruff format src tests benchmarks scripts
	.venv/bin/ruff check --fix src tests benchmarks scripts

# Notebooks are stored without outputs, each paired with a percent-format .py (scripts/notebooks.py).
notebooks: setup
	.venv/bin/python scripts/notebooks.py sync

# JupyterLab on the notebooks (as root it refuses to start without --allow-root).
lab: setup
	.venv/bin/jupyter lab $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/

# The README's picture of the report: the default report as headless Chromium shows it.
screenshot: report chromium
	.venv/bin/python -m research.browser reports/default/default.html docs/report.png

# The attributor's frozen regression snapshot (tests/attribution/snapshot/): rewrite it after a
# change in behaviour that is meant, and review its diff.
snapshot: setup
	.venv/bin/python tests/attribution/snapshot.py --refresh

# The pipeline against TextBlob on every sentence, time against length on one line, pandas
# against Dask with 1 and 2 workers end to end, streaming memory and report cost (about fifteen
# minutes; by hand, not in CI): prints a table and writes benchmarks/results.json. With
# POLNEAR=path/to/PolNeAR (fetched separately, never committed) on its 840 train texts: the
# ratio on them, the engines on them copied six times (5,040 articles).
bench: setup
	.venv/bin/python benchmarks/run.py $(if $(POLNEAR),--from $(POLNEAR)/data/train/text --articles 5040 --speed-from $(POLNEAR)/data/train/text)

# cProfile of `research statements` (benchmarks/profiling.py): CORPUS=path, or LINE=KB for one
# paragraph on one line; 300 synthetic articles by default.
profile: setup
	.venv/bin/python benchmarks/profiling.py $(CORPUS) $(if $(LINE),--line $(LINE))

# The portrayal model (src/research/portrayal/model.json) from NewsMTSC's train.jsonl, fetched
# separately (MIT licence; never committed): NEWSMTSC=path/to/NewsMTSC-dataset. The same data
# gives the same file byte for byte; `git diff` shows whether it changed. Then its figures.
model: setup
	@test -n "$(NEWSMTSC)" || { echo "usage: make model NEWSMTSC=path/to/NewsMTSC-dataset" >&2; exit 2; }
	.venv/bin/research train-portrayal --data $(NEWSMTSC)
	.venv/bin/research evaluate-portrayal --data $(NEWSMTSC) --on $(NEWSMTSC)/devtest_mt.jsonl

# The optional compiled build (scripts/compiled.py): the hot modules compiled with mypyc into C
# extensions beside their .py files, which Python then imports instead (a few minutes on two cores;
# needs gcc and Python's headers). Not used by CI. A build older than its sources is not used: the
# package warns and runs the .py files. `make clean-compiled` returns to pure Python.
compiled: setup
	$(UV) sync --frozen --compile-bytecode --quiet --group compiled
	.venv/bin/python scripts/compiled.py build

# The compiled build against pure Python on one corpus, taking turns (benchmarks/compiled.py,
# a few minutes): CORPUS=path, else 500 synthetic articles.
bench-compiled: compiled
	.venv/bin/python benchmarks/compiled.py $(CORPUS)

clean-compiled:
	$(PYTHON) scripts/compiled.py clean

clean: clean-compiled
	rm -rf .venv .tools .pytest_cache .mypy_cache .ruff_cache
