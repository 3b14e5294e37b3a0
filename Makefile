# tradegap: build, demo and test.
#   make setup      install tools that are missing (scripts/setup.sh)
#   make build      www/pkg/tradegap.js + www/pkg/tradegap_bg.wasm
#   make demo       build, then serve www/ on http://127.0.0.1:$(PORT)
#   make test       lint, test-native, test-wasm, test-e2e, sizes (stops at the first failure)
#   make bench      the peers' benchmark (../shared/bench) with tradegap in the same run
#   make fuzz       each fuzz target for FUZZ_SECONDS (default 60); make test runs 2 s each
#   make clean

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := build

# Tools installed by `cargo install` live here; make sure they are found.
export PATH := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)

TARGET   := wasm32-unknown-unknown
PKG      := www/pkg
WASM_IN  := target/$(TARGET)/release/tradegap.wasm
WASM_OPT := node_modules/.bin/wasm-opt
# WebAssembly features that current rustc emits for $(TARGET) by default.
# (-Oz --converge repeats the passes while the file still shrinks: a few hundred bytes.)
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int \
                 --enable-sign-ext --enable-mutable-globals \
                 --enable-reference-types --enable-multivalue
PORT ?= 8080
export PORT

# Steps run in order (cargo already uses every core).
.NOTPARALLEL:

.PHONY: all setup build demo test lint test-native test-wasm test-e2e sizes bench fuzz fuzz-smoke clean

all: build

setup:
	@scripts/setup.sh

build: setup
	cargo build --lib --release --target $(TARGET)
	wasm-bindgen --target web --out-dir $(PKG) --out-name tradegap $(WASM_IN)
	$(WASM_OPT) -Oz --converge $(WASM_FEATURES) $(PKG)/tradegap_bg.wasm -o $(PKG)/tradegap_bg.wasm

demo: build
	node scripts/serve.mjs www

test: setup lint test-native fuzz-smoke test-wasm test-e2e sizes

lint: setup
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target $(TARGET) -- -D warnings
	cargo clippy --test web --target $(TARGET) -- -D warnings

test-native:
	cargo test
	cargo test --features bench --lib bench_aggregate

# wasm-bindgen-test in headless Chromium; browser flags come from webdriver.json.
test-wasm: setup
	CHROMEDRIVER=/usr/bin/chromedriver \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	cargo test --target $(TARGET) --test web

test-e2e: build
	@shopt -s nullglob; files=(tests/e2e/*.test.mjs); \
	if [ $${#files[@]} -eq 0 ]; then echo "test-e2e: no tests/e2e/*.test.mjs yet, skipped"; \
	else set -x; node --test --test-reporter=spec "$${files[@]}"; fi

sizes:
	@scripts/sizes.sh

# The peers' benchmark in ../shared/bench with tradegap added (medians and ratios, one run).
bench: setup
	scripts/bench.sh

# cargo-fuzz targets (fuzz/), seeded from tests/data: FUZZ_SECONDS each, counts printed.
fuzz: setup
	scripts/fuzz.sh

# The short run of every fuzz target that `make test` does (a few seconds each).
fuzz-smoke: setup
	scripts/fuzz.sh smoke

clean:
	cargo clean
	rm -rf $(PKG) tests/out
