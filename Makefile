# Two commands on a fresh machine: `make run` and `make test`. Everything installs into .venv here.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DATASET ?= ../shared/benchmarks/trafilatura-eval
# What `make setup` / `make test` install: every extra the test suite exercises. `make run` installs
# the package alone (EXTRAS=), which is all the command line needs.
EXTRAS ?= test,scrapy,spark,devsets,datatrove,hf
comma := ,
STAMP = $(VENV)/.installed-$(subst $(comma),_,$(EXTRAS))
SPEC = $(if $(strip $(EXTRAS)),.[$(EXTRAS)],.)


$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	@# the distribution was called "cleaner" before it was renamed (that name on PyPI is another project)
	$(PY) -m pip uninstall --quiet --yes cleaner 2>/dev/null || true
	$(PY) -m pip install --quiet -e '$(SPEC)'
	touch $@

setup: $(STAMP)

## run: set up (the package alone, no extras), then clean the bundled sample documents and print the results
run:
	$(MAKE) --no-print-directory setup EXTRAS=
	$(VENV)/bin/cleaner clean fixtures/samples/*.txt

## test: set up, then run the whole test suite
test: setup
	$(PY) -m pytest -q -n 2 --dist loadgroup

## test-fast: the edit-test loop (under a minute on two cores): every test but the slow ones (a browser,
## Spark, a Scrapy crawl, pathological pages, the command line in subprocesses; tests/conftest.py lists them)
test-fast: setup
	$(PY) -m pytest -q -n 2 --dist loadgroup -m "not slow"

## test-fuzz: the reliability fuzzing at full strength: 500 fuzzed batches through the CLI, 300 examples
## per reader (JSON Lines, WARC, gzip/zstd, folders), 750 of clean() (`make test` runs 40 / 60 / 150)
test-fuzz: setup
	FUZZ_EXAMPLES=500 FUZZ_READER_EXAMPLES=300 $(PY) -m pytest -q -n 2 tests/test_fuzz.py

## eval: score on the development set (DATASET=path; ARGS="--ablate --half test" ...)
eval: setup
	$(VENV)/bin/cleaner eval --dataset $(DATASET) --mode both $(ARGS)

## devsets: render the dev set's pages with other HTML-to-text converters (inscriptis, chromium innerText,
## BeautifulSoup, html2text) and article extractors (trafilatura, readability-lxml, newspaper4k, goose3,
## resiliparse, boilerpy3, jusText) into DATASET/dumps/STYLE/ (cached), for `cleaner eval --dump all|extracted`
## With READABILITY=GITDIR (a snapshot of github.com/mozilla/readability, e.g. from the search tool's
## fetch) it also builds the second development set from its test pages into READABILITY_SET, and its dumps.
READABILITY ?=
READABILITY_SET ?= ../shared/benchmarks/readability-pages
devsets:
	$(MAKE) setup
	$(VENV)/bin/python scripts/build_devsets.py --dataset $(DATASET) $(ARGS)
	if [ -n "$(READABILITY)" ]; then $(VENV)/bin/python scripts/build_readability_set.py --snapshot $(READABILITY) --out $(READABILITY_SET) \
		&& $(VENV)/bin/python scripts/build_devsets.py --dataset $(READABILITY_SET) $(ARGS); fi

## bench: speed side by side with peers on the development set (installs the bench extra)
bench: bench-text bench-html bench-batch bench-spark

bench-text:
	$(MAKE) setup EXTRAS=test,bench
	$(VENV)/bin/python bench/text_mode.py --dataset $(DATASET)

## train: refit the line scorer on the tune half of every full-page dump style (cleaner/scoring/data/line_model.json),
## then the article-extent model on top of it, on every style, extracted text and HTML mode included
## (cleaner/scoring/data/extent_model.json; its feature cache in artifacts/extent-features/ is rebuilt)
train:
	$(MAKE) devsets
	$(MAKE) setup EXTRAS=test,train
	$(VENV)/bin/python scripts/train_line_model.py --dataset $(DATASET) --dumps all
	rm -rf artifacts/extent-features
	$(VENV)/bin/python scripts/train_extent_model.py --dataset $(DATASET) --dumps all
## profile: a per-stage CPU-time table of both modes on the development set (DATASET=path; ARGS="--limit 200")
profile: setup
	$(PY) bench/stage_profile.py --dataset $(DATASET) $(ARGS)

## bench-html: HTML mode vs trafilatura.extract, docs/s and F1 on the same pages (DATASET=path; ARGS="--half test")
bench-html: setup
	$(PY) bench/html_mode.py --dataset $(DATASET) $(ARGS)

clean-venv:
	rm -rf $(VENV)

## bench-spark: Spark local[2] throughput (docs/s) on the dev set's text dumps (ARGS="--repeat 3" ...)
.PHONY: bench-spark
bench-spark: setup
	$(PY) bench/spark.py --dataset $(DATASET)/text $(ARGS)
## bench-batch: batch throughput (1 and 2 workers) and peak RSS on a 100,000-document stream
## (DATASET=path; STREAM_DOCS=n to change the stream length; figures also go to bench/batch-results.json)
STREAM_DOCS ?= 20000
bench-batch: setup
	$(PY) bench/batch.py --dataset $(DATASET) --stream-docs $(STREAM_DOCS) --json bench/batch-results.json

## bench-sites: what learned site boilerplate adds to F1 on the development set, grouped by host
bench-sites: setup
	$(PY) bench/site_rules.py --dataset $(DATASET)

## bench-worst: CPU seconds of one clean call on generated pathological pages (deep nesting, 10^6
## siblings, 10 MB of one tag, a 5 MB credit line, ...) at 1x-8x, against an ordinary page of the same size
.PHONY: bench-worst
bench-worst: setup
	$(PY) bench/worst.py --dataset $(DATASET) $(ARGS)
