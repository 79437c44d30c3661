#!/usr/bin/env bash
# Command line: clean the sample documents into Markdown, a CSV table and JSON Lines.
set -euo pipefail
cd "$(dirname "$0")/.."
# `make run` / `make setup` install the command into .venv/bin: use it when the shell has not activated it.
PATH="$PWD/.venv/bin:$PATH"
out=$(mktemp -d)
cleaner clean fixtures/samples/ --format markdown --output-dir "$out/md" -q
cleaner clean fixtures/samples/ --format csv -o "$out/articles.csv" -q
cleaner clean fixtures/samples/ --favor precision -o "$out/articles.jsonl" -q
ls -R "$out"
