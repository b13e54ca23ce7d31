# CTO Workbench: two commands set up everything on a fresh machine.
#   make run   installs what is missing, builds, serves on http://127.0.0.1:8080
#   make test  installs what is missing, then every check CI runs
# Installs come only from the package registries (crates.io, npm, Debian).
# The build (tools/build.mjs) splits the WebAssembly by route, so a first visit loads only what
# the first screen needs; Trunk cannot run that split, so it is not used.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

WASM_SPLIT_VERSION := 0.2.4
BINARYEN_VERSION  := 132.0.0
# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock (pinned there with =): the split
# chunks import the first module's functions by name, and a mismatched pair breaks them.
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
TOOLS      := $(CURDIR)/target/tools
CARGO_BIN  := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(TOOLS)/node_modules/.bin:$(CARGO_BIN):$(PATH)
SUDO       := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
E2E        := tests/e2e

.PHONY: help run test setup setup-build setup-browser build check lint unit e2e fmt bench bench-browser bench-native fuzz clean

help:
	@echo "make run    build and serve the app on http://127.0.0.1:8080"
	@echo "make test   format, lint (native and wasm32), unit tests, release build, browser tests"
	@echo "make bench  benchmarks (native and browser, sizes, Lighthouse) into target/bench/report.md"
	@echo "make fuzz   fuzz the file import for FUZZ_SECONDS (default 120); failing inputs go to tests/fixtures/hostile/"

## ---- set-up (idempotent: each step is skipped when already in place) -------------------------

setup-build:
	@rustup target list --installed | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@if ! { command -v wasm-split-cli >/dev/null && cargo install --list | grep -qx "wasm_split_cli_support v$(WASM_SPLIT_VERSION):"; }; then \
	  echo "Installing wasm-split-cli $(WASM_SPLIT_VERSION) (about 2 minutes on 2 cores)"; \
	  cargo install --locked wasm_split_cli_support@$(WASM_SPLIT_VERSION) --features build-binary --force; fi
	@if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $(WASM_BINDGEN_VERSION)"; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; fi
	@if ! wasm-opt --version 2>/dev/null | grep -q "version $(firstword $(subst ., ,$(BINARYEN_VERSION)))"; then \
	  echo "Installing wasm-opt (npm binaryen $(BINARYEN_VERSION))"; \
	  mkdir -p $(TOOLS); \
	  npm install --prefix $(TOOLS) --no-save --no-audit --no-fund binaryen@$(BINARYEN_VERSION); fi

setup-browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installing Debian's Chromium"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver; fi
	@cd $(E2E) && { [ -d node_modules/playwright-core ] && [ node_modules/.package-lock.json -nt package-lock.json ] \
	  || npm ci --no-audit --no-fund; }

setup: setup-build setup-browser

## ---- build and run ----------------------------------------------------------------------------

build: setup-build
	node tools/build.mjs --dist dist

# The release build, served as a static host would (unknown paths get the app, for deep links).
run: build
	node tests/e2e/server.mjs dist 8080

## ---- checks -----------------------------------------------------------------------------------

fmt:
	cargo fmt

lint: setup-build
	cargo fmt --all -- --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown -- -D warnings

unit:
	cargo test

# The strategies share the budget, one after the other.
FUZZ_SECONDS ?= 120
fuzz:
	FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test --release --test fuzz -- --nocapture --test-threads=1

e2e: setup-browser
	@[ -f target/bench/heavy.json ] || cargo run --bin gen_workspace -- target/bench/workspace.json
	cd $(E2E) && node --test --test-concurrency=1 --test-reporter=spec

test: setup lint unit build e2e
	@echo "make test: all checks passed"

# Every benchmark, one table: the release build, native benches, browser benches, then
# target/bench/report.md (printed). The README carries the latest run.
bench: setup build
	cargo run --release --bin gen_workspace -- target/bench/workspace.json
	$(MAKE) bench-native bench-browser
	node tools/bench/report.mjs target/bench

# Browser benchmarks (issue #9) on the release build already in dist/ (`make bench` builds it):
# load, answer change, import, save, a 100,000-point KPI chart, memory, sizes, Lighthouse.
# Writes target/bench/browser.md (one table, also printed) and browser.json; about 3 minutes.
bench-browser: setup-browser
	@[ -f dist/index.html ] || { echo "dist/ is empty: run make bench (or make build) first"; exit 1; }
	@[ -f target/bench/workspace.json ] && [ -f target/bench/heavy.json ] \
	  || cargo run --release --bin gen_workspace -- target/bench/workspace.json
	node --test --test-reporter=dot tests/bench/bench.test.mjs
	node tests/bench/browser.mjs

# Native benchmarks (issue #9; divan, release profile) of the model, the file format and every
# chart at consultant scale: about 25 s of runs after a 4-5 minute build. Writes
# target/bench/native.md (one table, also printed) and the raw divan output native.txt.
bench-native:
	@mkdir -p target/bench
	cargo bench --bench domain --bench charts | tee target/bench/native.txt
	node tools/bench/native_table.mjs target/bench/native.txt target/bench/native.md

clean:
	rm -rf dist target/tools
