# Two commands on a fresh machine: `make run` and `make test`. Everything installs into .venv here.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATASET ?= ../shared/benchmarks/trafilatura-eval
EXTRAS ?= test
STAMP := $(VENV)/.installed-$(subst $(comma),_,$(EXTRAS))
comma := ,

.PHONY: setup run test eval bench bench-batch bench-sites clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[$(EXTRAS)]'
	touch $@

setup: $(STAMP)

## run: set up, then clean the bundled sample documents and print the results
run: setup
	$(VENV)/bin/cleaner clean fixtures/samples/*.txt

## test: set up, then run the whole test suite
test: setup
	$(PY) -m pytest -q -n 2

## eval: score on the development set (DATASET=path; ARGS="--ablate --half test" ...)
eval: setup
	$(VENV)/bin/cleaner eval --dataset $(DATASET) --mode both $(ARGS)

clean-venv:
	rm -rf $(VENV)

## bench-batch: batch throughput (1 and 2 workers) and peak RSS on a 100,000-document stream
## (DATASET=path; STREAM_DOCS=n to change the stream length; figures also go to bench/batch-results.json)
STREAM_DOCS ?= 100000
bench-batch: setup
	$(PY) bench/batch.py --dataset $(DATASET) --stream-docs $(STREAM_DOCS) --json bench/batch-results.json

## bench-sites: what learned site boilerplate adds to F1 on the development set, grouped by host
bench-sites: setup
	$(PY) bench/site_rules.py --dataset $(DATASET)
