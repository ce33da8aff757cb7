# The two set-up commands of the README:
#   make report   install into .venv if needed, then report on the bundled fixtures
#   make test     install into .venv if needed, then run the test suite
# Both create .venv (Python 3.11+) when it is missing and `pip install -e '.[test]'` once per
# change of pyproject.toml (the stamp file .venv/.installed records it).

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=
MB     ?= 20

.PHONY: install report extract eval test bench clean

$(BIN)/python:
	@test -n "$(PYTHON)" || { echo "make: no python3 found; install Python 3.11 (Debian: apt-get install python3 python3-venv)" >&2; exit 1; }
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "make: $(PYTHON) is older than Python 3.11; set PYTHON=/path/to/python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(STAMP)

report: install
	$(BIN)/crosscheck report fixtures/ --out reports/

extract: install
	$(BIN)/crosscheck extract fixtures/

eval: install
	$(BIN)/crosscheck eval --gold fixtures/gold.jsonl fixtures/

# pytest exits 5 when it collected no test: that is a failure here, not a pass.
test: install
	@$(BIN)/pytest $(PYTEST_ARGS) || { rc=$$?; if [ $$rc -eq 5 ]; then echo "make: pytest collected no tests" >&2; fi; exit $$rc; }

bench: install
	$(BIN)/python benchmarks/bench_extract.py --mb $(MB)

clean:
	rm -rf build dist *.egg-info .pytest_cache .hypothesis
