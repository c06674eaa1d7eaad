# Task runner. Every recipe works on the project in this folder.
PY ?= python

.PHONY: setup lint test test-fast check build serve bench lighthouse vendor clean

setup:            ## install the project and its test tools
	$(PY) -m pip install -e ".[test]"

lint:             ## ruff (lint and format), mypy (strict) and the import contracts (.importlinter)
	$(PY) -m ruff check generator tests benchmarks
	$(PY) -m ruff format --check generator tests benchmarks
	$(PY) -m mypy
	lint-imports --no-cache

test:             ## the whole test suite, as CI runs it
	$(PY) -m pytest

test-fast:        ## the tests that need no site build, no browser and no external tool (under 20 s of CPU)
	$(PY) -m pytest -m "not site and not browser and not slow"

check:            ## validate standards/ and courses/
	coachref check --strict

build:            ## check, generate and build the site into site/
	coachref build

serve:            ## live preview; regenerates when a YAML file changes
	mkdocs serve

bench:            ## benchmark figures (information, not a test)
	$(PY) benchmarks/bench_check.py
	$(PY) benchmarks/bench_site.py
	$(PY) benchmarks/bench_course_check.py

lighthouse:       ## Lighthouse scores per page kind, both languages, gzip-served (information; needs a build)
	cd benchmarks/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	$(PY) benchmarks/lighthouse.py

vendor:           ## refresh generator/vendor/ from node_modules/ after an npm update (then run tests/test_vendor.py)
	$(PY) -m tests.tools.vendor_update

clean:
	rm -rf site build .pytest_cache
